/**
 * Diagnostics: every problem found in an input file, collected (never thrown one at
 * a time) and carrying its position. Codes are stable API, listed with cause and fix
 * in docs/diagnostics.md.
 */
export const DIAGNOSTIC_CODES = {
  // File and YAML
  E_FILE_UNREADABLE: 'the file cannot be read',
  E_FILE_TOO_LARGE: 'the file is larger than the limit',
  E_FILE_EMPTY: 'the file is empty',
  E_FILE_ENCODING: 'the file is not valid UTF-8',
  E_YAML_SYNTAX: 'YAML syntax error',
  E_YAML_DUPLICATE_KEY: 'a key appears twice in the same mapping',
  E_YAML_ALIAS_LIMIT: 'too many YAML aliases (a resource exhaustion attempt)',
  E_YAML_TOO_DEEP: 'the YAML nesting is too deep',
  E_YAML_TAG: 'YAML tags are not allowed',
  E_YAML_MULTI_DOCUMENT: 'only one YAML document per file',
  // Schema
  E_SCHEMA_UNKNOWN_KEY: 'a key the format does not know',
  E_SCHEMA_MISSING_KEY: 'a required key is missing',
  E_SCHEMA_TYPE: 'a value has the wrong type',
  E_SCHEMA_VALUE: 'a value is not allowed here',
  // Semantics
  E_DUPLICATE_ID: 'two things of the same kind share an id',
  E_DUPLICATE_CHOICE: 'two choices of a question share a value',
  E_QUESTION_SHAPE: 'a key does not fit the question type',
  E_UNKNOWN_INDICATOR: 'an indicator that is not declared',
  E_UNKNOWN_DIMENSION: 'a dimension that is not declared',
  E_INDICATOR_NEVER_RAISED: 'no answer or rule can raise this indicator',
  E_UNREACHABLE: 'this question or section can never be asked',
  E_UNKNOWN_FLAG: 'a referral names a flag that nothing sets',
  // Expressions
  E_EXPR_SYNTAX: 'the expression cannot be parsed',
  E_EXPR_TYPE: 'the expression has a type error',
  E_EXPR_TOO_LARGE: 'the expression is too large or too deeply nested',
  E_EXPR_NOT_BOOL: 'a condition must be true or false',
  E_UNKNOWN_QUESTION: 'the expression reads a question that does not exist',
  E_FORWARD_REFERENCE: 'the expression reads a question that is asked later',
  E_UNKNOWN_CHOICE_VALUE: 'the expression compares with a value that is not a choice',
  E_UNKNOWN_VARIABLE: 'the expression uses a name other than answers or status',
  // Answers files
  E_ANSWER_UNKNOWN_QUESTION: 'an answer to a question the questionnaire does not have',
  E_ANSWER_TYPE: 'an answer of the wrong type',
  E_ANSWER_NOT_A_CHOICE: 'an answer that is not one of the choices',
  E_ANSWER_OUT_OF_RANGE: 'a number outside the bounds of the question',
  E_ANSWER_HIDDEN: 'an answer to a question that branching does not ask',
  E_ANSWER_MISSING: 'a required question has no answer',
  E_ANSWER_SPECIAL_NOT_ALLOWED: "the question does not accept don't know or declined",
  E_ANSWER_QUESTIONNAIRE_MISMATCH: 'the answers were written for another questionnaire',
  // Training scenarios (src/training; their expected coding also reports E_ANSWER_* codes)
  E_SCENARIO_QUESTIONNAIRE: 'the questionnaire the scenario targets cannot be found or is invalid',
  E_SCENARIO_UNKNOWN_QUESTION: 'the scenario names a question the questionnaire does not have',
  E_SCENARIO_UNKNOWN_INDICATOR:
    'the scenario names an indicator the questionnaire does not declare',
  E_SCENARIO_UNKNOWN_DIMENSION: 'the scenario names a dimension the questionnaire does not declare',
  E_SCENARIO_OUTCOME: 'the expected outcome does not follow from the expected coding',
  E_SCENARIO_INDICATOR_NOT_RAISED: 'an expected indicator that the expected coding does not raise',
  E_SCENARIO_INDICATOR_UNLISTED:
    'the expected coding raises an indicator the scenario does not list',
  E_SCENARIO_DIMENSIONS: 'the expected positive dimensions do not follow from the expected coding',
  E_SCENARIO_POPULATION: 'the expected population does not follow from the expected coding',
  // The export section (src/export/config.ts), checked by validate and by export
  E_EXPORT_CONFIG_UNKNOWN_KEY: 'an unknown key in the export section',
  E_EXPORT_CONFIG_TYPE: 'a value of the wrong type in the export section',
  E_EXPORT_CONFIG_VALUE: 'a value the export section does not allow',
  E_EXPORT_CONFIG_UNKNOWN_QUESTION:
    'the export section names a question the questionnaire does not have',
  E_EXPORT_CONFIG_IDENTIFYING: 'the export section would publish a direct identifier or free text',
  E_EXPORT_CONFIG_QUESTION_TYPE: 'the question cannot be generalised as the export section says',
  E_EXPORT_CONFIG_GROUPS: 'a hierarchy level does not place every value in exactly one group',
  E_EXPORT_CONFIG_COLUMN: 'a quasi-identifier column name that is malformed, reserved or taken',
  // Warnings
  W_MISSING_TRANSLATION: 'a text lacks a declared language',
  W_UNDECLARED_LANGUAGE: 'a text is given in a language the questionnaire does not declare',
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in characters. */
  readonly col: number;
  /** Length of the offending span on its line (for the caret excerpt), at least 1. */
  readonly length: number;
  /** A suggested fix, such as "did you mean `type`?". */
  readonly hint?: string;
  /** JSON pointer of the offending value, where there is one. */
  readonly path?: string;
}

export function severityOf(code: DiagnosticCode): Severity {
  return code.startsWith('W_') ? 'warning' : 'error';
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}

/** Sorts by file, then position, so output reads top to bottom. */
export function sortDiagnostics(diags: readonly Diagnostic[]): Diagnostic[] {
  return [...diags].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.col - b.col ||
      a.code.localeCompare(b.code),
  );
}

/**
 * `file:line:col CODE message`, the offending line with a caret under the span,
 * and the hint. `source` is the file's text (omit it for a one-line form).
 */
export function formatDiagnostic(d: Diagnostic, source?: string): string {
  const head = `${d.file}:${d.line}:${d.col} ${d.code} ${d.severity === 'warning' ? 'warning: ' : ''}${d.message}`;
  const lines = [head];
  const text = source?.split(/\r?\n/)[d.line - 1];
  if (text !== undefined) {
    const { shown, caretCol } = excerptWindow(text, d.col - 1);
    const gutter = String(d.line);
    lines.push(`  ${gutter} | ${shown.replace(/\t/g, ' ')}`);
    const caretLen = Math.max(1, Math.min(d.length, Math.max(1, shown.length - caretCol)));
    lines.push(`  ${' '.repeat(gutter.length)} | ${' '.repeat(caretCol)}${'^'.repeat(caretLen)}`);
  }
  if (d.hint) lines.push(`  ${d.hint}`);
  return lines.join('\n');
}

const EXCERPT_WIDTH = 160;

/**
 * At most EXCERPT_WIDTH characters of a long line, cut with "…" so that the column
 * (0-based) is inside what is shown, and where the caret goes under it.
 */
function excerptWindow(text: string, col: number): { shown: string; caretCol: number } {
  if (text.length <= EXCERPT_WIDTH) return { shown: text, caretCol: Math.min(col, text.length) };
  // Keep some of what comes before the spot, for context.
  const start = col < EXCERPT_WIDTH - 20 ? 0 : Math.min(col - 40, text.length - EXCERPT_WIDTH);
  const end = start + EXCERPT_WIDTH;
  const shown = (start > 0 ? '…' : '') + text.slice(start, end) + (end < text.length ? '…' : '');
  return { shown, caretCol: Math.min(col, text.length) - start + (start > 0 ? 1 : 0) };
}

/**
 * Turns export-section problems into `file:line:col CODE message` lines with a caret
 * excerpt, the way `screener validate` prints questionnaire diagnostics (validate
 * reports them as diagnostics too). The compiled questionnaire keeps no positions, so
 * `export` parses the file again, only when there is something to report.
 */
import { formatDiagnostic, type Diagnostic } from '../questionnaire/diagnostics.js';
import { loadYamlFile, locate, pointer, type YamlSource } from '../questionnaire/yaml-source.js';
import { inputError, type ScreenerError } from '../errors.js';
import type { ConfigProblem } from './config.js';

export function formatConfigProblems(file: string, problems: readonly ConfigProblem[]): string[] {
  const parsed = loadYamlFile(file);
  return configDiagnostics(file, problems, parsed.source).map((d) =>
    formatDiagnostic(d, parsed.source?.text),
  );
}

/** The problems as diagnostics, located in the parsed file when there is one (what `validate` shows). */
export function configDiagnostics(
  file: string,
  problems: readonly ConfigProblem[],
  source: YamlSource | undefined,
): Diagnostic[] {
  return problems.map((p) => ({
    code: p.code,
    severity: 'error',
    message: p.message,
    file,
    ...(source ? locate(source, p.path, p.at ?? 'value') : { line: 1, col: 1, length: 1 }),
    ...(p.hint ? { hint: p.hint } : {}),
    path: pointer(p.path),
  }));
}

/** Exit 3 with every problem listed: the coordinator (or the author) fixes them all at once. */
export function exportConfigError(file: string, problems: readonly ConfigProblem[]): ScreenerError {
  const n = problems.length;
  return inputError(
    'E_EXPORT_CONFIG',
    `the export section of ${file} has ${n} problem${n === 1 ? '' : 's'}`,
    formatConfigProblems(file, problems),
  );
}

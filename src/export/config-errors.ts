/**
 * Turns export-section problems into `file:line:col CODE message` lines with a caret
 * excerpt, the way `screener validate` prints questionnaire diagnostics. The compiled
 * questionnaire keeps no positions, so the file is parsed again, only when there is
 * something to report.
 */
import { formatDiagnostic, type Diagnostic } from '../questionnaire/diagnostics.js';
import { loadYamlFile, locate, pointer } from '../questionnaire/yaml-source.js';
import { inputError, type ScreenerError } from '../errors.js';
import type { ConfigProblem } from './config.js';

export function formatConfigProblems(file: string, problems: readonly ConfigProblem[]): string[] {
  const parsed = loadYamlFile(file);
  return problems.map((p) => {
    const span = parsed.source
      ? locate(parsed.source, p.path, p.at ?? 'value')
      : { line: 1, col: 1, length: 1 };
    // formatDiagnostic only reads the fields; the export codes are not questionnaire codes.
    const d = {
      code: p.code,
      severity: 'error',
      message: p.message,
      file,
      ...span,
      ...(p.hint ? { hint: p.hint } : {}),
      path: pointer(p.path),
    } as unknown as Diagnostic;
    return formatDiagnostic(d, parsed.source?.text);
  });
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

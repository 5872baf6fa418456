import { relative } from 'node:path';
import type { CliContext } from '../context.js';
import { writeLine } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { styler } from '../style.js';
import { formatDiagnostic, type Diagnostic } from '../../questionnaire/diagnostics.js';
import { validateFile } from '../../validate-file.js';
import { shippedQuestionnaires, shippedScenarios } from '../../shipped.js';
import { referralsTemplatePath } from '../../referrals/load.js';

interface Options {
  json?: boolean;
}

export async function run(ctx: CliContext, args: readonly unknown[]): Promise<number> {
  const [files, opts] = args as [string[], Options];
  const targets =
    files.length > 0
      ? files
      : [...shippedQuestionnaires(), referralsTemplatePath(), ...shippedScenarios()];
  const results = [];
  for (const f of targets) results.push({ file: f, ...(await validateFile(f)) });
  const invalid = results.filter((r) => r.diagnostics.some((d) => d.severity === 'error')).length;

  if (opts.json) {
    const data = results.map((r) => ({
      file: r.file,
      kind: r.kind,
      valid: !r.diagnostics.some((d) => d.severity === 'error'),
      diagnostics: r.diagnostics.map(toJson),
    }));
    writeLine(ctx.stdout, JSON.stringify(data, null, 2));
    return invalid ? EXIT.invalidInput : EXIT.ok;
  }

  const s = styler(ctx.color);
  for (const r of results) {
    const shown = files.length > 0 ? r.file : relative(process.cwd(), r.file) || r.file;
    for (const d of r.diagnostics) {
      const text = formatDiagnostic({ ...d, file: shown }, r.text);
      const [head, ...rest] = text.split('\n');
      const colored = head!.replace(
        d.code,
        d.severity === 'error' ? s.red.bold(d.code) : s.yellow.bold(d.code),
      );
      writeLine(ctx.stderr, [colored, ...rest].join('\n'));
    }
    const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = r.diagnostics.length - errors;
    const w = warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : '';
    if (errors === 0) writeLine(ctx.stdout, `${shown}: ${s.green('valid')} (${r.kind}${w})`);
    else
      writeLine(
        ctx.stdout,
        `${shown}: ${s.red('invalid')}, ${errors} error${errors === 1 ? '' : 's'}${w}`,
      );
  }
  return invalid ? EXIT.invalidInput : EXIT.ok;
}

function toJson(d: Diagnostic) {
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    file: d.file,
    line: d.line,
    col: d.col,
    ...(d.hint ? { hint: d.hint } : {}),
    ...(d.path !== undefined ? { path: d.path } : {}),
  };
}

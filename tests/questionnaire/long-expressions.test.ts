import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/questionnaire/diagnostics.js';
import { loadQuestionnaireText } from '../../src/questionnaire/load.js';

const minimal = readFileSync(
  join(import.meta.dirname, '..', 'fixtures', 'questionnaires', 'minimal.yaml'),
  'utf8',
);
const WHEN = "        when: answers.work == 'factory'\n";

function withWhen(expr: string) {
  expect(minimal).toContain(WHEN);
  const text = minimal.replace(WHEN, `        when: ${expr}\n`);
  return { text, r: loadQuestionnaireText('q.yaml', text) };
}

describe('a long condition', () => {
  it('over 2 000 characters is E_EXPR_TOO_LARGE, as the format promises', () => {
    const { r } = withWhen("answers.work == 'factory' " + '|| answers.age > 1 '.repeat(120));
    expect(r.diagnostics.map((d) => `${d.line}:${d.col} ${d.code}`)).toEqual([
      '33:15 E_EXPR_TOO_LARGE',
    ]);
    expect(r.diagnostics[0]!.message).toContain('over the limit of 2000');
  });

  it('other long values keep their schema code', () => {
    const text = minimal.replace(
      '    text: Debt bondage\n',
      `    text: Debt bondage\n    note: ${'x'.repeat(2100)}\n`,
    );
    const r = loadQuestionnaireText('q.yaml', text);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['E_SCHEMA_VALUE']);
  });

  it('the excerpt of a long line shows the caret under the real spot', () => {
    const { text, r } = withWhen(
      "answers.consent == 'yes' && ".repeat(45) + "answers.work == 'factorry'",
    );
    const d = r.diagnostics.find((x) => x.code === 'E_UNKNOWN_CHOICE_VALUE')!;
    expect(d.col).toBeGreaterThan(1200);
    const [, excerpt, carets] = formatDiagnostic(d, text).split('\n');
    const caretAt = carets!.indexOf('^');
    expect(excerpt!.slice(caretAt, caretAt + "'factorry'".length)).toBe("'factorry'");
    expect(carets!.slice(caretAt)).toBe('^'.repeat("'factorry'".length));
    expect(excerpt!.length).toBeLessThan(200);
  });

  it('a spot early in a long line is shown from its start', () => {
    const { text, r } = withWhen(
      "answers.work == 'factorry' && " + "answers.consent == 'yes' && ".repeat(45) + 'true',
    );
    const d = r.diagnostics.find((x) => x.code === 'E_UNKNOWN_CHOICE_VALUE')!;
    const [, excerpt, carets] = formatDiagnostic(d, text).split('\n');
    const caretAt = carets!.indexOf('^');
    expect(excerpt).toMatch(/^ {2}33 \| {9}when: answers/);
    expect(excerpt!.slice(caretAt, caretAt + 10)).toBe("'factorry'");
    expect(excerpt!.endsWith('…')).toBe(true);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestionnaireText } from '../../src/questionnaire/load.js';

const ROOT = join(import.meta.dirname, '..', '..');
const minimal = readFileSync(
  join(ROOT, 'tests', 'fixtures', 'questionnaires', 'minimal.yaml'),
  'utf8',
);
const iom = readFileSync(join(ROOT, 'questionnaires', 'iom-screening.yaml'), 'utf8');

/** Line and column (1-based) of the only occurrence of `needle` in `text`. */
function whereIs(text: string, needle: string): string {
  const at = text.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(needle, at + 1)).toBe(-1);
  const before = text.slice(0, at).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

function errorsOf(text: string) {
  return loadQuestionnaireText('q.yaml', text).diagnostics.filter((d) => d.severity === 'error');
}

// The `hours` question's condition, written in each YAML scalar style, with a choice
// value misspelt on its second line (or after an escape).
const WHEN = "        when: answers.work == 'factory'\n";
const styles: [string, string, string][] = [
  [
    'folded (>-)',
    "        when: >-\n          answers.consent == 'yes' &&\n          answers.work == 'factorry'\n",
    "'factorry'",
  ],
  [
    'literal (|)',
    "        when: |\n          answers.consent == 'yes' &&\n          answers.work == 'factorry'\n",
    "'factorry'",
  ],
  [
    'plain over two lines',
    "        when: answers.consent == 'yes' &&\n          answers.work == 'factorry'\n",
    "'factorry'",
  ],
  [
    'double-quoted with \\"',
    '        when: "answers.consent == \\"yes\\" && answers.work == \\"factorry\\""\n',
    '\\"factorry',
  ],
  [
    'double-quoted over two lines with \\u escapes',
    '        when: "answers.consent == \\u0027yes\\u0027 &&\n          answers.work == \'factorry\'"\n',
    "'factorry'",
  ],
  [
    "single-quoted with ''",
    "        when: 'answers.consent == ''yes'' && answers.work == ''factorry'''\n",
    "''factorry",
  ],
];

describe('an error inside an expression points at the spot in the file', () => {
  it.each(styles)('%s', (_style, when, bad) => {
    expect(minimal).toContain(WHEN);
    const text = minimal.replace(WHEN, when);
    const errors = errorsOf(text);
    expect(errors.map((d) => `${d.line}:${d.col} ${d.code}`)).toEqual([
      `${whereIs(text, bad)} E_UNKNOWN_CHOICE_VALUE`,
    ]);
    expect(errors[0]!.hint).toBe('did you mean `factory`?');
  });

  it('in the shipped questionnaire, whose conditions are folded', () => {
    const from = "answers.prep_interpreter == 'not_vetted' ||";
    const text = iom.replace(from, "answers.prep_interpreter == 'not_veted' ||");
    expect(text).not.toBe(iom);
    const errors = errorsOf(text);
    expect(errors.map((d) => `${d.line}:${d.col} ${d.code} ${d.length}`)).toEqual([
      '198:39 E_UNKNOWN_CHOICE_VALUE 11',
    ]);
  });

  it('a syntax error at the end of a block condition points after its last word', () => {
    const text = minimal.replace(
      WHEN,
      "        when: |\n          answers.consent == 'yes' &&\n          answers.work ==\n",
    );
    const [line, col] = whereIs(text, 'answers.work ==\n').split(':').map(Number);
    const errors = errorsOf(text);
    expect(errors.map((d) => `${d.line}:${d.col} ${d.code}`)).toEqual([
      `${line}:${col! + 'answers.work =='.length} E_EXPR_SYNTAX`,
    ]);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestionnaireText } from '../../src/questionnaire/load.js';

const SHIPPED = join(import.meta.dirname, '..', '..', 'questionnaires');
const iom = readFileSync(join(SHIPPED, 'iom-screening.yaml'), 'utf8');
const example = readFileSync(join(SHIPPED, 'example.yaml'), 'utf8');

/** The questionnaire's text with one line changed, checked as `validate` checks it. */
function withLine(text: string, line: number, from: string, to: string) {
  const lines = text.split('\n');
  expect(lines[line - 1]).toContain(from);
  lines[line - 1] = lines[line - 1]!.replace(from, to);
  const r = loadQuestionnaireText('q.yaml', lines.join('\n'));
  return { r, errors: r.diagnostics.filter((d) => d.severity === 'error') };
}

describe('a compared value that is not a choice', () => {
  it('is caught in a list even when the other values are right', () => {
    const { r, errors } = withLine(iom, 155, "'uncertain']", "'uncertian']");
    expect(r.questionnaire).toBeUndefined();
    expect(errors.map((d) => `${d.line}:${d.col} ${d.code}`)).toEqual([
      '155:51 E_UNKNOWN_CHOICE_VALUE',
    ]);
    expect(errors[0]!.message).toContain("`prep_age_group` has no choice 'uncertian'");
    expect(errors[0]!.hint).toBe('did you mean `uncertain`?');
  });

  it('reports each wrong value of a list at its own position', () => {
    const { errors } = withLine(
      example,
      127,
      "answers.job_as_promised != 'same'",
      "answers.job_as_promised in ['same', 'samee', 'lower_pya']",
    );
    expect(errors.map((d) => `${d.line}:${d.col} ${d.code} ${d.hint}`)).toEqual([
      '127:51 E_UNKNOWN_CHOICE_VALUE did you mean `same`?',
      '127:60 E_UNKNOWN_CHOICE_VALUE did you mean `lower_pay`?',
    ]);
  });

  it('is an unknown choice, not an unreachable question, when every value is wrong', () => {
    const { errors } = withLine(
      example,
      127,
      "answers.job_as_promised != 'same'",
      "answers.job_as_promised in ['samee']",
    );
    expect(errors.map((d) => d.code)).toEqual(['E_UNKNOWN_CHOICE_VALUE']);
  });

  it('is caught inside exists and all over a multi answer', () => {
    const { errors } = withLine(
      example,
      127,
      "answers.job_as_promised != 'same'",
      "answers.controls.exists(c, c == 'debtt') || answers.controls.all(x, x in ['none', 'threat'])",
    );
    expect(errors.map((d) => `${d.line}:${d.col} ${d.code} ${d.hint}`)).toEqual([
      '127:47 E_UNKNOWN_CHOICE_VALUE did you mean `debt`?',
      '127:97 E_UNKNOWN_CHOICE_VALUE did you mean `threats`?',
    ]);
  });
});

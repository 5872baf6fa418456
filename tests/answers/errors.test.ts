import { describe, expect, it } from 'vitest';
import { playText, VALID } from './helpers.js';

/** Replaces one line of the valid file (matched by its start). */
function withLine(start: string, replacement: string): string {
  const lines = VALID.split('\n');
  const i = lines.findIndex((l) => l.startsWith(start));
  if (i < 0) throw new Error(`no line ${start}`);
  if (replacement === '') lines.splice(i, 1);
  else lines[i] = replacement;
  return lines.join('\n');
}

// [what, file text, code, line, col]
const CASES: [string, string, string, number, number][] = [
  [
    'unknown question id',
    withLine('  recruiter_name', '  recruiter_nam: Mr Invented'),
    'E_ANSWER_UNKNOWN_QUESTION',
    12,
    3,
  ],
  ['wrong type: text for a number', withLine('  age', '  age: thirty'), 'E_ANSWER_TYPE', 7, 8],
  [
    'wrong type: list for a single choice',
    withLine('  job_as', '  job_as_promised: [same]'),
    'E_ANSWER_TYPE',
    9,
    20,
  ],
  [
    'wrong type: not a calendar date',
    withLine('  arrived_on', '  arrived_on: 2023-02-30'),
    'E_ANSWER_TYPE',
    8,
    15,
  ],
  [
    'value not a choice',
    withLine('  job_as', '  job_as_promised: diferent_job'),
    'E_ANSWER_NOT_A_CHOICE',
    9,
    20,
  ],
  [
    'wrong type: a single value for a multi question',
    withLine('  controls', '  controls: debt'),
    'E_ANSWER_TYPE',
    11,
    13,
  ],
  [
    'a multi value not a choice, pointed at the item',
    withLine('  controls', '  controls: [documents_taken, debts]'),
    'E_ANSWER_NOT_A_CHOICE',
    11,
    31,
  ],
  [
    'a required multiple choice with nothing ticked',
    withLine('  controls', '  controls: []'),
    'E_ANSWER_MISSING',
    11,
    13,
  ],
  [
    'out of range',
    withLine('  hours_per_day', '  hours_per_day: 25'),
    'E_ANSWER_OUT_OF_RANGE',
    10,
    18,
  ],
  ['below the minimum', withLine('  age', '  age: -2'), 'E_ANSWER_OUT_OF_RANGE', 7, 8],
  [
    'answer to a question branching hides',
    VALID.replace('  age: 30\n', '  age: 30\n  may_be_child: no\n'),
    'E_ANSWER_HIDDEN',
    8,
    3,
  ],
  ['missing required answer', withLine('  hours_per_day', ''), 'E_ANSWER_MISSING', 3, 1],
  [
    'special not allowed',
    withLine('  venue_private', '  venue_private: declined'),
    'E_ANSWER_SPECIAL_NOT_ALLOWED',
    4,
    18,
  ],
  [
    'questionnaire mismatch',
    withLine('questionnaire', 'questionnaire: iom_screening'),
    'E_ANSWER_QUESTIONNAIRE_MISMATCH',
    1,
    16,
  ],
  [
    'answer to an information step',
    VALID.replace('  consent_given', '  explained: yes\n  consent_given'),
    'E_ANSWER_TYPE',
    5,
    3,
  ],
  [
    'unknown top-level key',
    VALID.replace('lang: en', 'language: en'),
    'E_SCHEMA_UNKNOWN_KEY',
    2,
    1,
  ],
  ['no answers at all', 'questionnaire: engine_fixture\n', 'E_SCHEMA_MISSING_KEY', 1, 1],
  ['answers not a mapping', 'answers: [a, b]\n', 'E_SCHEMA_TYPE', 1, 10],
  [
    'a note for a question that has no answer',
    VALID.replace('  hours_per_day: said', '  name_x: said'),
    'E_ANSWER_UNKNOWN_QUESTION',
    15,
    3,
  ],
  ['YAML syntax', 'answers:\n  age: [30\n', 'E_YAML_SYNTAX', 3, 1],
];

describe.each([
  ['read as `run` reads it (js-yaml first)', true],
  ['read by the YAML library alone', false],
])('answers-file errors, %s: each with its code and position', (_how, quick) => {
  it.each(CASES)('%s', async (_what, text, code, line, col) => {
    const r = await playText(text, undefined, undefined, quick);
    expect(r.record).toBeUndefined();
    const d = r.diagnostics.find((x) => x.code === code);
    expect(d, JSON.stringify(r.diagnostics, null, 1)).toBeDefined();
    expect({ line: d!.line, col: d!.col }).toEqual({ line, col });
    expect(d!.file).toBe('answers.yaml');
  });

  it('collects every problem, not just the first', async () => {
    const text = VALID.replace('  age: 30', '  age: 300')
      .replace('  hours_per_day: 14', '  hours_per_day: lots')
      .replace('  recruiter_name', '  recruiter: x\n  recruiter_name');
    const r = await playText(text);
    expect(r.diagnostics.map((d) => d.code)).toEqual([
      'E_ANSWER_OUT_OF_RANGE',
      'E_ANSWER_TYPE',
      'E_ANSWER_UNKNOWN_QUESTION',
    ]);
  });

  it('suggests the near-miss question id and choice', async () => {
    const r = await playText(
      withLine('  recruiter_name', '  recruiter_nam: x').replace('different_job', 'diferent_job'),
    );
    expect(r.diagnostics.map((d) => d.hint)).toContain('did you mean `different_job`?');
    // recruiter_nam is unknown, but its suggestion is found too.
    expect(r.diagnostics.map((d) => d.hint)).toContain('did you mean `recruiter_name`?');
  });

  it('does not pile hidden-answer errors on an answer that is itself wrong', async () => {
    const r = await playText(withLine('  job_as', '  job_as_promised: diferent_job'));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['E_ANSWER_NOT_A_CHOICE']);
  });

  it('a date that does not exist is said to be one, not a format mistake', async () => {
    const r = await playText(withLine('  arrived_on', '  arrived_on: 2023-02-30'));
    expect(r.diagnostics.map((d) => [d.code, d.message, d.hint])).toEqual([
      [
        'E_ANSWER_TYPE',
        '`arrived_on` takes a real date; 2023-02-30 does not exist',
        'that month has no such day',
      ],
    ]);
  });

  it('answers after a stop are reported as not asked', async () => {
    const r = await playText(VALID.replace('consent_given: yes', 'consent_given: no'));
    const hidden = r.diagnostics.filter((d) => d.code === 'E_ANSWER_HIDDEN');
    expect(hidden.length).toBeGreaterThan(5);
    expect(hidden[0]!.message).toMatch(/stopped before it \(rule `no_consent`/);
  });
});

describe('valid answers files', () => {
  it('play to a completed record with the answers and notes', async () => {
    const r = await playText(VALID);
    expect(r.diagnostics).toEqual([]);
    expect(r.record?.status).toBe('completed');
    expect(r.record?.answers.controls).toMatchObject({
      kind: 'value',
      value: ['documents_taken', 'debt'],
    });
    expect(r.record?.answers.hours_per_day).toMatchObject({ value: 14, note: 'said "from dawn"' });
    expect(r.record?.answers.arrived_on).toMatchObject({ value: '2023-04-30' });
  });

  it('accept dont_know and declined, and leave out optional answers', async () => {
    const r = await playText(
      withLine('  name', '').replace('  age: 30', '  age: declined\n  may_be_child: dont_know'),
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.record?.answers.name).toBeUndefined();
    expect(r.record?.answers.age).toMatchObject({ kind: 'declined' });
    expect(r.record?.shown).toContain('pathway:possible_minor');
  });

  it('a refusal of consent gives a stopped record that keeps nothing identifying', async () => {
    const r = await playText('answers:\n  venue_private: yes\n  consent_given: no\n');
    expect(r.record?.status).toBe('stopped');
    expect(r.record?.stop).toEqual({ reason: 'no_consent', rule: 'no_consent' });
  });

  it('--lang wins over the file language', async () => {
    expect((await playText(VALID)).record?.lang).toBe('en');
    expect((await playText(VALID, undefined, 'fr')).record?.lang).toBe('fr');
  });
});

import { describe, expect, it } from 'vitest';
import { answer, checkAnswer, coerceAnswer, nextStep } from '../../src/engine/index.js';
import { fixture, now, play, start } from './helpers.js';

const question = (id: string) => fixture().questionById.get(id)!;

describe("don't know and declined", () => {
  it('are accepted where the questionnaire allows them and stored as such', () => {
    const q = fixture();
    const { state } = play(q, start(), {
      venue_private: 'yes',
      consent_given: 'yes',
      name: 'declined',
      age: 'dont_know',
    });
    expect(state.record.answers.name).toMatchObject({ kind: 'declined' });
    expect(state.record.answers.age).toMatchObject({ kind: 'dont_know' });
    // A condition reading a "don't know" answer: status.age != 'answered' holds.
    const step = nextStep(q, state);
    expect(step.kind === 'question' && step.question.id).toBe('may_be_child');
  });

  it('are refused where the questionnaire forbids them', () => {
    const q = fixture();
    const out = answer(q, start(), 'venue_private', { kind: 'declined' }, { now: now() });
    expect(out.ok).toBe(false);
    expect(!out.ok && out.problem.code).toBe('special_not_allowed');
  });

  it('a required question cannot be skipped but an optional one can', () => {
    expect(checkAnswer(question('age'), { kind: 'skip' })).toMatchObject({
      ok: false,
      problem: { code: 'required' },
    });
    expect(checkAnswer(question('name'), { kind: 'skip' })).toMatchObject({ ok: true });
  });
});

describe('answer validation', () => {
  const cases: [string, unknown, string][] = [
    ['age', 150, 'out_of_range'],
    ['age', -1, 'out_of_range'],
    ['age', 30.5, 'type'],
    ['age', 'thirty', 'type'],
    ['venue_private', 'maybe', 'not_a_choice'],
    ['job_as_promised', 'diferent_job', 'not_a_choice'],
    ['controls', ['none', 'debt'], 'not_a_choice'],
    ['controls', ['debt', 'debt'], 'not_a_choice'],
    ['controls', ['declined'], 'type'],
    ['controls', 12, 'type'],
    ['arrived_on', '2023-02-30', 'type'],
    ['arrived_on', '30/04/2023', 'type'],
    ['name', ['a'], 'type'],
    ['name', 'two\nlines', 'type'],
    ['explained', 'yes', 'info'],
  ];
  it.each(cases)('%s = %j is refused with %s', (id, raw, code) => {
    expect(coerceAnswer(question(id), raw)).toMatchObject({ ok: false, problem: { code } });
  });

  it('suggests the near-miss choice', () => {
    const r = coerceAnswer(question('job_as_promised'), 'diferent_job');
    expect(!r.ok && r.problem.hint).toBe('did you mean `different_job`?');
  });

  it('normalises loose input once', () => {
    expect(coerceAnswer(question('venue_private'), true)).toMatchObject({
      ok: true,
      input: { kind: 'value', value: 'yes' },
    });
    // A bare value is not a list: an answers file that meant one choice says so.
    expect(coerceAnswer(question('controls'), 'debt')).toMatchObject({
      ok: false,
      problem: { code: 'type', hint: 'write it as a list: [debt]' },
    });
    // Multi values are kept in the order of the choices.
    expect(coerceAnswer(question('controls'), ['threats', 'debt'])).toMatchObject({
      input: { value: ['debt', 'threats'] },
    });
    expect(coerceAnswer(question('notes'), '  a\r\nb  ')).toMatchObject({
      input: { value: 'a\nb' },
    });
    expect(coerceAnswer(question('notes'), '   ')).toMatchObject({ input: { kind: 'skip' } });
  });

  it('stores a note with the answer', () => {
    const q = fixture();
    const out = answer(
      q,
      start(),
      'venue_private',
      { kind: 'value', value: 'yes' },
      {
        now: now(),
        note: '  interpreter arrived late ',
      },
    );
    expect(out.ok && out.state.record.answers.venue_private).toMatchObject({
      note: 'interpreter arrived late',
    });
  });

  it('refuses to answer a question that is not the current one', () => {
    const q = fixture();
    expect(() => answer(q, start(), 'age', { kind: 'value', value: 3 }, { now: now() })).toThrow(
      /not the current question/,
    );
  });
});

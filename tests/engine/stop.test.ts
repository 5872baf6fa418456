import { describe, expect, it } from 'vitest';
import { answer, back, endAtStop, nextStep, stateOf } from '../../src/engine/index.js';
import { fixture, now, play, start } from './helpers.js';

describe('stop rules', () => {
  it('consent refusal ends the interview', () => {
    const q = fixture();
    const { state, last } = play(q, start(), { venue_private: 'yes', consent_given: 'no' });
    expect(last).toMatchObject({ kind: 'stop', reason: 'no_consent', rule: 'no_consent' });
    expect(state.record.status).toBe('stopped');
    expect(state.record.stop).toEqual({ reason: 'no_consent', rule: 'no_consent' });
  });

  it('consent withdrawn later keeps nothing identifying, no free text and no note', () => {
    const q = fixture();
    let { state } = play(q, start(), {
      venue_private: 'yes',
      consent_given: 'yes',
      name: 'Ana Fictional',
      age: 30,
      arrived_on: '2023-04-30',
      job_as_promised: 'different_job',
    });
    // A note at the next question, then back to consent.
    const noted = answer(
      q,
      state,
      'hours_per_day',
      { kind: 'value', value: 10 },
      {
        now: now(),
        note: 'Mentioned a cousin called Invented Person',
      },
    );
    if (!noted.ok) throw new Error();
    state = noted.state;
    for (let i = 0; i < 20; i++) {
      const step = nextStep(q, state);
      if (step.kind === 'question' && step.question.id === 'consent_given') break;
      state = back(q, state, now()).state;
    }
    const out = answer(q, state, 'consent_given', { kind: 'value', value: 'no' }, { now: now() });
    if (!out.ok) throw new Error(out.problem.message);
    expect(out.stopped).toBe(true);
    const r = out.state.record;
    expect(r.status).toBe('stopped');
    for (const id of ['name', 'age', 'arrived_on']) {
      expect(r.answers[id]).toBeUndefined();
      expect(r.path).not.toContain(id);
    }
    expect(Object.values(r.answers).every((a) => a.note === undefined)).toBe(true);
    expect(JSON.stringify(r)).not.toMatch(/Ana|Invented|2023-04-30/);
    expect(nextStep(q, out.state).kind).toBe('stop');
  });

  it('postponing ends the interview; going back reopens it (a mis-key)', () => {
    const q = fixture();
    const { state, last } = play(q, start(), { venue_private: 'no', proceed_anyway: 'no' });
    expect(last).toMatchObject({ kind: 'stop', reason: 'postponed' });
    const r = back(q, state, now());
    expect(r.state.record.status).toBe('in_progress');
    expect(r.state.record.stop).toBeUndefined();
    const step = nextStep(q, r.state);
    expect(step.kind === 'question' && step.question.id).toBe('proceed_anyway');
    const out = answer(
      q,
      r.state,
      'proceed_anyway',
      { kind: 'value', value: 'yes' },
      { now: now() },
    );
    expect(out.ok && out.state.record.status).toBe('in_progress');
  });

  it('a resumed record whose stop rule holds stops again', () => {
    const q = fixture();
    const { state } = play(q, start(), { venue_private: 'no', proceed_anyway: 'no' });
    const reopened = back(q, state, now()).state;
    // Resumed from storage: the revisit is not stored, the stop rule holds.
    const resumed = stateOf(reopened.record);
    expect(nextStep(q, resumed).kind).toBe('stop');
    expect(endAtStop(q, resumed, now()).record.status).toBe('stopped');
  });
});

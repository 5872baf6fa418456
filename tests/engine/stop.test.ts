import { describe, expect, it } from 'vitest';
import {
  answer,
  back,
  endAtStop,
  nextStep,
  recordOf,
  setNote,
  stateOf,
} from '../../src/engine/index.js';
import { fixture, now, play, start } from './helpers.js';

describe('stop rules', () => {
  it('consent refusal ends the interview once the stop screen is confirmed', () => {
    const q = fixture();
    const { state, last } = play(q, start(), { venue_private: 'yes', consent_given: 'no' });
    expect(last).toMatchObject({ kind: 'stop', reason: 'no_consent', rule: 'no_consent' });
    expect(state.record.status).toBe('in_progress');
    const ended = endAtStop(q, state, now()).record;
    expect(ended.status).toBe('stopped');
    expect(ended.stop).toEqual({ reason: 'no_consent', rule: 'no_consent' });
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
    // And a note at the next question, not answered yet.
    const at = nextStep(q, state);
    if (at.kind !== 'question') throw new Error(at.kind);
    state = setNote(q, state, at.question.id, 'Invented Person again', now());
    expect(state.record.pendingNotes).toEqual({ [at.question.id]: 'Invented Person again' });
    for (let i = 0; i < 20; i++) {
      const step = nextStep(q, state);
      if (step.kind === 'question' && step.question.id === 'consent_given') break;
      state = back(q, state, now()).state;
    }
    const out = answer(q, state, 'consent_given', { kind: 'value', value: 'no' }, { now: now() });
    if (!out.ok) throw new Error(out.problem.message);
    expect(out.stopped).toBe(true);
    expect(nextStep(q, out.state).kind).toBe('stop');
    // Nothing is discarded while the stop screen waits: going back reopens consent intact.
    expect(out.state.record.answers.name).toMatchObject({ value: 'Ana Fictional' });
    const reopened = back(q, out.state, now()).state;
    const again = nextStep(q, reopened);
    expect(again.kind === 'question' && again.question.id).toBe('consent_given');
    expect(reopened.record.answers.hours_per_day?.note).toMatch(/Invented/);
    // Confirmed: nothing identifying, no free text, no note.
    const ended = endAtStop(q, out.state, now());
    const r = ended.record;
    expect(r.status).toBe('stopped');
    for (const id of ['name', 'age', 'arrived_on']) {
      expect(r.answers[id]).toBeUndefined();
      expect(r.path).not.toContain(id);
    }
    expect(Object.values(r.answers).every((a) => a.note === undefined)).toBe(true);
    expect(JSON.stringify(r)).not.toMatch(/Ana|Invented|2023-04-30/);
    expect(r.pendingNotes).toBeUndefined();
    expect(nextStep(q, ended)).toMatchObject({ kind: 'stop', reason: 'no_consent' });
  });

  it('going back from a stop not yet confirmed reopens the question that caused it, even with an optional question left empty after it', () => {
    const q = fixture();
    let { state } = play(q, start(), { venue_private: 'yes', consent_given: 'yes' });
    // name (optional) left empty, then the age.
    const skipped = answer(q, state, 'name', { kind: 'skip' }, { now: now() });
    if (!skipped.ok) throw new Error(skipped.problem.message);
    ({ state } = play(q, skipped.state, { age: 30 }));
    for (let i = 0; i < 20; i++) {
      const step = nextStep(q, state);
      if (step.kind === 'question' && step.question.id === 'consent_given') break;
      state = back(q, state, now()).state;
    }
    const out = answer(q, state, 'consent_given', { kind: 'value', value: 'no' }, { now: now() });
    if (!out.ok) throw new Error(out.problem.message);
    const saved = recordOf(out.state);
    expect(saved.status).toBe('in_progress');
    expect(saved.position).toBe('consent_given');
    expect(saved.answers.age).toMatchObject({ value: 30 });
    const reopened = back(q, out.state, now()).state;
    const step = nextStep(q, reopened);
    expect(step.kind === 'question' && step.question.id).toBe('consent_given');
    expect(step.kind === 'question' && step.previous).toMatchObject({ value: 'no' });
    // Resumed after an interruption at the stop screen: at that question, answers kept.
    const resumed = stateOf(saved);
    const first = nextStep(q, resumed);
    expect(first.kind === 'question' && first.question.id).toBe('consent_given');
    const yes = answer(
      q,
      resumed,
      'consent_given',
      { kind: 'value', value: 'yes' },
      { now: now() },
    );
    expect(yes.ok && yes.state.record.answers.age).toMatchObject({ value: 30 });
  });

  it('postponing ends the interview; going back reopens it (a mis-key)', () => {
    const q = fixture();
    const { state: shown, last } = play(q, start(), { venue_private: 'no', proceed_anyway: 'no' });
    expect(last).toMatchObject({ kind: 'stop', reason: 'postponed' });
    const state = endAtStop(q, shown, now());
    expect(state.record.status).toBe('stopped');
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

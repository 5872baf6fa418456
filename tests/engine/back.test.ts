import { describe, expect, it } from 'vitest';
import { answer, back, nextStep, recordOf, stateOf } from '../../src/engine/index.js';
import { ADULT, backTo as backToIn, fixture, now, play, start } from './helpers.js';
import type { EngineState } from '../../src/engine/index.js';

const backTo = (s: EngineState, id: string) => backToIn(fixture(), s, id);

describe('back', () => {
  it('returns to the previous question with its answer offered again', () => {
    const q = fixture();
    const { state } = play(q, start(), { venue_private: 'yes', consent_given: 'yes', name: 'Ana' });
    const r = back(q, state, now());
    expect(r.moved).toBe(true);
    const step = nextStep(q, r.state);
    expect(step.kind === 'question' && step.question.id).toBe('name');
    expect(step.kind === 'question' && step.previous).toMatchObject({
      kind: 'value',
      value: 'Ana',
    });
  });

  it('cannot go back before the first question', () => {
    const q = fixture();
    const s = start();
    expect(back(q, s, now()).moved).toBe(false);
    const step = nextStep(q, s);
    expect(step.kind === 'question' && step.canGoBack).toBe(false);
  });

  it('passes back through information steps', () => {
    const q = fixture();
    const { state } = play(q, start(), { venue_private: 'yes', consent_given: 'yes' });
    const once = back(q, state, now()).state;
    const twice = back(q, once, now()).state;
    const step = nextStep(q, twice);
    expect(step.kind === 'info' && step.question.id).toBe('explained');
  });

  it('keeps later answers when the changed answer does not hide them, and returns to the frontier', () => {
    const q = fixture();
    const { state } = play(q, start(), {
      venue_private: 'yes',
      consent_given: 'yes',
      name: 'Ana',
      age: 30,
      arrived_on: '2023-04-30',
    });
    const s = backTo(state, 'name');
    const out = answer(q, s, 'name', { kind: 'value', value: 'Bea' }, { now: now() });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.pruned).toEqual([]);
    expect(out.state.record.answers.age).toMatchObject({ value: 30 });
    const step = nextStep(q, out.state);
    expect(step.kind === 'question' && step.question.id).toBe('job_as_promised');
  });

  it('prunes answers that a changed answer hides, and says which', () => {
    const q = fixture();
    const { state } = play(q, start(), ADULT);
    const s = backTo(state, 'job_as_promised');
    const out = answer(q, s, 'job_as_promised', { kind: 'value', value: 'same' }, { now: now() });
    if (!out.ok) throw new Error(out.problem.message);
    expect(out.pruned).toEqual(['recruiter_name']);
    expect(out.state.record.answers.recruiter_name).toBeUndefined();
    expect(out.state.record.path).not.toContain('recruiter_name');
    expect(out.state.record.answers.hours_per_day).toMatchObject({ value: 14 });
    expect(nextStep(q, out.state).kind).toBe('done');
  });

  it('prunes in cascade and asks newly reachable questions next', () => {
    const q = fixture();
    const { state } = play(q, start(), { ...ADULT, age: 15, guardian_present: 'no' });
    expect(state.record.answers.guardian_present).toBeDefined();
    const s = backTo(state, 'age');
    const out = answer(q, s, 'age', { kind: 'declined' }, { now: now() });
    if (!out.ok) throw new Error(out.problem.message);
    expect(out.pruned).toEqual(['guardian_present']);
    const step = nextStep(q, out.state);
    expect(step.kind === 'question' && step.question.id).toBe('may_be_child');
  });
});

describe('saving while revisiting', () => {
  it('a record saved after going back resumes at the same question', () => {
    const q = fixture();
    const { state } = play(q, start(), {
      venue_private: 'yes',
      consent_given: 'yes',
      name: 'Ana',
      age: 30,
    });
    const revisiting = back(q, state, now()).state;
    const shown = nextStep(q, revisiting);
    // What the store writes and reads back (JSON), then what resume makes of it.
    const saved = JSON.parse(JSON.stringify(recordOf(revisiting))) as typeof revisiting.record;
    expect(saved.position).toBe('age');
    const resumed = nextStep(q, stateOf(saved));
    expect(resumed.kind === 'question' && resumed.question.id).toBe(
      shown.kind === 'question' && shown.question.id,
    );
    expect(resumed.kind === 'question' && resumed.previous).toMatchObject({
      kind: 'value',
      value: 30,
    });
  });

  it('at the frontier no position is saved, and a stale one is dropped', () => {
    const q = fixture();
    const { state } = play(q, start(), { venue_private: 'yes', consent_given: 'yes' });
    expect(recordOf(state).position).toBeUndefined();
    const stale = { ...state.record, position: 'not_on_the_path' };
    expect(stateOf(stale).revisit).toBeUndefined();
    expect(recordOf(stateOf(stale)).position).toBeUndefined();
  });
});

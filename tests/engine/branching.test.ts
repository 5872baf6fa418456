import { describe, expect, it } from 'vitest';
import { complete, nextStep, progressOf } from '../../src/engine/index.js';
import { ADULT, asked, fixture, now, play, start } from './helpers.js';

describe('branching', () => {
  it('asks the questions branching selects, in order, and skips the rest', () => {
    const q = fixture();
    const { steps, last, state } = play(q, start(), ADULT);
    expect(last.kind).toBe('done');
    expect(asked(steps)).toEqual([
      'venue_private',
      'consent_given',
      'name',
      'age',
      'arrived_on',
      'job_as_promised',
      'hours_per_day',
      'controls',
      'recruiter_name',
      'notes',
    ]);
    expect(steps.some((s) => s.kind === 'info' && s.question.id === 'explained')).toBe(true);
    expect(Object.keys(state.record.answers).sort()).toEqual(Object.keys(ADULT).sort());
    expect(state.record.path).toContain('explained');
  });

  it('asks a follow-up only when its condition holds', () => {
    const q = fixture();
    const { steps } = play(q, start(), { venue_private: 'no' });
    const last = steps.at(-1)!;
    // The advisory comes first, then the follow-up question.
    expect(steps.some((s) => s.kind === 'advisory' && s.id === 'unsafe_venue_advisory')).toBe(true);
    expect(last.kind === 'question' && last.question.id).toBe('proceed_anyway');
  });

  it('asks a section only when its condition holds', () => {
    const q = fixture();
    const { steps } = play(q, start(), { ...ADULT, age: 15, guardian_present: 'yes' });
    expect(asked(steps)).toContain('guardian_present');
    const adult = play(q, start(), ADULT);
    expect(asked(adult.steps)).not.toContain('guardian_present');
  });

  it('leaves an optional question unanswered when skipped', () => {
    const q = fixture();
    const { name: _n, notes: _x, recruiter_name: _r, ...rest } = ADULT;
    const { state, last } = play(q, start(), rest, { untilMissing: false });
    expect(last.kind).toBe('done');
    expect(state.record.answers.name).toBeUndefined();
    expect(state.record.path).toContain('name');
  });

  it('completes only at the end and is closed afterwards', () => {
    const q = fixture();
    const { state } = play(q, start(), ADULT);
    const done = complete(q, state, now());
    expect(done.record.status).toBe('completed');
    expect(nextStep(q, done)).toEqual({ kind: 'closed', status: 'completed' });
    expect(() => complete(q, start(), now())).toThrow(/not finished/);
  });
});

describe('progress', () => {
  it('counts answered / still reachable, shrinking as branches close', () => {
    const q = fixture();
    const s0 = start();
    // 13 answerable questions; none is decided yet.
    expect(progressOf(q, s0.record)).toEqual({ answered: 0, reachable: 13 });
    const s1 = play(q, s0, { venue_private: 'yes' }).state;
    // proceed_anyway is now known never to be asked.
    expect(progressOf(q, s1.record)).toEqual({ answered: 1, reachable: 12 });
    const s2 = play(q, s1, { consent_given: 'yes', name: 'Ana Fictional', age: 30 }).state;
    // may_be_child and the child section close.
    expect(progressOf(q, s2.record)).toEqual({ answered: 4, reachable: 10 });
    const s3 = play(q, s2, { arrived_on: '2023-04-30', job_as_promised: 'same' }).state;
    expect(progressOf(q, s3.record)).toEqual({ answered: 6, reachable: 9 });
    const end = play(q, s3, ADULT);
    expect(end.last.kind === 'done' && end.last.progress).toEqual({ answered: 9, reachable: 9 });
  });

  it('is shown with every question step', () => {
    const q = fixture();
    const step = nextStep(q, start());
    expect(step.kind === 'question' && step.progress).toEqual({ answered: 0, reachable: 13 });
  });
});

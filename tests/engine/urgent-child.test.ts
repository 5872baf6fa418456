import { describe, expect, it } from 'vitest';
import { childStatus, nextStep, answer } from '../../src/engine/index.js';
import { ADULT, backTo, fixture, now, play, start } from './helpers.js';

describe('urgent', () => {
  it('an urgent choice interrupts before the next question, with its message, once', () => {
    const q = fixture();
    const { state, steps } = play(q, start(), { ...ADULT, controls: ['threats'] });
    const i = steps.findIndex((s) => s.kind === 'question' && s.question.id === 'controls');
    const after = steps[i + 1]!;
    expect(after).toMatchObject({ kind: 'urgent', id: 'controls.threats' });
    expect(after.kind === 'urgent' && after.text).toMatchObject({
      en: "Threats were made. Check the person's safety now.",
    });
    expect(after.kind === 'urgent' && after.referral).toBeDefined();
    expect(steps.filter((s) => s.kind === 'urgent')).toHaveLength(1);
    expect(state.record.shown).toContain('controls.threats');
  });

  it('is not shown again after going back and answering the same', () => {
    const q = fixture();
    const played = play(q, start(), { ...ADULT, controls: ['threats'] });
    const state = backTo(q, played.state, 'controls');
    const step = nextStep(q, state);
    expect(step.kind === 'question' && step.question.id).toBe('controls');
    const out = answer(q, state, 'controls', { kind: 'value', value: ['threats'] }, { now: now() });
    expect(out.ok && nextStep(q, out.state).kind).not.toBe('urgent');
  });

  it('an urgent rule interrupts too', () => {
    const q = fixture();
    const { steps } = play(q, start(), { ...ADULT, age: 16, guardian_present: 'yes' });
    expect(steps.some((s) => s.kind === 'urgent' && s.id === 'child_without_guardian')).toBe(true);
  });
});

describe('child pathway', () => {
  it('switches on when the person is under 18 and reminds once', () => {
    const q = fixture();
    const { steps, state } = play(q, start(), { ...ADULT, age: 16, guardian_present: 'yes' });
    expect(childStatus(q, state.record.answers)).toBe('child');
    const reminders = steps.filter((s) => s.kind === 'child');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ status: 'child', id: 'pathway:child' });
    expect(JSON.stringify(reminders[0])).toMatch(/guardian/);
    const later = steps.filter((s) => s.kind === 'question' && s.question.id === 'job_as_promised');
    expect(later[0]).toMatchObject({ child: 'child' });
  });

  it('a possible minor gets the reminder too', () => {
    const q = fixture();
    const { steps } = play(q, start(), { ...ADULT, age: 'declined', may_be_child: 'dont_know' });
    expect(steps.find((s) => s.kind === 'child')).toMatchObject({ status: 'possible_minor' });
  });

  it('stays off for an adult', () => {
    const q = fixture();
    const { steps } = play(q, start(), ADULT);
    expect(steps.some((s) => s.kind === 'child')).toBe(false);
  });
});

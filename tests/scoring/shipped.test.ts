/** Scoring with the shipped IOM screening questionnaire: populations, flags and referral categories. */
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/scoring/index.js';
import { record, shipped } from './helpers.js';

const q = shipped('iom-screening.yaml');

/** DOMAIN.md §6 worked example in the shipped questionnaire's questions. */
const WORKED = {
  moved_from_home: 'abroad',
  promised: ['job', 'pay'],
  started_work: 'yes',
  promise_vs_reality: ['job', 'pay'],
  work_type: ['agriculture'],
  hours_per_day: 14,
  pay_problems: ['deductions'],
  debt: 'work_off',
  documents_held: 'taken',
} as const;

describe('shipped questionnaire', () => {
  it('an adult: the worked example meets the combination; shelter and legal referrals', () => {
    const a = assess(q, record(q, { ...WORKED, age: 29 }));
    expect(a.population).toMatchObject({ population: 'adult', possibleMinor: false });
    expect(a.outcome.id).toBe('indicators_met');
    expect(a.outcome.carriedBy).toEqual([
      'deceptive_recruitment',
      'exploitative_conditions',
      'coercion_at_destination',
    ]);
    expect(a.referrals.map((r) => r.category)).toEqual(
      expect.arrayContaining(['shelter', 'legal', 'psychosocial']),
    );
    expect(a.referrals.map((r) => r.category)).not.toContain('child_protection');
  });

  it('a child of 15: minor, child protection, and no coercion needed', () => {
    const a = assess(q, record(q, { ...WORKED, age: 15, debt: 'none', documents_held: 'person' }));
    expect(a.population.population).toBe('child');
    expect(a.outcome.id).toBe('indicators_met');
    expect(a.flags.map((f) => f.id)).toContain('minor');
    expect(a.referrals[0]?.category).toBe('child_protection');
  });

  it('age unknown, may be a minor: scored as a child, flagged, with the adult outcome beside it', () => {
    const a = assess(
      q,
      record(q, {
        ...WORKED,
        age: 'declined',
        may_be_minor: 'yes',
        debt: 'none',
        documents_held: 'person',
      }),
    );
    expect(a.population).toMatchObject({ population: 'child', possibleMinor: true });
    expect(a.flags.map((f) => f.id)).toEqual(expect.arrayContaining(['minor', 'possible_minor']));
    expect(a.otherPopulation).toMatchObject({ population: 'adult', outcome: 'indicators_partial' });
  });

  it('the counter-example: excessive hours alone', () => {
    const a = assess(
      q,
      record(q, { age: 41, started_work: 'yes', work_type: ['construction'], hours_per_day: 14 }),
    );
    expect(a.indicators.map((i) => i.id)).toEqual(['excessive_hours']);
    expect(a.outcome.id).toBe('indicators_partial');
    const d4 = a.dimensions.find((d) => d.id === 'exploitative_conditions')!;
    expect(d4.counts).toEqual({ strong: 1, medium: 0, weak: 0 });
    expect(d4.nearest).toMatchObject({ kind: 'addition', size: 1 });
  });
});

/** Child vs adult: the child list's weights, indicators not on the child list, the child combination, possible minors. */
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/scoring/index.js';
import { fixture, record } from './helpers.js';

const q = fixture('ilo-slice.yaml');
const dim = (a: ReturnType<typeof assess>, id: string) => a.dimensions.find((d) => d.id === id)!;

describe('child vs adult', () => {
  // Threats and abduction at recruitment: medium for adults, strong for children.
  const answers = {
    recruitment_coercion: ['threats', 'abduction'],
    work_conditions: ['low_pay', 'hazardous', 'no_social_protection'],
  };

  it('an adult: two medium coercive-recruitment indicators do not make the dimension positive', () => {
    const a = assess(q, record(q, { age: 25, ...answers }));
    expect(a.population.population).toBe('adult');
    expect(dim(a, 'coercive_recruitment')).toMatchObject({
      counts: { strong: 0, medium: 2, weak: 0 },
      positive: false,
    });
    // Three medium: positive for an adult (no_social_protection counts).
    expect(dim(a, 'exploitative_conditions')).toMatchObject({
      counts: { strong: 0, medium: 3, weak: 0 },
      positive: true,
    });
    expect(a.outcome.id).toBe('indicators_partial');
  });

  it('a child: the same answers are strong, and act + exploitation meet the child combination', () => {
    const a = assess(q, record(q, { age: 15, ...answers }));
    expect(a.population).toMatchObject({ population: 'child', basis: 'child_condition' });
    expect(a.population.questions).toEqual(['age']);
    expect(dim(a, 'coercive_recruitment')).toMatchObject({
      counts: { strong: 2, medium: 0, weak: 0 },
      positive: true,
    });
    // no_social_protection is not on the child list: raised, not counted, so only two medium.
    const ex = dim(a, 'exploitative_conditions');
    expect(ex).toMatchObject({ counts: { strong: 0, medium: 2, weak: 0 }, positive: false });
    expect(ex.notCounted).toEqual(['no_social_protection']);
    const nsp = a.indicators.find((i) => i.id === 'no_social_protection')!;
    expect(nsp).toMatchObject({
      strength: undefined,
      counted: false,
      notCountedReason: 'not_on_population_list',
    });
    expect(a.outcome.id).toBe('indicators_partial');
    expect(a.outcome.missing).toEqual([{ anyOf: ['exploitative_conditions'] }]);
  });

  it('a child needs no coercion at destination; an adult does', () => {
    const answers2 = {
      deception: ['nature', 'wages'],
      hours_per_day: 15,
      work_conditions: ['low_pay'],
    };
    const child = assess(q, record(q, { age: 16, ...answers2 }));
    const adult = assess(q, record(q, { age: 19, ...answers2 }));
    expect(child.outcome.id).toBe('indicators_met');
    expect(adult.outcome.id).toBe('indicators_partial');
    expect(adult.outcome.missing).toEqual([
      { anyOf: ['coercion_at_destination', 'abuse_of_vulnerability_at_destination'] },
    ]);
    // Palermo: for a child act + purpose suffice.
    expect(child.palermo.required).toEqual(['act', 'purpose']);
    expect(child.palermo.elementsShown).toBe(true);
    expect(adult.palermo.required).toEqual(['act', 'means', 'purpose']);
    expect(adult.palermo.elementsShown).toBe(true);
  });

  it('flags a child as minor, with child protection referral and the urgent rule', () => {
    const a = assess(q, record(q, { age: 14 }));
    expect(a.flags.map((f) => f.id)).toEqual(['urgent', 'minor', 'guardian_needed']);
    expect(a.referrals.map((r) => r.category)).toEqual(['child_protection', 'medical', 'hotline']);
    expect(a.urgent).toEqual([
      { source: { kind: 'rule', rule: 'child_reminder', questions: ['age'] } },
    ]);
  });

  it('an age not established: scored as a child when the screener thinks it may be one, flagged possible_minor', () => {
    const a = assess(q, record(q, { age: 'declined', may_be_child: 'yes', ...answers }));
    expect(a.population).toMatchObject({ population: 'child', possibleMinor: true });
    expect(a.flags.map((f) => f.id)).toEqual(['minor', 'possible_minor']);
    expect(a.otherPopulation).toEqual({
      population: 'adult',
      outcome: 'indicators_partial',
      positive: ['exploitative_conditions'],
    });
  });

  it("don't know: scored as an adult, flagged possible_minor, with the child outcome beside it", () => {
    const a = assess(
      q,
      record(q, {
        age: 'dont_know',
        may_be_child: 'dont_know',
        deception: ['nature', 'education'],
        hours_per_day: 13,
        work_conditions: ['no_education'],
      }),
    );
    expect(a.population).toMatchObject({ population: 'adult', possibleMinor: true });
    expect(a.outcome.id).toBe('indicators_partial');
    expect(a.flags.map((f) => f.id)).toEqual(['possible_minor']);
    expect(a.otherPopulation).toEqual({
      population: 'child',
      outcome: 'indicators_met',
      positive: ['deceptive_recruitment', 'exploitative_conditions'],
    });
    expect(a.referrals.map((r) => r.category)).toContain('child_protection');
  });
});

/** DOMAIN.md §6: the worked example and its counter-example, end to end through assess(). */
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/scoring/index.js';
import { fixture, record } from './helpers.js';

const q = fixture('ilo-slice.yaml');

describe('the DOMAIN.md worked example (adult)', () => {
  // Promised a hotel job, put on a farm, paid less than promised; fourteen-hour days with
  // fees deducted; passport held by the employer and a travel debt.
  const r = record(q, {
    consent_given: 'yes',
    age: 31,
    deception: ['nature', 'wages'],
    hours_per_day: 14,
    work_conditions: ['wage_manipulation'],
    controls: ['documents', 'debt'],
  });
  const a = assess(q, r);
  const dim = (id: string) => a.dimensions.find((d) => d.id === id)!;

  it('scores as an adult', () => {
    expect(a.population).toMatchObject({ population: 'adult', possibleMinor: false });
  });

  it('makes dimensions 1, 4 and 5 positive and no other', () => {
    expect(a.dimensions.filter((d) => d.positive).map((d) => d.id)).toEqual([
      'deceptive_recruitment',
      'exploitative_conditions',
      'coercion_at_destination',
    ]);
    expect(dim('deceptive_recruitment').counts).toEqual({ strong: 1, medium: 1, weak: 0 });
    expect(dim('exploitative_conditions').counts).toEqual({ strong: 1, medium: 1, weak: 0 });
    expect(dim('coercion_at_destination').counts).toEqual({ strong: 2, medium: 0, weak: 0 });
  });

  it('meets the adult combination, carried by those three dimensions', () => {
    expect(a.outcome).toEqual({
      id: 'indicators_met',
      combinationMet: true,
      carriedBy: ['deceptive_recruitment', 'exploitative_conditions', 'coercion_at_destination'],
      missing: [],
    });
  });

  it('traces each indicator to the answer or rule that raised it', () => {
    const ind = Object.fromEntries(a.indicators.map((i) => [i.id, i]));
    expect(ind.deceived_nature_of_job?.evidence).toEqual([
      { kind: 'answer', question: 'deception', value: 'nature' },
    ]);
    expect(ind.excessive_hours?.evidence).toEqual([
      { kind: 'rule', rule: 'long_days', questions: ['hours_per_day'] },
    ]);
    expect(ind.excessive_hours?.questions).toEqual(['hours_per_day']);
    expect(ind.debt_bondage?.questions).toEqual(['controls']);
    expect(a.indicators.map((i) => i.id)).toEqual([
      'deceived_nature_of_job',
      'deceived_wages',
      'excessive_hours',
      'wage_manipulation',
      'confiscation_of_documents',
      'debt_bondage',
    ]);
  });

  it('names which indicators filled which alternative of the rule', () => {
    expect(dim('deceptive_recruitment').match).toEqual({
      alternative: 1,
      indicators: ['deceived_nature_of_job', 'deceived_wages'],
    });
    expect(dim('coercion_at_destination').match).toEqual({
      alternative: 0,
      indicators: ['confiscation_of_documents', 'debt_bondage'],
    });
  });

  it('shows act, means and purpose in the Palermo view', () => {
    expect(a.palermo.elements.map((e) => [e.element, e.status])).toEqual([
      ['act', 'present'],
      ['means', 'present'],
      ['purpose', 'present'],
    ]);
    expect(a.palermo.elementsShown).toBe(true);
  });

  it('recommends shelter and legal referral, not child protection', () => {
    expect(a.referrals.map((x) => x.category)).toEqual(['shelter', 'legal', 'hotline']);
    expect(a.flags.map((f) => f.id)).toEqual([]);
  });
});

describe('the DOMAIN.md counter-example', () => {
  const a = assess(q, record(q, { consent_given: 'yes', age: 31, hours_per_day: 14 }));
  const dim4 = a.dimensions.find((d) => d.id === 'exploitative_conditions')!;

  it('excessive hours alone does not make dimension 4 positive', () => {
    expect(dim4.counts).toEqual({ strong: 1, medium: 0, weak: 0 });
    expect(dim4.positive).toBe(false);
  });

  it('says one more indicator of any strength would make it positive', () => {
    expect(dim4.nearest).toEqual({
      kind: 'addition',
      size: 1,
      options: [
        { strong: 0, medium: 1, weak: 0 },
        { strong: 0, medium: 0, weak: 1 },
      ],
    });
  });

  it('reports indicators present, combination not met, with what is missing', () => {
    expect(a.outcome.id).toBe('indicators_partial');
    expect(a.outcome.combinationMet).toBe(false);
    expect(a.outcome.missing).toEqual([
      {
        anyOf: [
          'deceptive_recruitment',
          'coercive_recruitment',
          'recruitment_abuse_of_vulnerability',
        ],
      },
      { anyOf: ['exploitative_conditions'] },
      { anyOf: ['coercion_at_destination', 'abuse_of_vulnerability_at_destination'] },
    ]);
  });

  it('no answer raising anything gives indicators_not_met', () => {
    const none = assess(q, record(q, { consent_given: 'yes', age: 40, hours_per_day: 8 }));
    expect(none.outcome.id).toBe('indicators_not_met');
    expect(none.indicators).toEqual([]);
  });
});

/** Flags (urgent, consent_limited, verified_false_weights_used, questionnaire flags) and referral categories. */
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/scoring/index.js';
import { fixture, record, shipped } from './helpers.js';

const q = fixture('ilo-slice.yaml');
const flagIds = (a: ReturnType<typeof assess>) => a.flags.map((f) => f.id);

describe('flags', () => {
  it('urgent from a choice marked urgent, with where it came from', () => {
    const a = assess(q, record(q, { age: 30, recruitment_coercion: ['violence'] }));
    expect(flagIds(a)).toEqual(['urgent']);
    expect(a.flags[0]?.sources).toEqual([
      { kind: 'answer', question: 'recruitment_coercion', value: 'violence' },
    ]);
  });

  it('consent_limited and questionnaire flags from choices', () => {
    const a = assess(
      q,
      record(q, { share_with_partners: 'health_only', age: 30, controls: ['threats'] }),
    );
    expect(flagIds(a)).toEqual(['consent_limited', 'safety_plan']);
  });

  it('verified_false_weights_used when an unverified weight decides a dimension', () => {
    // forced_tasks (strong, unverified) + threats (medium): positive only thanks to forced_tasks.
    const a = assess(q, record(q, { age: 30, controls: ['forced_clients', 'threats'] }));
    const d5 = a.dimensions.find((d) => d.id === 'coercion_at_destination')!;
    expect(d5).toMatchObject({ positive: true, decidedByUnverified: true });
    expect(flagIds(a)).toEqual(['verified_false_weights_used', 'safety_plan']);
    expect(a.flags[0]?.sources).toEqual([
      { kind: 'unverified_weights', dimensions: ['coercion_at_destination'] },
    ]);
  });

  it('no such flag when verified indicators decide it anyway', () => {
    const a = assess(q, record(q, { age: 30, controls: ['forced_clients', 'documents', 'debt'] }));
    const d5 = a.dimensions.find((d) => d.id === 'coercion_at_destination')!;
    expect(d5).toMatchObject({ positive: true, decidedByUnverified: false });
    // The slots are filled with the verified indicators first.
    expect(d5.match?.indicators).toEqual(['confiscation_of_documents', 'debt_bondage']);
    expect(flagIds(a)).not.toContain('verified_false_weights_used');
  });

  it('answers that are not values raise nothing', () => {
    const a = assess(q, record(q, { age: 30, deception: 'declined', controls: 'dont_know' }));
    expect(a.indicators).toEqual([]);
    expect(a.outcome.id).toBe('indicators_not_met');
  });
});

describe('referrals', () => {
  it('an entry with no condition always applies; categories are listed once in questionnaire order', () => {
    const a = assess(q, record(q, { age: 30 }));
    expect(a.referrals).toEqual([
      { category: 'hotline', referral: 4, entries: [4], because: ['always'] },
    ]);
  });

  it('by outcome and by flag', () => {
    const a = assess(
      q,
      record(q, {
        age: 12,
        deception: ['nature', 'wages'],
        hours_per_day: 16,
        work_conditions: ['low_pay'],
      }),
    );
    expect(a.outcome.id).toBe('indicators_met');
    expect(a.referrals.map((r) => [r.category, r.because])).toEqual([
      ['child_protection', ['minor']],
      ['shelter', ['indicators_met']],
      ['legal', ['indicators_met']],
      ['medical', ['urgent']],
      ['hotline', ['always']],
    ]);
  });
});

describe('the shipped example questionnaire', () => {
  const ex = shipped('example.yaml');
  it('scores its own constructs: threats are stronger for a child', () => {
    const answers = {
      job_as_promised: 'different_job',
      hours_per_day: 14,
      controls: ['threats', 'debt'],
    };
    const adult = assess(ex, record(ex, { age: 30, ...answers }));
    const child = assess(ex, record(ex, { age: 16, ...answers }));
    const d5 = (a: typeof adult) => a.dimensions.find((d) => d.id === 'coercion_at_destination')!;
    expect(d5(adult).counts).toEqual({ strong: 1, medium: 1, weak: 0 });
    expect(d5(child).counts).toEqual({ strong: 2, medium: 0, weak: 0 });
    expect(flagIds(child)).toEqual(['urgent', 'minor', 'child_reminder']);
    expect(child.referrals.map((r) => r.category)).toEqual(['child_protection', 'medical']);
  });
});

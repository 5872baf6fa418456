/**
 * The dimension rule over every combination of counts 0..3 of each strength, checked
 * against the rule as DOMAIN.md §6 words it (an oracle written independently of the
 * slot matcher), both on the pure function and through assess() on a record.
 */
import { describe, expect, it } from 'vitest';
import { assess, isPositive, nearestPositive } from '../../src/scoring/index.js';
import type { StrengthCounts } from '../../src/scoring/index.js';
import { fixture, record } from './helpers.js';

const q = fixture('ilo-slice.yaml');
const rule = q.scoring.dimensionRule;

/** "at least: two strong; or one strong plus one medium or weak; or three medium; or two medium plus one weak". */
function oracle({ strong: s, medium: m, weak: w }: StrengthCounts): boolean {
  return s >= 2 || (s >= 1 && m + w >= 1) || m >= 3 || (m >= 2 && w >= 1);
}

const all: StrengthCounts[] = [];
for (let strong = 0; strong <= 3; strong++)
  for (let medium = 0; medium <= 3; medium++)
    for (let weak = 0; weak <= 3; weak++) all.push({ strong, medium, weak });

describe('the ILO dimension rule, every count of strong/medium/weak in 0..3', () => {
  it.each(all)('%o', (counts) => {
    expect(isPositive(rule, counts)).toBe(oracle(counts));
  });

  it('one strong alone is not enough; weak alone never is', () => {
    expect(isPositive(rule, { strong: 1, medium: 0, weak: 0 })).toBe(false);
    expect(isPositive(rule, { strong: 0, medium: 0, weak: 3 })).toBe(false);
  });

  it('the nearest positive is the smallest addition, and every option listed reaches it', () => {
    for (const c of all) {
      const n = nearestPositive(rule, c);
      if (oracle(c)) {
        expect(n).toEqual({ kind: 'already_positive' });
        continue;
      }
      expect(n.kind).toBe('addition');
      if (n.kind !== 'addition') continue;
      // Brute force: every addition of up to 3 indicators.
      let smallest = Infinity;
      const expected: StrengthCounts[] = [];
      for (let s = 0; s <= 3; s++)
        for (let m = 0; m <= 3; m++)
          for (let w = 0; w <= 3; w++) {
            const size = s + m + w;
            if (
              size === 0 ||
              !oracle({ strong: c.strong + s, medium: c.medium + m, weak: c.weak + w })
            )
              continue;
            if (size < smallest) {
              smallest = size;
              expected.length = 0;
            }
            if (size === smallest) expected.push({ strong: s, medium: m, weak: w });
          }
      expect(n.size).toBe(smallest);
      expect(new Set(n.options.map((o) => JSON.stringify(o)))).toEqual(
        new Set(expected.map((o) => JSON.stringify(o))),
      );
    }
  });
});

describe('the rule through assess(): coercion at destination (adult weights)', () => {
  // Indicators of dimension 5 available in the fixture, by adult strength.
  const strong = ['documents', 'debt'];
  const medium = ['threats'];
  const weak = ['inform_family'];
  const cases: StrengthCounts[] = all.filter(
    (c) => c.strong <= strong.length && c.medium <= medium.length && c.weak <= weak.length,
  );
  it.each(cases)('%o', (c) => {
    const chosen = [
      ...strong.slice(0, c.strong),
      ...medium.slice(0, c.medium),
      ...weak.slice(0, c.weak),
    ];
    const a = assess(q, record(q, { age: 30, ...(chosen.length > 0 ? { controls: chosen } : {}) }));
    const d = a.dimensions.find((x) => x.id === 'coercion_at_destination')!;
    expect(d.counts).toEqual(c);
    expect(d.positive).toBe(oracle(c));
  });
});

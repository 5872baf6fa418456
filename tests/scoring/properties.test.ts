/** Properties of scoring over random records (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess, isPositive, nearestPositive } from '../../src/scoring/index.js';
import type { OutcomeId } from '../../src/questionnaire/types.js';
import { fixture, record } from './helpers.js';

const q = fixture('ilo-slice.yaml');
const rule = q.scoring.dimensionRule;

/** The multi questions that raise indicators, and their non-exclusive choices. */
const multis = q.questions
  .filter((x) => x.type === 'multi')
  .map((x) => ({ id: x.id, values: x.choices.filter((c) => !c.exclusive).map((c) => c.value) }));

const answersArb = fc.record({
  age: fc.integer({ min: 8, max: 70 }),
  hours: fc.integer({ min: 0, max: 24 }),
  picks: fc.tuple(...multis.map((m) => fc.subarray(m.values))),
});

type Gen = { age: number; hours: number; picks: string[][] };

function toRecord(g: Gen) {
  const answers: Record<string, string[] | number> = { age: g.age, hours_per_day: g.hours };
  multis.forEach((m, i) => {
    const p = g.picks[i] ?? [];
    if (p.length > 0) answers[m.id] = p;
  });
  return record(q, answers);
}

const rank: Record<OutcomeId, number> = {
  indicators_not_met: 0,
  indicators_partial: 1,
  indicators_met: 2,
};

const counts = fc.record({
  strong: fc.integer({ min: 0, max: 5 }),
  medium: fc.integer({ min: 0, max: 5 }),
  weak: fc.integer({ min: 0, max: 5 }),
});

describe('scoring properties', () => {
  it('adding an indicator never turns a positive dimension negative (counts)', () => {
    fc.assert(
      fc.property(counts, fc.constantFrom('strong', 'medium', 'weak'), (c, s) => {
        if (!isPositive(rule, c)) return true;
        return isPositive(rule, { ...c, [s]: c[s as keyof typeof c] + 1 });
      }),
    );
  });

  it('answering one more choice never turns a positive dimension negative nor lowers the outcome', () => {
    fc.assert(
      fc.property(answersArb, fc.nat(), fc.nat(), (g, qi, ci) => {
        const m = multis[qi % multis.length]!;
        const extra = m.values[ci % m.values.length]!;
        const before = assess(q, toRecord(g));
        const picks = g.picks.map((p, i) =>
          i === qi % multis.length && !p.includes(extra) ? [...p, extra] : p,
        );
        const after = assess(q, toRecord({ ...g, picks }));
        for (const d of before.dimensions) {
          if (d.positive) expect(after.dimensions.find((x) => x.id === d.id)!.positive).toBe(true);
        }
        expect(rank[after.outcome.id]).toBeGreaterThanOrEqual(rank[before.outcome.id]);
      }),
      { numRuns: 300 },
    );
  });

  it('the outcome is met exactly when the combination of positive dimensions holds', () => {
    fc.assert(
      fc.property(answersArb, (g) => {
        const a = assess(q, toRecord(g));
        const pos = new Set(a.dimensions.filter((d) => d.positive).map((d) => d.id));
        const recruit = [
          'deceptive_recruitment',
          'coercive_recruitment',
          'recruitment_abuse_of_vulnerability',
        ].some((d) => pos.has(d));
        const dest = ['coercion_at_destination', 'abuse_of_vulnerability_at_destination'].some(
          (d) => pos.has(d),
        );
        const expected =
          a.population.population === 'child'
            ? recruit && pos.has('exploitative_conditions')
            : recruit && pos.has('exploitative_conditions') && dest;
        expect(a.outcome.id === 'indicators_met').toBe(expected);
        if (!expected) expect(a.outcome.missing.length).toBeGreaterThan(0);
        expect(a.outcome.id === 'indicators_not_met').toBe(a.indicators.length === 0);
      }),
      { numRuns: 300 },
    );
  });

  it('every indicator counted has the evidence of an answer on the record', () => {
    fc.assert(
      fc.property(answersArb, (g) => {
        const r = toRecord(g);
        const a = assess(q, r);
        for (const i of a.indicators) {
          expect(i.evidence.length).toBeGreaterThan(0);
          for (const id of i.questions) expect(r.answers[id]).toBeDefined();
        }
      }),
      { numRuns: 200 },
    );
  });

  it('each option of the nearest positive makes the dimension positive, and nothing smaller does', () => {
    fc.assert(
      fc.property(counts, (c) => {
        const n = nearestPositive(rule, c);
        if (n.kind !== 'addition') return n.kind === 'already_positive' && isPositive(rule, c);
        for (const o of n.options) {
          expect(o.strong + o.medium + o.weak).toBe(n.size);
          expect(
            isPositive(rule, {
              strong: c.strong + o.strong,
              medium: c.medium + o.medium,
              weak: c.weak + o.weak,
            }),
          ).toBe(true);
        }
        return true;
      }),
    );
  });
});

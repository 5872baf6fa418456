import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { anonymise, PlanApplier, type KAnonPlan } from '../../src/export/kanon/anonymise.js';
import { ComboCounter, histogramOf } from '../../src/export/kanon/counter.js';
import {
  ageHierarchy,
  categoryHierarchy,
  countryHierarchy,
  dateHierarchy,
  DEFAULT_AGE_BANDS,
  type Hierarchy,
} from '../../src/export/hierarchy.js';
import { notesFor } from '../../src/export/summary.js';
import { rowViolations } from './helpers/checker.js';

function run(columns: string[], hierarchies: Hierarchy[], rows: string[][], k: number) {
  const h = histogramOf(columns, rows);
  const r = anonymise(h, hierarchies, { k });
  if (!r.ok) throw new Error('infeasible');
  const applier = new PlanApplier(r.plan);
  const out = rows.map((row) => applier.apply(row));
  return { plan: r.plan, out, applier };
}

const sex = categoryHierarchy();
const age = ageHierarchy(DEFAULT_AGE_BANDS);

describe('k-anonymity on hand-made tables', () => {
  it('publishes a table that is already 2-anonymous unchanged', () => {
    const rows = [
      ['18-24', 'f'],
      ['18-24', 'f'],
      ['25-29', 'm'],
      ['25-29', 'm'],
    ];
    const { plan, out } = run(['age', 'sex'], [age, sex], rows, 2);
    expect(out).toEqual(rows);
    expect(plan.levels).toEqual([0, 0]);
    expect(plan.report.suppressedCells).toBe(0);
  });

  it('generalises age to 10-year bands when that is cheaper than blanking', () => {
    // 25-29 and 20-24... each band alone is a singleton; 10-year bands pair them up.
    const rows = [
      ['30-34', 'f'],
      ['35-39', 'f'],
      ['40-44', 'm'],
      ['45-49', 'm'],
      ['30-34', 'f'],
      ['45-49', 'm'],
    ];
    const { plan, out } = run(['age', 'sex'], [age, sex], rows, 3);
    expect(plan.columns[0]).toBe('age');
    expect(plan.report.columns[0]!.levelName).toBe('10-year band');
    expect(out).toEqual([
      ['30-39', 'f'],
      ['30-39', 'f'],
      ['40-49', 'm'],
      ['40-49', 'm'],
      ['30-39', 'f'],
      ['40-49', 'm'],
    ]);
    expect(plan.report.suppressedCells).toBe(0);
  });

  it('blanks a single cell of an outlier instead of coarsening everyone (local suppression)', () => {
    // Nine records share (18-24, f); one record is (18-24, x). Blanking its sex cell
    // would leave a lone (18-24, *): it must join k others, so the cheapest fix blanks
    // its sex and borrows no one only if possible; here k = 2 and the only way short of
    // generalising sex away for all ten is to put it with rows lent by the big class.
    const rows = [...Array.from({ length: 9 }, () => ['18-24', 'f']), ['18-24', 'x']];
    const { plan, out } = run(['age', 'sex'], [age, sex], rows, 2);
    expect(rowViolations(out, 2)).toBe(0);
    // Far fewer cells lost than blanking the whole sex column (10 cells).
    expect(plan.report.blankCells).toBeLessThan(10);
    expect(plan.report.columnsSuppressed).toEqual([]);
  });

  it('merges two rare classes by blanking the column they differ in', () => {
    const rows = [
      ...Array.from({ length: 10 }, () => ['NG', 'f']),
      ...Array.from({ length: 5 }, () => ['GH', 'm']),
      ['NG', 'x'],
      ['NG', 'x'],
      ['NG', 'x'],
      ['GH', 'x'],
      ['GH', 'x'],
      ...Array.from({ length: 5 }, () => ['TH', 'f']),
    ];
    const { plan, out } = run(['nationality', 'sex'], [countryHierarchy(), sex], rows, 5);
    expect(rowViolations(out, 5)).toBe(0);
    // Blanking nationality in the five `x` rows (5 cells) costs less than coarsening
    // twenty rows to Western Africa: the two rare classes become one (*, x).
    expect(out.filter((r) => r[0] === '*' && r[1] === 'x').length).toBe(5);
    expect(out.filter((r) => r[0] === 'NG' && r[1] === 'f').length).toBe(10);
    expect(plan.report.columns[0]!.levelName).toBe('country');
    expect(plan.report.suppressedCells).toBe(5);
  });

  it('coarsens nationality to a world sub-region when that beats blanking', () => {
    const rows = [
      ...Array.from({ length: 4 }, () => ['NG', 'f']),
      ...Array.from({ length: 4 }, () => ['GH', 'f']),
      ...Array.from({ length: 4 }, () => ['SN', 'f']),
      ...Array.from({ length: 12 }, () => ['TH', 'f']),
    ];
    const { plan, out } = run(['nationality', 'sex'], [countryHierarchy(), sex], rows, 5);
    expect(rowViolations(out, 5)).toBe(0);
    expect(plan.report.columns[0]!.levelName).toBe('world sub-region');
    expect(out.filter((r) => r[0] === 'Western Africa').length).toBe(12);
    expect(out.filter((r) => r[0] === 'South-eastern Asia').length).toBe(12);
    expect(plan.report.suppressedCells).toBe(0);
  });

  it('says when k is out of reach: fewer records than k', () => {
    const h = histogramOf(['sex'], [['f'], ['m']]);
    const r = anonymise(h, [sex], { k: 5 });
    expect(r).toEqual({ ok: false, records: 2, k: 5 });
  });

  it('reports a column blanked entirely when nothing less will do', () => {
    // Every value of `id_like` is unique and it has no hierarchy: it can only go.
    const rows = Array.from({ length: 6 }, (_, i) => [`v${i}`, 'f']);
    const { plan, out } = run(['id_like', 'sex'], [categoryHierarchy(), sex], rows, 3);
    expect(rowViolations(out, 3)).toBe(0);
    expect(plan.report.columnsSuppressed).toEqual(['id_like']);
    expect(plan.report.columnsForced).toEqual(['id_like']);
    expect(out.every((r) => r[0] === '*' && r[1] === 'f')).toBe(true);
  });

  it('publishes a date column at its year rather than blanking it, when every date is in one year', () => {
    // Arrivals in four months of 2024, each month in a quarter of its own: only the
    // year brings rows together. The lone `x` row joins two rows the big classes can
    // spare, with sex blanked. "2024" is published, not `*` in every row.
    const months = ['2024-01', '2024-04', '2024-07', '2024-10'];
    const rows = [
      ...months.flatMap((m) => [
        [m, 'f'],
        [m, 'm'],
      ]),
      ['2024-01', 'x'],
    ];
    const { plan, out } = run(['arrived_on', 'sex'], [dateHierarchy('month'), sex], rows, 3);
    expect(rowViolations(out, 3)).toBe(0);
    expect(out.map((r) => r[0])).toEqual(rows.map(() => '2024'));
    expect(out.filter((r) => r[1] === '*').length).toBe(3);
    expect(plan.report.columns[0]!.levelName).toBe('year');
    expect(plan.report.blankCells).toBe(3);
    expect(plan.report.columnsSuppressed).toEqual([]);
    expect(notesFor(plan.report)).toEqual([]);
  });

  it('never blanks a column every row shares, even in the all-blank combination', () => {
    // The lone `x` row can only join rows lent by the big class, all blanked; the
    // month, the same in every row, tells no row from another and stays.
    const rows = [
      ...Array.from({ length: 6 }, () => ['2026-11', '18-24', 'f']),
      ['2026-11', '65+', 'x'],
    ];
    const { plan, out } = run(['month', 'age', 'sex'], [dateHierarchy('month'), age, sex], rows, 3);
    expect(rowViolations(out, 3)).toBe(0);
    expect(out.map((r) => r[0])).toEqual(rows.map(() => '2026-11'));
    expect(out.filter((r) => r[1] === '*' && r[2] === '*').length).toBe(3);
    expect(plan.report.columns[0]!.suppressedCells).toBe(0);
    expect(plan.report.blankCells).toBe(6);
  });

  it('says k forced a whole column out only when no table keeping it reaches k', () => {
    // `x` could be kept in two rows, (a, *) twice, but then the other two rows are
    // (*, *): six cells blanked instead of four. Blanking x is chosen, not forced.
    const rows = [
      ['a', 'p'],
      ['a', 'q'],
      ['b', 'p'],
      ['c', 'q'],
    ];
    const chosen = run(['x', 'y'], [categoryHierarchy(), sex], rows, 2);
    expect(chosen.out).toEqual([
      ['*', 'p'],
      ['*', 'q'],
      ['*', 'p'],
      ['*', 'q'],
    ]);
    expect(chosen.plan.report.columnsSuppressed).toEqual(['x']);
    expect(chosen.plan.report.columnsForced).toEqual([]);
    expect(notesFor(chosen.plan.report)).toEqual([
      'The column x is * in every row: of the tables tried, that lost the least information; k = 2 could also be met with it kept in some rows.',
    ]);
    // Three rows of `a` and one of `b` at k = 3: keeping `a` leaves the `b` row alone.
    const forced = run(
      ['x', 'y'],
      [categoryHierarchy(), sex],
      [
        ['a', 'p'],
        ['a', 'p'],
        ['a', 'p'],
        ['b', 'p'],
      ],
      3,
    );
    expect(forced.out.map((r) => r[0])).toEqual(['*', '*', '*', '*']);
    expect(forced.plan.report.columnsForced).toEqual(['x']);
    expect(notesFor(forced.plan.report)).toEqual([
      'k = 3 could not be met without suppressing the whole column x: it is * in every row.',
    ]);
  });

  it('k = 1 publishes every value at its finest level', () => {
    const rows = [
      ['2024-03', 'f'],
      ['2023-11', 'm'],
    ];
    const { plan, out } = run(['month', 'sex'], [dateHierarchy('month'), sex], rows, 1);
    expect(out).toEqual(rows);
    expect(plan.report.informationLoss).toBe(0);
  });

  it('is deterministic whatever the order of the rows', () => {
    const rows = [
      ['18-24', 'f'],
      ['25-29', 'm'],
      ['30-34', 'x'],
      ['18-24', 'f'],
      ['25-29', 'f'],
      ['65+', 'm'],
      ['12-14', 'f'],
    ];
    const a = run(['age', 'sex'], [age, sex], rows, 2).plan;
    const b = run(['age', 'sex'], [age, sex], [...rows].reverse(), 2).plan;
    expect(summaryOf(b)).toEqual(summaryOf(a));
  });
});

function summaryOf(p: KAnonPlan) {
  return {
    levels: p.levels,
    masks: [...p.masks],
    overflow: [...p.overflow],
    values: p.values,
    report: p.report,
  };
}

describe('counting at scale', () => {
  it('every row is counted, however many combinations (the tables grow as they fill)', () => {
    const rows: string[][] = [];
    for (let i = 0; i < 30_000; i++)
      rows.push([
        `2024-${String(1 + (i % 12)).padStart(2, '0')}`,
        `v${(i * 7919) % 5003}`,
        `w${i % 3}`,
      ]);
    const h = histogramOf(['month', 'a', 'b'], rows);
    const distinct = new Set(rows.map((r) => r.join('|'))).size;
    expect(h.counts.length).toBe(distinct);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(rows.length);
    expect(h.total).toBe(rows.length);
  });

  it('the guarantee holds on a large skewed table, checked independently', () => {
    const rows: string[][] = [];
    let seed = 12345;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const nats = ['NG', 'GH', 'TH', 'VN', 'RO', 'UA', 'BR', 'PH', 'ET', 'SN', 'ML', 'IN'];
    for (let i = 0; i < 20_000; i++)
      rows.push([
        ['0-11', '12-14', '15-17', '18-24', '25-29', '30-34', '35-39', '40-44', '65+'][
          Math.floor(rand() ** 2 * 9)
        ]!,
        ['f', 'm', 'x'][rand() < 0.6 ? 0 : rand() < 0.95 ? 1 : 2]!,
        nats[Math.floor(rand() ** 3 * nats.length)]!,
        `2024-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}`,
      ]);
    for (const k of [2, 5, 11]) {
      const { out } = run(
        ['age', 'sex', 'nationality', 'month'],
        [age, sex, countryHierarchy(), dateHierarchy('month')],
        rows,
        k,
      );
      expect(out.length).toBe(rows.length);
      expect(rowViolations(out, k)).toBe(0);
    }
  });
});

// ---- properties ------------------------------------------------------------------

const hierarchiesByKind: Record<string, { h: Hierarchy; values: string[] }> = {
  age: {
    h: age,
    values: ['0-11', '12-14', '15-17', '18-24', '25-29', '30-34', '40-44', '65+', 'unknown'],
  },
  sex: { h: sex, values: ['f', 'm', 'x', 'unknown'] },
  nationality: {
    h: countryHierarchy(),
    values: ['NG', 'GH', 'TH', 'VN', 'RO', 'UA', 'BR', 'stateless'],
  },
  month: {
    h: dateHierarchy('month'),
    values: ['2023-01', '2023-02', '2023-07', '2024-01', '2024-12'],
  },
  region: {
    h: categoryHierarchy([
      {
        name: 'zone',
        groups: new Map([
          ['r1', 'north'],
          ['r2', 'north'],
          ['r3', 'south'],
          ['r4', 'south'],
        ]),
      },
    ]),
    values: ['r1', 'r2', 'r3', 'r4'],
  },
};
const kinds = Object.keys(hierarchiesByKind);

const tableArb = fc
  .record({
    columns: fc.uniqueArray(fc.constantFrom(...kinds), { minLength: 1, maxLength: 5 }),
    k: fc.integer({ min: 1, max: 7 }),
    seedRows: fc.array(fc.array(fc.nat(), { minLength: 5, maxLength: 5 }), {
      minLength: 0,
      maxLength: 120,
    }),
  })
  .map(({ columns, k, seedRows }) => ({
    columns,
    k,
    rows: seedRows.map((seeds) =>
      columns.map((c, i) => {
        const vs = hierarchiesByKind[c]!.values;
        // Skewed: low indexes much more frequent, like real data.
        return vs[
          Math.min(vs.length - 1, Math.floor(Math.sqrt(seeds[i]! % (vs.length * vs.length))))
        ]!;
      }),
    ),
  }));

describe('k-anonymity properties', () => {
  it('every published combination occurs at least k times, and no row is lost', () => {
    fc.assert(
      fc.property(tableArb, ({ columns, k, rows }) => {
        const hs = columns.map((c) => hierarchiesByKind[c]!.h);
        const h = histogramOf(columns, rows);
        const r = anonymise(h, hs, { k });
        if (rows.length > 0 && rows.length < k) return !r.ok;
        if (!r.ok) return false;
        const applier = new PlanApplier(r.plan);
        const out = rows.map((row) => applier.apply(row));
        expect(out.length).toBe(rows.length);
        expect(rowViolations(out, k)).toBe(0);
        expect(applier.violations()).toBe(0);
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('every published cell is the original value, a coarser level of it, or *', () => {
    fc.assert(
      fc.property(tableArb, ({ columns, k, rows }) => {
        const hs = columns.map((c) => hierarchiesByKind[c]!.h);
        const r = anonymise(histogramOf(columns, rows), hs, { k });
        if (!r.ok) return true;
        const applier = new PlanApplier(r.plan);
        rows.forEach((row) => {
          const out = applier.apply(row);
          out.forEach((v, c) => {
            const h = hs[c]!;
            const ladder = h.levels.map((_, l) => h.generalise(row[c]!, l));
            expect(ladder).toContain(v);
          });
        });
        return true;
      }),
      { numRuns: 200 },
    );
  });

  it('the reported blanked cells match the published file', () => {
    fc.assert(
      fc.property(tableArb, ({ columns, k, rows }) => {
        const hs = columns.map((c) => hierarchiesByKind[c]!.h);
        const r = anonymise(histogramOf(columns, rows), hs, { k });
        if (!r.ok) return true;
        const applier = new PlanApplier(r.plan);
        const out = rows.map((row) => applier.apply(row));
        const stars = out.flat().filter((v) => v === '*').length;
        expect(r.plan.report.blankCells).toBe(stars);
        return true;
      }),
      { numRuns: 200 },
    );
  });
});

describe('rows read by key order or by name', () => {
  it('counts and publishes rows with keys missing, extra or out of order as the ordered rows', () => {
    const columns = ['sex', 'region', 'group'];
    const rows = Array.from({ length: 60 }, (_, i) => [
      ['f', 'm', 'x'][i % 3]!,
      `r${i % 4}`,
      i % 5 === 0 ? 'unknown' : `g${i % 2}`,
    ]);
    const ordered = rows.map((r) => ({ sex: r[0]!, region: r[1]!, group: r[2]! }));
    // Same values: keys reordered, `unknown` left out, an extra key, a numeric-like key.
    const mixed = rows.map((r, i): Record<string, string> => {
      if (i % 4 === 0) return { group: r[2]!, sex: r[0]!, region: r[1]! };
      if (i % 4 === 1)
        return r[2] === 'unknown'
          ? { sex: r[0]!, region: r[1]! }
          : { sex: r[0]!, region: r[1]!, group: r[2]! };
      if (i % 4 === 2) return { sex: r[0]!, region: r[1]!, group: r[2]!, other: 'y' };
      return { 7: 'z', sex: r[0]!, region: r[1]!, group: r[2]! };
    });
    const a = new ComboCounter(columns);
    const b = new ComboCounter(columns);
    for (const qi of ordered) a.add(qi);
    for (const qi of mixed) b.add(qi);
    const h = a.finish();
    expect(b.finish()).toEqual(h);
    const r = anonymise(h, [sex, categoryHierarchy(), categoryHierarchy()], { k: 3 });
    if (!r.ok) throw new Error('infeasible');
    const pa = new PlanApplier(r.plan);
    const pb = new PlanApplier(r.plan);
    expect(mixed.map((qi) => pb.applyRecord(qi))).toEqual(ordered.map((qi) => pa.applyRecord(qi)));
    expect(pb.combinations()).toBe(pa.combinations());
  });
});

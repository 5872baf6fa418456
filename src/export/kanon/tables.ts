/**
 * Per column and per hierarchy level, everything the search needs as numbers: the
 * generalised code of each level-0 value, the generalised values themselves, and the
 * information loss of each generalised value.
 *
 * Loss is the Loss Metric of Iyengar (2002), also offered by ARX: a value that stands
 * for m of the column's M observed level-0 values loses (m−1)/M; `*` loses 1, as it
 * stands for every value, seen or not. (Over M − 1, a year that covers every month
 * seen would lose as much as `*`, and the search could blank the whole column where
 * publishing the year keeps k.) A
 * row's loss is the sum over its quasi-identifier cells, so generalising nationality
 * to a world region of 8 countries costs less than blanking it, and blanking one cell
 * costs 1 − (the loss already taken by that cell).
 */
import type { Hierarchy } from '../hierarchy.js';
import { compareStrings, type Histogram } from './counter.js';

export interface ColumnTables {
  readonly name: string;
  /** Level names, finest first, the last being 'suppressed'. */
  readonly levelNames: readonly string[];
  /** Index of the top level (everything `*`). */
  readonly top: number;
  /** [level][level-0 code] → code at that level. */
  readonly gen: readonly Int32Array[];
  /** [level][code] → value at that level. */
  readonly genValues: readonly (readonly string[])[];
  /** [level][code] → loss of that value, in [0, 1]. */
  readonly loss: readonly Float64Array[];
  /** [level] → total loss of the column's cells at that level (sum over records). */
  readonly levelLoss: Float64Array;
}

export function buildTables(h: Histogram, hierarchies: readonly Hierarchy[]): ColumnTables[] {
  return h.columns.map((name, c) => {
    const hierarchy = hierarchies[c]!;
    const base = h.values[c]!;
    const M = base.length;
    const top = hierarchy.levels.length - 1;
    // Records per level-0 value: the column's marginal.
    const marginal = marginalOf(M, h.codes[c]!, h.counts);

    const gen: Int32Array[] = [];
    const genValues: string[][] = [];
    const loss: Float64Array[] = [];
    const levelLoss = new Float64Array(top + 1);
    for (let l = 0; l <= top; l++) {
      const mapped = base.map((v) => hierarchy.generalise(v, l));
      const distinct = [...new Set(mapped)].sort(compareStrings);
      const codeOf = new Map(distinct.map((v, i) => [v, i]));
      const g = new Int32Array(M);
      const members = new Float64Array(distinct.length);
      mapped.forEach((v, i) => {
        const code = codeOf.get(v)!;
        g[i] = code;
        members[code]! += 1;
      });
      const lv = new Float64Array(distinct.length);
      for (let k = 0; k < distinct.length; k++) lv[k] = l === top ? 1 : (members[k]! - 1) / M;
      let total = 0;
      for (let i = 0; i < M; i++) total += marginal[i]! * lv[g[i]!]!;
      gen.push(g);
      genValues.push(distinct);
      loss.push(lv);
      levelLoss[l] = total;
    }
    return { name, levelNames: hierarchy.levels, top, gen, genValues, loss, levelLoss };
  });
}

/**
 * Records per level-0 value. A loop alone in its function: V8 compiles a long loop
 * while it runs, and code after it in the same function, not yet run then, would
 * make every later call leave that compiled loop.
 */
function marginalOf(values: number, codes: Int32Array, counts: Int32Array): Float64Array {
  const marginal = new Float64Array(values);
  for (let e = 0; e < counts.length; e++) marginal[codes[e]!]! += counts[e]!;
  return marginal;
}

/**
 * Groups the histogram's entries into equivalence classes for one choice of
 * generalisation levels (a lattice node): entries whose generalised values are equal
 * in every column form one class. This runs for every node the search looks at, so
 * it works on integer codes only, with a reusable dense table when the node's value
 * space is small and a hash map otherwise.
 */
import type { Histogram } from './counter.js';
import type { ColumnTables } from './tables.js';

export interface Classes {
  /** Number of classes. */
  readonly n: number;
  /** Entry → class index; classes are numbered in entry order. */
  readonly ofEntry: Int32Array;
  /** Class → records. */
  readonly size: Int32Array;
  /** Class → its first entry (all entries of a class share the generalised values). */
  readonly first: Int32Array;
}

/** Beyond this many cells (16 MiB of Int32) the dense table gives way to a map. */
const DENSE_LIMIT = 1 << 22;

export class Classifier {
  private dense = new Int32Array(0);
  private readonly keys: Float64Array;
  private readonly intKeys: Int32Array;
  private readonly ofEntry: Int32Array;
  private readonly size: Int32Array;
  private readonly first: Int32Array;

  constructor(
    private readonly h: Histogram,
    private readonly tables: readonly ColumnTables[],
  ) {
    const n = h.counts.length;
    this.keys = new Float64Array(n);
    this.intKeys = new Int32Array(n);
    this.ofEntry = new Int32Array(n);
    this.size = new Int32Array(n);
    this.first = new Int32Array(n);
  }

  /** Generalised code of entry `e` in column `c` at `level`. */
  code(c: number, level: number, e: number): number {
    return this.tables[c]!.gen[level]![this.h.codes[c]![e]!]!;
  }

  classify(levels: readonly number[]): Classes {
    const { h, tables } = this;
    const n = h.counts.length;
    const q = h.columns.length;
    let space = 1;
    for (let c = 0; c < q; c++) space *= tables[c]!.genValues[levels[c]!]!.length;
    if (space > Number.MAX_SAFE_INTEGER) return this.classifyByRefinement(levels);

    if (space <= DENSE_LIMIT) {
      // Small value space: integer keys straight into a reusable dense table.
      const keys = this.intKeys;
      keys.fill(0);
      let mult = 1;
      for (let c = 0; c < q; c++) {
        const l = levels[c]!;
        const card = tables[c]!.genValues[l]!.length;
        if (card > 1) {
          const g = tables[c]!.gen[l]!;
          const codes = h.codes[c]!;
          for (let e = 0; e < n; e++) keys[e] = keys[e]! + g[codes[e]!]! * mult;
        }
        mult *= card;
      }
      return this.groupDense(space);
    }
    const keys = this.keys;
    keys.fill(0);
    let mult = 1;
    for (let c = 0; c < q; c++) {
      const l = levels[c]!;
      const g = tables[c]!.gen[l]!;
      const codes = h.codes[c]!;
      const card = tables[c]!.genValues[l]!.length;
      if (card > 1) for (let e = 0; e < n; e++) keys[e]! += g[codes[e]!]! * mult;
      mult *= card;
    }
    return this.groupMap();
  }

  private groupDense(space: number): Classes {
    if (this.dense.length < space) this.dense = new Int32Array(space).fill(-1);
    const { dense, intKeys: keys, ofEntry, size, first } = this;
    const counts = this.h.counts;
    const n = counts.length;
    let classes = 0;
    for (let e = 0; e < n; e++) {
      const key = keys[e]!;
      let id = dense[key]!;
      if (id < 0) {
        id = classes++;
        dense[key] = id;
        size[id] = 0;
        first[id] = e;
      }
      ofEntry[e] = id;
      size[id]! += counts[e]!;
    }
    for (let e = 0; e < n; e++) dense[keys[e]!] = -1;
    return { n: classes, ofEntry, size, first };
  }

  private groupMap(): Classes {
    const { keys, ofEntry, size, first } = this;
    const counts = this.h.counts;
    const ids = new Map<number, number>();
    let classes = 0;
    for (let e = 0; e < counts.length; e++) {
      const key = keys[e]!;
      let id = ids.get(key);
      if (id === undefined) {
        id = classes++;
        ids.set(key, id);
        size[id] = 0;
        first[id] = e;
      }
      ofEntry[e] = id;
      size[id]! += counts[e]!;
    }
    return { n: classes, ofEntry, size, first };
  }

  /**
   * For value spaces too large for one number: refine column by column, renumbering
   * after each, so a key never exceeds (classes so far) × (column cardinality).
   */
  private classifyByRefinement(levels: readonly number[]): Classes {
    const { h, tables, ofEntry, size, first } = this;
    const n = h.counts.length;
    const q = h.columns.length;
    ofEntry.fill(0);
    let classes = n > 0 ? 1 : 0;
    for (let c = 0; c < q; c++) {
      const l = levels[c]!;
      const card = tables[c]!.genValues[l]!.length;
      const ids = new Map<number, number>();
      for (let e = 0; e < n; e++) {
        const key = ofEntry[e]! * card + this.code(c, l, e);
        let id = ids.get(key);
        if (id === undefined) {
          id = ids.size;
          ids.set(key, id);
        }
        ofEntry[e] = id;
      }
      classes = ids.size;
    }
    // Renumber in entry order, as the other paths do.
    const order = new Map<number, number>();
    for (let e = 0; e < n; e++) {
      const old = ofEntry[e]!;
      let id = order.get(old);
      if (id === undefined) {
        id = order.size;
        order.set(old, id);
        size[id] = 0;
        first[id] = e;
      }
      ofEntry[e] = id;
      size[id]! += h.counts[e]!;
    }
    return { n: classes, ofEntry, size, first };
  }
}

/**
 * Groups the histogram's entries into equivalence classes for one choice of
 * generalisation levels (a lattice node): entries whose generalised values are equal
 * in every column form one class. This runs for every node the search looks at, so
 * it works on integer codes only, in reusable typed arrays.
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

export class Classifier {
  private readonly keys: Float64Array;
  private readonly ofEntry: Int32Array;
  private readonly size: Int32Array;
  private readonly first: Int32Array;
  private slots = new Float64Array(0);
  private ids = new Int32Array(0);

  constructor(
    private readonly h: Histogram,
    private readonly tables: readonly ColumnTables[],
  ) {
    const n = h.counts.length;
    this.keys = new Float64Array(n);
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

    // Each entry's generalised combination as one mixed-radix number.
    const keys = this.keys;
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
    return this.group();
  }

  /**
   * Class ids by open addressing in a table about twice the number of entries: it
   * stays in cache, where a dense table over the whole value space (megabytes at the
   * finest nodes) would not.
   */
  private group(): Classes {
    const { keys, ofEntry, size, first } = this;
    const counts = this.h.counts;
    const n = counts.length;
    const mask = this.table(n);
    const { slots, ids } = this;
    let classes = 0;
    for (let e = 0; e < n; e++) {
      const key = keys[e]!;
      const hi = Math.floor(key / 4294967296);
      let i = Math.imul((key >>> 0) ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b) & mask;
      let id = ids[i]!;
      while (id >= 0 && slots[i] !== key) {
        i = (i + 1) & mask;
        id = ids[i]!;
      }
      if (id < 0) {
        id = classes++;
        ids[i] = id;
        slots[i] = key;
        size[id] = 0;
        first[id] = e;
      }
      ofEntry[e] = id;
      size[id]! += counts[e]!;
    }
    return { n: classes, ofEntry, size, first };
  }

  /** Clears (and sizes, the first time) the table; returns the index mask. */
  private table(n: number): number {
    let cap = 16;
    while (cap < n * 2) cap *= 2;
    if (this.ids.length !== cap) {
      this.ids = new Int32Array(cap);
      this.slots = new Float64Array(cap);
    }
    this.ids.fill(-1);
    return cap - 1;
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
    // Renumber in entry order, as the other path does.
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

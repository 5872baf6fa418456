/**
 * Groups the histogram's entries into equivalence classes for one choice of
 * generalisation levels (a lattice node): entries whose generalised values are equal
 * in every column form one class. This runs for every node the search looks at, so
 * it works on integer codes only, in reusable typed arrays.
 *
 * A node's classes are unions of the classes of any finer node (every level ≤), so a
 * node is grouped from the smallest finer node already grouped rather than from the
 * entries: at N = 100 000 the raw combinations are about one per two records, while a
 * node one step coarser has a third to a half fewer classes.
 */
import type { Histogram } from './counter.js';
import { GroupScratch, hashKey } from './hash.js';
import type { ColumnTables } from './tables.js';

export interface Classes {
  /** Number of classes. */
  readonly n: number;
  /** Class → records. */
  readonly size: Int32Array;
  /** Class → its first entry (all entries of a class share the generalised values). */
  readonly first: Int32Array;
}

/** A grouped node kept to group coarser nodes from. */
interface Grouped {
  readonly levels: readonly number[];
  readonly n: number;
  /** Its classes, the same shape as every other `Classes` (the search's loops stay monomorphic). */
  readonly classes: Classes;
  /** Class → its key in the fixed layout (see `mults`), when that layout is used. */
  readonly keys: Float64Array | undefined;
}

/** Class entries kept for reuse, in units of the histogram's entries (memory stays linear). */
const KEEP_FACTOR = 16;
/** Key spaces up to this size (and a small multiple of the entries) are grouped in a dense table. */
const DENSE_LIMIT = 1 << 22;
const DENSE_FACTOR = 16;

export class Classifier {
  private readonly keys: Float64Array;
  private readonly size: Int32Array;
  private readonly first: Int32Array;
  /** The items grouped by `group`: an entry of the histogram each, with its records. */
  private readonly itemEntry: Int32Array;
  private readonly itemWeight: Int32Array;
  /** Group tables reused from node to node (dense ids are −1 between uses). */
  private readonly scratch = new GroupScratch();
  private readonly classKeys: Float64Array;
  private readonly kept: Grouped[] = [];
  private keptCells = 0;
  /**
   * Place values of a key layout that is the same at every node (each column's radix
   * is its number of level-0 values), when the level-0 value space fits in a number.
   * A node grouped from a finer one then only re-reads the columns whose level
   * differs: its key is the finer key plus the change in those columns' codes.
   */
  private readonly mults: number[] | undefined;
  /** Number of keys of the fixed layout (product of the level-0 cardinalities). */
  private readonly fixedSpace: number;
  constructor(
    private readonly h: Histogram,
    private readonly tables: readonly ColumnTables[],
  ) {
    const n = h.counts.length;
    this.keys = new Float64Array(n);
    this.classKeys = new Float64Array(n);
    this.size = new Int32Array(n);
    this.first = new Int32Array(n);
    this.itemEntry = new Int32Array(n);
    this.itemWeight = new Int32Array(n);
    // The first column most significant: entries are sorted by their codes, first
    // column first, so at the finest nodes the keys of successive items increase and
    // a dense table is read in order.
    let mult = 1;
    const mults = new Array<number>(tables.length);
    for (let c = tables.length - 1; c >= 0; c--) {
      mults[c] = mult;
      mult *= tables[c]!.genValues[0]!.length;
    }
    this.mults = mult <= Number.MAX_SAFE_INTEGER ? mults : undefined;
    this.fixedSpace = mult;
  }

  /** Generalised code of entry `e` in column `c` at `level`. */
  code(c: number, level: number, e: number): number {
    return this.tables[c]!.gen[level]![this.h.codes[c]![e]!]!;
  }

  /**
   * The classes of a node. The arrays are the classifier's own: read them, do not
   * change them; they stay valid while the classifier lives.
   */
  classify(levels: readonly number[]): Classes {
    const { h, tables } = this;
    const q = h.columns.length;
    let space = 1;
    for (let c = 0; c < q; c++) space *= tables[c]!.genValues[levels[c]!]!.length;
    if (space > Number.MAX_SAFE_INTEGER) return this.classifyByRefinement(levels);
    const base = this.finestKeptBelow(levels);
    if (base && base.levels.every((l, c) => l === levels[c])) return base.classes;
    const n = this.items(base?.classes);
    if (this.mults && base?.keys) this.keysFrom(base, levels, n, this.mults);
    else this.keysAt(levels, n, this.mults);
    if (!base && this.entriesAreClasses(levels)) return this.keep(levels, this.entryClasses(n));
    const keySpace = this.mults ? this.fixedSpace : space;
    const dense =
      keySpace <= DENSE_LIMIT && keySpace <= Math.max(1 << 16, DENSE_FACTOR * this.h.counts.length);
    return this.keep(levels, dense ? this.groupDense(n, keySpace) : this.group(n));
  }

  /**
   * Whether every entry is a class of its own at `levels`: at the finest level no two
   * values of a column meet, and the counter made one entry per distinct combination.
   */
  private entriesAreClasses(levels: readonly number[]): boolean {
    const { h, tables } = this;
    for (let c = 0; c < levels.length; c++)
      if (levels[c] !== 0 || tables[c]!.genValues[0]!.length !== h.values[c]!.length) return false;
    return true;
  }

  /**
   * The classes of the finest node without grouping: class i is entry i, numbered by
   * its first (only) entry as grouping would number it. Grouping the largest node
   * (about one entry per two records) was the costliest of the search's groupings.
   */
  private entryClasses(n: number): Classes {
    const { size, first, classKeys, keys, itemEntry, itemWeight } = this;
    size.set(itemWeight.subarray(0, n));
    first.set(itemEntry.subarray(0, n));
    classKeys.set(keys.subarray(0, n));
    return { n, size, first };
  }

  /**
   * Each item's generalised combination as one mixed-radix number: in the fixed
   * layout when there is one, else with this node's own radices (smaller numbers).
   */
  private keysAt(levels: readonly number[], n: number, mults: readonly number[] | undefined): void {
    const { h, tables, keys, itemEntry } = this;
    keys.fill(0, 0, n);
    let mult = 1;
    for (let c = levels.length - 1; c >= 0; c--) {
      const l = levels[c]!;
      const card = tables[c]!.genValues[l]!.length;
      const m = mults ? mults[c]! : mult;
      if (card > 1) {
        addColumn(keys, n, itemEntry, h.codes[c]!, tables[c]!.gen[l]!, m);
      }
      mult *= card;
    }
  }

  /** Keys in the fixed layout from a finer node's: only the columns whose level changed are read. */
  private keysFrom(base: Grouped, levels: readonly number[], n: number, mults: readonly number[]) {
    const { h, tables, keys, itemEntry } = this;
    keys.set(base.keys!.subarray(0, n));
    for (let c = 0; c < levels.length; c++) {
      const from = base.levels[c]!;
      const to = levels[c]!;
      if (from === to) continue;
      const gen = tables[c]!.gen;
      changeColumn(keys, n, itemEntry, h.codes[c]!, gen[from]!, gen[to]!, mults[c]!);
    }
  }

  /** The kept node with fewest classes among those at least as fine as `levels` in every column. */
  private finestKeptBelow(levels: readonly number[]): Grouped | undefined {
    let best: Grouped | undefined;
    for (const g of this.kept) {
      if (best && g.n >= best.n) continue;
      let finer = true;
      for (let c = 0; c < levels.length && finer; c++) finer = g.levels[c]! <= levels[c]!;
      if (finer) best = g;
    }
    return best;
  }

  /**
   * Loads the items to group: the classes of `base` (each its first entry and its
   * records), or every entry. Both are in entry order, so classes are numbered by
   * their first entry either way and the result does not depend on the base.
   */
  private items(base: Classes | undefined): number {
    const { itemEntry, itemWeight } = this;
    if (base) {
      itemEntry.set(base.first.subarray(0, base.n));
      itemWeight.set(base.size.subarray(0, base.n));
      return base.n;
    }
    const counts = this.h.counts;
    for (let e = 0; e < counts.length; e++) {
      itemEntry[e] = e;
      itemWeight[e] = counts[e]!;
    }
    return counts.length;
  }

  /** Keeps a copy of the node's classes while the memory budget allows; returns the classes. */
  private keep(levels: readonly number[], classes: Classes): Classes {
    if (this.keptCells + classes.n > KEEP_FACTOR * Math.max(1024, this.h.counts.length))
      return classes;
    const copy: Classes = {
      n: classes.n,
      size: classes.size.slice(0, classes.n),
      first: classes.first.slice(0, classes.n),
    };
    const kept: Grouped = {
      levels: [...levels],
      n: classes.n,
      classes: copy,
      keys: this.mults ? this.classKeys.slice(0, classes.n) : undefined,
    };
    this.kept.push(kept);
    this.keptCells += classes.n;
    return copy;
  }

  /**
   * Class ids by open addressing in a table about twice the number of entries: it
   * stays in cache, where a dense table over the whole value space (megabytes at the
   * finest nodes) would not.
   */
  private group(n: number): Classes {
    const { keys, size, first, itemEntry, itemWeight, classKeys } = this;
    const mask = this.scratch.hashed(n);
    const { slots, ids } = this.scratch;
    const classes = groupHashed(
      n,
      keys,
      itemEntry,
      itemWeight,
      mask,
      slots,
      ids,
      size,
      first,
      classKeys,
    );
    return { n: classes, size, first };
  }

  /**
   * The same classes, numbered the same way (by first item), with a table indexed by
   * the key itself: one read per item, no hashing or probing. Only the entries used
   * are put back to −1 afterwards.
   */
  private groupDense(n: number, keySpace: number): Classes {
    const { keys, size, first, itemEntry, itemWeight, classKeys } = this;
    const dense = this.scratch.table(keySpace);
    const classes = groupDense(n, keys, itemEntry, itemWeight, dense, size, first, classKeys);
    clearDense(dense, classKeys, classes);
    return { n: classes, size, first };
  }

  /**
   * For value spaces too large for one number: refine column by column, renumbering
   * after each, so a key never exceeds (classes so far) × (column cardinality).
   */
  private classifyByRefinement(levels: readonly number[]): Classes {
    const { h, tables, size, first } = this;
    const ofEntry = this.itemEntry;
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
      size[id]! += h.counts[e]!;
    }
    return { n: classes, size, first };
  }
}

// The hot loops, each alone in a function that returns a number: V8 compiles a long
// loop while it runs (on-stack replacement), before the code after it has run; code
// after the loop would then leave the compiled loop on every call, since that compiled
// code is kept for the loop. Alone, the loop is the whole function.

/** keys[i] += gen[codes[entry[i]]] × m. */
function addColumn(
  keys: Float64Array,
  n: number,
  itemEntry: Int32Array,
  codes: Int32Array,
  gen: Int32Array,
  m: number,
): number {
  for (let i = 0; i < n; i++) keys[i] = keys[i]! + gen[codes[itemEntry[i]!]!]! * m;
  return n;
}

/** keys[i] += (to − from code of the item's value) × m. */
function changeColumn(
  keys: Float64Array,
  n: number,
  itemEntry: Int32Array,
  codes: Int32Array,
  genFrom: Int32Array,
  genTo: Int32Array,
  m: number,
): number {
  for (let i = 0; i < n; i++) {
    const code = codes[itemEntry[i]!]!;
    keys[i] = keys[i]! + (genTo[code]! - genFrom[code]!) * m;
  }
  return n;
}

/** Classes of the items by key in open addressing, numbered by first item; returns their number. */
function groupHashed(
  n: number,
  keys: Float64Array,
  itemEntry: Int32Array,
  itemWeight: Int32Array,
  mask: number,
  slots: Float64Array,
  ids: Int32Array,
  size: Int32Array,
  first: Int32Array,
  classKeys: Float64Array,
): number {
  let classes = 0;
  for (let i = 0; i < n; i++) {
    const key = keys[i]!;
    let s = hashKey(key) & mask;
    let id = ids[s]!;
    while (id >= 0 && slots[s] !== key) {
      s = (s + 1) & mask;
      id = ids[s]!;
    }
    if (id < 0) {
      id = classes++;
      ids[s] = id;
      slots[s] = key;
      size[id] = 0;
      first[id] = itemEntry[i]!;
      classKeys[id] = key;
    }
    size[id]! += itemWeight[i]!;
  }
  return classes;
}

/** The same with a table indexed by the key itself. */
function groupDense(
  n: number,
  keys: Float64Array,
  itemEntry: Int32Array,
  itemWeight: Int32Array,
  dense: Int32Array,
  size: Int32Array,
  first: Int32Array,
  classKeys: Float64Array,
): number {
  let classes = 0;
  for (let i = 0; i < n; i++) {
    const key = keys[i]!;
    let id = dense[key]!;
    if (id < 0) {
      id = classes++;
      dense[key] = id;
      size[id] = 0;
      first[id] = itemEntry[i]!;
      classKeys[id] = key;
    }
    size[id]! += itemWeight[i]!;
  }
  return classes;
}

/** Puts the dense table's used entries back to −1. */
function clearDense(dense: Int32Array, classKeys: Float64Array, classes: number): number {
  for (let id = 0; id < classes; id++) dense[classKeys[id]!] = -1;
  return classes;
}

/**
 * Pass 1 of the export: counts each distinct combination of quasi-identifier values
 * (at their finest published level) without keeping any row. Memory grows with the
 * number of distinct combinations and values, never with the number of records.
 *
 * Columns may be declared while counting (a later questionnaire adds a
 * quasi-identifier): rows counted before simply had `unknown` in that column.
 */
import { UNKNOWN } from '../values.js';
import { hashKey } from './hash.js';

/** The finished counts, in a compact coded form the search works on. */
export interface Histogram {
  readonly columns: readonly string[];
  /** Per column, its distinct level-0 values, sorted (code = index). */
  readonly values: readonly (readonly string[])[];
  /** Per column, the value code of each entry. Entries are sorted by their codes. */
  readonly codes: readonly Int32Array[];
  /** Records per entry (every entry ≥ 1). */
  readonly counts: Int32Array;
  /** Number of records counted. */
  readonly total: number;
}

export class ComboCounter {
  private readonly columns: string[] = [];
  private readonly dicts: Map<string, number>[] = [];
  /**
   * Combination key → entry. A key packs the value codes into one number (a few bits
   * per column, widened as a column gains values) while they fit in 52 bits, and is
   * found in an open-addressing table of entry numbers on typed arrays: with nearly
   * one combination per two records a Map's per-entry cost dominated counting.
   * Beyond 52 bits, the codes joined, in a Map.
   */
  private slots = new Int32Array(1024).fill(-1);
  private keyOf = new Float64Array(1024);
  private stringIndex = new Map<string, number>();
  /** Per column, the code of each entry; and each entry's count. Grown as needed. */
  private codes: Int32Array[] = [];
  private counts = new Int32Array(1024);
  private entries = 0;
  private bits: number[] = [];
  /** 2^(bits of the columns before): where each column's code sits in a packed key. */
  private scales: number[] = [];
  private packed = true;
  private readonly scratch: number[] = [];
  private total = 0;

  constructor(columns: readonly string[] = []) {
    this.addColumns(columns);
  }

  get columnNames(): readonly string[] {
    return this.columns;
  }

  /** Distinct combinations counted so far. */
  get distinct(): number {
    return this.entries;
  }

  /**
   * Declares columns (a questionnaire's quasi-identifiers). A column new to the
   * counter extends every combination counted so far with `unknown` (code 0): those
   * rows did not have it.
   */
  addColumns(names: readonly string[]): void {
    const fresh = names.filter((n) => !this.columns.includes(n));
    if (fresh.length === 0) return;
    for (const name of fresh) {
      this.columns.push(name);
      this.dicts.push(new Map([[UNKNOWN, 0]]));
      this.bits.push(4);
      this.scratch.push(0);
      this.codes.push(new Int32Array(this.counts.length));
    }
    this.rekey();
  }

  private packedKey(codes: ArrayLike<number>): number {
    const scales = this.scales;
    let key = 0;
    for (let c = 0; c < scales.length; c++) key += codes[c]! * scales[c]!;
    return key;
  }

  /** Rebuilds every key from the stored codes after the layout changed (rare: a column outgrew its bits). */
  private rekey(): void {
    this.packed = this.packed && this.bits.reduce((a, b) => a + b, 0) <= 52;
    let scale = 1;
    this.scales = this.bits.map((b) => {
      const s = scale;
      scale *= 2 ** b;
      return s;
    });
    const q = this.columns.length;
    const row = new Array<number>(q);
    this.stringIndex = new Map();
    for (let e = 0; e < this.entries; e++) {
      for (let c = 0; c < q; c++) row[c] = this.codes[c]![e]!;
      if (this.packed) this.keyOf[e] = this.packedKey(row);
      else this.stringIndex.set(row.join(','), e);
    }
    this.rehash();
  }

  /** Sizes the slot table to at least twice the entries (a power of two) and refills it. */
  private rehash(): void {
    if (!this.packed) {
      this.slots = new Int32Array(0);
      return;
    }
    let cap = 1024;
    while (cap < this.entries * 2 + 2) cap *= 2;
    if (this.slots.length !== cap) this.slots = new Int32Array(cap);
    const { slots, keyOf } = this;
    slots.fill(-1);
    const mask = cap - 1;
    for (let e = 0; e < this.entries; e++) {
      let i = hashKey(keyOf[e]!) & mask;
      while (slots[i]! >= 0) i = (i + 1) & mask;
      slots[i] = e;
    }
  }

  private grow(): void {
    const size = this.counts.length * 2;
    const counts = new Int32Array(size);
    counts.set(this.counts);
    this.counts = counts;
    const keyOf = new Float64Array(size);
    keyOf.set(this.keyOf);
    this.keyOf = keyOf;
    this.codes = this.codes.map((old) => {
      const a = new Int32Array(size);
      a.set(old);
      return a;
    });
  }

  /**
   * The entry of a row (columns it lacks count as `unknown`), created if new. One
   * pass over the columns by index codes each value and builds the packed key as it
   * goes; only a new value (rare) can change the layout, and then the key is rebuilt.
   */
  private entryOf(qi: Readonly<Record<string, string>>): number {
    const codes = this.scratch;
    const columns = this.columns;
    const q = columns.length;
    let key = 0;
    // Rows nearly always hold exactly the columns, in their order: walking the row's
    // own keys then reads each value without a lookup by name. Any other row is read
    // by name below (the columns coded so far are the same either way).
    let c = 0;
    for (const name in qi) {
      if (c === q || name !== columns[c]) {
        c = -1;
        break;
      }
      key = this.codeInto(c, qi[name] ?? UNKNOWN, key);
      c++;
    }
    if (c !== q) key = this.keyByName(qi);
    if (!this.packed) return this.stringEntry(codes);
    const slots = this.slots;
    const keyOf = this.keyOf;
    const mask = slots.length - 1;
    let i = hashKey(key) & mask;
    let e = slots[i]!;
    while (e >= 0) {
      if (keyOf[e] === key) return e;
      i = (i + 1) & mask;
      e = slots[i]!;
    }
    e = this.newEntry(codes);
    this.keyOf[e] = key;
    if (this.entries * 2 + 2 > slots.length) this.rehash();
    else slots[i] = e;
    return e;
  }

  /** Codes a row by column name into the scratch codes; returns its packed key. */
  private keyByName(qi: Readonly<Record<string, string>>): number {
    const columns = this.columns;
    let key = 0;
    for (let c = 0; c < columns.length; c++)
      key = this.codeInto(c, qi[columns[c]!] ?? UNKNOWN, key);
    return key;
  }

  /**
   * Codes column `c`'s value into the scratch codes and returns the packed key of
   * columns 0..c, given `key`, that of columns 0..c−1. A new value may widen the
   * layout: then the columns before take their new places in the key.
   */
  private codeInto(c: number, value: string, key: number): number {
    const codes = this.scratch;
    let code = this.dicts[c]!.get(value);
    if (code === undefined) {
      const before = this.scales;
      code = this.newCode(c, value);
      if (this.scales !== before) {
        key = 0;
        for (let d = 0; d < c; d++) key += codes[d]! * this.scales[d]!;
      }
    }
    codes[c] = code;
    return key + code * this.scales[c]!;
  }

  /** Codes a value new to column `c`, widening the column's bits (and rekeying) when it outgrows them. */
  private newCode(c: number, v: string): number {
    const dict = this.dicts[c]!;
    const code = dict.size;
    dict.set(v, code);
    if (code >= 2 ** this.bits[c]!) {
      this.bits[c] = this.bits[c]! * 2;
      this.rekey();
    }
    return code;
  }

  private stringEntry(codes: readonly number[]): number {
    const key = codes.join(',');
    let e = this.stringIndex.get(key);
    if (e === undefined) {
      e = this.newEntry(codes);
      this.stringIndex.set(key, e);
    }
    return e;
  }

  private newEntry(codes: readonly number[]): number {
    if (this.entries === this.counts.length) this.grow();
    const e = this.entries++;
    for (let c = 0; c < codes.length; c++) this.codes[c]![e] = codes[c]!;
    return e;
  }

  /** Counts a row. Columns must have been declared (addColumns); others are ignored. */
  add(qi: Readonly<Record<string, string>>, n = 1): void {
    // The entry first: finding it may grow (replace) the counts array.
    const e = this.entryOf(qi);
    this.counts[e]! += n;
    this.total += n;
  }

  /** Takes back a row counted earlier (a duplicate replaced by a newer copy). */
  remove(qi: Readonly<Record<string, string>>): void {
    const e = this.entryOf(qi);
    if (this.counts[e]! <= 0)
      throw new Error('internal: removing a combination that was never counted');
    this.counts[e]!--;
    this.total--;
  }

  /**
   * Codes renumbered in sorted value order and entries sorted, so every later decision
   * depends on the multiset of rows, never on the order files were read in.
   * `columnOrder` lists the columns in the order the histogram should have them.
   */
  finish(columnOrder: readonly string[] = this.columns): Histogram {
    const q = columnOrder.length;
    // -1: a column no row had; every row is `unknown` there.
    const src = columnOrder.map((name) => this.columns.indexOf(name));
    const live = new Int32Array(this.entries);
    const n = liveEntries(this.counts, this.entries, live);
    const values: string[][] = [];
    const remapped: Int32Array[] = [];
    for (let c = 0; c < q; c++) {
      const i = src[c]!;
      const dict = i >= 0 ? this.dicts[i]! : new Map([[UNKNOWN, 0]]);
      // Only values some counted row has: `unknown` is always in the dictionary, and a
      // value seen only in a duplicate that was taken back is not in the data.
      const used = new Uint8Array(dict.size);
      const from = i >= 0 ? this.codes[i]! : undefined;
      if (from) markUsed(from, live, n, used);
      else used[0] = 1;
      const sorted = [...dict]
        .filter(([, code]) => used[code])
        .map(([v]) => v)
        .sort(compareStrings);
      const codeOf = new Map(sorted.map((v, j) => [v, j]));
      const remap = new Int32Array(dict.size);
      for (const [v, old] of dict) remap[old] = codeOf.get(v) ?? -1;
      values.push(sorted);
      const col = new Int32Array(n);
      if (from) remapColumn(from, live, n, remap, col);
      remapped.push(col);
    }
    // Entries in code order: a stable counting sort per column, last column first (LSD radix).
    let order: Int32Array = identity(n);
    let next: Int32Array = new Int32Array(n);
    for (let c = q - 1; c >= 0; c--) {
      countingSort(remapped[c]!, values[c]!.length, n, order, next);
      [order, next] = [next, order];
    }
    const codes = remapped.map((col) => gather(col, order, n, new Int32Array(n)));
    const counts = new Int32Array(n);
    const sum = gatherCounts(this.counts, live, order, n, counts);
    // Every row counted must be in exactly one entry: the search trusts these counts.
    if (sum !== this.total)
      throw new Error(`internal: ${sum} rows in the counts, ${this.total} added`);
    return { columns: [...columnOrder], values, codes, counts, total: this.total };
  }
}

// The loops of `finish`, each alone in a function that returns a number: V8 compiles a
// long loop while it runs (on-stack replacement), and code after it in the same
// function, not yet run then, made the compiled code deoptimise as soon as the loop
// ended; `finish` was compiled and thrown away several times on every export.

/** The entries counted at least once, in entry order, into `live`; returns how many. */
function liveEntries(counts: Int32Array, entries: number, live: Int32Array): number {
  let n = 0;
  for (let e = 0; e < entries; e++) if (counts[e]! > 0) live[n++] = e;
  return n;
}

function markUsed(from: Int32Array, live: Int32Array, n: number, used: Uint8Array): number {
  for (let j = 0; j < n; j++) used[from[live[j]!]!] = 1;
  return n;
}

function remapColumn(
  from: Int32Array,
  live: Int32Array,
  n: number,
  remap: Int32Array,
  col: Int32Array,
): number {
  for (let j = 0; j < n; j++) col[j] = remap[from[live[j]!]!]!;
  return n;
}

/** One stable counting-sort pass of `order` by `col` into `next`. */
function countingSort(
  col: Int32Array,
  values: number,
  n: number,
  order: Int32Array,
  next: Int32Array,
): number {
  const starts = new Int32Array(values + 1);
  tally(col, n, starts);
  // One step per distinct value (a few dozen): too short to be compiled on its own.
  for (let v = 1; v < starts.length; v++) starts[v]! += starts[v - 1]!;
  scatter(col, n, order, next, starts);
  return n;
}

/** starts[v + 1] = entries with value v. */
function tally(col: Int32Array, n: number, starts: Int32Array): number {
  for (let j = 0; j < n; j++) starts[col[j]! + 1]!++;
  return n;
}

function identity(n: number): Int32Array {
  const order = new Int32Array(n);
  for (let j = 0; j < n; j++) order[j] = j;
  return order;
}

function scatter(
  col: Int32Array,
  n: number,
  order: Int32Array,
  next: Int32Array,
  starts: Int32Array,
): number {
  for (let j = 0; j < n; j++) {
    const e = order[j]!;
    next[starts[col[e]!]!++] = e;
  }
  return n;
}

/** out[j] = col[order[j]] (a plain loop: TypedArray.from with a mapping function is many times slower). */
function gather(col: Int32Array, order: Int32Array, n: number, out: Int32Array): Int32Array {
  for (let j = 0; j < n; j++) out[j] = col[order[j]!]!;
  return out;
}

/** The counts in sorted entry order into `out`; returns their sum. */
function gatherCounts(
  counts: Int32Array,
  live: Int32Array,
  order: Int32Array,
  n: number,
  out: Int32Array,
): number {
  let sum = 0;
  for (let j = 0; j < n; j++) sum += out[j] = counts[live[order[j]!]!]!;
  return sum;
}

/** Code-unit order: the same on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A histogram from plain rows: for tests and for callers that hold a small table. */
export function histogramOf(
  columns: readonly string[],
  rows: readonly (readonly string[])[],
): Histogram {
  const counter = new ComboCounter(columns);
  for (const r of rows) {
    const qi: Record<string, string> = {};
    columns.forEach((c, i) => (qi[c] = r[i] ?? UNKNOWN));
    counter.add(qi);
  }
  return counter.finish();
}

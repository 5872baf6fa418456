/**
 * Pass 1 of the export: counts each distinct combination of quasi-identifier values
 * (at their finest published level) without keeping any row. Memory grows with the
 * number of distinct combinations and values, never with the number of records.
 *
 * Columns may be declared while counting (a later questionnaire adds a
 * quasi-identifier): rows counted before simply had `unknown` in that column.
 */
import { UNKNOWN } from '../values.js';

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

const SEP = ',';
const WIDE_CODE = 0xffff;

function decode(key: string, wide: boolean): number[] {
  if (wide) return key.split(SEP).map(Number);
  const out = new Array<number>(key.length);
  for (let i = 0; i < key.length; i++) out[i] = key.charCodeAt(i);
  return out;
}

export class ComboCounter {
  private readonly columns: string[] = [];
  private readonly dicts: Map<string, number>[] = [];
  private readonly combos = new Map<string, number>();
  private total = 0;

  constructor(columns: readonly string[] = []) {
    this.addColumns(columns);
  }

  get columnNames(): readonly string[] {
    return this.columns;
  }

  get distinct(): number {
    return this.combos.size;
  }

  /**
   * Declares columns (a questionnaire's quasi-identifiers). A column new to the
   * counter extends every combination counted so far with `unknown` (code 0): those
   * rows did not have it.
   */
  addColumns(names: readonly string[]): void {
    const fresh = names.filter((n) => !this.columns.includes(n));
    if (fresh.length === 0) return;
    const hadColumns = this.columns.length > 0;
    for (const name of fresh) {
      this.columns.push(name);
      this.dicts.push(new Map([[UNKNOWN, 0]]));
    }
    if (!hadColumns || this.combos.size === 0) return;
    const suffix = this.wide
      ? SEP + fresh.map(() => '0').join(SEP)
      : String.fromCharCode(...fresh.map(() => 0));
    const old = [...this.combos];
    this.combos.clear();
    for (const [key, n] of old) this.combos.set(key + suffix, n);
  }

  /** The combination key of a row (columns it lacks count as `unknown`); registers new values. */
  private keyOf(qi: Readonly<Record<string, string>>): string {
    // One UTF-16 unit per code while codes are small (short keys hash fast); a column
    // with more than 65 535 distinct values falls back to decimal codes for good.
    let key = '';
    for (let c = 0; c < this.columns.length; c++) {
      const dict = this.dicts[c]!;
      const v = qi[this.columns[c]!] ?? UNKNOWN;
      let code = dict.get(v);
      if (code === undefined) {
        code = dict.size;
        dict.set(v, code);
        if (code === WIDE_CODE) this.widen();
      }
      key += this.wide ? (c === 0 ? '' : SEP) + code : String.fromCharCode(code);
    }
    return key;
  }

  private wide = false;

  private widen(): void {
    this.wide = true;
    const old = [...this.combos];
    this.combos.clear();
    for (const [key, n] of old) this.combos.set(decode(key, false).join(SEP), n);
  }

  /** Counts a row. Columns must have been declared (addColumns); others are ignored. */
  add(qi: Readonly<Record<string, string>>, n = 1): void {
    const key = this.keyOf(qi);
    this.combos.set(key, (this.combos.get(key) ?? 0) + n);
    this.total += n;
  }

  /**
   * Codes renumbered in sorted value order and entries sorted, so every later decision
   * depends on the multiset of rows, never on the order files were read in.
   * `order` lists the columns in the order the histogram should have them.
   */
  finish(order: readonly string[] = this.columns): Histogram {
    const q = order.length;
    // -1: a column no row had; every row is `unknown` there.
    const src = order.map((name) => this.columns.indexOf(name));
    const values: string[][] = [];
    const remap: Int32Array[] = [];
    for (let c = 0; c < q; c++) {
      const i = src[c]!;
      const dict = i >= 0 ? this.dicts[i]! : new Map([[UNKNOWN, 0]]);
      const sorted = [...dict.keys()].sort(compareStrings);
      const codeOf = new Map(sorted.map((v, j) => [v, j]));
      const r = new Int32Array(dict.size);
      for (const [v, old] of dict) r[old] = codeOf.get(v)!;
      values.push(sorted);
      remap.push(r);
    }
    const n = this.combos.size;
    const rows: { codes: number[]; count: number }[] = [];
    for (const [key, count] of this.combos) {
      const parts = decode(key, this.wide);
      const codes = new Array<number>(q);
      for (let c = 0; c < q; c++) {
        const i = src[c]!;
        codes[c] = remap[c]![i >= 0 ? parts[i]! : 0]!;
      }
      rows.push({ codes, count });
    }
    rows.sort((a, b) => {
      for (let c = 0; c < q; c++) {
        const d = a.codes[c]! - b.codes[c]!;
        if (d !== 0) return d;
      }
      return 0;
    });
    const codes = Array.from({ length: q }, () => new Int32Array(n));
    const counts = new Int32Array(n);
    rows.forEach((r, e) => {
      for (let c = 0; c < q; c++) codes[c]![e] = r.codes[c]!;
      counts[e] = r.count;
    });
    return { columns: [...order], values, codes, counts, total: this.total };
  }
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

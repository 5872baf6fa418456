/**
 * The hash of a numeric key (an integer below 2^53) for the open-addressing tables
 * of the k-anonymity step. Keys are mixed-radix numbers whose low bits often vary
 * little (a column at a coarse level has few codes), and tables index by the low
 * bits, so every input bit is mixed into every output bit (MurmurHash3's finaliser)
 * to keep probe chains short.
 */
export function hashKey(key: number): number {
  let h = (key >>> 0) ^ Math.imul(Math.floor(key / 4294967296), 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Group tables reused from one grouping to the next (every node a search classifies
 * or costs): allocating and filling megabytes each time would cost more than the
 * grouping itself. Dense entries are put back to −1 after each use; the hashed table
 * is cleared for the part a use needs.
 */
export class GroupScratch {
  private dense = new Int32Array(0);
  slots = new Float64Array(0);
  ids = new Int32Array(0);

  /** The dense table for keys below `size`, every entry −1. */
  table(size: number): Int32Array {
    if (this.dense.length < size) this.dense = new Int32Array(size).fill(-1);
    return this.dense;
  }

  /** Clears a hashed table for `n` keys (grown, never shrunk); returns its index mask. */
  hashed(n: number): number {
    let cap = 16;
    while (cap < n * 2) cap *= 2;
    if (this.ids.length < cap) {
      this.ids = new Int32Array(cap);
      this.slots = new Float64Array(cap);
    }
    this.ids.fill(-1, 0, cap);
    return cap - 1;
  }
}

/**
 * A map from numeric keys (integers below 2^53) to non-negative integers, by open
 * addressing on typed arrays. A Map with such keys boxes every key beyond 31 bits
 * and hashes the box; here a lookup is one hash and, mostly, one probe.
 */
export class NumberIndex {
  private keys = new Float64Array(64);
  private values = new Int32Array(64).fill(-1);
  private count = 0;

  /** The value of `key`, or −1. */
  get(key: number): number {
    const { keys, values } = this;
    const mask = values.length - 1;
    let s = hashKey(key) & mask;
    let v = values[s]!;
    while (v >= 0 && keys[s] !== key) {
      s = (s + 1) & mask;
      v = values[s]!;
    }
    return v;
  }

  /** Sets `key` (not yet present) to `value` (≥ 0). */
  add(key: number, value: number): void {
    if ((this.count + 1) * 2 > this.values.length) this.grow();
    this.place(key, value);
    this.count++;
  }

  private place(key: number, value: number): void {
    const { keys, values } = this;
    const mask = values.length - 1;
    let s = hashKey(key) & mask;
    while (values[s]! >= 0) s = (s + 1) & mask;
    keys[s] = key;
    values[s] = value;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Float64Array(values.length * 2);
    this.values = new Int32Array(values.length * 2).fill(-1);
    for (let s = 0; s < values.length; s++) if (values[s]! >= 0) this.place(keys[s]!, values[s]!);
  }
}

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

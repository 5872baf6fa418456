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

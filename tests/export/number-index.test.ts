/**
 * The plan applier finds a class's slot, blanked columns and rows lent through
 * NumberIndex, an open-addressing table keyed by class keys up to 2^53: it must agree
 * with a Map for keys that share their low bits, keys beyond 32 bits, and across growth.
 */
import { describe, expect, it } from 'vitest';
import { NumberIndex } from '../../src/export/kanon/hash.js';
import { mulberry32 } from '../helpers/rng.js';

describe('NumberIndex', () => {
  it('returns what was added and −1 for any other key, as a Map would', () => {
    const rand = mulberry32(7);
    const index = new NumberIndex();
    const map = new Map<number, number>();
    const keys: number[] = [];
    for (let i = 0; i < 5000; i++) {
      // Mixed-radix keys: many share their low 32 bits, some are near 2^53.
      const key =
        i % 3 === 0
          ? Math.floor(rand() * 2 ** 20) * 2 ** 32
          : i % 3 === 1
            ? Number.MAX_SAFE_INTEGER - Math.floor(rand() * 1000)
            : Math.floor(rand() * 2 ** 16);
      keys.push(key);
      if (map.has(key)) continue;
      map.set(key, i);
      index.add(key, i);
    }
    expect(map.size).toBeGreaterThan(1000);
    for (const key of keys) expect(index.get(key)).toBe(map.get(key));
    let absent = 0;
    for (let i = 0; i < 2000; i++) {
      const key = Math.floor(rand() * 2 ** 40);
      if (map.has(key)) continue;
      absent++;
      expect(index.get(key)).toBe(-1);
    }
    expect(absent).toBeGreaterThan(1000);
  });
});

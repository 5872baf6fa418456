import { describe, expect, it } from 'vitest';
import { BUILTIN_FLAG_ORDER, compareFlags, compareIds } from '../../src/scoring/flags.js';
import { mulberry32 } from '../helpers/rng.js';

const CHARS = 'abcz019_';

function randomId(rnd: () => number): string {
  let s = 'abz'[Math.floor(rnd() * 3)]!;
  const n = Math.floor(rnd() * 5);
  for (let i = 0; i < n; i++) s += CHARS[Math.floor(rnd() * CHARS.length)];
  return s;
}

describe('the order of flags in reports and exports', () => {
  it('orders ids as the root collation does, on 5 000 random pairs', () => {
    const rnd = mulberry32(20261128);
    for (let i = 0; i < 5000; i++) {
      const a = randomId(rnd);
      const b = randomId(rnd);
      expect(Math.sign(compareIds(a, b)), `${a} vs ${b}`).toBe(
        Math.sign(a.localeCompare(b, 'und')),
      );
    }
  });

  it('is the same whatever the machine locale (Lithuanian puts y before j)', () => {
    const ids = ['job_taken', 'youth_worker', 'j2', 'j_1', 'i9'];
    expect([...ids].sort(compareIds)).toEqual(['i9', 'j_1', 'j2', 'job_taken', 'youth_worker']);
    expect([...ids].sort((a, b) => a.localeCompare(b, 'lt'))).not.toEqual(
      [...ids].sort(compareIds),
    );
  });

  it('puts the program flags first in their fixed order, then the rest by id', () => {
    const ids = ['zz_custom', 'minor', 'a_custom', 'urgent', 'possible_minor'];
    expect(ids.sort(compareFlags)).toEqual([
      BUILTIN_FLAG_ORDER[0],
      BUILTIN_FLAG_ORDER[1],
      BUILTIN_FLAG_ORDER[2],
      'a_custom',
      'zz_custom',
    ]);
  });
});

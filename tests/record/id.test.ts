import { describe, expect, it } from 'vitest';
import { isRecordId, newRecordId, RECORD_ID_PATTERN } from '../../src/record/id.js';

describe('record ids', () => {
  it('are random, in the readable alphabet, and never repeat in a thousand', () => {
    const ids = Array.from({ length: 1000 }, () => newRecordId());
    for (const id of ids) {
      expect(id).toMatch(RECORD_ID_PATTERN);
      expect(isRecordId(id)).toBe(true);
    }
    expect(new Set(ids).size).toBe(1000);
    // Every one of the 32 characters turns up (8 000 draws): nothing is stuck.
    expect(new Set(ids.join('').replace(/[R-]/g, '')).size + 1).toBeGreaterThanOrEqual(32);
  });
});

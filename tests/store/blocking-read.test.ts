/**
 * The export's blocking read (openRecordFileSync) reads through one shared buffer:
 * records of every size open exactly as with the asynchronous reader, one after the
 * other, and a damaged file read between two good ones changes neither.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  exportUnlocker,
  openRecordFileSync,
  openRecordFileWithPassphrase,
  unlockDataDir,
} from '../../src/store/index.js';
import { fakeRecord, newStore, PASSPHRASE, removeDir, tempDir, testId } from './helpers.js';

let dir: string;
beforeEach(() => {
  dir = tempDir('blocking-read');
});
afterEach(() => removeDir(dir));

describe('openRecordFileSync', () => {
  it('opens small and large records alike, in any order, as the asynchronous reader does', async () => {
    const store = await newStore(dir);
    // From a couple of KiB to well past the 64 KiB shared buffer (and past twice it).
    const sizes = [0, 10, 63 * 1024, 64 * 1024, 70 * 1024, 200 * 1024, 5];
    const ids: string[] = [];
    for (const size of sizes) {
      const id = testId();
      const at = '2025-03-14T09:26:53.000Z';
      await store.save(
        fakeRecord(id, {
          answers: { age: { kind: 'value', value: 27, at, note: 'n'.repeat(size) } },
        }),
      );
      ids.push(id);
    }
    const unlocked = await unlockDataDir(dir, PASSPHRASE);
    const unlocker = exportUnlocker(unlocked);
    const files = ids.map((id) => join(dir, 'records', `${id}.rec`));
    // Large, small, large: a view of the shared buffer must never leak into a result.
    const order = [5, 0, 6, 4, 1, 3, 2, 5];
    const opened = order.map((i) => openRecordFileSync(files[i]!, unlocker));
    for (const [n, i] of order.entries()) {
      const expected = (await openRecordFileWithPassphrase(files[i]!, unlocked)).record;
      expect(opened[n]).toEqual(expected);
      expect(opened[n]!.id).toBe(ids[i]);
    }
  });

  it('a damaged file between two good ones is refused and does not disturb them', async () => {
    const store = await newStore(dir);
    const ids = [testId(), testId(), testId()];
    for (const id of ids) await store.save(fakeRecord(id));
    const files = ids.map((id) => join(dir, 'records', `${id}.rec`));
    const bytes = readFileSync(files[1]!);
    bytes[bytes.length - 3]! ^= 1;
    writeFileSync(files[1]!, bytes);
    const unlocker = exportUnlocker(await unlockDataDir(dir, PASSPHRASE));
    expect(openRecordFileSync(files[0]!, unlocker).id).toBe(ids[0]);
    expect(() => openRecordFileSync(files[1]!, unlocker)).toThrow(
      expect.objectContaining({ code: 'E_RECORD_TAMPERED' }),
    );
    expect(openRecordFileSync(files[2]!, unlocker).id).toBe(ids[2]);
    expect(() => openRecordFileSync(join(dir, 'records'), unlocker)).toThrow();
  });
});

/**
 * A store unlocked before a key change that ran to its end in another window (the
 * change began after this store read keys.json, and finished before its session
 * started). Its saves would carry the key slots it unlocked, which the folder no longer
 * has: the record would open only with the old passphrase, or be missing from the
 * coordinator's export. So the session is refused (E_KEYS_CHANGED) and holds nothing;
 * an unchanged folder is held as before.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addOrgKey, changePassphrase } from '../../src/store/keys-admin.js';
import { generateOrgKeyPair } from '../../src/store/org-key.js';
import { unlockDataDir } from '../../src/store/unlock.js';
import {
  fakeRecord,
  newStore,
  OTHER_PASSPHRASE,
  PASSPHRASE,
  removeDir,
  tempDir,
  TEST_SCRYPT,
  testId,
} from './helpers.js';

let dir: string;
beforeEach(() => {
  dir = tempDir('keys-changed');
});
afterEach(() => removeDir(dir));

const held = () => readdirSync(join(dir, 'records')).filter((f) => f.startsWith('.'));

describe('a session of a store whose keys were changed since it was unlocked', () => {
  it('is refused after a passphrase change, holding nothing', async () => {
    const store = await newStore(dir);
    await changePassphrase(await unlockDataDir(dir, PASSPHRASE), OTHER_PASSPHRASE, TEST_SCRYPT);
    await expect(store.holdSession(testId())).rejects.toMatchObject({
      code: 'E_KEYS_CHANGED',
      kind: 'usage',
      message:
        'the passphrase or organisation key of this data folder was changed in another screener window after this one was unlocked.',
    });
    expect(held()).toEqual([]);
  });

  it('is refused after an organisation key was added, holding nothing', async () => {
    const store = await newStore(dir);
    const id = testId();
    await store.save(fakeRecord(id));
    await addOrgKey(await unlockDataDir(dir, PASSPHRASE), generateOrgKeyPair().publicKey);
    await expect(store.holdSession(id)).rejects.toMatchObject({ code: 'E_KEYS_CHANGED' });
    expect(held()).toEqual([]);
  });

  it('is held when nothing changed', async () => {
    const store = await newStore(dir);
    const id = testId();
    const lock = await store.holdSession(id);
    expect(held()).toEqual([`.${id}.session`]);
    lock.release();
    expect(held()).toEqual([]);
  });
});

/**
 * A store unlocked before a key change that ran to its end in another window (the
 * change began after this store read keys.json, and finished before its session
 * started). Its saves would carry the key slots it unlocked, which the folder no longer
 * has: the record would open only with the old passphrase, or be missing from the
 * coordinator's export. So the session is refused (E_KEYS_CHANGED) and holds nothing;
 * an unchanged folder is held as before.
 *
 * And a store opened while a key change is under way in another window: the change's
 * half-done state (a `next` passphrase in keys.json) is not "interrupted work" for the
 * store to finish, which would drop the new passphrase under the running change. A
 * change whose process has ended is finished as before.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addOrgKey, changePassphrase, finishPendingKeyWork } from '../../src/store/keys-admin.js';
import { FileStore } from '../../src/store/file-store.js';
import { newPassphraseSlot, readKeyFile, writeKeyFile } from '../../src/store/key-file.js';
import { nodeFs } from '../../src/store/fs-layer.js';
import { layoutOf } from '../../src/store/paths.js';
import { keysChangeLockPath } from '../../src/store/session-lock.js';
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
const children: ChildProcess[] = [];
beforeEach(() => {
  dir = tempDir('keys-changed');
});
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  removeDir(dir);
});

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

describe('a store opened while keys.json holds a change half done', () => {
  /** keys.json as a change leaves it after its first step: the new passphrase as `next`. */
  async function halfDoneChange(): Promise<void> {
    const u = await unlockDataDir(dir, PASSPHRASE);
    const next = await newPassphraseSlot(OTHER_PASSPHRASE, TEST_SCRYPT);
    await writeKeyFile(nodeFs, layoutOf(dir), { ...u.keys, next: next.slot }, u.current.kek);
  }
  /** The change's lock, as a process in another window would hold it. */
  function changeLockHeldBy(pid: number): void {
    const records = layoutOf(dir).recordsDir;
    mkdirSync(records, { recursive: true });
    const bootFile = '/proc/sys/kernel/random/boot_id';
    const boot = existsSync(bootFile) ? readFileSync(bootFile, 'utf8').trim() : '';
    writeFileSync(keysChangeLockPath(records), JSON.stringify({ pid, boot, token: 'abcd' }));
  }
  const nextOnDisk = async () => (await readKeyFile(nodeFs, layoutOf(dir))).keys.next;

  it('leaves it to the change that is running in another window', async () => {
    const store = await newStore(dir);
    await store.save(fakeRecord(testId()));
    await halfDoneChange();
    const sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
    children.push(sleeper);
    changeLockHeldBy(sleeper.pid!);
    const keysBefore = readFileSync(layoutOf(dir).keyFile);

    await FileStore.open(await unlockDataDir(dir, PASSPHRASE));
    expect(readFileSync(layoutOf(dir).keyFile)).toEqual(keysBefore);
    expect(await nextOnDisk()).toBeDefined();
  });

  it('does not "finish" it with what it read, after another window finished it and changed the passphrase', async () => {
    const store = await newStore(dir);
    const id = testId();
    await store.save(fakeRecord(id));
    await halfDoneChange();
    const readEarlier = await unlockDataDir(dir, PASSPHRASE);
    const third = 'a third fictional passphrase';
    await changePassphrase(await unlockDataDir(dir, PASSPHRASE), third, TEST_SCRYPT);
    const keysAfter = readFileSync(layoutOf(dir).keyFile);

    await finishPendingKeyWork(readEarlier);
    expect(readFileSync(layoutOf(dir).keyFile)).toEqual(keysAfter);
    const now = (await FileStore.open(await unlockDataDir(dir, third))).store;
    await expect(now.load(id)).resolves.toMatchObject({ id });
  });

  it('finishes it when the change that left it has ended (a crash)', async () => {
    await newStore(dir);
    await halfDoneChange();
    changeLockHeldBy(spawnSync('true').pid!);

    await FileStore.open(await unlockDataDir(dir, PASSPHRASE));
    expect(await nextOnDisk()).toBeUndefined();
    expect(held()).toEqual([]);
  });
});

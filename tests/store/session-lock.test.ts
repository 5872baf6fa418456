/**
 * One session per record (src/store/session-lock.ts): a record held by a live process
 * is refused to a second session, with its process id; a lock left by a process that
 * ended, or written before the machine restarted, is taken over; a session gives back
 * only its own lock; a read-only folder holds nothing but still refuses a live holder.
 * A key change and the sessions exclude each other, whichever starts first.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  holdKeysChange,
  holdRecordSession,
  keysChangeLockPath,
  recordsInSession,
  sessionHolder,
  sessionLockPath,
} from '../../src/store/session-lock.js';
import { newStore, openFileStore, removeDir, tempDir } from './helpers.js';
import { canMountTmpfs, mountTmpfs, unmountAll } from '../helpers/tmpfs.js';

const ID = 'R-TEST-0001';
const OTHER = 'R-TEST-0002';
let dir: string;
let records: string;
const children: ChildProcess[] = [];
beforeEach(() => {
  dir = tempDir('lock');
  records = join(dir, 'records');
});
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  removeDir(dir);
});

const BOOT = existsSync('/proc/sys/kernel/random/boot_id')
  ? readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
  : '';

/** A lock as another process would have left it (a session on ID, or another path). */
function lockOf(pid: number, boot = BOOT, path = sessionLockPath(records, ID)): void {
  mkdirSync(records, { recursive: true });
  writeFileSync(path, JSON.stringify({ pid, boot, token: 'abcd' }));
}

/** A process that is alive until the test ends. */
function livePid(): number {
  const c = spawn('sleep', ['60'], { stdio: 'ignore' });
  children.push(c);
  return c.pid!;
}

/** The id of a process that has ended. */
function deadPid(): number {
  return spawnSync('true').pid!;
}

describe('a record held by a session', () => {
  it('is refused to a second session while the first lives, naming its process', () => {
    const pid = livePid();
    lockOf(pid);
    let error: unknown;
    try {
      holdRecordSession(records, ID);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'E_RECORD_IN_USE', kind: 'usage' });
    expect((error as Error).message).toBe(
      `interview ${ID} is open in another screener window (process ${pid}).`,
    );
    expect(sessionHolder(records, ID)).toBe(pid);
    expect(recordsInSession(records)).toEqual([ID]);
    // The other session's lock is untouched.
    expect(JSON.parse(readFileSync(sessionLockPath(records, ID), 'utf8')).pid).toBe(pid);
  });

  it('is taken over when its process has ended, or when it was written before a restart', () => {
    lockOf(deadPid());
    const first = holdRecordSession(records, ID);
    expect(JSON.parse(readFileSync(sessionLockPath(records, ID), 'utf8')).pid).toBe(process.pid);
    first.release();

    if (BOOT) {
      lockOf(livePid(), 'another-boot-of-this-machine');
      const second = holdRecordSession(records, ID);
      expect(JSON.parse(readFileSync(sessionLockPath(records, ID), 'utf8')).pid).toBe(process.pid);
      second.release();
    }
  });

  it('holds only a process id, a boot id and a token, in a hidden file that release removes', () => {
    const lock = holdRecordSession(records, ID);
    expect(readdirSync(records)).toEqual([`.${ID}.session`]);
    const held = JSON.parse(readFileSync(sessionLockPath(records, ID), 'utf8')) as object;
    expect(Object.keys(held).sort()).toEqual(['boot', 'pid', 'token']);
    expect(recordsInSession(records)).toEqual([]); // this process's own lock is not another session
    lock.release();
    expect(readdirSync(records)).toEqual([]);
    expect(holdRecordSession(records, OTHER)).toBeDefined();
  });

  it('text that is not a record id holds nothing and names no file (the load that follows refuses it)', () => {
    mkdirSync(records, { recursive: true });
    for (const typed of ['../../outside', '.hidden', 'R-TEST-0001/../x']) {
      const lock = holdRecordSession(records, typed);
      expect(readdirSync(records)).toEqual([]);
      expect(readdirSync(dir).sort()).toEqual(['records']);
      lock.release();
    }
  });

  it('makes a missing records folder, owner-only, to hold the lock in', () => {
    mkdirSync(dir, { recursive: true });
    const lock = holdRecordSession(records, ID);
    expect(statSync(records).mode & 0o777).toBe(0o700);
    expect(readdirSync(records)).toEqual([`.${ID}.session`]);
    lock.release();
  });

  it('gives back only its own lock: one another session took over stays', () => {
    const lock = holdRecordSession(records, ID);
    const pid = livePid();
    lockOf(pid);
    lock.release();
    expect(sessionHolder(records, ID)).toBe(pid);
  });

  it.skipIf(!canMountTmpfs)(
    'a read-only folder, where no session can save: held without a lock, a live holder still refused',
    () => {
      mkdirSync(records, { recursive: true });
      mountTmpfs(records, 64);
      try {
        expect(spawnSync('mount', ['-o', 'remount,ro', records]).status).toBe(0);
        const lock = holdRecordSession(records, ID);
        lock.release();
        expect(readdirSync(records)).toEqual([]);
        expect(spawnSync('mount', ['-o', 'remount,rw', records]).status).toBe(0);
        const pid = livePid();
        lockOf(pid);
        expect(spawnSync('mount', ['-o', 'remount,ro', records]).status).toBe(0);
        expect(() => holdRecordSession(records, ID)).toThrow(/open in another screener window/);
      } finally {
        unmountAll();
      }
    },
  );
});

describe('session files left by a process that ended', () => {
  it('are removed when the data folder is next opened; live and unreadable ones stay', async () => {
    const data = join(dir, 'data');
    records = join(data, 'records');
    await newStore(data);
    const third = 'R-TEST-0003';
    lockOf(deadPid(), BOOT, sessionLockPath(records, ID));
    lockOf(livePid(), BOOT, sessionLockPath(records, OTHER));
    writeFileSync(sessionLockPath(records, third), '{"pid":');
    const hidden = () =>
      readdirSync(records)
        .filter((n) => n.startsWith('.'))
        .sort();
    expect(hidden()).toHaveLength(3);

    await openFileStore(data);
    expect(hidden()).toEqual([`.${OTHER}.session`, `.${third}.session`]);
  });
});

describe('a key change and the sessions', () => {
  const action = 'change the passphrase';

  it('a session is refused while another process changes the keys, and holds nothing', () => {
    const pid = livePid();
    lockOf(pid, BOOT, keysChangeLockPath(records));
    let error: unknown;
    try {
      holdRecordSession(records, ID);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'E_KEYS_CHANGING', kind: 'usage' });
    expect((error as Error).message).toBe(
      `the passphrase or organisation key of this data folder is being changed in another screener window (process ${pid}).`,
    );
    expect(readdirSync(records)).toEqual(['.keys-change.lock']);
  });

  it('a key change is refused while another process has an interview open, and holds nothing', () => {
    lockOf(livePid());
    let error: unknown;
    try {
      holdKeysChange(records, action);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'E_RECORD_IN_USE', kind: 'usage' });
    expect((error as Error).message).toBe(
      `an interview is open in another screener window (${ID}); finish or quit it first, then ${action}.`,
    );
    expect(readdirSync(records)).toEqual([`.${ID}.session`]);
  });

  it('a second key change is refused while the first lives; a dead one is taken over', () => {
    const pid = livePid();
    lockOf(pid, BOOT, keysChangeLockPath(records));
    expect(() => holdKeysChange(records, action)).toThrow(`(process ${pid})`);
    lockOf(deadPid(), BOOT, keysChangeLockPath(records));
    const lock = holdKeysChange(records, action);
    expect(JSON.parse(readFileSync(keysChangeLockPath(records), 'utf8')).pid).toBe(process.pid);
    // Not an interview: listed as none.
    expect(recordsInSession(records)).toEqual([]);
    lock.release();
    expect(readdirSync(records)).toEqual([]);
  });
});

/**
 * One interactive session per record at a time. Two windows on the same interview (a
 * `resume` typed in a second terminal while the first is still open) would each save
 * their whole copy of the record after every answer, and the later save would erase
 * what the other had taken down. So a session holds a small lock file beside the
 * record, `records/.<id>.session`, and a second session on that record is refused with
 * the reason. The file holds only the process id, the boot it belongs to and a random
 * token: nothing about the person. A lock whose process has ended (a crash, a power
 * cut, a restart) is taken over, by one window only when several start at once.
 *
 * A key change (`keys change-passphrase`, `keys org-add`) rewrites every record's key
 * slots, while a session saves its record with the slots it unlocked: a record saved
 * after the change would open only with keys the folder no longer has. So a key
 * change holds `records/.keys-change.lock` from its verified passphrase to its last
 * write, and the two exclude each other: each side writes its own lock first and then
 * looks for the other's, so of two that start together at least one sees the other.
 *
 * The files are hidden, so listings and exports never see them.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { usageError } from '../errors.js';
import { isRecordId } from '../record/id.js';
import { DIR_MODE, FILE_MODE } from './paths.js';
import { isAlive, NO_HARD_LINKS, tempPathFor } from './atomic-write.js';
import { nodeCode } from './errors.js';

const SUFFIX = '.session';

export interface SessionLock {
  /** Gives the record back; does nothing when the lock is no longer this session's. */
  release(): void;
}

interface Holder {
  readonly pid: number;
  readonly boot: string;
  readonly token: string;
}

export function sessionLockPath(recordsDir: string, id: string): string {
  return join(recordsDir, `.${id}${SUFFIX}`);
}

/**
 * Holds record `id` for this process's session, or refuses: E_RECORD_IN_USE when
 * another live session holds it, E_KEYS_CHANGING while a key change is under way.
 * Released by `release()`, and at the latest when the process exits.
 */
export function holdRecordSession(recordsDir: string, id: string): SessionLock {
  // Not a record id (typed by hand): there is no record to hold, and the load that
  // follows says so; nor may the text become part of a file name.
  if (!isRecordId(id)) return { release: () => undefined };
  const lock = holdLockFile(sessionLockPath(recordsDir, id), recordsDir, (pid) => inUse(id, pid));
  try {
    refuseWhileKeysChange(recordsDir);
  } catch (error) {
    lock.release();
    throw error;
  }
  return lock;
}

/** E_KEYS_CHANGING while a key change runs in another window (holdKeysChange). */
export function refuseWhileKeysChange(recordsDir: string): void {
  const changer = keysChangeHolder(recordsDir);
  if (changer !== undefined) throw keysChanging(changer);
}

/**
 * Holds the data folder for a key change, or refuses: E_KEYS_CHANGING when another
 * key change is under way, E_RECORD_IN_USE while any interview is open (`action`
 * completes the message: "…, then change the passphrase").
 */
export function holdKeysChange(recordsDir: string, action: string): SessionLock {
  const lock = holdLockFile(keysChangeLockPath(recordsDir), recordsDir, keysChanging);
  try {
    refuseWhileInterviewOpen(recordsDir, action);
  } catch (error) {
    lock.release();
    throw error;
  }
  return lock;
}

/** E_RECORD_IN_USE when any interview is open in another window; `action` as for holdKeysChange. */
export function refuseWhileInterviewOpen(recordsDir: string, action: string): void {
  const open = recordsInSession(recordsDir);
  if (open.length > 0)
    throw usageError(
      'E_RECORD_IN_USE',
      `an interview is open in another screener window (${open.join(', ')}); finish or quit it first, then ${action}.`,
      ['Nothing was changed.'],
    );
}

/**
 * Holds the data folder for finishing a key change a crash interrupted, or undefined
 * when a key change in another window holds it (the work is that change's, not
 * interrupted). Held already by this process (a key change finishing old work before
 * its own): nothing more is taken, and the release gives back nothing.
 */
export function holdForPendingKeyWork(recordsDir: string): SessionLock | undefined {
  const path = keysChangeLockPath(recordsDir);
  if (readHolder(path)?.pid === process.pid) return { release: () => undefined };
  try {
    return holdLockFile(path, recordsDir, keysChanging);
  } catch (error) {
    if ((error as { code?: string }).code === 'E_KEYS_CHANGING') return undefined;
    throw error;
  }
}

/** The process changing the keys in another window, if one is (holdKeysChange). */
function keysChangeHolder(recordsDir: string): number | undefined {
  return liveHolder(keysChangeLockPath(recordsDir))?.pid;
}

export function keysChangeLockPath(recordsDir: string): string {
  return join(recordsDir, KEYS_CHANGE_LOCK);
}
const KEYS_CHANGE_LOCK = '.keys-change.lock';

/** Creates the lock file at `path` for this process, taking over a stale one; `refusal` when a live process holds it. */
function holdLockFile(
  path: string,
  recordsDir: string,
  refusal: (pid: number | undefined) => Error,
): SessionLock {
  const mine: Holder = { pid: process.pid, boot: bootId(), token: randomBytes(8).toString('hex') };
  for (let attempt = 0; attempt < TAKE_OVER_TRIES; attempt++) {
    const made = create(path, mine, recordsDir);
    if (made === 'refused') {
      // A folder this process cannot write to (read-only, full): no session can save
      // there, so there is nothing to overwrite; the session's own saves say why.
      const holder = liveHolder(path);
      if (holder) throw refusal(holder.pid);
      return { release: () => undefined };
    }
    if (made) return releasable(path, mine);
    const holder = liveHolder(path);
    if (holder) throw refusal(holder.pid);
    // Its process has ended: the lock is stale. Two windows started together would
    // both see that, and the second to remove "the stale lock" would remove the
    // first's new one; so the stale lock is removed only under the take-over guard.
    const guard = holdTakeOverGuard(path, mine);
    if (!guard) {
      pause(TAKE_OVER_PAUSE_MS);
      continue;
    }
    try {
      const now = readHolder(path);
      if (now && isLive(now)) throw refusal(now.pid);
      // Unreadable and new: being written in place (no hard links there), not stale.
      if (!now && isYoung(path)) {
        pause(TAKE_OVER_PAUSE_MS);
        continue;
      }
      try {
        unlinkSync(path);
      } catch {
        // Gone already, or the folder refuses: the create below says which.
      }
      const taken = create(path, mine, recordsDir);
      if (taken === true) return releasable(path, mine);
      // false: another window created a fresh lock once the stale one was gone; the
      // next turn names it. 'refused': the folder takes no file now; so does the next.
    } finally {
      guard.release();
    }
  }
  throw refusal(readHolder(path)?.pid);
}

/** How often a take-over waits for another window's take-over (which takes a few system calls). */
const TAKE_OVER_TRIES = 50;
const TAKE_OVER_PAUSE_MS = 10;

/** The lock at `path`, held as `mine`: given back on release() or at the process's exit. */
function releasable(path: string, mine: Holder): SessionLock {
  const release = () => {
    process.off('exit', release);
    if (sameHolder(readHolder(path), mine)) {
      try {
        unlinkSync(path);
      } catch {
        // Gone already, or the folder is read-only now: a dead lock is taken over later.
      }
    }
  };
  process.once('exit', release);
  return { release };
}

/**
 * `PATH.takeover`, held while a stale lock at PATH is removed and replaced, so that
 * of two windows taking it over at once only one does. undefined while another live
 * process holds it (it is held for a few system calls: the caller waits and looks
 * again). A guard left by a process killed in those few calls is removed; two windows
 * doing that at the same instant could still both go on, which needs a crash inside a
 * take-over first.
 */
function holdTakeOverGuard(path: string, mine: Holder): SessionLock | undefined {
  const guard = `${path}.takeover`;
  for (let attempt = 0; attempt < 2; attempt++) {
    const made = create(guard, mine, dirname(path), true);
    if (made === true) return releasable(guard, mine);
    if (made === 'refused') return undefined;
    const holder = readHolder(guard);
    if (holder ? isLive(holder) : isYoung(guard)) return undefined;
    try {
      unlinkSync(guard);
    } catch {
      // Gone already: try again.
    }
  }
  return undefined;
}

/** A file written in the last seconds: one that cannot be read yet may still be being written. */
function isYoung(path: string): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs < 2_000;
  } catch {
    return false;
  }
}

/** Blocks this thread for `ms` (the lock is taken before any prompt, so nothing else waits on it). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The process holding record `id` in a live session, if any. */
export function sessionHolder(recordsDir: string, id: string): number | undefined {
  return liveHolder(sessionLockPath(recordsDir, id))?.pid;
}

/**
 * Removes the session files whose process has ended (a kill -9, a power cut): taken
 * over only when their record is opened again, those of records never saved would
 * stay for good. Each is removed under its take-over guard, as a take-over does, so a
 * window taking the same lock over at this moment keeps its new one; an unreadable
 * file (perhaps being written) and this process's own are left alone.
 */
export function removeStaleSessions(recordsDir: string): void {
  let names: string[];
  try {
    names = readdirSync(recordsDir);
  } catch {
    return;
  }
  const mine: Holder = { pid: process.pid, boot: bootId(), token: randomBytes(8).toString('hex') };
  const stale = (h: Holder | undefined) => h !== undefined && h.pid !== process.pid && !isLive(h);
  for (const name of names) {
    if (!name.startsWith('.') || !name.endsWith(SUFFIX)) continue;
    if (!isRecordId(name.slice(1, -SUFFIX.length))) continue;
    const path = join(recordsDir, name);
    if (!stale(readHolder(path))) continue;
    const guard = holdTakeOverGuard(path, mine);
    if (!guard) continue;
    try {
      if (stale(readHolder(path))) tryUnlink(path);
    } finally {
      guard.release();
    }
  }
}

/** The records held by live sessions, in id order. */
export function recordsInSession(recordsDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(recordsDir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.startsWith('.') && n.endsWith(SUFFIX))
    .map((n) => n.slice(1, -SUFFIX.length))
    .filter((id) => isRecordId(id) && sessionHolder(recordsDir, id) !== undefined)
    .sort();
}

function inUse(id: string, pid: number | undefined) {
  return usageError(
    'E_RECORD_IN_USE',
    `interview ${id} is open in another screener window${pid ? ` (process ${pid})` : ''}.`,
    [
      'Two sessions on one interview would overwrite each other’s answers. Continue in that window, or quit it (Ctrl-Q) and try again.',
    ],
  );
}

function keysChanging(pid: number | undefined) {
  return usageError(
    'E_KEYS_CHANGING',
    `the passphrase or organisation key of this data folder is being changed in another screener window${pid ? ` (process ${pid})` : ''}.`,
    [
      'Every record is re-keyed by that change. Nothing was changed here: wait until it finishes, then try again (with the new passphrase, if it was changed).',
    ],
  );
}

/**
 * Creates the lock file with `mine` in it: true, or false when one is there already,
 * or 'refused' when the folder takes no new file (read-only, no permission, full).
 * The holder is written to a temporary file that is then linked to the name, so a
 * lock is never seen empty: a window that read one half-written would take it for a
 * crash's leftover and take it over. On a file system without hard links (FAT,
 * exFAT), the file is created and written in place, as before.
 */
function create(
  path: string,
  mine: Holder,
  recordsDir: string,
  folderMade = false,
): boolean | 'refused' {
  const tmp = tempPathFor(path);
  try {
    writeFileSync(tmp, JSON.stringify(mine), { flag: 'wx', mode: FILE_MODE });
  } catch (error) {
    tryUnlink(tmp);
    if (nodeCode(error) !== 'ENOENT' || folderMade) return 'refused';
    // The records folder is missing (`keys init` makes it; someone removed it): made
    // now, and made to last, as the store makes its folders (a record saved into a
    // folder a power cut forgets would be lost).
    try {
      mkdirSync(recordsDir, { recursive: true, mode: DIR_MODE });
      syncFolder(dirname(recordsDir));
    } catch {
      return 'refused';
    }
    return create(path, mine, recordsDir, true);
  }
  try {
    linkSync(tmp, path);
    return true;
  } catch (error) {
    const code = nodeCode(error) ?? '';
    if (code === 'EEXIST') return false;
    if (!NO_HARD_LINKS.has(code)) return 'refused';
    return createInPlace(path, mine);
  } finally {
    tryUnlink(tmp);
  }
}

function createInPlace(path: string, mine: Holder): boolean | 'refused' {
  let fd: number;
  try {
    fd = openSync(path, 'wx', FILE_MODE);
  } catch (error) {
    return nodeCode(error) === 'EEXIST' ? false : 'refused';
  }
  try {
    writeSync(fd, JSON.stringify(mine));
  } catch {
    closeSync(fd);
    // A lock cut short would be nobody's anyway; leave no empty file behind.
    tryUnlink(path);
    return 'refused';
  }
  closeSync(fd);
  return true;
}

function tryUnlink(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Not there, or the folder refuses: nothing more can be done here.
  }
}

function syncFolder(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function readHolder(path: string): Holder | undefined {
  try {
    const v = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>;
    if (typeof v.pid !== 'number' || typeof v.boot !== 'string' || typeof v.token !== 'string')
      return undefined;
    return { pid: v.pid, boot: v.boot, token: v.token };
  } catch {
    // Missing, or cut short by a crash while it was written: nobody's.
    return undefined;
  }
}

/** Who holds the lock at `path`, if a live process does. */
function liveHolder(path: string): Holder | undefined {
  const holder = readHolder(path);
  return holder && isLive(holder) ? holder : undefined;
}

function sameHolder(a: Holder | undefined, b: Holder): boolean {
  return a !== undefined && a.pid === b.pid && a.token === b.token;
}

function isLive(holder: Holder): boolean {
  // Written before the last restart: its process is gone, whatever holds that number now.
  const boot = bootId();
  if (holder.boot && boot && holder.boot !== boot) return false;
  if (holder.pid === process.pid) return false;
  return isAlive(holder.pid);
}

let boot: string | undefined;
/** This boot of the machine (Linux); empty elsewhere, where only the process id is checked. */
function bootId(): string {
  if (boot === undefined) {
    try {
      boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    } catch {
      boot = '';
    }
  }
  return boot;
}

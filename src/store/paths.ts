/**
 * Where the store keeps its files. The data folder is chosen once, here:
 * --data-dir, else SCREENER_HOME, else the platform's per-user data folder
 * (XDG_DATA_HOME/screener or ~/.local/share/screener on Linux).
 *
 *   DATA/keys.json            passphrase parameters, key-check value, organisation public key
 *   DATA/records/ID.rec       one encrypted record per interview
 *   DATA/records/ID.audit     its encrypted, append-only audit log
 */
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { usageError } from '../errors.js';
import { isRecordId } from '../record/id.js';

export const KEY_FILE = 'keys.json';
export const RECORDS_DIR = 'records';
export const RECORD_EXT = '.rec';
export const AUDIT_EXT = '.audit';
/** Owner only: a shared laptop's other accounts see nothing, not even file names. */
export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;

export function resolveDataDir(option: string | undefined, env: NodeJS.ProcessEnv): string {
  const chosen = option ?? env.SCREENER_HOME;
  // Empty is a mistake, not "the default": a script whose variable is unset would
  // otherwise read, write or delete in the screener's real folder.
  if (chosen === '')
    throw usageError(
      'E_EMPTY_DATA_DIR',
      'The data folder is set to an empty name (--data-dir "" or SCREENER_HOME=""); nothing was done.',
      [
        'Give the folder, or leave out --data-dir and unset SCREENER_HOME to use the default data folder.',
      ],
    );
  if (chosen) return isAbsolute(chosen) ? chosen : resolve(chosen);
  return join(platformDataHome(env), 'screener');
}

function platformDataHome(env: NodeJS.ProcessEnv): string {
  if (process.platform === 'win32') return env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support');
  const xdg = env.XDG_DATA_HOME;
  // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  return xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.local', 'share');
}

export interface StoreLayout {
  readonly dataDir: string;
  readonly keyFile: string;
  readonly recordsDir: string;
}

export function layoutOf(dataDir: string): StoreLayout {
  return { dataDir, keyFile: join(dataDir, KEY_FILE), recordsDir: join(dataDir, RECORDS_DIR) };
}

export function recordPath(layout: StoreLayout, id: string): string {
  return join(layout.recordsDir, id + RECORD_EXT);
}

export function auditPath(layout: StoreLayout, id: string): string {
  return join(layout.recordsDir, id + AUDIT_EXT);
}

/** The record id a file name stands for, or undefined for files that are not records. */
export function recordIdOfFile(name: string): string | undefined {
  if (!name.endsWith(RECORD_EXT)) return undefined;
  const id = name.slice(0, -RECORD_EXT.length);
  return isRecordId(id) ? id : undefined;
}

/** The audit log that belongs to a record file (same folder, same id). */
export function auditPathForRecordFile(recordFile: string): string {
  return recordFile.slice(0, -RECORD_EXT.length) + AUDIT_EXT;
}

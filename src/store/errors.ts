/**
 * The store's error codes. Codes are API (docs/store.md lists each with cause and
 * fix); messages are prose. Everything a damaged file, a wrong key or a hostile
 * disk can cause is a ScreenerError, so the CLI prints it without a stack trace.
 */
import { dataError, environmentError, type ScreenerError } from '../errors.js';

export type StoreErrorCode =
  /** No key file in the data folder: `screener keys init` was never run there. */
  | 'E_NO_KEYS'
  /** `keys init` on a folder that already has keys. */
  | 'E_KEYS_EXIST'
  /** The passphrase does not match the key-check value. */
  | 'E_WRONG_PASSPHRASE'
  /** The key file is not valid, or its authentication code does not match. */
  | 'E_KEYS_CORRUPT'
  | 'E_KEYS_TAMPERED'
  /** A file written by a newer format version: refused, never misread. */
  | 'E_RECORD_VERSION'
  | 'E_KEYS_VERSION'
  /** A record or audit file failed authentication (edited, or damaged by the disk). */
  | 'E_RECORD_TAMPERED'
  | 'E_AUDIT_TAMPERED'
  /** A record or audit file is shorter than its own lengths say. */
  | 'E_RECORD_TRUNCATED'
  | 'E_AUDIT_TRUNCATED'
  /** Not a screener file at all, or structurally impossible. */
  | 'E_RECORD_CORRUPT'
  /** The record has no key slot this passphrase or organisation key can open. */
  | 'E_RECORD_KEY_MISSING'
  | 'E_RECORD_NOT_FOUND'
  /** A save would replace a record this session never opened (an id collision). */
  | 'E_RECORD_EXISTS'
  /** A directory (or other non-file) where a file is expected. */
  | 'E_NOT_A_FILE'
  | 'E_DATA_DIR_NOT_A_DIR'
  /** The organisation key file is invalid, or its passphrase is wrong. */
  | 'E_ORG_KEY_INVALID'
  | 'E_WRONG_ORG_PASSPHRASE'
  | 'E_ORG_KEY_EXISTS'
  /** The disk is full: nothing was replaced, the previous version is intact. */
  | 'E_DISK_FULL'
  /** The system refused to write or read (permissions, read-only file system). */
  | 'E_STORE_WRITE'
  | 'E_STORE_READ'
  /** `delete` could not remove a record or its audit log. */
  | 'E_RECORD_NOT_DELETED';

export function storeDataError(
  code: StoreErrorCode,
  message: string,
  details: readonly string[] = [],
): ScreenerError {
  return dataError(code, message, details);
}

export function storeEnvironmentError(
  code: StoreErrorCode,
  message: string,
  details: readonly string[] = [],
  systemCode?: string,
): ScreenerError {
  return environmentError(code, message, details, systemCode);
}

export function nodeCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

const EXPLAIN: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exhausted',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  EISDIR: 'a directory is where a file should be',
  ENOTDIR: 'a file is where a directory should be',
  EIO: 'input/output error from the disk',
  EFBIG: 'the file would be larger than this system allows',
};

/** A failed system call in words ("the disk is full"), else the system's own message. */
export function systemReason(error: unknown): string {
  const code = nodeCode(error);
  return (code && EXPLAIN[code]) ?? (error instanceof Error ? error.message : String(error));
}

/** Why the system refused a write, as far as the remedy goes: no room, no permission, or other. */
export function refusalCause(error: unknown): 'room' | 'permission' | 'other' {
  const code = nodeCode(error);
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'room';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'permission';
  return 'other';
}

/**
 * What follows a refused write of a file the user named with `option` (a dataset, a
 * report), written whole or not at all: that nothing was written, and what to do.
 */
export function outputRefusalDetails(error: unknown, option: string): string[] {
  const details = ['Nothing was written; an earlier file of that name is untouched.'];
  const cause = refusalCause(error);
  if (cause === 'room')
    details.push(`Free some space on that disk, or give ${option} a folder on another.`);
  if (cause === 'permission') details.push(`Give ${option} a folder this user can write to.`);
  return details;
}

/**
 * Turns a failed system call while writing into a typed error. The atomic write
 * never replaces the previous file before the new one is complete, so every
 * message can promise that the previous version is intact.
 */
export function writeFailure(
  error: unknown,
  what: string,
  path: string,
  /** There was no file at `path` before: no previous version to promise. */
  isNew = false,
): ScreenerError {
  const code = nodeCode(error);
  const why = systemReason(error);
  const kept = isNew
    ? `Nothing was written: there was no earlier version of ${what}, and no part of it was left on disk.`
    : `Nothing was replaced: the previous version of ${what} is intact.`;
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return storeEnvironmentError(
      'E_DISK_FULL',
      `Could not save ${what}: ${why}.`,
      [
        kept,
        isNew ? 'Free some space, then try again.' : 'Free some space, then continue.',
        `(${path})`,
      ],
      code,
    );
  if (code === 'EISDIR' || code === 'ENOTDIR')
    return storeDataError('E_NOT_A_FILE', `Could not save ${what}: ${why}.`, [`(${path})`]);
  return storeEnvironmentError(
    'E_STORE_WRITE',
    `Could not save ${what}: ${why}${code ? ` (${code})` : ''}.`,
    [kept, `(${path})`],
    code,
  );
}

/**
 * A deletion the system refused, by where it stopped: before anything changed
 * (`intact`), after the file's bytes were overwritten (`overwritten`: its name could not
 * be removed), or with the file moved aside and neither overwritten nor put back
 * (`set-aside`). A file left under its temporary name is removed the next time the
 * data folder is opened.
 */
export function deleteFailure(
  error: unknown,
  what: string,
  path: string,
  state: 'intact' | 'overwritten' | 'set-aside' = 'intact',
  /** What an earlier step of the same deletion already removed, if anything. */
  alreadyDeleted?: string,
): ScreenerError {
  const code = nodeCode(error);
  const why = `${systemReason(error)}${code ? ` (${code})` : ''}`;
  const later = 'screener removes it the next time it opens this data folder.';
  const details =
    state === 'overwritten'
      ? [
          `Its content was overwritten, so it can no longer be opened, but its file is still there; ${later}`,
        ]
      : state === 'set-aside'
        ? [
            `It could not be overwritten, nor put back under its name: it can no longer be opened, and ${later}`,
          ]
        : [
            alreadyDeleted
              ? `${alreadyDeleted} was deleted; ${what} is intact.`
              : `Nothing was deleted: ${what} is intact.`,
            refusalCause(error) === 'permission'
              ? 'Run the command as the user who owns the data folder, on a disk that can be written to.'
              : 'Try again once the cause is fixed.',
          ];
  return storeEnvironmentError('E_RECORD_NOT_DELETED', `Could not delete ${what}: ${why}.`, [
    ...details,
    `(${path})`,
  ]);
}

export function readFailure(error: unknown, what: string, path: string): ScreenerError {
  const code = nodeCode(error);
  const why = systemReason(error);
  if (code === 'EISDIR')
    return storeDataError('E_NOT_A_FILE', `Cannot read ${what}: ${why}.`, [`(${path})`]);
  if (code === 'ENOTDIR')
    return storeDataError('E_DATA_DIR_NOT_A_DIR', `Cannot read ${what}: ${why}.`, [`(${path})`]);
  return storeEnvironmentError(
    'E_STORE_READ',
    `Cannot read ${what}: ${why}${code ? ` (${code})` : ''}.`,
    [`(${path})`],
  );
}

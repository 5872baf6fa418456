/**
 * The store's own files, recognised by their content: a record, an audit log, a data
 * folder's keys, an organisation key, an export secret. Commands that write a file the
 * user names (an export, a report) never write over one: a mistyped or tab-completed
 * `--out screener-org.key` would otherwise replace the key that opens every record of
 * the organisation, and a report written over a record file would replace the
 * interview. Any other file may be replaced, as a user expects.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import {
  AUDIT_MAGIC,
  KEY_FILE_FORMAT,
  ORG_PRIVATE_FORMAT,
  ORG_PUBLIC_FORMAT,
  RECORD_MAGIC,
} from './file-marks.js';

/** How many leading bytes of a file protectedKind needs. */
const HEAD_BYTES = 512;

/**
 * What the regular file at `path` is, when it is one of the store's own files;
 * undefined for anything else, for a path that does not exist, and for a file this
 * user cannot read (the store's files always are readable by the user who owns them).
 */
export function ownFileKind(path: string): string | undefined {
  let fd: number;
  try {
    if (!statSync(path).isFile()) return undefined;
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const n = readSync(fd, head, 0, head.length, 0);
    return protectedKind(head.subarray(0, n), basename(path));
  } finally {
    closeSync(fd);
  }
}

const FORMATS: Readonly<Record<string, string>> = {
  [KEY_FILE_FORMAT]: "a data folder's keys",
  [ORG_PRIVATE_FORMAT]: 'an organisation private key',
  [ORG_PUBLIC_FORMAT]: 'an organisation public key',
};

/**
 * What the file beginning with `head` is, when it is one of the store's own files;
 * undefined for anything else. `name` is the file's base name: an export secret is
 * 64 hex digits, told apart from other text only by its name.
 */
export function protectedKind(head: Uint8Array, name: string): string | undefined {
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (startsWith(bytes, RECORD_MAGIC)) return 'a record file';
  if (startsWith(bytes, AUDIT_MAGIC)) return "a record's audit log";
  const format = /^\s*\{\s*"format"\s*:\s*"([^"]*)"/.exec(bytes.toString('utf8'))?.[1];
  if (format !== undefined && FORMATS[format]) return FORMATS[format];
  if (name === 'export-secret') return 'an export secret';
  return undefined;
}

function startsWith(bytes: Buffer, prefix: Buffer): boolean {
  return bytes.length >= prefix.length && bytes.subarray(0, prefix.length).equals(prefix);
}

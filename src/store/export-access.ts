/**
 * Reading record files outside a FileStore: what `screener export` needs to
 * combine folders copied from many laptops. With the organisation private key no
 * screener passphrase is needed; with a passphrase, the data folder's keys.json
 * must be unlocked first (unlockDataDir). Nothing here writes.
 */
import { closeSync, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import type { AuditEvent } from '../record/store-api.js';
import type { InterviewRecord } from '../record/types.js';
import { auditKey, openFrames } from './audit-file.js';
import { nodeCode, readFailure, storeDataError } from './errors.js';
import { isScreenerError } from '../errors.js';
import { nodeFs, type StoreFs } from './fs-layer.js';
import type { Unlocker } from './key-slots.js';
import {
  decodeOrgPrivateKey,
  parseOrgPublicKey,
  type OrgPrivateKey,
  type OrgPublicKey,
} from './org-key.js';
import { auditPathForRecordFile, recordIdOfFile } from './paths.js';
import { openRecord, parseRecordFile, tampered, type FileLabel } from './record-file.js';
import { readRecordBytes, recordReadError } from './record-io.js';
import type { UnlockedKeys } from './unlock.js';

export interface OpenedRecordFile {
  readonly file: string;
  readonly record: InterviewRecord;
  /** The record's audit log (E_AUDIT_* errors when it is damaged; an empty list when there is none). */
  readAudit(): Promise<AuditEvent[]>;
}

export async function openRecordFileWithOrgKey(
  file: string,
  org: OrgPrivateKey,
  fs: StoreFs = nodeFs,
): Promise<OpenedRecordFile> {
  return openWith(file, { kind: 'org', org }, fs);
}

export async function openRecordFileWithPassphrase(
  file: string,
  unlocked: UnlockedKeys,
): Promise<OpenedRecordFile> {
  return openWith(file, { kind: 'passphrase', slots: [unlocked.current] }, unlocked.fs);
}

/** What opens records for an export: the organisation key, or the unlocked data folder's passphrase key. */
export function exportUnlocker(key: OrgPrivateKey | UnlockedKeys): Unlocker {
  return 'privateKey' in key
    ? { kind: 'org', org: key }
    : { kind: 'passphrase', slots: [key.current] };
}

/**
 * One record, read with a blocking read: an export reads tens of thousands of small
 * files one after the other (or in worker threads), and the promise-based read costs
 * several times the read itself there. The errors are those of the other openers.
 */
export function openRecordFileSync(file: string, unlocker: Unlocker): InterviewRecord {
  const label = labelOf(file);
  let bytes: Buffer;
  try {
    bytes = readWhole(file);
  } catch (error) {
    throw nodeCode(error) === 'ENOENT' && isLink(file)
      ? storeDataError(
          'E_RECORD_NOT_FOUND',
          `${label.what.charAt(0).toUpperCase()}${label.what.slice(1)} is a link to something that does not exist.`,
          [`(${file})`],
        )
      : recordReadError(error, label);
  }
  return decode(bytes, label, unlocker).envelope.record;
}

/**
 * Reused by every blocking read: a record file is a couple of KiB, and readFileSync
 * asks the file's size (one more system call) and allocates a buffer per file. What
 * is read here is only parsed, decrypted into new buffers and dropped before the next
 * read; nothing keeps a view of it (decode returns parsed JSON and fresh keys).
 */
const READ_BUFFER = Buffer.allocUnsafe(64 * 1024);

/** The file's bytes: a view of READ_BUFFER when it fits, else a buffer of its own. */
function readWhole(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    let got = 0;
    for (;;) {
      const n = readSync(fd, READ_BUFFER, got, READ_BUFFER.length - got, null);
      if (n === 0) return READ_BUFFER.subarray(0, got);
      got += n;
      if (got === READ_BUFFER.length) break;
    }
    // Larger than the shared buffer: read it whole into its own.
    const size = Math.max(fstatSync(fd).size, got);
    let bytes = Buffer.allocUnsafe(size + 1);
    READ_BUFFER.copy(bytes, 0, 0, got);
    for (;;) {
      if (got === bytes.length) {
        const bigger = Buffer.allocUnsafe(bytes.length * 2);
        bytes.copy(bigger, 0, 0, got);
        bytes = bigger;
      }
      const n = readSync(fd, bytes, got, bytes.length - got, null);
      if (n === 0) return bytes.subarray(0, got);
      got += n;
    }
  } finally {
    closeSync(fd);
  }
}

/** Only asked once a read failed: the listing keeps links to nothing so they are named, not lost. */
function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

function labelOf(file: string): FileLabel {
  const nameId = recordIdOfFile(basename(file));
  return {
    what: nameId ? `record ${nameId}` : `record file ${basename(file)}`,
    path: file,
  };
}

function decode(bytes: Buffer, label: FileLabel, unlocker: Unlocker) {
  const parsed = parseRecordFile(bytes, label);
  // A file named like a record must hold that record: a renamed file is not silently another one.
  const nameId = recordIdOfFile(basename(label.path));
  if (nameId && parsed.header.id !== nameId) throw tampered(label);
  return { parsed, ...openRecord(parsed, unlocker, label) };
}

async function openWith(file: string, unlocker: Unlocker, fs: StoreFs): Promise<OpenedRecordFile> {
  const label = labelOf(file);
  const { parsed, dataKey, envelope } = decode(
    await readRecordBytes(fs, file, label),
    label,
    unlocker,
  );
  const id = parsed.header.id;
  return {
    file,
    record: envelope.record,
    async readAudit() {
      const path = auditPathForRecordFile(file);
      let bytes: Buffer;
      try {
        bytes = await fs.readFile(path);
      } catch (error) {
        if (nodeCode(error) !== 'ENOENT')
          throw readFailure(error, `the audit log of ${label.what}`, path);
        if (envelope.auditCount > 0)
          throw storeDataError('E_AUDIT_TRUNCATED', `The audit log of ${label.what} is missing.`, [
            `(${path})`,
          ]);
        return [];
      }
      return openFrames(
        bytes,
        auditKey(dataKey),
        id,
        { what: label.what, path },
        envelope.auditCount,
      );
    },
  };
}

export async function readOrgPrivateKeyFile(
  file: string,
  passphrase: string,
  fs: StoreFs = nodeFs,
): Promise<OrgPrivateKey> {
  return decodeOrgPrivateKey(
    await readKeyText(file, 'the organisation private key', fs),
    passphrase,
  );
}

export async function readOrgPublicKeyFile(
  file: string,
  fs: StoreFs = nodeFs,
): Promise<OrgPublicKey> {
  return parseOrgPublicKey(await readKeyText(file, 'the organisation public key', fs));
}

async function readKeyText(file: string, what: string, fs: StoreFs): Promise<string> {
  try {
    // A pipe or a device would be read until it ends, which for an idle pipe is never.
    const st = await fs.stat(file);
    if (!st.isFile() && !st.isDirectory())
      throw storeDataError(
        'E_ORG_KEY_INVALID',
        `Cannot read ${what}: ${file} is not a regular file (a pipe, a device or a socket).`,
      );
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if (isScreenerError(error)) throw error;
    if (nodeCode(error) === 'ENOENT')
      throw storeDataError('E_ORG_KEY_INVALID', `Cannot read ${what}: ${file} does not exist.`);
    throw readFailure(error, what, file);
  }
}

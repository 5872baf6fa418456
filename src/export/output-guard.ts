/**
 * Files an export must never be written over, recognised by their content: a record,
 * an audit log, a data folder's keys, an organisation key, an export secret. A
 * mistyped or tab-completed `--out screener-org.key` would otherwise replace the key
 * that opens every record of the organisation, and `--out` over a record file would
 * replace an interview with a table. Earlier exports and any other file may be
 * replaced, as a user expects.
 */
import { AUDIT_MAGIC } from '../store/audit-file.js';
import { KEY_FILE_FORMAT } from '../store/key-file.js';
import { ORG_PRIVATE_FORMAT, ORG_PUBLIC_FORMAT } from '../store/org-key.js';
import { RECORD_MAGIC } from '../store/record-file.js';

/** How many leading bytes of an existing file protectedKind needs. */
export const GUARD_HEAD_BYTES = 512;

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

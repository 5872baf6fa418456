/**
 * The bytes of one record file (format 1):
 *
 *   0      8  magic "SCRNREC\0"
 *   8      2  file format version (big-endian)
 *   10     4  header length H
 *   14     H  header, JSON: id, record format, questionnaire hash, key slots
 *   14+H  32  header MAC: HMAC-SHA256 of bytes [0, 14+H) under a key derived from the data key
 *   46+H   4  body length B
 *   50+H   B  body: nonce ‖ AES-256-GCM(padded JSON {auditCount, record}) ‖ tag
 *
 * The body's associated data binds the file version, record id, record format and
 * questionnaire hash, so none can be swapped. The key slots sit outside the body
 * so a passphrase change rewrites only the header, never re-encrypts content; the
 * header MAC still makes every header byte tamper-evident, including slots nobody
 * is using right now. The plaintext is padded to a multiple of 256 bytes so the
 * file size says little about how much was said.
 */
import type { InterviewRecord } from '../record/types.js';
import { RECORD_FORMAT_VERSION } from '../record/types.js';
import { deriveKey, deriveKeys, hmac, sameBytes, seal, unseal, utf8 } from './crypto.js';
import { storeDataError } from './errors.js';
import {
  slotFromJson,
  slotToJson,
  unwrapDataKey,
  type KeySlot,
  type Unlocker,
} from './key-slots.js';
import { RECORD_MAGIC } from './file-marks.js';

export const RECORD_FILE_VERSION = 1;
const PREFIX = 14;
const MAC_BYTES = 32;
const MAX_HEADER = 64 * 1024;
const MAX_BODY = 256 * 1024 * 1024;
const PAD_TO = 256;

export interface RecordHeader {
  readonly id: string;
  readonly recordFormat: number;
  readonly questionnaireHash: string;
  readonly slots: readonly KeySlot[];
}

/** What the body holds: the record, and how many audit events existed when it was saved (so a cut-short log shows). */
export interface RecordEnvelope {
  readonly record: InterviewRecord;
  readonly auditCount: number;
}

/** A record file split into its parts; nothing decrypted or verified yet. */
export interface ParsedRecordFile {
  readonly header: RecordHeader;
  /** Bytes [0, 14+H): what the header MAC covers. */
  readonly signed: Buffer;
  readonly mac: Buffer;
  readonly body: Buffer;
}

/** Labels errors: the record id when known, and the file. */
export interface FileLabel {
  readonly what: string;
  readonly path: string;
}

function headerMacKey(dataKey: Uint8Array) {
  return deriveKey(dataKey, HEADER_MAC_INFO);
}
function bodyKey(dataKey: Uint8Array) {
  return deriveKey(dataKey, BODY_INFO);
}
const HEADER_MAC_INFO = 'screener/v1/record-header-mac';
const BODY_INFO = 'screener/v1/record-body';
function bodyAad(h: Pick<RecordHeader, 'id' | 'recordFormat' | 'questionnaireHash'>) {
  return utf8(
    `screener/v1/record-body|${RECORD_FILE_VERSION}|${h.id}|${h.recordFormat}|${h.questionnaireHash}`,
  );
}

function headerBytes(h: RecordHeader): Buffer {
  return utf8(
    JSON.stringify({
      id: h.id,
      record: h.recordFormat,
      questionnaire: h.questionnaireHash,
      slots: h.slots.map(slotToJson),
    }),
  );
}

function signedPart(h: RecordHeader): Buffer {
  const json = headerBytes(h);
  const prefix = Buffer.alloc(PREFIX);
  RECORD_MAGIC.copy(prefix, 0);
  prefix.writeUInt16BE(RECORD_FILE_VERSION, 8);
  prefix.writeUInt32BE(json.length, 10);
  return Buffer.concat([prefix, json]);
}

function assemble(signed: Buffer, mac: Buffer, body: Uint8Array): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length, 0);
  return Buffer.concat([signed, mac, len, body]);
}

export function sealBody(dataKey: Uint8Array, header: RecordHeader, env: RecordEnvelope): Buffer {
  const json = utf8(JSON.stringify({ auditCount: env.auditCount, record: env.record }));
  const size = Math.ceil((json.length + 4) / PAD_TO) * PAD_TO;
  const plain = Buffer.alloc(size);
  plain.writeUInt32BE(json.length, 0);
  json.copy(plain, 4);
  return seal(bodyKey(dataKey), plain, bodyAad(header));
}

export function encodeRecordFile(
  dataKey: Uint8Array,
  header: RecordHeader,
  env: RecordEnvelope,
): Buffer {
  return withHeader(dataKey, header, sealBody(dataKey, header, env));
}

/** A new header (e.g. other key slots) over an unchanged, still-encrypted body. */
export function withHeader(dataKey: Uint8Array, header: RecordHeader, body: Uint8Array): Buffer {
  const signed = signedPart(header);
  return assemble(signed, hmac(headerMacKey(dataKey), signed), body);
}

export function parseRecordFile(bytes: Buffer, label: FileLabel): ParsedRecordFile {
  const corrupt = (why: string) =>
    storeDataError(
      'E_RECORD_CORRUPT',
      `${cap(label.what)} cannot be read: ${why}.`,
      details(label),
    );
  const truncated = () =>
    storeDataError(
      'E_RECORD_TRUNCATED',
      `${cap(label.what)} cannot be read: the file is cut short (truncated).`,
      details(label),
    );
  if (bytes.length < PREFIX) {
    if (bytes.length > 0 && RECORD_MAGIC.subarray(0, bytes.length).equals(bytes)) throw truncated();
    throw corrupt(bytes.length === 0 ? 'the file is empty' : 'it is not a screener record');
  }
  if (!bytes.subarray(0, 8).equals(RECORD_MAGIC)) throw corrupt('it is not a screener record');
  const version = bytes.readUInt16BE(8);
  if (version > RECORD_FILE_VERSION) throw newerVersion(label, version, RECORD_FILE_VERSION);
  if (version < 1) throw corrupt('its format version is 0');
  const h = bytes.readUInt32BE(10);
  if (h > MAX_HEADER) throw corrupt('its header length is impossible');
  if (bytes.length < PREFIX + h + MAC_BYTES + 4) throw truncated();
  const b = bytes.readUInt32BE(PREFIX + h + MAC_BYTES);
  if (b > MAX_BODY) throw corrupt('its body length is impossible');
  const end = PREFIX + h + MAC_BYTES + 4 + b;
  if (bytes.length < end) throw truncated();
  if (bytes.length > end) throw corrupt('there are extra bytes after the end of the record');
  const header = parseHeader(bytes.subarray(PREFIX, PREFIX + h));
  if (!header) throw corrupt('its header is malformed');
  if (header.recordFormat > RECORD_FORMAT_VERSION)
    throw newerVersion(label, header.recordFormat, RECORD_FORMAT_VERSION);
  return {
    header,
    signed: bytes.subarray(0, PREFIX + h),
    mac: bytes.subarray(PREFIX + h, PREFIX + h + MAC_BYTES),
    body: bytes.subarray(PREFIX + h + MAC_BYTES + 4, end),
  };
}

function parseHeader(json: Buffer): RecordHeader | undefined {
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(json.toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null || Object.keys(v).length !== 4) return undefined;
  const { id, record, questionnaire, slots } = v;
  if (typeof id !== 'string' || typeof questionnaire !== 'string') return undefined;
  if (typeof record !== 'number' || !Number.isInteger(record) || record < 1) return undefined;
  if (!Array.isArray(slots) || slots.length > 16) return undefined;
  const parsed = slots.map(slotFromJson);
  if (parsed.some((s) => s === undefined)) return undefined;
  return { id, recordFormat: record, questionnaireHash: questionnaire, slots: parsed as KeySlot[] };
}

/** Unwraps the data key, then checks the header MAC, then decrypts the body. */
export function openRecord(
  parsed: ParsedRecordFile,
  unlocker: Unlocker,
  label: FileLabel,
): { dataKey: Buffer; envelope: RecordEnvelope } {
  const { dataKey, bodyKey } = unlockKeys(parsed, unlocker, label);
  const plain = unseal(bodyKey, parsed.body, bodyAad(parsed.header));
  if (!plain) throw tampered(label);
  const len = plain.length >= 4 ? plain.readUInt32BE(0) : Infinity;
  if (len + 4 > plain.length) throw tampered(label);
  let env: RecordEnvelope;
  try {
    env = JSON.parse(plain.subarray(4, 4 + len).toString('utf8')) as RecordEnvelope;
  } catch {
    throw tampered(label);
  }
  if (
    typeof env !== 'object' ||
    env === null ||
    typeof env.auditCount !== 'number' ||
    typeof env.record !== 'object' ||
    env.record === null ||
    env.record.id !== parsed.header.id
  )
    throw tampered(label);
  return { dataKey, envelope: env };
}

function unlockKeys(
  parsed: ParsedRecordFile,
  unlocker: Unlocker,
  label: FileLabel,
): { dataKey: Buffer; bodyKey: Buffer } {
  const r = unwrapDataKey(parsed.header.slots, parsed.header.id, unlocker);
  if (!r.ok) {
    if (r.reason === 'failed') throw tampered(label);
    throw unlocker.kind === 'org'
      ? storeDataError(
          'E_RECORD_KEY_MISSING',
          `${cap(label.what)} has no key slot for this organisation key (fingerprint ${unlocker.org.publicKey.fingerprint}).`,
          [
            r.orgKeys.length
              ? `It was written for organisation key ${r.orgKeys.join(', ')}.`
              : 'It was written before an organisation key was added on that laptop: open it there with the passphrase, or run `screener keys org-add` there.',
            ...details(label),
          ],
        )
      : storeDataError(
          'E_RECORD_KEY_MISSING',
          `${cap(label.what)} has no key slot for this passphrase.`,
          [
            'It comes from another laptop or data folder, or its header was altered.',
            ...details(label),
          ],
        );
  }
  const [macKey, bodyKey] = deriveKeys(r.dataKey, [HEADER_MAC_INFO, BODY_INFO]) as [Buffer, Buffer];
  if (!sameBytes(hmac(macKey, parsed.signed), parsed.mac)) throw tampered(label);
  return { dataKey: r.dataKey, bodyKey };
}

export function tampered(label: FileLabel) {
  return storeDataError(
    'E_RECORD_TAMPERED',
    `${cap(label.what)} failed its integrity check: the file was altered or damaged.`,
    details(label),
  );
}

function newerVersion(label: FileLabel, found: number, supported: number) {
  return storeDataError(
    'E_RECORD_VERSION',
    `${cap(label.what)} was written by a newer screener (format ${found}); this one reads format ${supported}.`,
    ['Update screener to open it. The file was not changed.', `(${label.path})`],
  );
}

function details(label: FileLabel): string[] {
  return [`(${label.path})`, 'Other records are not affected.'];
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The bytes of a record's audit log (format 1): a short header, then fixed-size
 * encrypted frames, one per event, appended and fsynced one at a time.
 *
 *   0   8  magic "SCRNAUD\0"
 *   8   2  format version
 *   10  2  id length L, then L bytes of record id
 *   then frames of FRAME_BYTES: nonce ‖ AES-256-GCM(256 bytes: u16 length ‖ JSON ‖ zero padding) ‖ tag
 *
 * Fixed-size frames need no length field, so no single changed byte can move a
 * frame boundary: every flip lands inside a frame and fails its tag. Each frame's
 * associated data carries the record id and its sequence number, so frames cannot
 * be reordered, dropped from the middle or moved between logs. A partial frame at
 * the end can only come from a crash mid-append (or truncation) and is ignored;
 * the record file stores how many events existed at its last save, so a log cut
 * shorter than that is reported.
 */
import type { AuditEvent, AuditEventType } from '../record/store-api.js';
import { deriveKey, SEAL_OVERHEAD, seal, unseal, utf8 } from './crypto.js';
import { storeDataError } from './errors.js';
import type { FileLabel } from './record-file.js';
import { AUDIT_MAGIC } from './file-marks.js';

export const AUDIT_FILE_VERSION = 1;
const PLAIN_BYTES = 256;
export const FRAME_BYTES = PLAIN_BYTES + SEAL_OVERHEAD;

const EVENT_TYPES = [
  'started',
  'answered',
  'back',
  'note',
  'quick_exit',
  'resumed',
  'completed',
  'stopped',
  'report',
  'redaction_review',
  'exported',
] as const satisfies readonly AuditEventType[];
// Fails to compile when store-api gains an event type this list lacks.
const _allTypesListed: AuditEventType extends (typeof EVENT_TYPES)[number] ? true : never = true;
void _allTypesListed;

export function auditKey(dataKey: Uint8Array): Buffer {
  return deriveKey(dataKey, 'screener/v1/audit');
}

export function encodeAuditHeader(id: string): Buffer {
  const idBytes = utf8(id);
  const h = Buffer.alloc(12 + idBytes.length);
  AUDIT_MAGIC.copy(h, 0);
  h.writeUInt16BE(AUDIT_FILE_VERSION, 8);
  h.writeUInt16BE(idBytes.length, 10);
  idBytes.copy(h, 12);
  return h;
}

function frameAad(id: string, seq: number): Buffer {
  return utf8(`screener/v1/audit|${AUDIT_FILE_VERSION}|${id}|${seq}`);
}

/** Only ids and a timestamp may enter the log; anything else is a programming error. */
export function checkEvent(event: AuditEvent): AuditEvent {
  if (!(EVENT_TYPES as readonly string[]).includes(event.type))
    throw new TypeError(`unknown audit event type ${JSON.stringify(event.type)}`);
  if (typeof event.at !== 'string' || Number.isNaN(Date.parse(event.at)))
    throw new TypeError('audit event needs an ISO 8601 time');
  if (event.question !== undefined && !/^[a-z][a-z0-9_]{0,63}$/.test(event.question))
    throw new TypeError('audit event question must be a question id');
  return {
    type: event.type,
    at: event.at,
    ...(event.question !== undefined ? { question: event.question } : {}),
  };
}

export function sealFrame(key: Uint8Array, id: string, seq: number, event: AuditEvent): Buffer {
  const json = utf8(JSON.stringify(checkEvent(event)));
  if (json.length + 2 > PLAIN_BYTES) throw new TypeError('audit event too long');
  const plain = Buffer.alloc(PLAIN_BYTES);
  plain.writeUInt16BE(json.length, 0);
  json.copy(plain, 2);
  return seal(key, plain, frameAad(id, seq));
}

export interface AuditLayout {
  readonly headerBytes: number;
  /** Complete frames. */
  readonly frames: number;
  /** Bytes of a partial frame at the end (a crash mid-append). */
  readonly tornBytes: number;
}

/** Checks the header and measures the frames; decrypts nothing. */
export function auditLayout(bytes: Buffer, id: string, label: FileLabel): AuditLayout {
  const header = encodeAuditHeader(id);
  if (bytes.length < 10 || !bytes.subarray(0, 8).equals(AUDIT_MAGIC))
    throw auditCorrupt(label, 'it is not a screener audit log');
  const version = bytes.readUInt16BE(8);
  if (version > AUDIT_FILE_VERSION)
    throw storeDataError(
      'E_RECORD_VERSION',
      `The audit log of ${label.what} was written by a newer screener (format ${version}); this one reads format ${AUDIT_FILE_VERSION}.`,
      ['Update screener to read it. The file was not changed.', `(${label.path})`],
    );
  if (bytes.length < header.length || !bytes.subarray(0, header.length).equals(header))
    throw auditTampered(label);
  const rest = bytes.length - header.length;
  return {
    headerBytes: header.length,
    frames: Math.floor(rest / FRAME_BYTES),
    tornBytes: rest % FRAME_BYTES,
  };
}

export function openFrames(
  bytes: Buffer,
  key: Uint8Array,
  id: string,
  label: FileLabel,
  expectedAtLeast: number,
): AuditEvent[] {
  const layout = auditLayout(bytes, id, label);
  if (layout.frames < expectedAtLeast)
    throw storeDataError(
      'E_AUDIT_TRUNCATED',
      `The audit log of ${label.what} is shorter than when the record was last saved (${layout.frames} of at least ${expectedAtLeast} events).`,
      [`(${label.path})`, 'The record itself is not affected.'],
    );
  const events: AuditEvent[] = [];
  for (let seq = 0; seq < layout.frames; seq++) {
    const start = layout.headerBytes + seq * FRAME_BYTES;
    const plain = unseal(key, bytes.subarray(start, start + FRAME_BYTES), frameAad(id, seq));
    if (!plain) throw auditTampered(label);
    const len = plain.readUInt16BE(0);
    try {
      events.push(checkEvent(JSON.parse(plain.subarray(2, 2 + len).toString('utf8'))));
    } catch {
      throw auditTampered(label);
    }
  }
  return events;
}

export function auditTampered(label: FileLabel) {
  return storeDataError(
    'E_AUDIT_TAMPERED',
    `The audit log of ${label.what} failed its integrity check: the file was altered or damaged.`,
    [`(${label.path})`, 'The record itself is not affected.'],
  );
}

/** Not an audit log at all (its first bytes changed): as damaged as a failed frame, and the record is not. */
function auditCorrupt(label: FileLabel, why: string) {
  return storeDataError(
    'E_AUDIT_TAMPERED',
    `The audit log of ${label.what} cannot be read: ${why}.`,
    [`(${label.path})`, 'The record itself is not affected.'],
  );
}

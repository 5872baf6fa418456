/**
 * keys.json: everything needed to check a passphrase and wrap new records, and
 * nothing secret. A passphrase slot holds the scrypt parameters, the salt and a
 * key-check value (an HMAC under a key derived from the passphrase), so a wrong
 * passphrase is refused at once without touching any record. The whole file is
 * authenticated under the passphrase key, so nobody can quietly swap in their own
 * organisation public key and receive every future record.
 *
 * Changing the passphrase is a two-phase commit recorded here (see rewrap.ts):
 * `next` holds the new slot while records gain a second key slot; then `next`
 * becomes `passphrase` and `rewrap` stays set until the old slots are gone.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { deriveKey, fromB64, hmac, sameBytes, toB64, utf8 } from './crypto.js';
import { derivePassphraseKey, newSalt, parseScryptParams, type ScryptParams } from './kdf.js';
import { fingerprintOf, type OrgPublicKey } from './org-key.js';
import { nodeCode, readFailure, storeDataError } from './errors.js';
import type { StoreFs } from './fs-layer.js';
import { recordIdOfFile, type StoreLayout } from './paths.js';
import { createFileOnce, writeFileAtomic } from './atomic-write.js';
import { KEY_FILE_FORMAT } from './file-marks.js';

export const KEY_FILE_VERSION = 1;

export interface PassphraseSlot {
  /** Random id; record key slots name the passphrase slot that wrapped them. */
  readonly id: string;
  readonly kdf: ScryptParams;
  readonly salt: Buffer;
  readonly check: Buffer;
  readonly createdAt: string;
}

export interface OrgRecipient extends OrgPublicKey {
  readonly addedAt: string;
}

export interface KeyFile {
  readonly passphrase: PassphraseSlot;
  /** A passphrase change in progress (phase 1). */
  readonly next?: PassphraseSlot;
  readonly org?: OrgRecipient;
  /** Records' key slots must be brought in line with this file (phase 2, or after org-add). */
  readonly rewrap: boolean;
}

/** A passphrase slot opened with the right passphrase. */
export interface OpenSlot {
  readonly slot: PassphraseSlot;
  /** The scrypt output; never written anywhere. */
  readonly kek: Buffer;
}

function checkValue(kek: Uint8Array, slotId: string): Buffer {
  return hmac(deriveKey(kek, 'screener/v1/key-check'), utf8(`screener/v1/key-check|${slotId}`));
}

export async function newPassphraseSlot(passphrase: string, kdf: ScryptParams): Promise<OpenSlot> {
  const id = randomBytes(8).toString('hex');
  const salt = newSalt();
  const kek = await derivePassphraseKey(passphrase, salt, kdf);
  return {
    slot: { id, kdf, salt, check: checkValue(kek, id), createdAt: new Date().toISOString() },
    kek,
  };
}

/** The passphrase key when the passphrase is right, else undefined. Writes nothing. */
export async function openSlot(
  slot: PassphraseSlot,
  passphrase: string,
): Promise<OpenSlot | undefined> {
  const kek = await derivePassphraseKey(passphrase, slot.salt, slot.kdf);
  return sameBytes(checkValue(kek, slot.id), slot.check) ? { slot, kek } : undefined;
}

function slotJson(s: PassphraseSlot) {
  return {
    id: s.id,
    kdf: s.kdf,
    salt: toB64(s.salt),
    check: toB64(s.check),
    createdAt: s.createdAt,
  };
}

/** The authenticated part of the file, in a fixed key order so the MAC is reproducible. */
function bodyJson(k: KeyFile) {
  return {
    format: KEY_FILE_FORMAT,
    version: KEY_FILE_VERSION,
    passphrase: slotJson(k.passphrase),
    ...(k.next ? { next: slotJson(k.next) } : {}),
    ...(k.org
      ? {
          org: {
            x25519: toB64(k.org.raw),
            fingerprint: k.org.fingerprint,
            addedAt: k.org.addedAt,
          },
        }
      : {}),
    rewrap: k.rewrap,
  };
}

function macOf(k: KeyFile, kek: Uint8Array): Buffer {
  return hmac(deriveKey(kek, 'screener/v1/key-file-mac'), utf8(JSON.stringify(bodyJson(k))));
}

export function encodeKeyFile(k: KeyFile, kek: Uint8Array): string {
  return JSON.stringify({ ...bodyJson(k), mac: toB64(macOf(k, kek)) }, null, 2) + '\n';
}

/** A parsed key file and its MAC, which can be checked only once the passphrase is known. */
export interface ParsedKeyFile {
  readonly keys: KeyFile;
  readonly mac: Buffer;
}

export function verifyKeyFileMac(parsed: ParsedKeyFile, kek: Uint8Array): boolean {
  return sameBytes(macOf(parsed.keys, kek), parsed.mac);
}

export async function readKeyFile(fs: StoreFs, layout: StoreLayout): Promise<ParsedKeyFile> {
  let text: string;
  try {
    text = await fs.readFile(layout.keyFile, 'utf8');
  } catch (error) {
    if (nodeCode(error) === 'ENOENT') throw noKeys(layout);
    throw readFailure(error, 'the key file', layout.keyFile);
  }
  return parseKeyFile(text, layout.keyFile);
}

export async function keyFileExists(fs: StoreFs, layout: StoreLayout): Promise<boolean> {
  try {
    await fs.lstat(layout.keyFile);
    return true;
  } catch (error) {
    if (nodeCode(error) === 'ENOENT') return false;
    // The data folder, or a folder above it, is a file: not "no keys yet", which
    // would send the user to `keys init` there.
    if (nodeCode(error) === 'ENOTDIR')
      throw storeDataError(
        'E_DATA_DIR_NOT_A_DIR',
        `The data folder ${layout.dataDir} is not a folder: it, or a folder above it, is a file.`,
        ['Choose another --data-dir (or SCREENER_HOME).'],
      );
    throw readFailure(error, 'the key file', layout.keyFile);
  }
}

/**
 * E_NO_KEYS. Records without their key file mean keys.json was lost, not that the
 * folder was never set up: `keys init` would not open them, a backup of keys.json would.
 */
export function noKeys(layout: StoreLayout) {
  const records = recordCount(layout.recordsDir);
  if (records > 0)
    return storeDataError(
      'E_NO_KEYS',
      `${layout.dataDir} holds ${records} record${records === 1 ? '' : 's'} but its key file (keys.json) is missing.`,
      [
        'Restore keys.json from a backup of this data folder: it is what your passphrase opens.',
        '`screener keys init` would set up a new passphrase, which cannot open these records.',
      ],
    );
  return storeDataError('E_NO_KEYS', `No passphrase is set up in ${layout.dataDir}.`, [
    'Run `screener keys init` first (scripts: SCREENER_PASSPHRASE=... screener keys init).',
  ]);
}

/** Record files in the folder; 0 when it cannot be read (only wording depends on it). */
function recordCount(recordsDir: string): number {
  try {
    return readdirSync(recordsDir).filter((name) => recordIdOfFile(name) !== undefined).length;
  } catch {
    return 0;
  }
}

export function parseKeyFile(text: string, path: string): ParsedKeyFile {
  const corrupt = (why: string) =>
    storeDataError('E_KEYS_CORRUPT', `The key file is damaged: ${why}.`, [
      `(${path})`,
      'Restore it from a backup; without it no record in this folder can be opened.',
    ]);
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw corrupt('it is not valid JSON');
  }
  if (typeof v !== 'object' || v === null || v.format !== KEY_FILE_FORMAT)
    throw corrupt('it is not a screener key file');
  if (typeof v.version !== 'number' || !Number.isInteger(v.version) || v.version < 1)
    throw corrupt('its version is missing');
  if (v.version > KEY_FILE_VERSION)
    throw storeDataError(
      'E_KEYS_VERSION',
      `The key file was written by a newer screener (format ${v.version}); this one reads format ${KEY_FILE_VERSION}.`,
      ['Update screener to open this data folder.'],
    );
  const allowed = new Set(['format', 'version', 'passphrase', 'next', 'org', 'rewrap', 'mac']);
  const unknown = Object.keys(v).find((k) => !allowed.has(k));
  if (unknown) throw corrupt(`unexpected field "${unknown}"`);
  const passphrase = parseSlot(v.passphrase);
  if (!passphrase) throw corrupt('the passphrase slot is malformed');
  let next: PassphraseSlot | undefined;
  if (v.next !== undefined) {
    next = parseSlot(v.next);
    if (!next) throw corrupt('the pending passphrase slot is malformed');
  }
  let org: OrgRecipient | undefined;
  if (v.org !== undefined) {
    org = parseOrg(v.org);
    if (!org) throw corrupt('the organisation key is malformed');
  }
  if (typeof v.rewrap !== 'boolean') throw corrupt('the rewrap flag is malformed');
  const mac = fromB64(v.mac, 32);
  if (!mac) throw corrupt('its authentication code is malformed');
  return {
    keys: { passphrase, ...(next ? { next } : {}), ...(org ? { org } : {}), rewrap: v.rewrap },
    mac,
  };
}

function parseSlot(value: unknown): PassphraseSlot | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const kdf = parseScryptParams(v.kdf);
  const salt = fromB64(v.salt);
  const check = fromB64(v.check, 32);
  if (typeof v.id !== 'string' || !/^[0-9a-f]{16}$/.test(v.id)) return undefined;
  if (!kdf || !salt || salt.length < 16 || !check || typeof v.createdAt !== 'string')
    return undefined;
  if (Object.keys(v).length !== 5) return undefined;
  return { id: v.id, kdf, salt, check, createdAt: v.createdAt };
}

function parseOrg(value: unknown): OrgRecipient | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const raw = fromB64(v.x25519, 32);
  if (!raw || v.fingerprint !== fingerprintOf(raw) || typeof v.addedAt !== 'string')
    return undefined;
  if (Object.keys(v).length !== 3) return undefined;
  return { raw, fingerprint: v.fingerprint, addedAt: v.addedAt };
}

export async function writeKeyFile(
  fs: StoreFs,
  layout: StoreLayout,
  keys: KeyFile,
  kek: Uint8Array,
): Promise<void> {
  await writeFileAtomic(fs, layout.keyFile, utf8(encodeKeyFile(keys, kek)), 'the key file');
}

/** The first key file of a folder; false, and nothing written, when one appeared meanwhile. */
export async function createKeyFile(
  fs: StoreFs,
  layout: StoreLayout,
  keys: KeyFile,
  kek: Uint8Array,
): Promise<boolean> {
  return createFileOnce(fs, layout.keyFile, utf8(encodeKeyFile(keys, kek)), 'the key file');
}

/**
 * The organisation key pair (X25519). Laptops hold only the public key and wrap
 * every record's data key to it; the coordinator holds the private key, itself
 * encrypted under a passphrase (scrypt + AES-256-GCM), and can open every record
 * without knowing any screener's passphrase.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { deriveKey, fromB64, seal, toB64, unseal, utf8 } from './crypto.js';
import { derivePassphraseKey, newSalt, parseScryptParams, type ScryptParams } from './kdf.js';
import { storeDataError } from './errors.js';
import { ORG_PRIVATE_FORMAT, ORG_PUBLIC_FORMAT } from './file-marks.js';

export const ORG_KEY_VERSION = 1;
export const ORG_PUBLIC_FILE = 'screener-org.pub';
export const ORG_PRIVATE_FILE = 'screener-org.key';

export interface OrgPublicKey {
  /** The 32-byte X25519 public key. */
  readonly raw: Buffer;
  readonly fingerprint: string;
}

export interface OrgPrivateKey {
  readonly privateKey: KeyObject;
  readonly publicKey: OrgPublicKey;
}

/** 128 bits of SHA-256 of the public key, hex: what people compare over the phone. */
export function fingerprintOf(raw: Uint8Array): string {
  return createHash('sha256')
    .update('screener/v1/org-fingerprint|')
    .update(raw)
    .digest('hex')
    .slice(0, 32);
}

/** `ab12 cd34 …`: easier to read aloud and compare. */
export function formatFingerprint(fp: string): string {
  return fp.match(/.{1,4}/g)?.join(' ') ?? fp;
}

/** RFC 8410: the DER of an X25519 SubjectPublicKeyInfo is this prefix and the 32 raw bytes. */
const X25519_SPKI_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');

export function rawPublicKey(key: KeyObject): Buffer {
  const der = key.export({ format: 'der', type: 'spki' });
  return Buffer.from(der.subarray(X25519_SPKI_PREFIX.length));
}

/** DER rather than JWK: the same key, imported without a JSON and base64url round trip. */
export function publicKeyObject(raw: Uint8Array): KeyObject {
  return createPublicKey({
    key: Buffer.concat([X25519_SPKI_PREFIX, raw]),
    format: 'der',
    type: 'spki',
  });
}

export function orgPublicKeyFromRaw(raw: Buffer): OrgPublicKey {
  return { raw, fingerprint: fingerprintOf(raw) };
}

let trialKey: KeyObject | undefined;

/**
 * Whether a key agreement with `raw` works. A point of small order (all zeros, say)
 * gives every sender the same all-zero secret, which OpenSSL refuses: wrapped to such
 * a key, no record could be saved at all.
 */
export function isUsableOrgPublicKey(raw: Uint8Array): boolean {
  trialKey ??= generateKeyPairSync('x25519').privateKey;
  try {
    diffieHellman({ privateKey: trialKey, publicKey: publicKeyObject(raw) });
    return true;
  } catch {
    return false;
  }
}

/**
 * E_ORG_KEY_INVALID for a keys.json whose organisation key is unusable (added by a
 * screener that did not check). The passphrase still opens every record; adding the
 * right key replaces it, and the records can be saved again.
 */
export function unusableOrgKeyInUse(fingerprint: string) {
  return storeDataError(
    'E_ORG_KEY_INVALID',
    `The organisation key added to this data folder (fingerprint ${formatFingerprint(fingerprint)}) is not a usable X25519 public key: no record can be saved or re-keyed with it.`,
    [
      'Your records are intact and open with your passphrase.',
      "Add the coordinator's correct key (it replaces this one): `screener keys org-add screener-org.pub`.",
    ],
  );
}

export function generateOrgKeyPair(): OrgPrivateKey {
  const { privateKey, publicKey } = generateKeyPairSync('x25519');
  return { privateKey, publicKey: orgPublicKeyFromRaw(rawPublicKey(publicKey)) };
}

export function encodeOrgPublicKey(key: OrgPublicKey): string {
  return (
    JSON.stringify(
      {
        format: ORG_PUBLIC_FORMAT,
        version: ORG_KEY_VERSION,
        x25519: toB64(key.raw),
        fingerprint: key.fingerprint,
      },
      null,
      2,
    ) + '\n'
  );
}

/** Accepts the public key file's text, or the bare base64 key pasted from it. */
export function parseOrgPublicKey(text: string): OrgPublicKey {
  const trimmed = text.trim();
  const bare = fromB64(trimmed, 32);
  if (bare) return usable(orgPublicKeyFromRaw(bare));
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(trimmed) as Record<string, unknown>;
  } catch {
    throw invalidOrgKey('it is neither a screener public key file nor a base64 key');
  }
  if (typeof v !== 'object' || v === null || v.format !== ORG_PUBLIC_FORMAT)
    throw invalidOrgKey(
      v?.format === ORG_PRIVATE_FORMAT
        ? 'this is the PRIVATE key: give laptops the .pub file, keep the .key file with the coordinator'
        : 'it is not a screener organisation public key',
    );
  if (v.version !== ORG_KEY_VERSION)
    throw invalidOrgKey(
      `it has format version ${String(v.version)}; this screener reads ${ORG_KEY_VERSION}`,
    );
  const raw = fromB64(v.x25519, 32);
  if (!raw) throw invalidOrgKey('its key is not 32 bytes of base64');
  const key = orgPublicKeyFromRaw(raw);
  if (v.fingerprint !== undefined && v.fingerprint !== key.fingerprint)
    throw invalidOrgKey('its fingerprint does not match its key (the file was edited)');
  return usable(key);
}

function usable(key: OrgPublicKey): OrgPublicKey {
  if (!isUsableOrgPublicKey(key.raw))
    throw invalidOrgKey(
      'its key is not a usable X25519 public key (a point of small order, such as all zeros, gives no shared secret)',
    );
  return key;
}

function privateKeyAad(fingerprint: string): Buffer {
  return utf8(`screener/v1/org-private-key|${fingerprint}`);
}

export async function encodeOrgPrivateKey(
  key: OrgPrivateKey,
  passphrase: string,
  params: ScryptParams,
): Promise<string> {
  const salt = newSalt();
  const kek = await derivePassphraseKey(passphrase, salt, params);
  const der = key.privateKey.export({ format: 'der', type: 'pkcs8' });
  const box = seal(
    deriveKey(kek, 'screener/v1/org-private-key'),
    der,
    privateKeyAad(key.publicKey.fingerprint),
  );
  return (
    JSON.stringify(
      {
        format: ORG_PRIVATE_FORMAT,
        version: ORG_KEY_VERSION,
        fingerprint: key.publicKey.fingerprint,
        kdf: params,
        salt: toB64(salt),
        box: toB64(box),
      },
      null,
      2,
    ) + '\n'
  );
}

/** Decrypts the coordinator's private key file; a wrong passphrase is E_WRONG_ORG_PASSPHRASE. */
export async function decodeOrgPrivateKey(
  text: string,
  passphrase: string,
): Promise<OrgPrivateKey> {
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw invalidOrgKey('it is not a screener organisation private key file');
  }
  if (typeof v !== 'object' || v === null || v.format !== ORG_PRIVATE_FORMAT)
    throw invalidOrgKey(
      v?.format === ORG_PUBLIC_FORMAT
        ? 'this is the public key; export needs the private key file (.key)'
        : 'it is not a screener organisation private key file',
    );
  if (v.version !== ORG_KEY_VERSION)
    throw invalidOrgKey(
      `it has format version ${String(v.version)}; this screener reads ${ORG_KEY_VERSION}`,
    );
  const params = parseScryptParams(v.kdf);
  const salt = fromB64(v.salt);
  const box = fromB64(v.box);
  const fingerprint = v.fingerprint;
  if (!params || !salt || !box || typeof fingerprint !== 'string')
    throw invalidOrgKey('a field is missing or malformed');
  const kek = await derivePassphraseKey(passphrase, salt, params);
  const der = unseal(
    deriveKey(kek, 'screener/v1/org-private-key'),
    box,
    privateKeyAad(fingerprint),
  );
  if (!der)
    throw storeDataError(
      'E_WRONG_ORG_PASSPHRASE',
      'The passphrase does not open the organisation private key (or the key file was altered).',
      ['It is the passphrase chosen with `screener keys org-generate`, not a laptop passphrase.'],
    );
  const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  const publicKey = orgPublicKeyFromRaw(rawPublicKey(createPublicKey(privateKey)));
  if (publicKey.fingerprint !== fingerprint)
    throw invalidOrgKey('its fingerprint does not match its key');
  return { privateKey, publicKey };
}

function invalidOrgKey(why: string) {
  return storeDataError('E_ORG_KEY_INVALID', `Not a usable organisation key: ${why}.`);
}

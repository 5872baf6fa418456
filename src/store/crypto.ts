/**
 * The few cryptographic operations the store uses, all from Node's built-in
 * crypto: AES-256-GCM with a random 96-bit nonce, HKDF-SHA256 for key separation,
 * HMAC-SHA256, and strict base64 (a lenient decoder would let a flipped character
 * in a key slot go unnoticed).
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

export const KEY_BYTES = 32;
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;
/** What seal() adds to the plaintext: nonce in front, tag behind. */
export const SEAL_OVERHEAD = NONCE_BYTES + TAG_BYTES;

/** AES-256-GCM: returns nonce ‖ ciphertext ‖ tag. */
export function seal(key: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]);
}

/** Opens what seal() made; undefined when anything (key, nonce, ciphertext, tag, aad) differs. */
export function unseal(key: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Buffer | undefined {
  if (sealed.length < SEAL_OVERHEAD) return undefined;
  const nonce = sealed.subarray(0, NONCE_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  const body = sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    const plain = decipher.update(body);
    // GCM's final() only checks the tag (it returns no bytes): the plaintext is returned
    // only once it passes, without the copy a concat of the two would make.
    decipher.final();
    return plain;
  } catch {
    return undefined;
  }
}

/** HKDF-SHA256 to a 256-bit key; `info` names the purpose so no key serves two. */
export function deriveKey(ikm: Uint8Array, info: string, salt: Uint8Array = Buffer.alloc(0)) {
  return hkdfExpand(hkdfExtract(ikm, salt), info);
}

/**
 * Several keys from one secret: HKDF-SHA256 with one extract step shared by every
 * `info`. Each key is exactly deriveKey(ikm, info, salt); an export opens tens of
 * thousands of records, and sharing the extract saves one HMAC per key.
 */
export function deriveKeys(ikm: Uint8Array, infos: readonly string[], salt?: Uint8Array): Buffer[] {
  const prk = hkdfExtract(ikm, salt ?? NO_SALT);
  return infos.map((info) => hkdfExpand(prk, info));
}
const NO_SALT = Buffer.alloc(0);

/*
 * RFC 5869 written out with createHmac rather than hkdfSync: the same bytes (a test
 * checks both against each other and the RFC's vectors), at about a third of the
 * cost per call on Node 20, where hkdfSync builds key objects on every call. One
 * expand block is enough for a 256-bit key.
 */
function hkdfExtract(ikm: Uint8Array, salt: Uint8Array): Buffer {
  // An empty salt is RFC 5869's default of zeros: HMAC pads its key with zeros anyway.
  return createHmac('sha256', salt).update(ikm).digest();
}
function hkdfExpand(prk: Uint8Array, info: string): Buffer {
  return createHmac('sha256', prk).update(firstBlockInput(info)).digest();
}

/**
 * `info ‖ 0x01`, the input of the first (and only) expand block, encoded once per
 * purpose: an export expands two keys per record from the same two purposes, and one
 * update of ready bytes costs less than encoding the text and a second update.
 * Purposes are a handful of constants, but the cache is bounded all the same.
 */
const firstBlockInputs = new Map<string, Buffer>();
function firstBlockInput(info: string): Buffer {
  let bytes = firstBlockInputs.get(info);
  if (!bytes) {
    bytes = Buffer.concat([Buffer.from(info, 'utf8'), Buffer.from([1])]);
    if (firstBlockInputs.size < 64) firstBlockInputs.set(info, bytes);
  }
  return bytes;
}

export function hmac(key: Uint8Array, ...parts: Uint8Array[]): Buffer {
  const h = createHmac('sha256', key);
  for (const p of parts) h.update(p);
  return h.digest();
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export function utf8(s: string): Buffer {
  return Buffer.from(s, 'utf8');
}

export function toB64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

/** Base64 that must be canonical: decoding and re-encoding gives the same text, else undefined. */
export function fromB64(text: unknown, length?: number): Buffer | undefined {
  if (typeof text !== 'string') return undefined;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64') !== text) return undefined;
  if (length !== undefined && bytes.length !== length) return undefined;
  return bytes;
}

export function randomKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

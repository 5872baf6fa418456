/**
 * A record's key slots: its random data key, wrapped once per party allowed to
 * open it. A passphrase slot uses a key derived from the screener's passphrase;
 * an organisation slot uses X25519, HKDF-SHA256 and AES-256-GCM (ECIES), so only
 * the coordinator's private key can open it. Each slot is bound to the record id,
 * so a slot copied into another record fails.
 *
 * The sending X25519 key of an organisation slot belongs to the laptop's
 * passphrase slot, not to the record: it is derived from the passphrase key, so
 * every record one data folder writes carries the same `epk`. The coordinator
 * then does one X25519 per laptop instead of one per record, which is most of
 * the cost of an export. Nothing is weaker for it: the wrap key is fixed per
 * (laptop, organisation) and only ever protects data keys under fresh random
 * nonces, and whoever knows the passphrase can open those records anyway. Slots
 * written with a per-record key (older files) open exactly as before.
 */
import { createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync } from 'node:crypto';
import {
  deriveKey,
  fromB64,
  KEY_BYTES,
  SEAL_OVERHEAD,
  seal,
  toB64,
  unseal,
  utf8,
} from './crypto.js';
import type { OpenSlot } from './key-file.js';
import {
  publicKeyObject,
  rawPublicKey,
  unusableOrgKeyInUse,
  type OrgPrivateKey,
  type OrgPublicKey,
} from './org-key.js';

export type KeySlot =
  | { readonly type: 'passphrase'; readonly key: string; readonly box: Buffer }
  | { readonly type: 'org'; readonly key: string; readonly epk: Buffer; readonly box: Buffer };

/** What can open a record: the screener's passphrase key(s), or the organisation private key. */
export type Unlocker =
  | { readonly kind: 'passphrase'; readonly slots: readonly OpenSlot[] }
  | { readonly kind: 'org'; readonly org: OrgPrivateKey };

const BOX_BYTES = KEY_BYTES + SEAL_OVERHEAD;

function slotAad(type: KeySlot['type'], key: string, recordId: string): Buffer {
  return utf8(`screener/v1/key-slot|${type}|${key}|${recordId}`);
}

/** Per passphrase key, worked out once: an export with the passphrase opens every record with it. */
const passphraseWrapKeys = new WeakMap<Uint8Array, Buffer>();
function passphraseWrapKey(kek: Uint8Array): Buffer {
  let key = passphraseWrapKeys.get(kek);
  if (!key) passphraseWrapKeys.set(kek, (key = deriveKey(kek, 'screener/v1/passphrase-wrap')));
  return key;
}

function orgWrapKey(shared: Uint8Array, epk: Uint8Array, recipient: Uint8Array): Buffer {
  return deriveKey(shared, 'screener/v1/org-wrap', Buffer.concat([epk, recipient]));
}

export function passphraseSlot(dataKey: Uint8Array, recordId: string, open: OpenSlot): KeySlot {
  const key = open.slot.id;
  return {
    type: 'passphrase',
    key,
    box: seal(passphraseWrapKey(open.kek), dataKey, slotAad('passphrase', key, recordId)),
  };
}

/**
 * The organisation slot for a record. `laptopSecret` (the passphrase key) fixes the
 * sending key, see above; without it a fresh key is made for this slot alone.
 */
export function orgSlot(
  dataKey: Uint8Array,
  recordId: string,
  org: OrgPublicKey,
  laptopSecret?: Uint8Array,
): KeySlot {
  const sender = laptopSecret ? laptopSender(org, laptopSecret) : newSender(org);
  return {
    type: 'org',
    key: org.fingerprint,
    epk: sender.epk,
    box: seal(sender.wrapKey, dataKey, slotAad('org', org.fingerprint, recordId)),
  };
}

interface OrgSender {
  readonly epk: Buffer;
  readonly wrapKey: Buffer;
}

/** RFC 8410: the DER of a PKCS#8 X25519 private key is this prefix and the 32 raw bytes. */
const X25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');

const laptopSenders = new WeakMap<Uint8Array, Map<string, OrgSender>>();

function laptopSender(org: OrgPublicKey, laptopSecret: Uint8Array): OrgSender {
  let byOrg = laptopSenders.get(laptopSecret);
  if (!byOrg) laptopSenders.set(laptopSecret, (byOrg = new Map()));
  let sender = byOrg.get(org.fingerprint);
  if (!sender) {
    const seed = deriveKey(laptopSecret, 'screener/v1/org-sender', org.raw);
    const privateKey = createPrivateKey({
      key: Buffer.concat([X25519_PKCS8_PREFIX, seed]),
      format: 'der',
      type: 'pkcs8',
    });
    sender = senderFrom(privateKey, rawPublicKey(createPublicKey(privateKey)), org);
    byOrg.set(org.fingerprint, sender);
  }
  return sender;
}

function newSender(org: OrgPublicKey): OrgSender {
  const eph = generateKeyPairSync('x25519');
  return senderFrom(eph.privateKey, rawPublicKey(eph.publicKey), org);
}

function senderFrom(
  privateKey: Parameters<typeof diffieHellman>[0]['privateKey'],
  epk: Buffer,
  org: OrgPublicKey,
): OrgSender {
  let shared: Buffer;
  try {
    shared = diffieHellman({ privateKey, publicKey: publicKeyObject(org.raw) });
  } catch {
    throw unusableOrgKeyInUse(org.fingerprint);
  }
  return { epk, wrapKey: orgWrapKey(shared, epk, org.raw) };
}

/**
 * The coordinator's wrap key per sending key. Records of one laptop share it, so
 * it is worked out once; bounded, because older files have one sending key each.
 */
const receivedWrapKeys = new WeakMap<OrgPrivateKey, Map<string, Buffer>>();
const MAX_CACHED_WRAP_KEYS = 4096;

function receivedWrapKey(org: OrgPrivateKey, epk: Buffer): Buffer | undefined {
  let cache = receivedWrapKeys.get(org);
  if (!cache) receivedWrapKeys.set(org, (cache = new Map()));
  const id = epk.toString('base64');
  const hit = cache.get(id);
  if (hit) return hit;
  let shared: Buffer;
  try {
    shared = diffieHellman({ privateKey: org.privateKey, publicKey: publicKeyObject(epk) });
  } catch {
    // A crafted ephemeral key (e.g. a low-order point) is an altered slot.
    return undefined;
  }
  const wrapKey = orgWrapKey(shared, epk, org.publicKey.raw);
  if (cache.size >= MAX_CACHED_WRAP_KEYS) cache.clear();
  cache.set(id, wrapKey);
  return wrapKey;
}

export type UnwrapResult =
  | { readonly ok: true; readonly dataKey: Buffer }
  /** No slot for this unlocker: the record was written for another passphrase or organisation. */
  | { readonly ok: false; readonly reason: 'no_slot'; readonly orgKeys: readonly string[] }
  /** A slot is there but does not open: it was altered. */
  | { readonly ok: false; readonly reason: 'failed' };

export function unwrapDataKey(
  slots: readonly KeySlot[],
  recordId: string,
  unlocker: Unlocker,
): UnwrapResult {
  if (unlocker.kind === 'passphrase') {
    for (const open of unlocker.slots) {
      const slot = slots.find((s) => s.type === 'passphrase' && s.key === open.slot.id);
      if (!slot) continue;
      const dataKey = unseal(
        passphraseWrapKey(open.kek),
        slot.box,
        slotAad('passphrase', slot.key, recordId),
      );
      return dataKey?.length === KEY_BYTES
        ? { ok: true, dataKey }
        : { ok: false, reason: 'failed' };
    }
  } else {
    const fp = unlocker.org.publicKey.fingerprint;
    const slot = slots.find((s) => s.type === 'org' && s.key === fp);
    if (slot?.type === 'org') {
      const wrapKey = receivedWrapKey(unlocker.org, slot.epk);
      if (!wrapKey) return { ok: false, reason: 'failed' };
      const dataKey = unseal(wrapKey, slot.box, slotAad('org', fp, recordId));
      return dataKey?.length === KEY_BYTES
        ? { ok: true, dataKey }
        : { ok: false, reason: 'failed' };
    }
  }
  return {
    ok: false,
    reason: 'no_slot',
    orgKeys: slots.filter((s) => s.type === 'org').map((s) => s.key),
  };
}

export function slotToJson(s: KeySlot): Record<string, string> {
  return s.type === 'passphrase'
    ? { type: s.type, key: s.key, box: toB64(s.box) }
    : { type: s.type, key: s.key, epk: toB64(s.epk), box: toB64(s.box) };
}

export function slotFromJson(value: unknown): KeySlot | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.key !== 'string' || !/^[0-9a-f]{16,64}$/.test(v.key)) return undefined;
  const box = fromB64(v.box, BOX_BYTES);
  if (!box) return undefined;
  if (v.type === 'passphrase' && Object.keys(v).length === 3)
    return { type: 'passphrase', key: v.key, box };
  if (v.type === 'org' && Object.keys(v).length === 4) {
    const epk = fromB64(v.epk, 32);
    return epk ? { type: 'org', key: v.key, epk, box } : undefined;
  }
  return undefined;
}

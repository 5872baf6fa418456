/**
 * A record's key slots: its random data key, wrapped once per party allowed to
 * open it. A passphrase slot uses a key derived from the screener's passphrase;
 * an organisation slot uses X25519 with a fresh ephemeral key, HKDF-SHA256 and
 * AES-256-GCM (ECIES), so only the coordinator's private key can open it. Each
 * slot is bound to the record id, so a slot copied into another record fails.
 */
import { diffieHellman, generateKeyPairSync } from 'node:crypto';
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
import { publicKeyObject, rawPublicKey, type OrgPrivateKey, type OrgPublicKey } from './org-key.js';

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

function passphraseWrapKey(kek: Uint8Array): Buffer {
  return deriveKey(kek, 'screener/v1/passphrase-wrap');
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

export function orgSlot(dataKey: Uint8Array, recordId: string, org: OrgPublicKey): KeySlot {
  const eph = generateKeyPairSync('x25519');
  const epk = rawPublicKey(eph.publicKey);
  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: publicKeyObject(org.raw) });
  return {
    type: 'org',
    key: org.fingerprint,
    epk,
    box: seal(orgWrapKey(shared, epk, org.raw), dataKey, slotAad('org', org.fingerprint, recordId)),
  };
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
      let shared: Buffer;
      try {
        shared = diffieHellman({
          privateKey: unlocker.org.privateKey,
          publicKey: publicKeyObject(slot.epk),
        });
      } catch {
        // A crafted ephemeral key (e.g. a low-order point) is an altered slot.
        return { ok: false, reason: 'failed' };
      }
      const dataKey = unseal(
        orgWrapKey(shared, slot.epk, unlocker.org.publicKey.raw),
        slot.box,
        slotAad('org', fp, recordId),
      );
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

/** Shared set-up for the store tests: temporary data folders, fictional records, a fast scrypt. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomInt } from 'node:crypto';
import type { InterviewRecord } from '../../src/record/types.js';
import { FileStore, initKeys, unlockDataDir, type StoreFs } from '../../src/store/index.js';
import { nodeFs } from '../../src/store/fs-layer.js';
import type { ScryptParams } from '../../src/store/kdf.js';

/** Low cost so the suite stays fast; real key files use DEFAULT_SCRYPT. */
export const TEST_SCRYPT: ScryptParams = { name: 'scrypt', N: 1024, r: 8, p: 1 };
export const PASSPHRASE = 'violet lantern orchard seven';
export const OTHER_PASSPHRASE = 'granite puffin meadow nine';
/** The environment the built CLI gets in tests. */
export const CLI_ENV = { SCREENER_SCRYPT_N: '1024', SCREENER_PASSPHRASE: undefined };

/**
 * Canary identifiers, unique to this run so no other test's files can match them:
 * if any of these bytes is ever found on disk, something was written in plaintext.
 */
export const CANARY_NAME = `ZZCANARY-Name-Qwerty-${randomInt(100000, 999999)}`;
export const CANARY_PHONE = `+99 555 0100 ${randomInt(100000, 999999)}`;

export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `screener-store-${label}-`));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

let counter = 0;
/** A fictional record id, unique within the run (Crockford base32). */
export function testId(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let n = counter++ * 7919 + randomInt(0, 1_000_000) * 1024;
  let s = '';
  for (let i = 0; i < 8; i++) {
    s += alphabet[n & 31];
    n = Math.floor(n / 32);
  }
  return `R-${s.slice(0, 4)}-${s.slice(4)}`;
}

export function fakeRecord(id: string, over: Partial<InterviewRecord> = {}): InterviewRecord {
  const at = '2025-03-14T09:26:53.000Z';
  return {
    formatVersion: 1,
    id,
    questionnaire: { id: 'iom_screening', version: '1.0.0', hash: 'sha256-fictional0001' },
    lang: 'en',
    mode: 'real',
    status: 'in_progress',
    startedAt: at,
    updatedAt: at,
    answers: {
      full_name: { kind: 'value', value: CANARY_NAME, at },
      phone: { kind: 'value', value: CANARY_PHONE, at, note: `call ${CANARY_NAME} after 6pm` },
      age: { kind: 'value', value: 27, at },
    },
    path: ['full_name', 'phone', 'age'],
    shown: [],
    ...over,
  };
}

/** A data folder with keys, opened: what a command gets from openStore. */
export async function newStore(
  dir: string,
  fs: StoreFs = nodeFs,
  passphrase = PASSPHRASE,
): Promise<FileStore> {
  await initKeys(dir, passphrase, TEST_SCRYPT, fs);
  return openFileStore(dir, fs, passphrase);
}

export async function openFileStore(
  dir: string,
  fs: StoreFs = nodeFs,
  passphrase = PASSPHRASE,
): Promise<FileStore> {
  const unlocked = await unlockDataDir(dir, passphrase, fs);
  return (await FileStore.open(unlocked)).store;
}

/** Every regular file under a folder, with its bytes. */
export function allFiles(dir: string): { path: string; bytes: Buffer }[] {
  const out: { path: string; bytes: Buffer }[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...allFiles(p));
    else if (e.isFile()) out.push({ path: p, bytes: readFileSync(p) });
  }
  return out;
}

/** Bytes and modification times of everything under a folder: to prove nothing changed. */
export function snapshot(dir: string): Map<string, { bytes: string; mtimeNs: bigint }> {
  const m = new Map<string, { bytes: string; mtimeNs: bigint }>();
  const walk = (d: string) => {
    m.set(d, { bytes: '<dir>', mtimeNs: statSync(d, { bigint: true }).mtimeNs });
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else
        m.set(p, {
          bytes: readFileSync(p).toString('base64'),
          mtimeNs: statSync(p, { bigint: true }).mtimeNs,
        });
    }
  };
  walk(dir);
  return m;
}

/** The encodings a careless write could use for a canary. */
export function canaryForms(canary: string): Buffer[] {
  return [
    Buffer.from(canary, 'utf8'),
    Buffer.from(canary, 'utf16le'),
    Buffer.from(canary.toLowerCase(), 'utf8'),
    Buffer.from(Buffer.from(canary).toString('base64').slice(0, 16), 'utf8'),
  ];
}

export function findCanaries(bytes: Buffer): string[] {
  const hits: string[] = [];
  for (const c of [CANARY_NAME, CANARY_PHONE])
    for (const form of canaryForms(c)) if (bytes.includes(form)) hits.push(c);
  return hits;
}

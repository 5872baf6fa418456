/**
 * Passphrase → key with scrypt. The parameters live in the file they protect
 * (key file, organisation private key), so they can be raised later without
 * breaking old files. SCREENER_SCRYPT_N lowers the cost for tests only.
 */
import { scrypt as scryptCb, randomBytes } from 'node:crypto';
import { KEY_BYTES } from './crypto.js';

export interface ScryptParams {
  readonly name: 'scrypt';
  /** CPU/memory cost, a power of two. */
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/** OWASP's current recommendation for scrypt: about 128 MiB and a fraction of a second on a laptop. */
export const DEFAULT_SCRYPT: ScryptParams = { name: 'scrypt', N: 2 ** 17, r: 8, p: 1 };
const MIN_LOG_N = 10;
const MAX_LOG_N = 22;
/**
 * The most work a key file may ask for: N·r·p at four times the default's, so at most
 * 512 MiB (128·N·r bytes) and four times its time. A crafted file could otherwise make
 * opening a folder take gigabytes and half a minute before saying "wrong passphrase".
 */
const MAX_COST = 4 * DEFAULT_SCRYPT.N * DEFAULT_SCRYPT.r * DEFAULT_SCRYPT.p;
export const SALT_BYTES = 16;

/**
 * Parameters for a new key. SCREENER_SCRYPT_N exists so the test suite can use a
 * tiny cost (e.g. 1024); never set it on a real laptop: it makes guessing the
 * passphrase of a stolen disk cheap.
 */
export function scryptParamsFromEnv(env: NodeJS.ProcessEnv): ScryptParams {
  const raw = env.SCREENER_SCRYPT_N;
  if (!raw) return DEFAULT_SCRYPT;
  const N = Number(raw);
  const params = { ...DEFAULT_SCRYPT, N };
  // Only what the folder can be opened with afterwards.
  if (!isValidN(N) || !withinCost(params)) return DEFAULT_SCRYPT;
  return params;
}

function withinCost(params: { N: number; r: number; p: number }): boolean {
  return params.N * params.r * params.p <= MAX_COST;
}

function isValidN(N: number): boolean {
  return Number.isInteger(N) && N >= 2 ** MIN_LOG_N && N <= 2 ** MAX_LOG_N && (N & (N - 1)) === 0;
}

/** Accepts stored parameters only within sane bounds (MAX_COST), so a crafted file cannot make us allocate gigabytes. */
export function parseScryptParams(value: unknown): ScryptParams | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (v.name !== 'scrypt') return undefined;
  const { N, r, p } = v;
  if (typeof N !== 'number' || !isValidN(N)) return undefined;
  if (typeof r !== 'number' || !Number.isInteger(r) || r < 1 || r > 32) return undefined;
  if (typeof p !== 'number' || !Number.isInteger(p) || p < 1 || p > 16) return undefined;
  if (!withinCost({ N, r, p })) return undefined;
  if (Object.keys(v).length !== 4) return undefined;
  return { name: 'scrypt', N, r, p };
}

export function newSalt(): Buffer {
  return randomBytes(SALT_BYTES);
}

/**
 * The passphrase as the key derivation reads it: Unicode NFC, so that composed and
 * decomposed accents (two keyboards) are the same passphrase. Checks of its length or
 * of two passphrases being the same go by this too, or they would disagree with the key.
 */
export function normalisedPassphrase(passphrase: string): string {
  return passphrase.normalize('NFC');
}

/** Runs on libuv's thread pool, so a prompt or spinner stays responsive. */
export function derivePassphraseKey(
  passphrase: string,
  salt: Uint8Array,
  params: ScryptParams,
): Promise<Buffer> {
  const maxmem = 128 * params.N * params.r * (params.p + 1) + 32 * 1024 * 1024;
  return new Promise((resolvePromise, reject) => {
    scryptCb(
      normalisedPassphrase(passphrase),
      salt,
      KEY_BYTES,
      { N: params.N, r: params.r, p: params.p, maxmem },
      (error, key) => (error ? reject(error) : resolvePromise(key)),
    );
  });
}

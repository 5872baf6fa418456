import { closeSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';

// Crockford base32: no I, L, O or U, so ids read aloud or copied by hand survive.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECORD_ID_PATTERN = /^R-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** A random pseudonymous record id such as `R-7K3M-Q9XD` (40 bits: unique per laptop in practice, checked on create). */
export function newRecordId(): string {
  const bytes = randomBytes(8);
  let s = '';
  for (let i = 0; i < 8; i++) s += ALPHABET[bytes[i]! & 31];
  return `R-${s.slice(0, 4)}-${s.slice(4)}`;
}

/**
 * Bytes from the system's random source. Read from /dev/urandom where there is one:
 * loading Node's crypto module for eight bytes took longer than the rest of a practice
 * run's set-up, and a practice run needs no other cryptography. Elsewhere (Windows),
 * crypto.randomBytes, which draws from the same kind of source.
 */
function randomBytes(n: number): Uint8Array {
  const bytes = new Uint8Array(n);
  try {
    const fd = openSync('/dev/urandom', 'r');
    try {
      if (readSync(fd, bytes, 0, n, null) === n) return bytes;
    } finally {
      closeSync(fd);
    }
  } catch {
    // No /dev/urandom: below.
  }
  const crypto = createRequire(import.meta.filename)('node:crypto') as typeof import('node:crypto');
  return crypto.randomBytes(n);
}

export function isRecordId(s: string): boolean {
  return RECORD_ID_PATTERN.test(s);
}

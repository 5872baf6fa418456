import { randomBytes } from 'node:crypto';

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

export function isRecordId(s: string): boolean {
  return RECORD_ID_PATTERN.test(s);
}

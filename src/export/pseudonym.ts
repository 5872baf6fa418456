/**
 * The pseudonymous row id: HMAC-SHA256 of the record id under the export secret,
 * first 16 bytes in hex. The same record gets the same pseudonym in every export
 * made with the same secret (so exports can be joined), and an unrelated one with a
 * new secret; without the secret a pseudonym cannot be traced back to a record id.
 * Anyone holding the secret can recompute it: `printf %s ID | openssl dgst -sha256
 * -hmac ...` (first 32 hex digits), which is why the secret stays with the coordinator.
 */
import { createHmac } from 'node:crypto';

export const PSEUDONYM_HEX_DIGITS = 32;

export function pseudonymOf(secret: Uint8Array, recordId: string): string {
  return pseudonymDigest(secret, recordId).toString('hex', 0, PSEUDONYM_HEX_DIGITS / 2);
}

/** The whole HMAC; the pseudonym is its first 16 bytes (the export's spill keeps them as bytes). */
export function pseudonymDigest(secret: Uint8Array, recordId: string): Buffer {
  return createHmac('sha256', secret).update(recordId, 'utf8').digest();
}

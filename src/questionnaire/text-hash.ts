/**
 * The SHA-256 of a questionnaire's text: the questionnaire's identity in every record
 * (so an interview resumes, and a report is written, only against the very text it was
 * started with). Node's crypto module takes several milliseconds to load, so it is
 * loaded on the first hash, not with this module: an interview with a shipped
 * questionnaire takes the hash the build computed (precompiled.ts) and, in practice,
 * never loads it.
 */
import { createRequire } from 'node:module';

let crypto: typeof import('node:crypto') | undefined;

export function textHash(text: string): string {
  crypto ??= createRequire(import.meta.filename)('node:crypto') as typeof import('node:crypto');
  return crypto.createHash('sha256').update(text).digest('hex');
}

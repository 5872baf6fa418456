/**
 * Where `interview`, `resume` and `run` keep records. Practice runs keep them in
 * memory only. Real sessions must never put an identifying answer on disk in
 * plaintext, so they need the encrypted store; until it is part of this build they
 * are refused with a clear message.
 */
import type { CliContext } from './context.js';
import { usageError } from '../errors.js';
import { MemoryStore, type RecordStore } from '../record/store-api.js';

export async function interviewStore(ctx: CliContext, practice: boolean): Promise<RecordStore> {
  if (practice) return new MemoryStore();
  void ctx;
  throw usageError(
    'E_STORE_UNAVAILABLE',
    'real interviews need the encrypted record store, which this version does not have yet',
    ['Use --practice to run an interview that is kept in memory only.'],
  );
}

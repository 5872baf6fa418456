/**
 * Where `interview`, `resume` and `run` keep records. Practice runs keep them in
 * memory only (nothing is written to the data folder). Real sessions go through the
 * encrypted store, which encrypts from the first answer: no identifying answer is
 * ever on disk in plaintext.
 */
import type { CliContext } from './context.js';
import { MemoryStore, type RecordStore } from '../record/store-api.js';

export async function interviewStore(ctx: CliContext, practice: boolean): Promise<RecordStore> {
  if (practice) return new MemoryStore();
  const { openStore } = await import('./open-store.js');
  return openStore(ctx, { toSave: true });
}

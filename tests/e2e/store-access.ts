/** Reads what a real session saved, through the encrypted store's own API. */
import { FileStore, unlockDataDir } from '../../src/store/index.js';
import type { Answer, InterviewRecord } from '../../src/record/types.js';
import { PASSPHRASE } from './pty.js';

export async function openTestStore(dataDir: string) {
  const unlocked = await unlockDataDir(dataDir, PASSPHRASE);
  return (await FileStore.open(unlocked)).store;
}

export async function loadOnly(dataDir: string): Promise<InterviewRecord> {
  const store = await openTestStore(dataDir);
  const list = await store.list();
  if (list.length !== 1) throw new Error(`expected one record, found ${list.length}`);
  return store.load(list[0]!.id);
}

/** Answers without their timestamps, for comparing two records of the same interview. */
export function answersOf(r: InterviewRecord): Record<string, Omit<Answer, 'at'>> {
  return Object.fromEntries(
    Object.entries(r.answers).map(([id, a]) => {
      const { at: _at, ...rest } = a;
      return [id, rest];
    }),
  );
}

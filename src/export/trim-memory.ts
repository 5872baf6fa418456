/**
 * The export's live data stays small (the counts and one bucket), but V8 grows its
 * heap lazily while a hundred thousand decrypted records turn into garbage, so peak
 * memory would rise with the number of records. A full collection every 5 000
 * records (a few milliseconds on a small live heap) keeps it flat, in the main thread
 * and in each reading worker. The collector is reached the way Jest's leak detection
 * reaches it; where that is not possible, nothing happens.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined | null;

export function trimMemory(): void {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  collect?.();
}

/** Records read between two collections. */
export const TRIM_EVERY = 5_000;
/** Buckets (about 1/256 of the rows each) between two collections: about every 12 %. */
const TRIM_EVERY_BUCKETS = 32;

/** Collects whenever progress has moved on far enough since the last collection. */
export class MemoryTrimmer {
  private phase: string | undefined;
  private last = 0;

  progress(phase: string, done: number): void {
    if (phase !== this.phase) {
      this.phase = phase;
      this.last = 0;
    }
    if (done - this.last >= (phase === 'read' ? TRIM_EVERY : TRIM_EVERY_BUCKETS)) {
      this.last = done;
      trimMemory();
    }
  }
}

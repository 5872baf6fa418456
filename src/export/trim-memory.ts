/**
 * The export's live data stays small (the counts and one bucket), but V8 grows its
 * heap lazily while a hundred thousand decrypted records turn into garbage, so peak
 * memory would rise with the number of records. A full collection every 20 000
 * records keeps it flat, in the main thread and in each reading worker. (Every 5 000
 * was needed while the young generation could grow to 32 MiB; with it capped at
 * 8 MiB, see capYoungGeneration, the old generation gains little between two, and
 * the 36 collections of a 100 000-record export, about 25 ms each, were 0.8 s.) The collector is reached the way Jest's leak detection
 * reaches it; where that is not possible, nothing happens.
 */
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined | null;

export function trimMemory(): void {
  capYoungGeneration();
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
export const TRIM_EVERY = 20_000;
/** Buckets (about 1/256 of the rows each) between two collections: every half. */
const TRIM_EVERY_BUCKETS = 128;

/**
 * V8 doubles the young generation (two semi-spaces) while much short-lived garbage is
 * made, up to 2 × 16 MiB on 64-bit Node 20: at 100 000 records a third of the
 * export's peak memory, and the reason it was not flat from 10 000 records. Semi-
 * spaces of 4 MiB collect an export's garbage as fast (measured; `node
 * --max-semi-space-size=4` gave the same time), but that flag is read only when the
 * heap is set up, and the CLI's process is started for every command. The growth
 * factor, read at each growth, can be set at any time: once the young generation
 * reaches YOUNG_CAP, growing by a factor of 1 keeps it there. (Workers get the same
 * cap from resourceLimits.) The flag is the process's, not a thread's: whichever
 * thread reaches the cap first stops every thread's growth. That is wanted: with
 * reading threads, the main thread looks only once per chunk of 256 files and could
 * grow to 2 × 16 MiB between two looks; left to itself (tried: looking in the main
 * thread only), a two-thread export peaked at 155 MiB instead of 115–118 MiB.
 */
const YOUNG_CAP = 8 * 1024 * 1024;
let youngCapped = false;
export function capYoungGeneration(): void {
  if (youngCapped) return;
  // Until capped, a look per record: the young generation can double within a few
  // hundred records, and a look costs microseconds.
  const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  if (!young) {
    youngCapped = true;
    return;
  }
  if (young.space_size < YOUNG_CAP) return;
  youngCapped = true;
  try {
    setFlagsFromString('--semi-space-growth-factor=1');
  } catch {
    // Only memory is at stake.
  }
}

/** Collects whenever progress has moved on far enough since the last collection. */
export class MemoryTrimmer {
  private phase: string | undefined;
  private last = 0;

  progress(phase: string, done: number): void {
    capYoungGeneration();
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

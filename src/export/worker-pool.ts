/**
 * Reading a large export on several cores: worker threads open, score and
 * de-identify record files (record-rows.ts) in chunks, and the main thread takes
 * the results chunk by chunk in file order, so the skip list, the spill and every
 * tie-break are exactly what a single thread gives (a test compares the outputs).
 */
import { Worker } from 'node:worker_threads';
import { environmentError } from '../errors.js';
import type { Unlocker } from '../store/index.js';
import type { FileResult } from './record-rows.js';

/** What a worker needs to read records as the main thread would. All of it is structured-cloneable. */
export interface WorkerInit {
  readonly unlocker: Unlocker;
  /** The --questionnaire files; the shipped ones are found by the worker itself. */
  readonly questionnaireFiles: readonly string[];
  readonly secret: Uint8Array;
}

export interface ParallelRead {
  readonly workers: number;
  /** Fewer files than this are read in the main thread. */
  readonly minFiles: number;
  readonly init: WorkerInit;
}

/** Below this many files, starting worker threads (≈ 0.1 s each) costs more than it saves. */
export const PARALLEL_FROM = 2_000;

export interface ChunkRequest {
  readonly chunk: number;
  readonly start: number;
  readonly files: readonly string[];
}

export interface ChunkReply {
  readonly chunk: number;
  readonly results: readonly FileResult[];
}

/** Files per message: large enough that messaging costs little, small enough for a smooth progress bar. */
const CHUNK_FILES = 256;
/** Chunks queued per worker, so none waits while the main thread takes a result. */
const QUEUED_PER_WORKER = 2;
const YOUNG_GENERATION_MB = 8;

/** The worker's script: dist/export-worker.js, beside the chunk this code is bundled into. */
function workerScript(): URL {
  return new URL('./export-worker.js', import.meta.url);
}

export async function readInParallel(
  files: readonly string[],
  plan: ParallelRead,
  onChunk: (results: readonly FileResult[], start: number) => Promise<void>,
): Promise<void> {
  const chunks = Math.ceil(files.length / CHUNK_FILES);
  const count = Math.max(1, Math.min(plan.workers, chunks));
  const workers: Worker[] = [];
  const pending = new Map<number, Deferred>();
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure ??= error;
    for (const d of pending.values()) d.reject(failure);
  };
  try {
    for (let i = 0; i < count; i++) {
      const w = new Worker(workerScript(), {
        workerData: plan.init,
        // A small young generation: a reader's garbage dies young, and each isolate's
        // semi-spaces would otherwise add tens of MiB to peak memory.
        resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      });
      w.on('message', (reply: ChunkReply) => pending.get(reply.chunk)?.resolve(reply.results));
      w.on('error', (error) =>
        fail(workerFailure(error instanceof Error ? error.message : String(error))),
      );
      w.on('exit', (code) => {
        if (code !== 0) fail(workerFailure(`it stopped with exit code ${code}`));
      });
      workers.push(w);
    }
    const send = (chunk: number) => {
      if (chunk >= chunks) return;
      const d = deferred();
      pending.set(chunk, d);
      if (failure) d.reject(failure);
      const start = chunk * CHUNK_FILES;
      const request: ChunkRequest = {
        chunk,
        start,
        files: files.slice(start, start + CHUNK_FILES),
      };
      // Chunk c always goes to worker c mod count; a worker answers in the order asked.
      workers[chunk % count]!.postMessage(request);
    };
    const window = count * QUEUED_PER_WORKER;
    for (let c = 0; c < window; c++) send(c);
    for (let c = 0; c < chunks; c++) {
      const results = await pending.get(c)!.promise;
      pending.delete(c);
      send(c + window);
      await onChunk(results, c * CHUNK_FILES);
    }
  } finally {
    for (const d of pending.values()) d.reject(new Error('export stopped'));
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Nothing was written yet: the output appears only whole, and reading again is safe. */
function workerFailure(why: string): Error {
  return environmentError(
    'E_EXPORT_WORKER',
    `A thread reading records failed (${why}). Nothing was written.`,
    ['Run the export again; SCREENER_EXPORT_WORKERS=0 reads in one thread.'],
  );
}

interface Deferred {
  readonly promise: Promise<readonly FileResult[]>;
  resolve(results: readonly FileResult[]): void;
  reject(error: Error): void;
}

function deferred(): Deferred {
  let resolve!: Deferred['resolve'];
  let reject!: Deferred['reject'];
  const promise = new Promise<readonly FileResult[]>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Awaited in order later; a rejection before then must not count as unhandled.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/**
 * Reading a large export on several cores: worker threads open, score and
 * de-identify record files (record-rows.ts) in chunks, and the main thread takes
 * the results chunk by chunk in file order, so the skip list, the spill and every
 * tie-break are exactly what a single thread gives (a test compares the outputs).
 */
import { Worker } from 'node:worker_threads';
import { environmentError } from '../errors.js';
import type { PathList, Unlocker } from '../store/index.js';
import type { ReadBatch } from './record-rows.js';

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

/** What a worker is started with: the shared set-up and its own number as a spill source. */
export interface WorkerData {
  readonly init: WorkerInit;
  readonly source: number;
}

export interface ChunkRequest {
  readonly chunk: number;
  readonly start: number;
  readonly files: readonly string[];
}

export interface ChunkReply {
  readonly chunk: number;
  readonly batch: ReadBatch;
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

/** Reads one chunk of files in the calling thread, as a worker would. */
export type ReadHere = (files: readonly string[], start: number) => ReadBatch;

/**
 * Reads `files` with `plan.workers` threads and hands the results to onChunk chunk by
 * chunk, in file order. With `readHere`, the calling thread is one of the reading
 * threads (so `workers − 1` workers are started): it takes results in order and spills
 * them, which leaves it mostly waiting, and it reads a chunk itself whenever the next
 * result in order is not in yet. On two cores that is one worker instead of two (each
 * costs about 20 MiB), with both cores busy.
 */
export async function readInParallel(
  files: PathList,
  plan: ParallelRead,
  onChunk: (batch: ReadBatch, start: number) => Promise<void>,
  readHere?: ReadHere,
): Promise<void> {
  const chunks = Math.ceil(files.length / CHUNK_FILES);
  const threads = Math.max(1, Math.min(plan.workers, chunks));
  const count = readHere ? threads - 1 : threads;
  const workers: Worker[] = [];
  const pending = new Map<number, Deferred<ReadBatch>>();
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure ??= error;
    for (const d of pending.values()) d.reject(failure);
  };
  const filesOf = (chunk: number) =>
    files.slice(chunk * CHUNK_FILES, chunk * CHUNK_FILES + CHUNK_FILES);
  try {
    for (let i = 0; i < count; i++) {
      // Source 0 is this thread's numbering of spill words; worker i's is i + 1.
      const data: WorkerData = { init: plan.init, source: i + 1 };
      const w = new Worker(workerScript(), {
        workerData: data,
        // A small young generation: a reader's garbage dies young, and each isolate's
        // semi-spaces would otherwise add tens of MiB to peak memory.
        resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      });
      w.on('message', (reply: ChunkReply) => pending.get(reply.chunk)?.resolve(reply.batch));
      w.on('error', (error) =>
        fail(workerFailure(error instanceof Error ? error.message : String(error))),
      );
      w.on('exit', (code) => {
        if (code !== 0) fail(workerFailure(`it stopped with exit code ${code}`));
      });
      workers.push(w);
    }
    await scheduleChunks({
      chunks,
      readers: count,
      ask(reader, chunk) {
        const d = deferred<ReadBatch>();
        pending.set(chunk, d);
        if (failure) d.reject(failure);
        const request: ChunkRequest = { chunk, start: chunk * CHUNK_FILES, files: filesOf(chunk) };
        // A worker answers in the order it was asked.
        workers[reader]!.postMessage(request);
        return d.promise;
      },
      ...(readHere
        ? { here: (chunk: number) => readHere(filesOf(chunk), chunk * CHUNK_FILES) }
        : {}),
      async take(batch, chunk) {
        pending.delete(chunk);
        await onChunk(batch, chunk * CHUNK_FILES);
      },
    });
  } finally {
    for (const d of pending.values()) d.reject(new Error('export stopped'));
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Chunks read here ahead of the next one taken, at most: bounds the results held. */
const MAX_AHEAD = 8;

export interface ChunkSchedule<T> {
  readonly chunks: number;
  /** Readers in other threads, each asked for up to QUEUED_PER_WORKER chunks at a time. */
  readonly readers: number;
  /** Asks reader `reader` for chunk `chunk`; a failure rejects. */
  ask(reader: number, chunk: number): Promise<T>;
  /** Reads a chunk in this thread; without it, this thread only takes results. */
  readonly here?: ((chunk: number) => T) | undefined;
  /** Called once per chunk, in chunk order. */
  take(results: T, chunk: number): Promise<void>;
}

/**
 * Hands chunks out in order, to whichever reader is free, and takes the results in
 * chunk order whoever read them: the order of results never depends on timing.
 */
export async function scheduleChunks<T>(s: ChunkSchedule<T>): Promise<void> {
  const asked = new Map<number, Promise<T>>();
  const ready = new Map<number, T>();
  const busy = new Array<number>(s.readers).fill(0);
  let next = 0;
  const refill = () => {
    for (let r = 0; r < s.readers; r++)
      while (busy[r]! < QUEUED_PER_WORKER && next < s.chunks) {
        const chunk = next++;
        busy[r]!++;
        const promise = s.ask(r, chunk);
        asked.set(chunk, promise);
        promise.then(
          (results) => {
            ready.set(chunk, results);
            busy[r]!--;
            refill();
          },
          () => undefined,
        );
      }
  };
  refill();
  for (let c = 0; c < s.chunks; c++) {
    while (!ready.has(c)) {
      if (s.here && next < s.chunks && (next - c < MAX_AHEAD || s.readers === 0)) {
        const chunk = next++;
        ready.set(chunk, s.here(chunk));
        // Lets the other readers' answers in (they arrive as messages) before looking again.
        await new Promise((r) => setImmediate(r));
      } else {
        const promise = asked.get(c);
        if (!promise) throw new Error(`internal: chunk ${c} was never read`);
        ready.set(c, await promise);
      }
    }
    const results = ready.get(c) as T;
    ready.delete(c);
    asked.delete(c);
    await s.take(results, c);
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

interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: Error): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: Deferred<T>['resolve'];
  let reject!: Deferred<T>['reject'];
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Awaited in order later; a rejection before then must not count as unhandled.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

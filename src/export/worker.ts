/**
 * An export's worker thread (built as dist/export-worker.js): opens, scores and
 * de-identifies the record files the main thread sends, exactly as the main thread
 * would (record-rows.ts), and sends back spill entries and skips. It writes nothing.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { assessOutline } from '../scoring/index.js';
import { openRecordFileSync, type Unlocker } from '../store/index.js';
import { questionnaireCatalogue } from './questionnaire-catalogue.js';
import { openedBy, RowMaker } from './record-rows.js';
import { MemoryTrimmer } from './trim-memory.js';
import type { ChunkReply, ChunkRequest, WorkerData } from './worker-pool.js';

const { init, source } = workerData as WorkerData;
const unlocker = rehydrate(init.unlocker);
const catalogue = questionnaireCatalogue(init.questionnaireFiles);
const maker = new RowMaker(
  {
    questionnaireByHash: catalogue.byHash,
    questionnaireLike: catalogue.like,
    assess: assessOutline,
    secret: Buffer.from(init.secret),
  },
  source,
);

const trimmer = new MemoryTrimmer();
let read = 0;

parentPort!.on('message', (request: ChunkRequest) => {
  read += request.files.length;
  trimmer.progress('read', read);
  const results = request.files.map((file, i) =>
    maker.make(
      file,
      request.start + i,
      openedBy(() => openRecordFileSync(file, unlocker)),
    ),
  );
  const reply: ChunkReply = { chunk: request.chunk, batch: maker.batch(results) };
  // The entries' bytes are moved, not copied: the batch's buffer is its own.
  parentPort!.postMessage(reply, [reply.batch.bytes.buffer as ArrayBuffer]);
});

/** Structured cloning turns Buffers into plain Uint8Arrays; the store's code expects Buffers. */
function rehydrate(u: Unlocker): Unlocker {
  if (u.kind === 'org')
    return {
      kind: 'org',
      org: {
        privateKey: u.org.privateKey,
        publicKey: {
          raw: Buffer.from(u.org.publicKey.raw),
          fingerprint: u.org.publicKey.fingerprint,
        },
      },
    };
  return {
    kind: 'passphrase',
    slots: u.slots.map((open) => ({
      kek: Buffer.from(open.kek),
      slot: {
        ...open.slot,
        salt: Buffer.from(open.slot.salt),
        check: Buffer.from(open.slot.check),
      },
    })),
  };
}

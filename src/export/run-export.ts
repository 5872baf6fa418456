/**
 * The export, end to end, as three passes over bounded memory:
 *
 *   1. read   every record file once: decrypt, check, assess, de-identify; write the
 *             row (or why it is not exported) to the encrypted spill, bucketed by
 *             pseudonym. Bad files are listed, never fatal.
 *   2. count  bucket by bucket: keep one copy per record (the newest), count the
 *             quasi-identifier combinations; then choose the generalisation levels
 *             and the cells to blank (k-anonymity).
 *   3. write  bucket by bucket, in pseudonym order: publish each row by the plan.
 *             Row order carries nothing about files, laptops or record ids.
 *
 * Memory holds the combination counts and one bucket (≈ 1/256 of the rows), never
 * all rows. The published rows are recounted as they are written and the file is
 * kept only if every combination reaches k. No terminal code here: progress and
 * problems are reported through the request's callbacks and the result.
 */
import { relative } from 'node:path';
import type { Questionnaire } from '../questionnaire/types.js';
import type { InterviewRecord } from '../record/types.js';
import type { PathList } from '../store/index.js';
import { ScreenerError, usageError } from '../errors.js';
import { Tally } from './aggregates.js';
import { readExportConfig, type ExportConfig, type NotExported } from './config.js';
import { exportConfigError } from './config-errors.js';
import type { AssessmentView, DeidRow } from './deidentify.js';
import { anonymise, PlanApplier, type KAnonPlan } from './kanon/anonymise.js';
import { ComboCounter, compareStrings } from './kanon/counter.js';
import { Layout, type ExportFormat, type ExportProfile } from './layout.js';
import { OutputFile } from './output-file.js';
import { mergeQiColumns } from './qi-columns.js';
import {
  openedBy,
  openedByAsync,
  RowMaker,
  type FileResult,
  type Opened,
  type ReadBatch,
} from './record-rows.js';
import { BUCKETS, FrameReader, Spill } from './spill.js';
import {
  ENTRY_HEAD_BYTES,
  EntryDecoder,
  exclusionOf,
  PSEUDONYM_BYTES,
  SpillWords,
} from './spill-codec.js';
import { readInParallel, type ParallelRead } from './worker-pool.js';
import {
  EXCLUSION_REASONS,
  guaranteeSentence,
  notesFor,
  type ExclusionReason,
  type ExportSummary,
  sharedSkip,
  type SkippedFile,
} from './summary.js';

export interface RecordReader {
  /** The record files to read, in a deterministic order (an array, or the store's compact list). */
  readonly files: PathList;
  /** Decrypts one file; a damaged, foreign or unreadable file throws a ScreenerError. */
  open(file: string): Promise<InterviewRecord>;
  /** The same with a blocking read, used instead of open when given (much faster for many small files). */
  readonly openSync?: ((file: string) => InterviewRecord) | undefined;
}

export interface ExportProgress {
  readonly phase: 'read' | 'count' | 'write';
  readonly done: number;
  readonly total: number;
}

export interface ExportRequest {
  readonly reader: RecordReader;
  /**
   * Folders under the paths that could not be listed: skipped entries of their own,
   * counted in records_in (how many records they hold cannot be known).
   */
  readonly unlisted?: readonly SkippedFile[] | undefined;
  /** The questionnaire a record was made with, by the hash it carries. */
  readonly questionnaireByHash: (hash: string) => Questionnaire | undefined;
  /** For a record whose exact questionnaire text is not available: one of the same id and version. */
  readonly questionnaireLike?:
    ((id: string, version: string) => Questionnaire | undefined) | undefined;
  /**
   * The questionnaires whose columns a file with no row has when no record names one
   * (questionnaire-catalogue.ts); without it, such a file has the fixed columns only.
   */
  readonly questionnairesForEmptyFile?: (() => readonly Questionnaire[]) | undefined;
  readonly assess: (q: Questionnaire, record: InterviewRecord) => AssessmentView;
  readonly secret: Uint8Array;
  readonly k: number;
  readonly format: ExportFormat;
  readonly profile: ExportProfile;
  readonly out: string;
  readonly summary?: string | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((p: ExportProgress) => void) | undefined;
  /** Called once per skipped file, as soon as it is known. */
  readonly onSkip?: ((s: SkippedFile) => void) | undefined;
  /** Where the encrypted spill goes (default: the system's temporary folder). */
  readonly tmpDir?: string | undefined;
  /** Read with worker threads when there are many files (needs the built worker script). */
  readonly parallel?: ParallelRead | undefined;
}

export interface ExportResult {
  readonly summary: ExportSummary;
  readonly plan: KAnonPlan;
}

interface Used {
  readonly questionnaire: Questionnaire;
  readonly config: ExportConfig;
}

export async function runExport(req: ExportRequest): Promise<ExportResult> {
  const spill = await Spill.create(req.tmpDir);
  const outputs: OutputFile[] = [];
  try {
    return await exportWith(req, spill, outputs);
  } catch (error) {
    for (const o of outputs) await o.discard();
    throw error;
  } finally {
    await spill.dispose();
  }
}

function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted)
    throw new ScreenerError(
      'interrupted',
      'E_INTERRUPTED',
      'Export interrupted: no output file was written.',
    );
}

/** One turn of the event loop, so signals (Ctrl-C) and output get through blocking work. */
function turn(): Promise<void> {
  return new Promise((r) => setImmediate(r));
}
/** Buckets counted between two turns of the event loop (the spill is read with blocking reads). */
const YIELD_EVERY_BUCKETS = 16;

/**
 * Rows formatted and written at a time. A bucket holds 1/256 of the rows: written whole,
 * a million-record export made its text 700 KB a bucket, which V8 keeps in its
 * large-object space until a full collection, and peak memory grew with the number of
 * records (287 MiB at 1 000 000). 128 rows are a few tens of KiB of text.
 */
const ROWS_PER_WRITE = 128;

/** Files read ahead of the one being processed, when reading is asynchronous. */
const READ_AHEAD = 8;
/** Blocking reads between two turns of the event loop. */
const YIELD_EVERY = 64;
async function exportWith(
  req: ExportRequest,
  spill: Spill,
  outputs: OutputFile[],
): Promise<ExportResult> {
  const { files } = req.reader;
  const skipped: SkippedFile[] = [];
  const skip = (s: SkippedFile) => {
    skipped.push(s);
    req.onSkip?.(s);
  };
  for (const s of req.unlisted ?? []) skip(s);
  const inputs = files.length + (req.unlisted?.length ?? 0);
  const used = new Map<string, Used>();
  /** Per questionnaire text not available: the one used instead (its hash) and how many records. */
  const substituted = new Map<string, { hash: string; records: number }>();

  // ---- pass 1: read ---------------------------------------------------------------
  // Results are taken in file order whichever way the files are read, so the skip
  // list, the spill and every tie-break are the same from run to run.
  const words = new SpillWords();
  const append = (source: number, bytes: Uint8Array, start: number, end: number) =>
    spill.append(source, bytes, start, end);
  /** Questionnaires of excluded records (practice, unfinished): the header of a file with no row. */
  const excludedWith = new Set<string>();
  /** A result's skip or questionnaire; its entry is spilled by the caller. */
  const note = (result: FileResult) => {
    if (result.kind === 'skip') skip(result.skip);
    else if (result.kind === 'entry' && result.excludedWith !== undefined)
      excludedWith.add(result.excludedWith);
    else if (result.kind === 'bad_config') useQuestionnaire(result.hash);
    else if (result.hash !== undefined) {
      useQuestionnaire(result.hash);
      if (result.madeWith !== undefined) {
        const s = substituted.get(result.madeWith);
        if (s) s.records++;
        else substituted.set(result.madeWith, { hash: result.hash, records: 1 });
      }
    }
  };
  const take = (batch: ReadBatch) => {
    words.add(batch.source, batch.firstWord, batch.words);
    for (const result of batch.results) {
      note(result);
      if (result.kind === 'entry')
        spill.append(batch.source, batch.bytes, result.start, result.end);
    }
  };
  const useQuestionnaire = (hash: string) => {
    if (used.has(hash)) return;
    const q = req.questionnaireByHash(hash);
    if (!q) throw new Error(`internal: questionnaire ${hash} vanished`);
    const config = readExportConfig(q);
    if (!config.ok) throw exportConfigError(q.file, config.problems);
    used.set(hash, { questionnaire: q, config: config.config });
  };
  const parallel = req.parallel;
  const { openSync } = req.reader;
  if (parallel && parallel.workers > 1 && files.length >= parallel.minFiles) {
    // With blocking reads this thread reads too, between taking the workers' results.
    const maker = openSync ? new RowMaker(req) : undefined;
    const readHere = (chunk: readonly string[], start: number) =>
      maker!.batch(
        chunk.map((file, i) =>
          maker!.make(
            file,
            start + i,
            openedBy(() => openSync!(file)),
          ),
        ),
      );
    await readInParallel(
      files,
      parallel,
      async (batch, start) => {
        checkAbort(req.signal);
        take(batch);
        req.onProgress?.({
          phase: 'read',
          done: start + batch.results.length,
          total: files.length,
        });
      },
      maker ? readHere : undefined,
    );
  } else {
    const maker = new RowMaker(req);
    // Several files in flight so disk waits overlap when reading is asynchronous.
    const inFlight: Promise<Opened>[] = [];
    const start = (i: number) => {
      const file = files.at(i);
      if (file !== undefined && !openSync)
        inFlight.push(openedByAsync(() => req.reader.open(file)));
    };
    for (let i = 0; i < READ_AHEAD; i++) start(i);
    for (let i = 0; i < files.length; i++) {
      checkAbort(req.signal);
      const file = files.at(i)!;
      let opened: Opened;
      if (openSync) {
        opened = openedBy(() => openSync(file));
        // Blocking reads: let signals (Ctrl-C) and output through now and then.
        if (i % YIELD_EVERY === YIELD_EVERY - 1) await turn();
      } else {
        opened = await inFlight.shift()!;
        start(i + READ_AHEAD);
      }
      const result = maker.make(file, i, opened);
      note(result);
      maker.takeEach(result, words, append);
      req.onProgress?.({ phase: 'read', done: i + 1, total: files.length });
    }
  }
  spill.flushAll();

  // Columns and hierarchies, now that we know which questionnaires the records use.
  const usedSorted = [...used.values()].sort(
    (a, b) =>
      compareStrings(a.questionnaire.id, b.questionnaire.id) ||
      compareStrings(a.questionnaire.version, b.questionnaire.version) ||
      compareStrings(a.questionnaire.hash, b.questionnaire.hash),
  );
  // The columns: of the questionnaires of the rows, or, when no record gives a row, of
  // those the file would have had, so that it reads like any other export of them.
  const shaping = usedSorted.length > 0 ? usedSorted : forEmptyFile(req, excludedWith);
  const qiColumns = mergeQiColumns(shaping);
  const columnNames = qiColumns.map((c) => c.column);

  // ---- pass 2: count --------------------------------------------------------------
  const excluded = Object.fromEntries(EXCLUSION_REASONS.map((r) => [r, 0])) as Record<
    ExclusionReason,
    number
  >;
  const counter = new ComboCounter(columnNames);
  let recordsOut = 0;
  for (let b = 0; b < BUCKETS; b++) {
    if (b % YIELD_EVERY_BUCKETS === YIELD_EVERY_BUCKETS - 1) await turn();
    checkAbort(req.signal);
    const bucket = winners(spill, b, words);
    for (let i = 0; i < bucket.count; i++) {
      const e = bucket.order[i]!;
      const exclusion = bucket.exclusion(e);
      if (bucket.duplicate(i)) excluded.duplicate++;
      else if (exclusion !== null) excluded[exclusion]++;
      else {
        counter.add(bucket.qi(e));
        recordsOut++;
      }
    }
    req.onProgress?.({ phase: 'count', done: b + 1, total: BUCKETS });
  }

  const k = Math.max(1, Math.floor(req.k));
  const result = anonymise(
    counter.finish(columnNames),
    qiColumns.map((c) => c.hierarchy),
    { k },
  );
  if (!result.ok)
    throw usageError(
      'E_EXPORT_TOO_FEW_RECORDS',
      `Only ${result.records} record${result.records === 1 ? '' : 's'} can be exported; k = ${result.k} needs at least ${result.k}. Nothing was written.`,
      [
        'Export more records together, or choose a smaller --k.',
        ...skipped.map((s) => `skipped ${s.file}: ${s.reason}`),
      ],
    );
  const plan = result.plan;

  // ---- pass 3: write --------------------------------------------------------------
  const layout = new Layout({
    dimensions: unionInOrder(shaping.map((u) => u.questionnaire.dimensions.map((d) => d.id))),
    indicators: unionInOrder(shaping.map((u) => u.questionnaire.indicators.map((i) => i.id))),
    quasiIdentifiers: columnNames,
    profile: req.profile,
    htcds: new Map(shaping.flatMap((u) => [...u.config.htcds]).reverse()),
    indicatorsOf: indicatorsOf(shaping),
  });
  const output = await OutputFile.create(req.out, { what: 'the dataset', option: '--out' });
  outputs.push(output);
  if (req.format === 'csv') await output.write(layout.csvHeader());
  const applier = new PlanApplier(plan);
  const tally = new Tally();
  const populationIndex = columnNames.indexOf('population');
  for (let b = 0; b < BUCKETS; b++) {
    // Writes are blocking too: let signals (Ctrl-C) through now and then.
    if (b % YIELD_EVERY_BUCKETS === YIELD_EVERY_BUCKETS - 1) await turn();
    checkAbort(req.signal);
    const rows: { row: DeidRow; published: string[] }[] = [];
    const flush = () =>
      output.write(req.format === 'csv' ? layout.csvRows(rows) : layout.jsonlRows(rows));
    const bucket = winners(spill, b, words);
    for (let i = 0; i < bucket.count; i++) {
      const e = bucket.order[i]!;
      if (bucket.duplicate(i) || bucket.exclusion(e) !== null) continue;
      const row = bucket.row(e);
      const published = applier.applyRecord(row.qi);
      tally.add(row, published[populationIndex]!);
      rows.push({ row, published });
      if (rows.length === ROWS_PER_WRITE) {
        await flush();
        rows.length = 0;
      }
    }
    await flush();
    req.onProgress?.({ phase: 'write', done: b + 1, total: BUCKETS });
  }
  // The guarantee, checked on what was actually written, before the file is kept.
  const violations = applier.violations();
  if (violations > 0)
    throw new Error(
      `internal: ${violations} published combination(s) below k = ${k}; no file was written`,
    );

  const report = plan.report;
  const cells = report.quasiIdentifierCells;
  // The summary names columns as the file does (prs_Gender under --profile htcds, not sex).
  const named = (c: string) => layout.headerOf(c);
  const summary: ExportSummary = {
    format: 'screener-export-summary',
    version: 1,
    k,
    guarantee: guaranteeSentence(columnNames.map(named), k, recordsOut),
    quasi_identifiers: columnNames.map(named),
    records_in: inputs,
    records_out: recordsOut,
    excluded,
    skipped: skipped.map(sharedSkip),
    suppressed_cells: report.blankCells,
    suppressed_share: cells > 0 ? report.blankCells / cells : 0,
    locally_suppressed_cells: report.suppressedCells,
    generalisation: report.columns.map((c) => ({
      column: named(c.column),
      level: c.levelName,
      levels: c.levels,
      suppressed_cells: c.suppressedCells,
    })),
    columns_suppressed: report.columnsSuppressed.map(named),
    information_loss: report.informationLoss,
    counts: tally.report(k, {
      outcomes: ['indicators_met', 'indicators_partial', 'indicators_not_met'],
      dimensions: layout.dimensionIds,
      indicators: layout.indicatorIds,
    }),
    counts_note:
      k === 1
        ? 'With k = 1 every count is exact: nothing is hidden or rounded.'
        : `Counts below k are shown as "<${k}"; other counts are rounded down to a multiple of k (CTDC practice). records_in and records_out are exact.`,
    not_exported: notExportedOf(shaping),
    questionnaires: usedSorted.map((u) => ({
      id: u.questionnaire.id,
      version: u.questionnaire.version,
    })),
    output: { file: req.out, format: req.format, profile: req.profile, rows: recordsOut },
    notes: [...substitutionNotes(substituted, used), ...notesFor(report, named)],
  };
  if (recordsOut + skipped.length + Object.values(excluded).reduce((a, b) => a + b, 0) !== inputs)
    throw new Error('internal: records in ≠ records out + excluded + skipped');

  let summaryFile: OutputFile | undefined;
  if (req.summary !== undefined) {
    summaryFile = await OutputFile.create(req.summary, {
      what: 'the summary',
      option: '--summary',
    });
    outputs.push(summaryFile);
    await summaryFile.write(JSON.stringify(summary, null, 2) + '\n');
  }
  // Both made durable first, then both put in place, with no check in between: an
  // interruption up to here leaves both earlier files, one after it lets both finish.
  // A new dataset beside an old summary (or the other way round) would misdescribe it.
  await output.finish();
  await summaryFile?.finish();
  checkAbort(req.signal);
  await output.place();
  await summaryFile?.place();
  return { summary, plan };
}

/** Questionnaire id → version → its indicators (two texts of one id and version: both's). */
function indicatorsOf(
  used: readonly Used[],
): ReadonlyMap<string, ReadonlyMap<string, ReadonlySet<string>>> {
  const out = new Map<string, Map<string, Set<string>>>();
  for (const { questionnaire: q } of used) {
    let versions = out.get(q.id);
    if (!versions) out.set(q.id, (versions = new Map()));
    let ids = versions.get(q.version);
    if (!ids) versions.set(q.version, (ids = new Set()));
    for (const i of q.indicators) ids.add(i.id);
  }
  return out;
}

/**
 * The questionnaires that shape a file with no row: those of the excluded records,
 * else those the request names for the case. One whose export section does not check
 * is passed over: it has no row to export, so it stops nothing.
 */
function forEmptyFile(req: ExportRequest, excludedWith: ReadonlySet<string>): Used[] {
  const fromRecords = [...excludedWith].flatMap((hash) => {
    const q = req.questionnaireByHash(hash);
    return q ? [q] : [];
  });
  const candidates =
    fromRecords.length > 0 ? fromRecords : (req.questionnairesForEmptyFile?.() ?? []);
  return candidates
    .flatMap((questionnaire) => {
      const config = readExportConfig(questionnaire);
      return config.ok ? [{ questionnaire, config: config.config }] : [];
    })
    .sort(
      (a, b) =>
        compareStrings(a.questionnaire.id, b.questionnaire.id) ||
        compareStrings(a.questionnaire.version, b.questionnaire.version) ||
        compareStrings(a.questionnaire.hash, b.questionnaire.hash),
    );
}

/**
 * What the coordinator should know about records scored with another text of their
 * questionnaire. No file path: a summary is shared, and an installation's path can
 * name the person whose computer it is.
 */
function substitutionNotes(
  substituted: ReadonlyMap<string, { hash: string; records: number }>,
  used: ReadonlyMap<string, Used>,
): string[] {
  return [...substituted]
    .sort((a, b) => compareStrings(a[0], b[0]))
    .map(([made, { hash, records }]) => {
      const q = used.get(hash)!.questionnaire;
      return (
        `${records} record${records === 1 ? ' was' : 's were'} made with a text of ${q.id} ${q.version} ` +
        `that is not available (hash ${made.slice(0, 12)}…); ${records === 1 ? 'it was' : 'they were'} scored ` +
        `with the text of the same id and version available here (hash ${hash.slice(0, 12)}…). ` +
        `If you have the text ${records === 1 ? 'it was' : 'they were'} made with, pass it with --questionnaire.`
      );
    });
}

/**
 * The entries of one bucket in pseudonym order, each record once; of several copies
 * of a record (copied from laptop to laptop), one wins and the others are duplicates:
 *
 *   1. a copy that ended (completed, stopped, abandoned) over one that did not (in
 *      progress) or is not real (practice, rehearsal): a completed interview is never
 *      reopened, so a copy still open was copied before it ended, and the mode of a
 *      record never changes;
 *   2. then the copy saved last: a later stop (a refusal of consent, say) is kept over
 *      an earlier completion;
 *   3. at the same save time, a copy that is not exported over one that is (the
 *      cautious reading), then by content: never by file or folder name.
 */
function winners(spill: Spill, bucket: number, words: SpillWords): BucketEntries {
  return new BucketEntries(spill.readBucket(bucket), words);
}

/**
 * One bucket's entries, read from the spill's plaintext and sorted. Entries are
 * numbered in the order read; `order` lists them sorted. The sort compares the
 * pseudonym as four big-endian 32-bit words, which orders as its hex digits do.
 */
class BucketEntries {
  readonly count: number;
  readonly order: number[];
  private readonly starts: number[] = [];
  private readonly sources: number[] = [];
  private readonly keys: Uint32Array;
  private readonly updated: Float64Array;
  private readonly index: Uint32Array;
  private readonly decoder: EntryDecoder;

  constructor(
    private readonly bytes: Buffer,
    private readonly words: SpillWords,
  ) {
    const frames = new FrameReader(bytes);
    while (frames.next()) {
      if (frames.end - frames.start < ENTRY_HEAD_BYTES)
        throw new Error('internal: a spill entry is cut short');
      this.starts.push(frames.start);
      this.sources.push(frames.source);
    }
    const n = (this.count = this.starts.length);
    const keys = (this.keys = new Uint32Array(n * 4));
    const updated = (this.updated = new Float64Array(n));
    const index = (this.index = new Uint32Array(n));
    /** 0: the copy ended (a row, stopped, abandoned); 1: it did not, or is not real. */
    const open = new Uint8Array(n);
    /** 0: not exported; 1: a row. */
    const exported = new Uint8Array(n);
    for (let e = 0; e < n; e++) {
      const s = this.starts[e]!;
      for (let w = 0; w < 4; w++) keys[e * 4 + w] = bytes.readUInt32BE(s + w * 4);
      updated[e] = bytes.readDoubleLE(s + PSEUDONYM_BYTES);
      index[e] = bytes.readUInt32LE(s + PSEUDONYM_BYTES + 8);
      const exclusion = this.exclusion(e);
      open[e] = exclusion === null || exclusion === 'stopped' || exclusion === 'abandoned' ? 0 : 1;
      exported[e] = exclusion === null ? 1 : 0;
    }
    this.decoder = new EntryDecoder(bytes);
    this.order = Array.from({ length: n }, (_, e) => e);
    this.order.sort(
      (a, b) =>
        this.comparePseudonyms(a, b) ||
        open[a]! - open[b]! ||
        updated[b]! - updated[a]! ||
        exported[a]! - exported[b]! ||
        this.compareContent(a, b) ||
        index[a]! - index[b]!,
    );
  }

  /** Two copies saved at the same time: by what they hold, never by where they were found. */
  private compareContent(a: number, b: number): number {
    const text = (e: number) =>
      this.exclusion(e) === null ? JSON.stringify(this.row(e)) : `${this.exclusion(e)}`;
    return compareStrings(text(a), text(b));
  }

  private comparePseudonyms(a: number, b: number): number {
    const keys = this.keys;
    for (let w = 0; w < 4; w++) {
      const d = keys[a * 4 + w]! - keys[b * 4 + w]!;
      if (d !== 0) return d;
    }
    return 0;
  }

  /** Whether the i-th entry in order is another copy of the record before it. */
  duplicate(i: number): boolean {
    return i > 0 && this.comparePseudonyms(this.order[i - 1]!, this.order[i]!) === 0;
  }

  exclusion(e: number): ReturnType<typeof exclusionOf> {
    return exclusionOf(this.bytes[this.starts[e]! + PSEUDONYM_BYTES + 12]!);
  }

  qi(e: number): Record<string, string> {
    this.decoder.at(this.bytes, this.starts[e]!, this.words.of(this.sources[e]!));
    return this.decoder.qi();
  }

  row(e: number): DeidRow {
    const s = this.starts[e]!;
    const qi = this.qi(e);
    return this.decoder.row(this.bytes.toString('hex', s, s + PSEUDONYM_BYTES), qi);
  }
}

/** Ids in the order of the first list that has them. */
function unionInOrder(lists: readonly (readonly string[])[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const list of lists)
    for (const id of list)
      if (!seen.has(id)) {
        seen.add(id);
        out.push(id);
      }
  return out;
}

function notExportedOf(used: readonly Used[]): NotExported[] {
  const seen = new Set<string>();
  const out: NotExported[] = [];
  for (const u of used)
    for (const n of u.config.notExported)
      if (!seen.has(n.question)) {
        seen.add(n.question);
        out.push(n);
      }
  return out;
}

/** A path as the user would recognise it: relative to the working folder when inside it. */
export function displayPath(file: string, cwd: string): string {
  const r = relative(cwd, file);
  return r && !r.startsWith('..') ? r : file;
}

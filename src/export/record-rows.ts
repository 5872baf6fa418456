/**
 * One record file → one entry for the export's spill (spill-codec.ts), or the reason
 * it is skipped. Pure of the export's other state, so the same code runs in the main
 * thread and in the worker threads that read a large export in parallel (worker.ts).
 */
import type { Questionnaire } from '../questionnaire/types.js';
import type { InterviewRecord } from '../record/types.js';
import { ScreenerError, isScreenerError } from '../errors.js';
import { readExportConfig } from './config.js';
import { Deidentifier, type AssessmentView } from './deidentify.js';
import { pseudonymDigest } from './pseudonym.js';
import { EntryEncoder, type RowFields, type SpillWords } from './spill-codec.js';
import type { ExclusionReason, SkipReason, SkippedFile } from './summary.js';

export type FileResult =
  /**
   * A row, or an exclusion (practice, stopped, …), for the spill: the bytes
   * [start, end) of its batch (ReadBatch); `hash` names the questionnaire of a row.
   */
  | {
      readonly kind: 'entry';
      readonly start: number;
      readonly end: number;
      readonly hash?: string;
      /**
       * The hash of the questionnaire text the record was made with, when that text is
       * not available and `hash` names another of the same id and version.
       */
      readonly madeWith?: string;
      /**
       * An excluded record's questionnaire, when available: an export that has no row
       * writes the header of the questionnaire its records were made with.
       */
      readonly excludedWith?: string;
    }
  | { readonly kind: 'skip'; readonly skip: SkippedFile }
  /** The record's questionnaire has an export section that does not check: the export stops. */
  | { readonly kind: 'bad_config'; readonly hash: string };

/**
 * What one thread read of a run of files: a result per file, the spill entries'
 * bytes, and the words the entries use that this thread had not sent before
 * (spill-codec.ts). `source` tells whose numbering of words the entries use.
 */
export interface ReadBatch {
  readonly results: readonly FileResult[];
  readonly bytes: Uint8Array;
  readonly source: number;
  readonly firstWord: number;
  readonly words: readonly string[];
}

export type Opened =
  | { readonly ok: true; readonly record: InterviewRecord }
  | { readonly ok: false; readonly error: ScreenerError };

export interface RowMakerOptions {
  /** The questionnaire a record was made with, by the hash it carries. */
  readonly questionnaireByHash: (hash: string) => Questionnaire | undefined;
  /** Else one of the same id and version (questionnaire-catalogue.ts). */
  readonly questionnaireLike?:
    ((id: string, version: string) => Questionnaire | undefined) | undefined;
  readonly assess: (q: Questionnaire, record: InterviewRecord) => AssessmentView;
  readonly secret: Uint8Array;
}

const STORE_REASONS: Readonly<Record<string, SkipReason>> = {
  E_RECORD_CORRUPT: 'corrupt',
  E_RECORD_TRUNCATED: 'truncated',
  E_RECORD_TAMPERED: 'tampered',
  E_RECORD_KEY_MISSING: 'wrong_key',
  E_RECORD_VERSION: 'unknown_version',
};

/**
 * Store errors whose first detail tells the coordinator what the file needs: which
 * organisation key it was written for (or that its laptop never had one), or a newer
 * screener. It goes into the skip's message, on stderr and in the summary.
 */
const WITH_HINT = new Set(['E_RECORD_KEY_MISSING', 'E_RECORD_VERSION']);

/** Never throws: a failure is kept, to be listed in file order. */
export function openedBy(open: () => InterviewRecord): Opened {
  try {
    return { ok: true, record: open() };
  } catch (error) {
    return { ok: false, error: asScreenerError(error) };
  }
}

export async function openedByAsync(open: () => Promise<InterviewRecord>): Promise<Opened> {
  try {
    return { ok: true, record: await open() };
  } catch (error) {
    return { ok: false, error: asScreenerError(error) };
  }
}

function asScreenerError(error: unknown): ScreenerError {
  if (isScreenerError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ScreenerError('environment', UNEXPECTED, `unexpected failure: ${message}`);
}
const UNEXPECTED = 'E_UNEXPECTED';

export class RowMaker {
  /** Per questionnaire hash: its de-identifier, or null when its export section is invalid. */
  private readonly deidentifiers = new Map<string, Deidentifier | null>();
  private readonly encoder = new EntryEncoder();

  /** `source`: this thread's number among the threads that encode spill entries. */
  constructor(
    private readonly opts: RowMakerOptions,
    readonly source = 0,
  ) {}

  /**
   * The results of make() since the last batch, with their entries' bytes copied
   * into a buffer of their own (one that can be sent to another thread).
   */
  batch(results: readonly FileResult[]): ReadBatch {
    const bytes = new Uint8Array(this.encoder.length);
    bytes.set(this.encoder.view());
    this.encoder.reset();
    const { first, words } = this.encoder.takeWords();
    return { results, bytes, source: this.source, firstWord: first, words };
  }

  /**
   * For a caller that spills each result at once, with no batch and no copy: hands
   * `words` what this thread numbered since, then the entry's bytes to `spill`
   * (bytes[start, end) of a buffer the next make() overwrites).
   */
  takeEach(
    result: FileResult,
    words: SpillWords,
    spill: (source: number, bytes: Uint8Array, start: number, end: number) => void,
  ): void {
    if (this.encoder.hasFreshWords) {
      const fresh = this.encoder.takeWords();
      words.add(this.source, fresh.first, fresh.words);
    }
    if (result.kind === 'entry') spill(this.source, this.encoder.buffer, result.start, result.end);
    this.encoder.reset();
  }

  /** Checks, scores and de-identifies one opened file. */
  make(file: string, index: number, opened: Opened): FileResult {
    if (!opened.ok) {
      const { error } = opened;
      // A failure nobody foresaw speaks in the system's or a bug's words, which could
      // quote anything: they go to stderr only, like a scoring error's.
      if (error.code === UNEXPECTED)
        return skipOf(file, 'unreadable', UNEXPECTED, 'an unexpected failure', error.message);
      const hint = WITH_HINT.has(error.code) ? error.details[0] : undefined;
      return skipOf(
        file,
        STORE_REASONS[error.code] ?? 'unreadable',
        error.code,
        hint ? `${error.message} ${hint}` : error.message,
      );
    }
    const record = opened.record;
    const problem = recordProblem(record);
    if (problem) return skipOf(file, 'invalid_record', 'E_EXPORT_INVALID_RECORD', problem);
    const digest = pseudonymDigest(this.opts.secret, record.id);
    const updated = Date.parse(record.updatedAt);
    const t = Number.isFinite(updated) ? updated : 0;
    const exclusion: ExclusionReason | null =
      record.mode === 'practice' || record.mode === 'rehearsal'
        ? record.mode
        : record.status === 'completed'
          ? null
          : record.status;
    const made = record.questionnaire;
    let q = this.opts.questionnaireByHash(made.hash);
    let madeWith: string | undefined;
    if (!q && typeof made.id === 'string' && typeof made.version === 'string') {
      q = this.opts.questionnaireLike?.(made.id, made.version);
      if (q) madeWith = made.hash;
    }
    if (exclusion) {
      const result = this.entry(digest, t, index, exclusion, null);
      return q && result.kind === 'entry' ? { ...result, excludedWith: q.hash } : result;
    }

    if (!q)
      return skipOf(
        file,
        'unknown_questionnaire',
        'E_EXPORT_UNKNOWN_QUESTIONNAIRE',
        `made with questionnaire ${record.questionnaire.id} ${record.questionnaire.version}, which is not available (pass its file with --questionnaire)`,
      );
    const deidentifier = this.deidentifierOf(q);
    if (!deidentifier) return { kind: 'bad_config', hash: q.hash };
    let assessment: AssessmentView;
    try {
      assessment = this.opts.assess(q, record);
    } catch (error) {
      return skipOf(
        file,
        'assessment_failed',
        'E_EXPORT_ASSESSMENT',
        'the answers could not be scored',
        error instanceof Error ? error.message : String(error),
      );
    }
    const row = deidentifier.fields(record, assessment);
    return this.entry(digest, t, index, null, row, q.hash, madeWith);
  }

  private entry(
    digest: Uint8Array,
    updated: number,
    index: number,
    exclusion: ExclusionReason | null,
    row: RowFields | null,
    hash?: string,
    madeWith?: string,
  ): FileResult {
    const start = this.encoder.entry(digest, updated, index, exclusion, row);
    const end = this.encoder.length;
    if (hash === undefined) return { kind: 'entry', start, end };
    return madeWith === undefined
      ? { kind: 'entry', start, end, hash }
      : { kind: 'entry', start, end, hash, madeWith };
  }

  private deidentifierOf(q: Questionnaire): Deidentifier | null {
    let d = this.deidentifiers.get(q.hash);
    if (d === undefined) {
      const config = readExportConfig(q);
      d = config.ok ? new Deidentifier(q, config.config, this.opts.secret) : null;
      this.deidentifiers.set(q.hash, d);
    }
    return d;
  }
}

function skipOf(
  file: string,
  reason: SkipReason,
  code: string,
  message: string,
  detail?: string,
): FileResult {
  return {
    kind: 'skip',
    skip:
      detail === undefined
        ? { file, reason, code, message }
        : { file, reason, code, message, detail },
  };
}

/** The shape an export relies on; the store authenticates files, this catches other writers' mistakes. */
function recordProblem(r: InterviewRecord): string | undefined {
  const v = r as unknown as Record<string, unknown>;
  const q = v.questionnaire as Record<string, unknown> | null | undefined;
  if (typeof v.id !== 'string' || v.id === '') return 'the record has no id';
  if (!['real', 'practice', 'rehearsal'].includes(v.mode as string)) return 'unknown record mode';
  if (!['in_progress', 'completed', 'stopped', 'abandoned'].includes(v.status as string))
    return 'unknown record status';
  if (typeof v.startedAt !== 'string' || typeof v.updatedAt !== 'string')
    return 'the record has no dates';
  if (typeof q !== 'object' || q === null || typeof q.hash !== 'string')
    return 'the record does not say which questionnaire it used';
  if (typeof v.answers !== 'object' || v.answers === null || Array.isArray(v.answers))
    return 'the record has no answers';
  return undefined;
}

/**
 * The binary form of one spill entry (a row, or why a record is not exported).
 *
 * The spill used to hold each entry as JSON text (about 450 bytes, the pseudonym
 * twice, every column name and dimension id spelled out); writing, sealing,
 * re-reading and parsing that text twice cost about 29 µs a record, a sixth of an
 * export. Nearly every value of a row comes from a small vocabulary (column names,
 * choice values, bands, months, ids), so here each distinct text is given a number
 * once — its *word* code — and an entry is a few dozen bytes:
 *
 *   16  the pseudonym's bytes (its 32 hex digits; bucket = the first byte)
 *    8  updatedAt in ms (float64)
 *    4  the file's index (uint32)
 *    1  0 for a row, else 1 + the exclusion's index in EXCLUSION_REASONS
 *   a row then has, each number a LEB128 varint:
 *        n, n × (column word, value word)     quasi-identifiers, in the row's order
 *        questionnaire id word, version word, outcome word
 *        n, n × (dimension word × 2 + positive)
 *        n, n × indicator word
 *        n, n × flag word
 *
 * Words are numbered by the thread that encodes (a reading worker has its own
 * numbering); the words themselves never go to the spill file, only to the main
 * thread's memory (see SpillWords), so the spill alone is even less readable.
 */
import type { OutcomeId } from '../questionnaire/types.js';
import type { DeidRow } from './deidentify.js';
import { EXCLUSION_REASONS, type ExclusionReason } from './summary.js';
import { VarintReader, writeVarint } from './varint.js';

export const PSEUDONYM_BYTES = 16;
/** Pseudonym, updatedAt, file index, status: what the count pass reads of every entry. */
export const ENTRY_HEAD_BYTES = PSEUDONYM_BYTES + 8 + 4 + 1;

/** The row of an entry, without its pseudonym (which the entry's head holds). */
export type RowFields = Omit<DeidRow, 'pseudonym'>;

/**
 * Encodes entries one after the other into one growing buffer, numbering words as it
 * meets them. The caller takes the bytes of a batch of entries and the words first
 * met in it (takeWords) together, and resets.
 */
export class EntryEncoder {
  private readonly codes = new Map<string, number>();
  private fresh: string[] = [];
  private bytes = Buffer.allocUnsafe(16 * 1024);
  private pos = 0;

  /** Bytes written since the last reset. */
  get length(): number {
    return this.pos;
  }

  /** The bytes written since the last reset (a view, valid until the next write). */
  view(): Buffer {
    return this.bytes.subarray(0, this.pos);
  }

  reset(): void {
    this.pos = 0;
  }

  /** The whole buffer entries are written to (only [0, length) is meaningful): no view object. */
  get buffer(): Buffer {
    return this.bytes;
  }

  /** Whether words were numbered since the last takeWords (rarely, after the first rows). */
  get hasFreshWords(): boolean {
    return this.fresh.length > 0;
  }

  /** The words numbered since the last call, in code order, and the code of the first. */
  takeWords(): { first: number; words: string[] } {
    const words = this.fresh;
    this.fresh = [];
    return { first: this.codes.size - words.length, words };
  }

  /**
   * Appends one entry; returns where it starts (it ends at `length`). `digest` holds
   * the pseudonym's bytes first (an HMAC digest: only the first 16 are used).
   */
  entry(
    digest: Uint8Array,
    updated: number,
    index: number,
    exclusion: ExclusionReason | null,
    row: RowFields | null,
  ): number {
    const start = this.pos;
    this.room(ENTRY_HEAD_BYTES);
    const b = this.bytes;
    // Byte by byte: a subarray per entry is an object for the collector.
    for (let i = 0; i < PSEUDONYM_BYTES; i++) b[start + i] = digest[i]!;
    b.writeDoubleLE(updated, start + PSEUDONYM_BYTES);
    b.writeUInt32LE(index, start + PSEUDONYM_BYTES + 8);
    b[start + PSEUDONYM_BYTES + 12] = exclusion === null ? 0 : 1 + exclusionCode(exclusion);
    this.pos = start + ENTRY_HEAD_BYTES;
    if (exclusion !== null || row === null) return start;
    let n = 0;
    for (const _ in row.qi) n++;
    this.varint(n);
    for (const column in row.qi) {
      this.word(column);
      this.word(row.qi[column]!);
    }
    this.word(row.questionnaireId);
    this.word(row.questionnaireVersion);
    this.word(row.outcome);
    n = 0;
    for (const _ in row.dimensions) n++;
    this.varint(n);
    for (const d in row.dimensions) this.varint(this.codeOf(d) * 2 + (row.dimensions[d] ? 1 : 0));
    this.varint(row.indicators.length);
    for (const i of row.indicators) this.word(i);
    this.varint(row.flags.length);
    for (const f of row.flags) this.word(f);
    return start;
  }

  private word(text: string): void {
    this.varint(this.codeOf(text));
  }

  private codeOf(text: string): number {
    let code = this.codes.get(text);
    if (code === undefined) {
      code = this.codes.size;
      this.codes.set(text, code);
      this.fresh.push(text);
    }
    return code;
  }

  private varint(n: number): void {
    this.room(5);
    this.pos = writeVarint(this.bytes, this.pos, n);
  }

  private room(n: number): void {
    if (this.pos + n <= this.bytes.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.pos + n));
    this.bytes.copy(bigger, 0, 0, this.pos);
    this.bytes = bigger;
  }
}

const EXCLUSION_CODES = new Map(EXCLUSION_REASONS.map((r, i) => [r, i]));
function exclusionCode(r: ExclusionReason): number {
  const code = EXCLUSION_CODES.get(r);
  if (code === undefined) throw new Error(`internal: unknown exclusion ${r}`);
  return code;
}

/** The words of every encoding thread, by source number, as the main thread learns them. */
export class SpillWords {
  private readonly bySource: string[][] = [];

  add(source: number, first: number, words: readonly string[]): void {
    let list = this.bySource[source];
    if (!list) this.bySource[source] = list = [];
    for (let i = 0; i < words.length; i++) list[first + i] = words[i]!;
  }

  of(source: number): readonly string[] {
    const list = this.bySource[source];
    if (!list) throw new Error(`internal: no words from spill source ${source}`);
    return list;
  }
}

/** Reads the entries the encoder wrote, given the words of their source. */
export class EntryDecoder extends VarintReader {
  private words: readonly string[] = [];

  constructor(bytes: Uint8Array) {
    super(bytes, 'internal: a spill entry is cut short');
  }

  /** Starts reading the entry at `at`, whose words are `words`; the head is read by the caller. */
  at(bytes: Uint8Array, at: number, words: readonly string[]): void {
    this.bytes = bytes;
    this.pos = at + ENTRY_HEAD_BYTES;
    this.words = words;
  }

  /** The quasi-identifiers of a row, the first thing after the head. */
  qi(): Record<string, string> {
    const n = this.varint();
    const qi: Record<string, string> = {};
    for (let i = 0; i < n; i++) {
      const column = this.word();
      qi[column] = this.word();
    }
    return qi;
  }

  /** The rest of the row, after qi(); `pseudonym` is the head's, in hex. */
  row(pseudonym: string, qi: Readonly<Record<string, string>>): DeidRow {
    const questionnaireId = this.word();
    const questionnaireVersion = this.word();
    const outcome = this.word() as OutcomeId;
    const dimensions: Record<string, boolean> = {};
    let n = this.varint();
    for (let i = 0; i < n; i++) {
      const v = this.varint();
      dimensions[this.wordAt(v >>> 1)] = (v & 1) === 1;
    }
    n = this.varint();
    const indicators = new Array<string>(n);
    for (let i = 0; i < n; i++) indicators[i] = this.word();
    n = this.varint();
    const flags = new Array<string>(n);
    for (let i = 0; i < n; i++) flags[i] = this.word();
    return {
      pseudonym,
      questionnaireId,
      questionnaireVersion,
      outcome,
      dimensions,
      indicators,
      flags,
      qi,
    };
  }

  private word(): string {
    return this.wordAt(this.varint());
  }

  private wordAt(code: number): string {
    const w = this.words[code];
    if (w === undefined) throw new Error('internal: a spill entry names an unknown word');
    return w;
  }
}

/** The exclusion of an entry's status byte (0: a row). */
export function exclusionOf(status: number): ExclusionReason | null {
  if (status === 0) return null;
  const r = EXCLUSION_REASONS[status - 1];
  if (r === undefined) throw new Error('internal: a spill entry has an unknown status');
  return r;
}

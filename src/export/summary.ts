/**
 * The summary written with --summary: the contract fields (k, quasi_identifiers,
 * records_in, records_out, suppressed_cells, skipped), what was excluded and why,
 * how the quasi-identifiers were generalised and blanked, aggregate counts made safe
 * for k, and the guarantee in one sentence.
 */
import type { SafeCount } from './aggregates.js';
import type { NotExported } from './config.js';
import type { KAnonReport } from './kanon/anonymise.js';
import type { ExportFormat, ExportProfile } from './layout.js';

export type SkipReason =
  | 'corrupt'
  | 'truncated'
  | 'tampered'
  | 'wrong_key'
  | 'unknown_version'
  | 'unreadable'
  | 'invalid_record'
  | 'unknown_questionnaire'
  | 'assessment_failed';

export interface SkippedFile {
  readonly file: string;
  readonly reason: SkipReason;
  readonly code: string;
  readonly message: string;
  /**
   * What went wrong in the software's own words (an error's message): for the
   * coordinator on stderr, never in the summary, which is shared and where a message
   * quoting something a record holds would be a leak.
   */
  readonly detail?: string;
}

/** A skip as the summary carries it: without its detail. */
export function sharedSkip({ file, reason, code, message }: SkippedFile): SkippedFile {
  return { file, reason, code, message };
}

/** Records read but deliberately not exported (not failures: exit 0). */
export type ExclusionReason =
  'duplicate' | 'practice' | 'rehearsal' | 'in_progress' | 'stopped' | 'abandoned';

export const EXCLUSION_REASONS: readonly ExclusionReason[] = [
  'duplicate',
  'practice',
  'rehearsal',
  'in_progress',
  'stopped',
  'abandoned',
];

export interface SafeCounts {
  readonly outcome: Record<string, SafeCount>;
  readonly population: Record<string, SafeCount>;
  readonly dimension: Record<string, { positive: SafeCount; negative: SafeCount }>;
  readonly indicator: Record<string, SafeCount>;
  readonly flag: Record<string, SafeCount>;
}

export interface ExportSummary {
  readonly format: 'screener-export-summary';
  readonly version: 1;
  readonly k: number;
  readonly guarantee: string;
  readonly quasi_identifiers: readonly string[];
  readonly records_in: number;
  readonly records_out: number;
  readonly excluded: Readonly<Record<ExclusionReason, number>>;
  readonly skipped: readonly SkippedFile[];
  /** Quasi-identifier cells that are `*` in the file (blanked cells and wholly generalised columns). */
  readonly suppressed_cells: number;
  /** suppressed_cells ÷ (records_out × quasi-identifier columns). */
  readonly suppressed_share: number;
  /** Of suppressed_cells, those blanked one by one by local suppression. */
  readonly locally_suppressed_cells: number;
  readonly generalisation: readonly {
    readonly column: string;
    readonly level: string;
    readonly levels: readonly string[];
    readonly suppressed_cells: number;
  }[];
  /** Columns that are `*` in every row (the notes say whether k left no other way). */
  readonly columns_suppressed: readonly string[];
  /** Average information loss per quasi-identifier cell (Loss Metric), 0 to 1. */
  readonly information_loss: number;
  readonly counts: SafeCounts;
  readonly counts_note: string;
  readonly not_exported: readonly NotExported[];
  readonly questionnaires: readonly { readonly id: string; readonly version: string }[];
  readonly output: {
    readonly file: string;
    readonly format: ExportFormat;
    readonly profile: ExportProfile;
    readonly rows: number;
  };
  readonly notes: readonly string[];
}

/** "a, b and c" */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export function guaranteeSentence(columns: readonly string[], k: number, rows: number): string {
  // No record was exported (all practice, say).
  if (rows === 0 || columns.length === 0) return 'This file has no rows: it describes no one.';
  const list = listInWords(columns);
  if (k <= 1)
    return `No k-anonymity was applied (k = 1): a combination of ${list} in this file may describe a single record.`;
  return `Every combination of ${list} in this file describes at least ${k} records.`;
}

/** `named`: a column's name as the file's header has it. */
export function notesFor(
  report: KAnonReport,
  named: (column: string) => string = (c) => c,
): string[] {
  return report.columnsSuppressed.map((column) => {
    const c = named(column);
    return report.columnsForced.includes(column)
      ? `k = ${report.k} could not be met without suppressing the whole column ${c}: it is * in every row.`
      : `The column ${c} is * in every row: of the tables tried, that lost the least information; k = ${report.k} could also be met with it kept in some rows.`;
  });
}

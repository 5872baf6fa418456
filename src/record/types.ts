/**
 * An interview record: the plain data the engine produces, the store encrypts, the
 * scorer reads and the report redacts. Shared by every part of the program, so it
 * changes only with a format version.
 */
import type { StopReason } from '../questionnaire/types.js';

/** yesno: 'yes' | 'no'; single: a choice value; multi: choice values; number; date: 'YYYY-MM-DD'; text. */
export type AnswerValue = string | number | readonly string[];

interface AnswerBase {
  /** A free-text note the screener added at this question (free text: always redacted in reports). */
  readonly note?: string;
  /** When it was answered, ISO 8601. */
  readonly at: string;
}

export type Answer =
  | (AnswerBase & { readonly kind: 'value'; readonly value: AnswerValue })
  | (AnswerBase & { readonly kind: 'dont_know' })
  | (AnswerBase & { readonly kind: 'declined' });

export type RecordMode = 'real' | 'practice' | 'rehearsal';
export type RecordStatus = 'in_progress' | 'completed' | 'stopped' | 'abandoned';

export interface RecordStop {
  readonly reason: StopReason;
  /** The rule that stopped the interview. */
  readonly rule: string;
}

/** Placeholder kinds a screener may choose when marking more words for removal. */
export type ReviewRedactionKind =
  'name' | 'phone' | 'email' | 'iban' | 'id_number' | 'date_of_birth' | 'address';

/**
 * The screener's redaction review (`screener report ID --review`), kept with the record
 * so every later report applies it. Optional and additive: older records have none.
 */
export interface RedactionReview {
  /** Words or phrases to remove from every free-text passage, and the placeholder to use. */
  readonly remove: readonly { readonly text: string; readonly kind: ReviewRedactionKind }[];
  /** Words an automatic rule removed that the screener restored (never a direct field's value). */
  readonly restore: readonly string[];
  /** When the review was last changed, ISO 8601. */
  readonly at: string;
}

export const RECORD_FORMAT_VERSION = 1;

export interface InterviewRecord {
  readonly formatVersion: typeof RECORD_FORMAT_VERSION;
  /** Pseudonymous id, e.g. `R-7K3M-Q9XD`: random, never derived from the person. */
  readonly id: string;
  readonly questionnaire: { readonly id: string; readonly version: string; readonly hash: string };
  /** Interview language. */
  readonly lang: string;
  readonly mode: RecordMode;
  readonly status: RecordStatus;
  readonly stop?: RecordStop;
  readonly startedAt: string;
  readonly updatedAt: string;
  /** Answers on the current path only (answers that branching hides are pruned). */
  readonly answers: Readonly<Record<string, Answer>>;
  /** Question ids in the order they were answered: the way back. */
  readonly path: readonly string[];
  /**
   * The question being revisited after going back, when the record was saved there;
   * absent at the frontier. Lets `resume` return to exactly the question on screen.
   */
  readonly position?: string;
  /**
   * Notes the screener confirmed at questions not answered yet, saved at once so a
   * quit or going back loses none; moved into the answer when the question is answered
   * (dropped if it is skipped). Free text: never in a report or an export.
   */
  readonly pendingNotes?: Readonly<Record<string, string>>;
  /** Urgent notices and advisories already shown (rule or question.choice ids), so they show once. */
  readonly shown: readonly string[];
  /** The screener's redaction review, if one was made (see RedactionReview). */
  readonly redactionReview?: RedactionReview;
}

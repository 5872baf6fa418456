/** What a redaction replaced, shown as a typed placeholder: the reader knows something was there, never what. */
export const REDACTION_KINDS = [
  'name',
  'phone',
  'email',
  'iban',
  'id_number',
  'date_of_birth',
  'address',
] as const;

export type RedactionKind = (typeof REDACTION_KINDS)[number];

export function placeholder(kind: RedactionKind): string {
  return `[${kind}]`;
}

/** Where a redaction came from: the value of a direct field, an automatic rule, or the screener's review. */
export type RedactionSource = 'field' | 'detector' | 'review';

/** A part of a text to remove, in UTF-16 offsets of the original text. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly kind: RedactionKind;
  readonly source: RedactionSource;
  /** The detector is sure of the kind (a document number after "passport"): it names the merged span. */
  readonly sure?: boolean;
}

export type RedactionCounts = Readonly<Record<RedactionKind, number>>;

export function zeroCounts(): Record<RedactionKind, number> {
  return { name: 0, phone: 0, email: 0, iban: 0, id_number: 0, date_of_birth: 0, address: 0 };
}

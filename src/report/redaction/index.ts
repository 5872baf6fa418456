/** Redaction of free text: field values, pattern detectors, names; placeholders and counts. */
export { applyRedactions, findRedactions, mergeSpans, scrub } from './scrub.js';
export type { RedactionConfig, ReviewChoices, Scrubbed, Segment } from './scrub.js';
export { matchersFor, shapeOf, findFieldValues, type FieldMatcher } from './field-values.js';
export { DEFAULT_PHONE_COUNTRIES } from './phones.js';
export { findDates, parseDateValue } from './dates.js';
export { ibanChecksumOk } from './patterns.js';
export { fold, foldString } from './fold.js';
export {
  placeholder,
  REDACTION_KINDS,
  zeroCounts,
  type RedactionCounts,
  type RedactionKind,
  type RedactionSource,
  type Span,
} from './kinds.js';

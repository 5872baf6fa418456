/**
 * Free-text scrubbing: every detector runs over the text, the spans are merged, and
 * the text is cut into kept text and typed placeholders. Values of direct fields are
 * removed first and can never be restored by a review; automatic finds can be.
 */
import { datesOfBirth, findBirthCues } from './birth-cues.js';
import { findDates } from './dates.js';
import { findFieldValues, type FieldMatcher } from './field-values.js';
import { fold, foldString } from './fold.js';
import { zeroCounts, type RedactionCounts, type RedactionKind, type Span } from './kinds.js';
import { findNames } from './names.js';
import {
  findAddresses,
  findEmails,
  findHandles,
  findIbanShaped,
  findIbans,
  findIdNumbers,
} from './patterns.js';
import { findPhones } from './phones.js';

export interface ReviewChoices {
  /** Words or phrases the screener marked for removal, with the placeholder to use. */
  readonly remove: readonly { readonly text: string; readonly kind: RedactionKind }[];
  /** Words an automatic rule removed that the screener restored. */
  readonly restore: readonly string[];
}

export interface RedactionConfig {
  /** From the record's direct fields: see field-values.ts. */
  readonly fieldMatchers: readonly FieldMatcher[];
  /** ISO 3166 codes whose national phone formats are searched. */
  readonly phoneCountries: readonly string[];
  readonly review?: ReviewChoices | undefined;
  /**
   * Words written as names (capitalised mid-sentence) anywhere in the report's free
   * text: a sentence-initial capitalised word is a name only if it is one of these.
   * Defaults to those of the text being scrubbed.
   */
  readonly documentNames?: ReadonlySet<string> | undefined;
  /**
   * Look for capitalised names (default true). Off for a quasi-identifying text shown
   * in the full internal report: its value is a place or a language, not prose.
   */
  readonly names?: boolean | undefined;
}

export type Segment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'redacted'; readonly as: RedactionKind; readonly source: Span['source'] };

/** When spans overlap, the merged span takes the most specific kind. */
const PRIORITY: readonly RedactionKind[] = [
  'email',
  'iban',
  'date_of_birth',
  'phone',
  'address',
  'id_number',
  'name',
];

const SOURCE_RANK: Readonly<Record<Span['source'], number>> = { field: 0, review: 1, detector: 2 };

function better(a: Span, b: Span): Span {
  const sa = SOURCE_RANK[a.source];
  const sb = SOURCE_RANK[b.source];
  if (sa !== sb) return sa < sb ? a : b;
  if (Boolean(a.sure) !== Boolean(b.sure)) return a.sure ? a : b;
  return PRIORITY.indexOf(a.kind) <= PRIORITY.indexOf(b.kind) ? a : b;
}

export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans]
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      const winner = better(last, s);
      out[out.length - 1] = { ...winner, start: last.start, end: Math.max(last.end, s.end) };
    } else out.push(s);
  }
  return out;
}

function reviewMatchers(review: ReviewChoices | undefined): { re: RegExp; kind: RedactionKind }[] {
  return (review?.remove ?? [])
    .map(({ text, kind }) => {
      const tokens = foldString(text).match(/[\p{L}\p{N}]+/gu) ?? [];
      if (tokens.length === 0) return undefined;
      const body = tokens
        .map((t) => t.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'))
        .join(String.raw`[\s\p{P}\p{S}]*`);
      return { re: new RegExp(String.raw`(?<![\p{L}\p{N}])${body}(?![\p{L}\p{N}])`, 'gu'), kind };
    })
    .filter((x): x is { re: RegExp; kind: RedactionKind } => x !== undefined);
}

/** Every span to remove from a text, merged and in order. */
export function findRedactions(text: string, config: RedactionConfig): Span[] {
  if (text.trim() === '') return [];
  const folded = fold(text);
  const spans: Span[] = [];
  for (const h of findFieldValues(text, config.fieldMatchers, folded))
    spans.push({ ...h, source: 'field' });
  for (const { re, kind } of reviewMatchers(config.review)) {
    re.lastIndex = 0;
    for (let m = re.exec(folded.text); m; m = re.exec(folded.text)) {
      spans.push({
        start: folded.start[m.index] ?? 0,
        end: folded.end[m.index + m[0].length - 1] ?? 0,
        kind,
        source: 'review',
      });
    }
  }

  const detected: Span[] = [];
  const add = (hits: readonly { start: number; end: number }[], kind: RedactionKind) => {
    for (const h of hits) detected.push({ start: h.start, end: h.end, kind, source: 'detector' });
  };
  const dates = findDates(text, folded);
  add(findEmails(text), 'email');
  add(findIbans(text), 'iban');
  // IBAN-shaped but failing the checksum (a typo): still an account number.
  for (const h of findIbanShaped(text))
    detected.push({ ...h, kind: 'id_number', source: 'detector', sure: true });
  // Only a date can be a date of birth: without one, the cues need not be looked for.
  if (dates.length > 0)
    add(datesOfBirth(text, dates, findBirthCues(text, folded)), 'date_of_birth');
  // A written date is never a phone number, whatever libphonenumber's leniency says.
  add(findPhones(text, config.phoneCountries, dates), 'phone');
  add(findAddresses(text), 'address');
  for (const h of findIdNumbers(text)) {
    if (dates.some((d) => d.start <= h.start && h.end <= d.end)) continue;
    detected.push({
      start: h.start,
      end: h.end,
      kind: 'id_number',
      source: 'detector',
      ...(h.cued ? { sure: true } : {}),
    });
  }
  add(findHandles(text), 'name');
  if (config.names !== false) add(findNames(text, config.documentNames), 'name');

  const restored = new Set((config.review?.restore ?? []).map((r) => foldString(r).trim()));
  for (const d of detected) {
    if (restored.size > 0 && restored.has(foldString(text.slice(d.start, d.end)).trim())) continue;
    spans.push(d);
  }
  return mergeSpans(spans).map((s) => ({ ...s, end: extendOverMarks(text, s.end) }));
}

/** A combining mark after a cut belongs to the removed letter. */
function extendOverMarks(text: string, end: number): number {
  // No mark comes before U+0300: most text need not compile \p{M}.
  while (end < text.length && text.charCodeAt(end) >= 0x300 && /\p{M}/u.test(text[end]!)) end++;
  return end;
}

export interface Scrubbed {
  readonly segments: readonly Segment[];
  readonly counts: RedactionCounts;
}

export function applyRedactions(text: string, spans: readonly Span[]): Scrubbed {
  const segments: Segment[] = [];
  const counts = zeroCounts();
  let at = 0;
  for (const s of spans) {
    if (s.start > at) segments.push({ kind: 'text', text: text.slice(at, s.start) });
    segments.push({ kind: 'redacted', as: s.kind, source: s.source });
    counts[s.kind]++;
    at = s.end;
  }
  if (at < text.length) segments.push({ kind: 'text', text: text.slice(at) });
  return { segments, counts };
}

export function scrub(text: string, config: RedactionConfig): Scrubbed {
  return applyRedactions(text, findRedactions(text, config));
}

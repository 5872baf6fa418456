/**
 * The redaction review (`screener report ID --review`): the free-text passages of a
 * report with what will be removed, so the screener can mark more words to remove or
 * restore a word an automatic rule removed. Pure; the terminal dialogue lives in the CLI.
 */
import type { Questionnaire } from '../questionnaire/types.js';
import type { InterviewRecord, RedactionReview, ReviewRedactionKind } from '../record/types.js';
import { assess } from '../scoring/index.js';
import { buildModel } from './model.js';
import { directMatchers, questionAnswers, shownFreeText } from './redact.js';
import {
  DEFAULT_PHONE_COUNTRIES,
  findRedactions,
  foldString,
  type RedactionConfig,
  type Span,
} from './redaction/index.js';
import { midSentenceCapitals } from './redaction/names.js';
import { plain } from './safe-text.js';

export interface ReviewPassage {
  /** The question the passage belongs to, in the report language. */
  readonly label: string;
  readonly text: string;
  readonly spans: readonly Span[];
}

export interface ReviewOptions {
  readonly lang?: string | undefined;
  readonly full?: boolean | undefined;
  readonly phoneCountries?: readonly string[] | undefined;
}

export function reviewPassages(
  q: Questionnaire,
  r: InterviewRecord,
  opts: ReviewOptions = {},
): ReviewPassage[] {
  const model = buildModel(q, r, assess(q, r), {
    lang: opts.lang ?? r.lang,
    full: opts.full ?? false,
  });
  const raw: { label: string; text: string }[] = [];
  const seen = new Set<string>();
  for (const p of questionAnswers(model)) {
    const text = shownFreeText(p.answer, model.full);
    if (text === undefined || text.trim() === '' || seen.has(text)) continue;
    seen.add(text);
    raw.push({ label: plain(p.questionText), text });
  }

  const config: RedactionConfig = {
    fieldMatchers: directMatchers(q, r),
    phoneCountries: opts.phoneCountries ?? DEFAULT_PHONE_COUNTRIES,
    review: r.redactionReview,
    documentNames: midSentenceCapitals(raw.map((x) => x.text)),
  };
  return raw.map(({ label, text }) => ({ label, text, spans: findRedactions(text, config) }));
}

const emptyReview = (at: string): RedactionReview => ({ remove: [], restore: [], at });

/** Marks a word or phrase for removal everywhere (undoing an earlier restore of it). */
export function withRemoval(
  review: RedactionReview | undefined,
  text: string,
  kind: ReviewRedactionKind,
  at: string,
): RedactionReview {
  const base = review ?? emptyReview(at);
  const key = foldString(text).trim();
  return {
    remove: [
      ...base.remove.filter((x) => foldString(x.text).trim() !== key),
      { text: text.trim(), kind },
    ],
    restore: base.restore.filter((x) => foldString(x).trim() !== key),
    at,
  };
}

/**
 * Restores a word an automatic rule removed. Refused (returns undefined) for a span
 * that comes from a direct field's value: those never appear in a report.
 */
export function withRestore(
  review: RedactionReview | undefined,
  passage: ReviewPassage,
  span: Span,
  at: string,
): RedactionReview | undefined {
  if (span.source === 'field') return undefined;
  const base = review ?? emptyReview(at);
  const text = passage.text.slice(span.start, span.end);
  const key = foldString(text).trim();
  return {
    remove: base.remove.filter((x) => foldString(x.text).trim() !== key),
    restore: [...base.restore.filter((x) => foldString(x).trim() !== key), text.trim()],
    at,
  };
}

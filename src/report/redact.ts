/**
 * The one step between the model and any renderer: every PersonValue becomes SafeText.
 * Free text is scrubbed (direct-field values, then the detectors, then the screener's
 * review), quasi identifiers are generalised unless the full internal report was asked
 * for, direct identifiers are withheld. The counts of what was removed travel with the
 * view; the values never do.
 */
import type { Questionnaire } from '../questionnaire/types.js';
import type { InterviewRecord } from '../record/types.js';
import { ageBand, isAgeQuestion, monthYear, numberRange } from './generalise.js';
import type { ReportModel } from './model.js';
import type { PersonValue } from './person-value.js';
import {
  DEFAULT_PHONE_COUNTRIES,
  matchersFor,
  scrub,
  zeroCounts,
  type FieldMatcher,
  type RedactionConfig,
} from './redaction/index.js';
import { midSentenceCapitals } from './redaction/names.js';
import { authored, fromScrubbed, type Piece, type SafeText } from './safe-text.js';
import { reportStrings } from './strings/index.js';
import type { QuestionAnswer, RedactedReport, ReportShape } from './view.js';

export interface RedactOptions {
  /** ISO 3166 codes whose national phone formats are searched. */
  readonly phoneCountries?: readonly string[];
}

/** Every value of a direct field on the record, as matchers for free text. */
export function directMatchers(q: Questionnaire, r: InterviewRecord): FieldMatcher[] {
  const out: FieldMatcher[] = [];
  for (const question of q.questions) {
    if (question.identifying !== 'direct') continue;
    const a = r.answers[question.id];
    if (a?.kind === 'value') out.push(...matchersFor(a.value, question.type));
  }
  return out;
}

/** Applies f to every T of the shape, in document order. */
export function mapShape<A, B>(m: ReportShape<A>, f: (a: A) => B): ReportShape<B> {
  const qa = (x: QuestionAnswer<A>): QuestionAnswer<B> => ({ ...x, answer: f(x.answer) });
  return {
    ...m,
    details: m.details.map(qa),
    consent: { ...m.consent, answers: m.consent.answers.map(qa) },
    population: { ...m.population, evidence: m.population.evidence.map(qa) },
    indicators: m.indicators.map((i) => ({
      ...i,
      evidence: i.evidence.map((e) =>
        e.kind === 'answer' ? { ...e, item: qa(e.item) } : { ...e, reads: e.reads.map(qa) },
      ),
    })),
    person: m.person.map(qa),
    notes: m.notes.map(qa),
  };
}

/** Every question/answer pair of a report, in document order (what mapShape visits). */
export function questionAnswers<T>(m: ReportShape<T>): QuestionAnswer<T>[] {
  return [
    ...m.details,
    ...m.consent.answers,
    ...m.population.evidence,
    ...m.indicators.flatMap((i) =>
      i.evidence.flatMap((e) => (e.kind === 'answer' ? [e.item] : e.reads)),
    ),
    ...m.person,
    ...m.notes,
  ];
}

/** Free text that will be shown (scrubbed) in this report. */
export function shownFreeText(v: PersonValue, full: boolean): string | undefined {
  if (v.kind === 'free_text') return v.text;
  if (v.kind === 'quasi_text' && full) return v.text;
  return undefined;
}

export function redact(
  model: ReportModel,
  q: Questionnaire,
  r: InterviewRecord,
  opts: RedactOptions = {},
): RedactedReport {
  const s = reportStrings(model.lang);
  const texts = questionAnswers(model)
    .map((x) => shownFreeText(x.answer, model.full))
    .filter((t): t is string => t !== undefined);
  const config: RedactionConfig = {
    fieldMatchers: directMatchers(q, r),
    phoneCountries: opts.phoneCountries ?? DEFAULT_PHONE_COUNTRIES,
    review: r.redactionReview,
    documentNames: midSentenceCapitals(texts),
  };

  const counts = zeroCounts();
  let passages = 0;
  // The same passage (a note shown twice) is scrubbed once and counted once.
  const cache = new Map<string, SafeText>();
  const scrubbed = (text: string, names = true): SafeText => {
    const key = `${names ? 'n' : '-'}${text}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const out = scrub(text, names ? config : { ...config, names: false });
    passages++;
    for (const [k, n] of Object.entries(out.counts)) counts[k as keyof typeof counts] += n;
    const pieces: Piece[] = out.segments.map((seg) =>
      seg.kind === 'text' ? { kind: 'text', text: seg.text } : { kind: 'redacted', as: seg.as },
    );
    const safe = fromScrubbed(pieces);
    cache.set(key, safe);
    return safe;
  };

  const toSafe = (v: PersonValue): SafeText => {
    switch (v.kind) {
      case 'free_text':
        return scrubbed(v.text);
      case 'quasi_text':
        return model.full ? scrubbed(v.text, false) : authored(s.withheldFreeText);
      case 'quasi':
        return authored(quasiText(v, model.full, model.lang));
      case 'direct':
        return authored(s.withheldValue);
      case 'plain':
        return authored(v.text);
      case 'special':
        return authored(
          v.which === 'dont_know'
            ? s.dontKnow
            : v.which === 'declined'
              ? s.declined
              : s.notAnswered,
        );
    }
  };

  const view = mapShape(model, toSafe);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return { ...view, redactions: { counts, total, passages } };
}

function quasiText(
  v: Extract<PersonValue, { kind: 'quasi' }>,
  full: boolean,
  lang: string,
): string {
  const { question, value } = v;
  if (question.type === 'date' && typeof value === 'string') {
    if (full) return value;
    return monthYear(value, lang) ?? reportStrings(lang).withheldValue;
  }
  if (typeof value === 'number') {
    if (full) return String(value);
    return isAgeQuestion(question) ? ageBand(value) : numberRange(value);
  }
  return reportStrings(lang).withheldValue;
}

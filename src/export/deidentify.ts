/**
 * De-identification of one assessed record into a row at the finest published level
 * (REDCap practice): the record id becomes a keyed hash; no direct identifier, no
 * free text and no note ever reaches a row; dates become months; ages become bands;
 * places become countries. Every value in a row is either computed (band, month,
 * pseudonym) or taken from the questionnaire's own vocabulary (choice values,
 * indicator and flag ids) after checking the answer against it, so nothing the person
 * or the screener typed can pass through, even from a crafted record.
 */
import type { OutcomeId, Population, Question, Questionnaire } from '../questionnaire/types.js';
import type { Answer, InterviewRecord } from '../record/types.js';
import { countryOfText } from './country-names.js';
import { countryCode, countryOfPlace } from './countries.js';
import type { ExportConfig, QiSpec } from './config.js';
import { ageBand, dateAt } from './hierarchy.js';
import { pseudonymOf } from './pseudonym.js';
import { SUPPRESSED, UNKNOWN } from './values.js';

/** The part of scoring's Assessment an export reads (structurally compatible with it). */
export interface AssessmentView {
  readonly outcome: { readonly id: OutcomeId };
  readonly population: { readonly population: Population };
  readonly dimensions: readonly { readonly id: string; readonly positive: boolean }[];
  readonly indicators: readonly { readonly id: string }[];
  readonly flags: readonly { readonly id: string }[];
}

/** One record, de-identified, before k-anonymity: quasi-identifiers at their finest level. */
export interface DeidRow {
  readonly pseudonym: string;
  readonly questionnaireId: string;
  readonly questionnaireVersion: string;
  readonly outcome: OutcomeId;
  /** Dimension id → positive. */
  readonly dimensions: Readonly<Record<string, boolean>>;
  /** Raised indicator ids. */
  readonly indicators: readonly string[];
  readonly flags: readonly string[];
  /** Quasi-identifier column → level-0 value. */
  readonly qi: Readonly<Record<string, string>>;
}

/**
 * Flags that restate the age (`minor` is the child population, `possible_minor` an
 * unestablished age near 18). Published beside a suppressed age cell they would undo
 * the suppression, and population already carries what they say.
 */
export const AGE_REVEALING_FLAGS: readonly string[] = ['minor', 'possible_minor'];

export class Deidentifier {
  private readonly questions: ReadonlyMap<string, Question>;

  constructor(
    readonly questionnaire: Questionnaire,
    readonly config: ExportConfig,
    private readonly secret: Uint8Array,
  ) {
    this.questions = questionnaire.questionById;
  }

  /** `pseudonym`, when the caller already has it, saves working out the same HMAC twice. */
  row(
    record: InterviewRecord,
    assessment: AssessmentView,
    pseudonym: string = pseudonymOf(this.secret, record.id),
  ): DeidRow {
    return { pseudonym, ...this.fields(record, assessment) };
  }

  /** The row without its pseudonym (the export's spill keeps that as bytes). */
  fields(record: InterviewRecord, assessment: AssessmentView): Omit<DeidRow, 'pseudonym'> {
    const qi: Record<string, string> = {};
    for (const spec of this.config.qis) qi[spec.column] = this.qiValue(spec, record, assessment);
    const dimensions: Record<string, boolean> = {};
    for (const d of assessment.dimensions) dimensions[d.id] = d.positive;
    const known = this.questionnaire.indicatorById;
    return {
      // The questionnaire's own id and version, never the record's copy of them.
      questionnaireId: this.questionnaire.id,
      questionnaireVersion: this.questionnaire.version,
      outcome: assessment.outcome.id,
      dimensions,
      indicators: assessment.indicators.map((i) => i.id).filter((id) => known.has(id)),
      flags: assessment.flags.map((f) => f.id).filter((id) => !AGE_REVEALING_FLAGS.includes(id)),
      qi,
    };
  }

  private qiValue(spec: QiSpec, record: InterviewRecord, assessment: AssessmentView): string {
    switch (spec.kind) {
      case 'interview_month': {
        // The date the screener gave for the interview, where the questionnaire asks for
        // one and it was answered with a date; else the day the record was begun.
        const asked = spec.dateQuestion && valueOf(record.answers[spec.dateQuestion]);
        const month = typeof asked === 'string' ? dateAt(asked, spec.finest) : UNKNOWN;
        return month !== UNKNOWN ? month : dateAt(record.startedAt, spec.finest);
      }
      case 'population':
        return assessment.population.population;
      case 'age': {
        const v = valueOf(record.answers[spec.question]);
        return typeof v === 'number' ? ageBand(v, spec.bands) : UNKNOWN;
      }
      case 'date': {
        const v = valueOf(record.answers[spec.question]);
        return typeof v === 'string' ? dateAt(v, spec.finest) : UNKNOWN;
      }
      case 'country': {
        if (this.isText(spec.question))
          return this.closedText(record, spec.question, countryOfText);
        const v = this.choice(spec.question, record);
        return v === undefined ? UNKNOWN : (countryCode(v) ?? v);
      }
      case 'place': {
        if (this.isText(spec.question))
          return this.closedText(
            record,
            spec.question,
            (t) => countryOfPlace(t.trim()) ?? countryOfText(t),
          );
        const v = this.choice(spec.question, record);
        return v === undefined ? UNKNOWN : (spec.countries.get(v) ?? countryOfPlace(v) ?? UNKNOWN);
      }
      case 'category':
        return this.choice(spec.question, record) ?? UNKNOWN;
    }
  }

  private isText(questionId: string): boolean {
    return this.questions.get(questionId)?.type === 'text';
  }

  /** A text answer mapped through a closed vocabulary; the text itself is never returned. */
  private closedText(
    record: InterviewRecord,
    questionId: string,
    lookup: (text: string) => string | undefined,
  ): string {
    const v = valueOf(record.answers[questionId]);
    return typeof v === 'string' ? (lookup(v) ?? UNKNOWN) : UNKNOWN;
  }

  /** The answer when it is one of the question's choices; anything else is not published. */
  private choice(questionId: string, record: InterviewRecord): string | undefined {
    const v = valueOf(record.answers[questionId]);
    // `*` would read as a blanked cell; `unknown` already means "no usable answer".
    if (typeof v !== 'string' || v === SUPPRESSED || v === UNKNOWN) return undefined;
    return this.choicesOf(questionId).has(v) ? v : undefined;
  }

  /** A question's choice values, as a set made once: every record asks about each quasi-identifier. */
  private readonly choiceSets = new Map<string, ReadonlySet<string>>();
  private choicesOf(questionId: string): ReadonlySet<string> {
    let set = this.choiceSets.get(questionId);
    if (!set) {
      set = new Set((this.questions.get(questionId)?.choices ?? []).map((c) => c.value));
      this.choiceSets.set(questionId, set);
    }
    return set;
  }
}

function valueOf(a: Answer | undefined): unknown {
  return a?.kind === 'value' ? a.value : undefined;
}

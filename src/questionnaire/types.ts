/**
 * The questionnaire as its author writes it (format 1, see docs/questionnaire-format.md)
 * and as the rest of the program uses it once loaded: compiled and frozen.
 */

/** A string in the default language, or a map of language code → string. */
export type LocalText = string | Readonly<Record<string, string>>;

export type QuestionType = 'yesno' | 'single' | 'multi' | 'text' | 'number' | 'date' | 'info';
export type Special = 'dont_know' | 'declined';
export type Identifying = 'direct' | 'quasi';
export type Strength = 'strong' | 'medium' | 'weak';
export type Population = 'adult' | 'child';
export type Exploitation = 'labour' | 'sexual' | 'both';
export type PalermoElement = 'act' | 'means' | 'purpose';
export type StopReason = 'no_consent' | 'unsafe' | 'postponed' | 'stopped';
export type SectionKind = 'preparation' | 'consent' | 'interview' | 'assessment';
export type OutcomeId = 'indicators_met' | 'indicators_partial' | 'indicators_not_met';
export type ReferralCategory =
  | 'shelter'
  | 'medical'
  | 'legal'
  | 'child_protection'
  | 'law_enforcement'
  | 'consular'
  | 'hotline'
  | 'psychosocial'
  | 'labour_rights';

/** The six ILO 2009 dimensions (contract ids). */
export const DIMENSION_IDS = [
  'deceptive_recruitment',
  'coercive_recruitment',
  'recruitment_abuse_of_vulnerability',
  'exploitative_conditions',
  'coercion_at_destination',
  'abuse_of_vulnerability_at_destination',
] as const;

// ---- As written (validated by questionnaire.schema.json) -------------------------------

export interface ChoiceDoc {
  value: string;
  text?: LocalText;
  raises?: string[];
  urgent?: boolean | LocalText;
  flags?: string[];
  exclusive?: boolean;
}

export interface QuestionDoc {
  id: string;
  type: QuestionType;
  text: LocalText;
  help?: LocalText;
  when?: string;
  required?: boolean;
  special?: Special[];
  identifying?: Identifying;
  choices?: ChoiceDoc[];
  min?: number;
  max?: number;
  integer?: boolean;
  unit?: LocalText;
  multiline?: boolean;
  max_length?: number;
}

export interface SectionDoc {
  id: string;
  title: LocalText;
  kind?: SectionKind;
  intro?: LocalText;
  when?: string;
  questions: QuestionDoc[];
}

export interface RuleDoc {
  id: string;
  when: string;
  raises?: string[];
  urgent?: boolean | LocalText;
  flags?: string[];
  advisory?: LocalText;
  stop?: { reason: StopReason; text: LocalText };
}

export interface DimensionDoc {
  id: string;
  title: LocalText;
  palermo?: PalermoElement[];
}

export interface IndicatorDoc {
  id: string;
  dimension: string;
  strength: Strength | { adult?: Strength; child?: Strength };
  exploitation?: Exploitation;
  text: LocalText;
  verified?: boolean;
  note?: string;
}

export type CombinationDoc = string | { all_of: CombinationDoc[] } | { any_of: CombinationDoc[] };

export interface ScoringDoc {
  dimension_rule: { any_of: string[][] };
  populations: { adult: CombinationDoc; child: CombinationDoc };
  child_when: string;
  possible_minor_when?: string;
}

export interface ReferralDoc {
  category: ReferralCategory;
  if_outcomes?: OutcomeId[];
  if_flags?: string[];
  reason?: LocalText;
}

export interface QuestionnaireDoc {
  format?: 1;
  id: string;
  version: string;
  title: LocalText;
  description?: LocalText;
  languages: string[];
  sections: SectionDoc[];
  rules?: RuleDoc[];
  dimensions: DimensionDoc[];
  indicators: IndicatorDoc[];
  scoring: ScoringDoc;
  referrals?: ReferralDoc[];
  messages?: Record<string, LocalText>;
  export?: Record<string, unknown>;
}

// ---- Compiled ------------------------------------------------------------------------

/** A usable answer as expressions see it: numbers are int (bigint) or double. */
export type ExprValue = string | number | bigint | readonly string[];

/** What a CEL condition is evaluated against. */
export interface ExprContext {
  /** Question id → value, only for questions answered with a real value. */
  readonly answers: Readonly<Record<string, ExprValue>>;
  /** Question id → 'answered' | 'dont_know' | 'declined', for every question answered so far. */
  readonly status: Readonly<Record<string, 'answered' | 'dont_know' | 'declined'>>;
}

export interface Condition {
  readonly source: string;
  /** Question ids the expression reads. */
  readonly refs: readonly string[];
  /**
   * True or false. An expression that cannot be decided because it reads an answer
   * that is missing, "don't know" or "declined" counts as false (docs: "Unanswered
   * questions in conditions").
   */
  evaluate(ctx: ExprContext): boolean;
}

export interface Choice {
  readonly value: string;
  readonly text: LocalText;
  readonly raises: readonly string[];
  readonly urgent: false | true | LocalText;
  readonly flags: readonly string[];
  readonly exclusive: boolean;
}

export interface Question {
  readonly id: string;
  readonly type: QuestionType;
  readonly text: LocalText;
  readonly help: LocalText | undefined;
  readonly when: Condition | undefined;
  readonly required: boolean;
  readonly special: readonly Special[];
  readonly identifying: Identifying | undefined;
  readonly choices: readonly Choice[];
  readonly min: number | undefined;
  readonly max: number | undefined;
  readonly integer: boolean;
  readonly unit: LocalText | undefined;
  readonly multiline: boolean;
  readonly maxLength: number;
  readonly sectionId: string;
  /** Position in the whole questionnaire, 0-based. */
  readonly order: number;
}

export interface Section {
  readonly id: string;
  readonly title: LocalText;
  readonly kind: SectionKind;
  readonly intro: LocalText | undefined;
  readonly when: Condition | undefined;
  readonly questionIds: readonly string[];
}

export interface Rule {
  readonly id: string;
  readonly when: Condition;
  readonly raises: readonly string[];
  readonly urgent: false | true | LocalText;
  readonly flags: readonly string[];
  readonly advisory: LocalText | undefined;
  readonly stop: { readonly reason: StopReason; readonly text: LocalText } | undefined;
}

export interface Dimension {
  readonly id: string;
  readonly title: LocalText;
  readonly palermo: readonly PalermoElement[];
}

export interface Indicator {
  readonly id: string;
  readonly dimension: string;
  /** Strength per population; absent when the indicator is not on that population's list. */
  readonly strength: Readonly<Partial<Record<Population, Strength>>>;
  readonly exploitation: Exploitation;
  readonly text: LocalText;
  readonly verified: boolean;
  readonly note: string | undefined;
}

export type Combination =
  | { readonly kind: 'dimension'; readonly id: string }
  | { readonly kind: 'all_of'; readonly items: readonly Combination[] }
  | { readonly kind: 'any_of'; readonly items: readonly Combination[] };

export interface Scoring {
  /** Each alternative is a list of slots; a slot accepts the strengths listed. */
  readonly dimensionRule: readonly (readonly (readonly Strength[])[])[];
  readonly populations: Readonly<Record<Population, Combination>>;
  readonly childWhen: Condition;
  readonly possibleMinorWhen: Condition | undefined;
}

export interface Referral {
  readonly category: ReferralCategory;
  readonly ifOutcomes: readonly OutcomeId[];
  readonly ifFlags: readonly string[];
  readonly reason: LocalText | undefined;
}

export interface Questionnaire {
  readonly id: string;
  readonly version: string;
  readonly title: LocalText;
  readonly description: LocalText | undefined;
  readonly languages: readonly string[];
  readonly sections: readonly Section[];
  /** Every question in document order. */
  readonly questions: readonly Question[];
  readonly questionById: ReadonlyMap<string, Question>;
  readonly rules: readonly Rule[];
  readonly dimensions: readonly Dimension[];
  readonly indicators: readonly Indicator[];
  readonly indicatorById: ReadonlyMap<string, Indicator>;
  readonly scoring: Scoring;
  readonly referrals: readonly Referral[];
  readonly messages: Readonly<Record<string, LocalText>>;
  readonly exportConfig: Readonly<Record<string, unknown>>;
  /** SHA-256 of the source text, hex: binds records to the exact questionnaire. */
  readonly hash: string;
  /** Where it was loaded from (for messages). */
  readonly file: string;
}

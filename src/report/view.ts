/**
 * The report's shape, once for the model and once for the redacted view. `T` is what
 * stands where the person's own data would go: in the model a PersonValue (raw), in
 * the redacted view a SafeText. Renderers take `RedactedReport` only, so a renderer
 * cannot be handed an answer or a note that has not been through redaction.
 */
import type {
  OutcomeId,
  PalermoElement,
  Population,
  ReferralCategory,
  Strength,
} from '../questionnaire/types.js';
import type { RecordMode, RecordStatus } from '../record/types.js';
import type { PopulationBasis, StrengthCounts } from '../scoring/index.js';
import type { RedactionCounts } from './redaction/index.js';
import type { SafeText } from './safe-text.js';

export interface QuestionAnswer<T> {
  readonly question: string;
  readonly questionText: SafeText;
  readonly answer: T;
}

export type EvidenceView<T> =
  | { readonly kind: 'answer'; readonly item: QuestionAnswer<T> }
  | {
      readonly kind: 'rule';
      readonly rule: string;
      /** The rule's condition in the author's words (its CEL source). */
      readonly condition: SafeText;
      readonly reads: readonly QuestionAnswer<T>[];
    };

export interface IndicatorView<T> {
  readonly id: string;
  readonly text: SafeText;
  readonly dimension: string;
  readonly strength: Strength | undefined;
  readonly counted: boolean;
  readonly verified: boolean;
  readonly questions: readonly string[];
  readonly evidence: readonly EvidenceView<T>[];
}

export interface DimensionView {
  readonly id: string;
  readonly title: SafeText;
  readonly positive: boolean;
  readonly counts: StrengthCounts;
  readonly explanation: SafeText;
  readonly indicators: readonly string[];
  readonly notCounted: readonly string[];
  readonly decidedByUnverified: boolean;
  readonly palermo: readonly PalermoElement[];
}

export interface ContactView {
  readonly name: string;
  readonly phone: string;
  readonly email: string | undefined;
  readonly address: string | undefined;
  readonly hours: string | undefined;
  readonly languages: readonly string[];
  readonly notes: string | undefined;
}

export interface ReferralView {
  readonly category: ReferralCategory;
  readonly title: SafeText;
  readonly reasons: readonly SafeText[];
  readonly because: readonly string[];
  /** Undefined when no referral directory was given: categories only. */
  readonly contacts: readonly ContactView[] | undefined;
}

export interface ReportShape<T> {
  /** The report's language (its own strings; questionnaire texts fall back to English). */
  readonly lang: string;
  readonly full: boolean;
  readonly record: {
    readonly id: string;
    /** Day precision: YYYY-MM-DD. */
    readonly date: string;
    readonly mode: RecordMode;
    readonly status: RecordStatus;
    readonly interviewLang: string;
    readonly stop: SafeText | undefined;
    /** Id and version only: a title is the author's wording, not needed to find the file. */
    readonly questionnaire: {
      readonly id: string;
      readonly version: string;
      readonly changed: boolean;
    };
  };
  readonly details: readonly QuestionAnswer<T>[];
  readonly consent: {
    readonly limited: boolean;
    readonly answers: readonly QuestionAnswer<T>[];
  };
  readonly outcome: {
    readonly id: OutcomeId;
    readonly combinationMet: boolean;
    readonly title: SafeText;
    readonly nextStep: SafeText;
    readonly explanation: SafeText;
    readonly carriedBy: readonly string[];
    readonly missing: readonly (readonly string[])[];
    readonly otherPopulation: SafeText | undefined;
    readonly notes: readonly SafeText[];
  };
  readonly population: {
    readonly id: Population;
    readonly basis: PopulationBasis;
    readonly possibleMinor: boolean;
    readonly explanation: SafeText;
    readonly evidence: readonly QuestionAnswer<T>[];
  };
  readonly dimensions: readonly DimensionView[];
  readonly indicators: readonly IndicatorView<T>[];
  readonly palermo: {
    readonly elements: readonly {
      readonly element: PalermoElement;
      readonly present: boolean;
      readonly dimensions: readonly string[];
      readonly note: SafeText | undefined;
    }[];
    readonly required: readonly PalermoElement[];
    readonly elementsShown: boolean;
    readonly rule: SafeText;
  };
  readonly flags: readonly { readonly id: string; readonly text: SafeText }[];
  readonly urgent: readonly SafeText[];
  readonly referrals: {
    readonly items: readonly ReferralView[];
    readonly directory:
      | {
          readonly organisation: string;
          readonly updated: string | undefined;
          readonly template: boolean;
        }
      | undefined;
  };
  readonly person: readonly QuestionAnswer<T>[];
  /** Question texts of identifying fields that were answered: listed, never their values. */
  readonly withheld: readonly SafeText[];
  readonly notes: readonly QuestionAnswer<T>[];
  readonly disclaimer: SafeText;
}

export interface RedactionSummary {
  readonly counts: RedactionCounts;
  readonly total: number;
  /** Free-text passages scrubbed. */
  readonly passages: number;
}

/** What renderers receive: every value about the person already redacted or generalised. */
export type RedactedReport = ReportShape<SafeText> & { readonly redactions: RedactionSummary };

/** A stopped or abandoned interview: its assessment covers only what was asked before it ended. */
export function endedEarly(status: string): boolean {
  return status === 'stopped' || status === 'abandoned';
}

/** The shape of the report's own words in one language. */
import type {
  OutcomeId,
  PalermoElement,
  Population,
  ReferralCategory,
  Strength,
} from '../../questionnaire/types.js';
import type { StrengthCounts } from '../../scoring/index.js';
import type { RedactionKind } from '../redaction/index.js';

export type ReportLang = 'en' | 'fr' | 'es';

export interface ReportStrings {
  readonly lang: ReportLang;
  readonly title: string;
  readonly practiceBanner: string;
  readonly fullBanner: string;
  readonly incomplete: string;
  /** A stopped or abandoned interview: the assessment covers what was asked before it ended. */
  readonly endedEarly: string;
  readonly stopped: string;
  readonly h: {
    readonly record: string;
    readonly outcome: string;
    readonly dimensions: string;
    readonly indicators: string;
    readonly palermo: string;
    readonly flags: string;
    readonly urgent: string;
    readonly referrals: string;
    readonly person: string;
    readonly personFull: string;
    readonly details: string;
    readonly consent: string;
    readonly notes: string;
    readonly redactions: string;
    readonly disclaimer: string;
  };
  readonly field: {
    readonly recordId: string;
    readonly date: string;
    readonly questionnaire: string;
    readonly interviewLanguage: string;
    readonly reportLanguage: string;
    readonly mode: string;
    readonly status: string;
    readonly population: string;
    readonly dimension: string;
    readonly positive: string;
    readonly counts: string;
    readonly explanation: string;
    readonly indicator: string;
    readonly strength: string;
    readonly evidence: string;
    readonly element: string;
    readonly shownBy: string;
    readonly contacts: string;
    readonly withheld: string;
    readonly question: string;
    readonly answer: string;
    readonly kind: string;
    readonly count: string;
  };
  readonly yes: string;
  readonly no: string;
  readonly dontKnow: string;
  readonly declined: string;
  readonly notAnswered: string;
  readonly withheldValue: string;
  readonly withheldFreeText: string;
  readonly modes: Readonly<Record<'real' | 'practice' | 'rehearsal', string>>;
  readonly statuses: Readonly<
    Record<'in_progress' | 'completed' | 'stopped' | 'abandoned', string>
  >;
  readonly populations: Readonly<Record<Population, string>>;
  readonly strengths: Readonly<Record<Strength, string>>;
  readonly outcomeTitle: Readonly<Record<OutcomeId, string>>;
  readonly nextStep: Readonly<Record<OutcomeId, string>>;
  readonly positiveWord: string;
  readonly notPositiveWord: string;
  readonly notOnList: (population: Population) => string;
  readonly unverifiedWeight: string;
  readonly answerEvidence: (question: string) => string;
  readonly ruleEvidence: string;
  readonly combinationNeeds: (population: Population) => string;
  readonly anyOf: (items: readonly string[]) => string;
  readonly carriedBy: (dims: readonly string[]) => string;
  readonly missing: string;
  readonly populationBasis: (population: Population, possibleMinor: boolean) => string;
  readonly otherPopulation: (population: Population, outcome: string) => string;
  readonly dimensionExplanation: (
    counts: StrengthCounts,
    result:
      | { kind: 'positive'; slots: readonly (readonly Strength[])[] }
      | { kind: 'addition'; size: number; options: readonly StrengthCounts[] }
      | { kind: 'unreachable' },
  ) => string;
  readonly palermoElements: Readonly<Record<PalermoElement, string>>;
  readonly palermoPresent: string;
  readonly palermoNotShown: string;
  readonly palermoIndicatorsOnly: (dims: readonly string[]) => string;
  readonly palermoRule: (population: Population, shown: boolean) => string;
  readonly flagText: (id: string) => string | undefined;
  readonly referralCategory: Readonly<Record<ReferralCategory, string>>;
  readonly referralBecause: (because: readonly string[]) => string;
  readonly noContacts: string;
  readonly templateContacts: string;
  readonly noReferrals: string;
  readonly redactionKinds: Readonly<Record<RedactionKind, string>>;
  readonly redactionSummary: (total: number, passages: number) => string;
  readonly noRedactions: string;
  readonly disclaimer: string;
  readonly noSingleIndicator: string;
  readonly childRule: string;
  readonly unverifiedNote: string;
  readonly questionnaireChanged: string;
  readonly none: string;
}

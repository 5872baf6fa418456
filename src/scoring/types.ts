/**
 * The assessment: what scoring concludes from one record, as plain data with the
 * evidence for every conclusion. It holds ids and choice values only, never what
 * the person said in free text, so it can be logged, compared and tested freely;
 * the report layer decides what of the record may be shown beside it.
 */
import type {
  OutcomeId,
  PalermoElement,
  Population,
  ReferralCategory,
  Strength,
} from '../questionnaire/types.js';

/** Why an indicator (or a flag) was raised: an answer on the record, or a rule that held. */
export type Evidence =
  | {
      readonly kind: 'answer';
      readonly question: string;
      /** The choice value that raised it (yesno, single, multi). */
      readonly value: string;
    }
  | {
      readonly kind: 'rule';
      readonly rule: string;
      /** The answered questions the rule read: the answers that made it hold. */
      readonly questions: readonly string[];
    };

/** Why an indicator raised for this interview does not count towards its dimension. */
export type NotCountedReason = 'not_on_population_list';

export interface RaisedIndicator {
  readonly id: string;
  readonly dimension: string;
  /** Its strength for the assessed population; undefined when it is not on that population's list. */
  readonly strength: Strength | undefined;
  readonly counted: boolean;
  readonly notCountedReason: NotCountedReason | undefined;
  /** false when the weight is not checked against the published list (DOMAIN.md: `verified: false`). */
  readonly verified: boolean;
  readonly evidence: readonly Evidence[];
  /** Question ids behind the evidence, in questionnaire order (the JSON contract's `questions`). */
  readonly questions: readonly string[];
}

export interface StrengthCounts {
  readonly strong: number;
  readonly medium: number;
  readonly weak: number;
}

/** A way the dimension rule is satisfied: which indicator filled which slot of which alternative. */
export interface RuleMatch {
  /** Index into scoring.dimensionRule. */
  readonly alternative: number;
  /** Indicator ids in slot order. */
  readonly indicators: readonly string[];
}

/**
 * The smallest set of further indicators that would make a negative dimension
 * positive. `options` lists every combination of that size that would do it (as
 * counts), restricted to what the questionnaire still offers in this dimension.
 */
export type NearestPositive =
  | { readonly kind: 'already_positive' }
  | {
      readonly kind: 'addition';
      readonly size: number;
      readonly options: readonly StrengthCounts[];
    }
  /** Even every indicator of the dimension not yet raised would not be enough. */
  | { readonly kind: 'unreachable' };

export interface DimensionResult {
  readonly id: string;
  readonly positive: boolean;
  /** Counted indicators by strength for the assessed population. */
  readonly counts: StrengthCounts;
  /** Counted indicator ids, in questionnaire order. */
  readonly counted: readonly string[];
  /** Raised in this dimension but not counted (not on the population's list). */
  readonly notCounted: readonly string[];
  readonly match: RuleMatch | undefined;
  readonly nearest: NearestPositive;
  /**
   * Positive only because of indicators whose weight is unverified: without them the
   * rule would not be met. Such a conclusion must be reported as provisional.
   */
  readonly decidedByUnverified: boolean;
  readonly palermo: readonly PalermoElement[];
}

/** One unmet requirement of the combination: any one of these dimensions would meet it. */
export interface MissingRequirement {
  readonly anyOf: readonly string[];
}

export interface OutcomeResult {
  readonly id: OutcomeId;
  /** Whether the population's combination of positive dimensions is met. */
  readonly combinationMet: boolean;
  /** Positive dimensions the combination used (its met branches). */
  readonly carriedBy: readonly string[];
  /** What the combination still lacks; empty when met. */
  readonly missing: readonly MissingRequirement[];
}

export type PopulationBasis =
  /** childWhen held: scored with the child lists. */
  | 'child_condition'
  /** childWhen did not hold: scored with the adult lists. */
  | 'adult_default';

export interface PopulationResult {
  readonly population: Population;
  readonly basis: PopulationBasis;
  /** possibleMinorWhen held: the age is not established and the person may be under 18. */
  readonly possibleMinor: boolean;
  /** Question ids the childWhen / possibleMinorWhen conditions read that are on the record. */
  readonly questions: readonly string[];
}

export type PalermoStatus = 'present' | 'not_shown';

export interface PalermoElementResult {
  readonly element: PalermoElement;
  readonly status: PalermoStatus;
  /** Positive dimensions that show this element. */
  readonly dimensions: readonly string[];
  /** Dimensions with indicators raised that show this element but are not positive. */
  readonly indicatorsOnly: readonly string[];
}

export interface PalermoResult {
  readonly elements: readonly PalermoElementResult[];
  /** Elements the definition needs for this population: act + purpose for a child, all three for an adult. */
  readonly required: readonly PalermoElement[];
  /** Every required element is present. */
  readonly elementsShown: boolean;
}

/** Flags the program sets itself (also listed as BUILTIN_FLAGS by the questionnaire linter). */
export type BuiltinFlag =
  'urgent' | 'minor' | 'possible_minor' | 'consent_limited' | 'verified_false_weights_used';

export type FlagSource =
  | Evidence
  | { readonly kind: 'population' }
  | { readonly kind: 'unverified_weights'; readonly dimensions: readonly string[] };

export interface FlagResult {
  /** A built-in flag or one the questionnaire defines on a choice or rule. */
  readonly id: string;
  readonly sources: readonly FlagSource[];
}

/** An urgent notice that fired: its text is the questionnaire's, shown in the report. */
export interface UrgentNotice {
  readonly source: Evidence;
}

export interface ReferralResult {
  readonly category: ReferralCategory;
  /** Index into questionnaire.referrals: the first entry that recommended it. */
  readonly referral: number;
  /** Every entry that recommended it, in questionnaire order (their reasons all apply). */
  readonly entries: readonly number[];
  /** What triggered it: an outcome id, a flag id, or 'always' for an entry with no condition. */
  readonly because: readonly string[];
}

export interface Assessment {
  readonly questionnaire: { readonly id: string; readonly version: string };
  readonly population: PopulationResult;
  readonly indicators: readonly RaisedIndicator[];
  readonly dimensions: readonly DimensionResult[];
  readonly outcome: OutcomeResult;
  readonly palermo: PalermoResult;
  /** Sorted: built-in flags first in a fixed order, then the questionnaire's own by id. */
  readonly flags: readonly FlagResult[];
  readonly urgent: readonly UrgentNotice[];
  readonly referrals: readonly ReferralResult[];
  /**
   * When the age is not established (possible_minor), the outcome under the other
   * population's lists: a screener must know if the answer depends on the age.
   */
  readonly otherPopulation:
    | {
        readonly population: Population;
        readonly outcome: OutcomeId;
        readonly positive: readonly string[];
      }
    | undefined;
}

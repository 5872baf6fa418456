/**
 * The scoring pipeline, pure and deterministic: record + questionnaire → assessment.
 * Raised indicators → per-dimension counts for the population → dimension rule →
 * the population's combination → outcome, with the evidence for every step; then
 * the Palermo view, flags and referral categories. Everything comes from the
 * questionnaire's data (ILO 2009 by default); nothing here knows the ILO numbers.
 */
import type { OutcomeId, Population, Questionnaire } from '../questionnaire/types.js';
import type { InterviewRecord } from '../record/types.js';
import { evaluateCombination } from './combination.js';
import { scoreDimensions } from './dimensions.js';
import { questionsOf, triggered } from './evidence.js';
import { collectFlags } from './flags.js';
import { palermoView } from './palermo.js';
import { recommendReferrals } from './referrals.js';
import type {
  Assessment,
  DimensionResult,
  Evidence,
  OutcomeResult,
  PopulationResult,
  RaisedIndicator,
} from './types.js';

export function raisedIndicators(
  questionnaire: Questionnaire,
  raised: ReadonlyMap<string, readonly Evidence[]>,
  population: Population,
): RaisedIndicator[] {
  // Questionnaire order, so reports list indicators the way the author grouped them.
  return questionnaire.indicators
    .filter((ind) => raised.has(ind.id))
    .map((ind) => {
      const evidence = raised.get(ind.id) ?? [];
      const strength = ind.strength[population];
      return {
        id: ind.id,
        dimension: ind.dimension,
        strength,
        counted: strength !== undefined,
        notCountedReason: strength === undefined ? 'not_on_population_list' : undefined,
        verified: ind.verified,
        evidence,
        questions: questionsOf(questionnaire, evidence),
      };
    });
}

export function outcomeOf(
  questionnaire: Questionnaire,
  population: Population,
  dimensions: readonly Pick<DimensionResult, 'id' | 'positive'>[],
  anyRaised: boolean,
): OutcomeResult {
  const positive = new Set(dimensions.filter((d) => d.positive).map((d) => d.id));
  const c = evaluateCombination(questionnaire.scoring.populations[population], positive);
  const id: OutcomeId = c.met
    ? 'indicators_met'
    : anyRaised
      ? 'indicators_partial'
      : 'indicators_not_met';
  return { id, combinationMet: c.met, carriedBy: c.carriedBy, missing: c.missing };
}

export function populationOf(
  questionnaire: Questionnaire,
  record: InterviewRecord,
  ctx: ReturnType<typeof triggered>['context'],
): PopulationResult {
  const { childWhen, possibleMinorWhen } = questionnaire.scoring;
  const child = childWhen.evaluate(ctx);
  const possibleMinor = possibleMinorWhen?.evaluate(ctx) ?? false;
  const refs = [...childWhen.refs, ...(possibleMinorWhen?.refs ?? [])];
  return {
    population: child ? 'child' : 'adult',
    basis: child ? 'child_condition' : 'adult_default',
    possibleMinor,
    questions: [...new Set(refs)].filter((id) => record.answers[id] !== undefined),
  };
}

export function assess(questionnaire: Questionnaire, record: InterviewRecord): Assessment {
  const t = triggered(questionnaire, record);
  const population = populationOf(questionnaire, record, t.context);
  const pop = population.population;

  const indicators = raisedIndicators(questionnaire, t.indicators, pop);
  const dimensions = scoreDimensions(questionnaire, indicators, pop);
  const outcome = outcomeOf(questionnaire, pop, dimensions, indicators.length > 0);
  const flags = collectFlags(t.flags, t.urgent, population, dimensions);

  let otherPopulation: Assessment['otherPopulation'];
  if (population.possibleMinor) {
    const other: Population = pop === 'adult' ? 'child' : 'adult';
    const dims = scoreDimensions(
      questionnaire,
      raisedIndicators(questionnaire, t.indicators, other),
      other,
    );
    otherPopulation = {
      population: other,
      outcome: outcomeOf(questionnaire, other, dims, indicators.length > 0).id,
      positive: dims.filter((d) => d.positive).map((d) => d.id),
    };
  }

  return {
    questionnaire: { id: questionnaire.id, version: questionnaire.version },
    population,
    indicators,
    dimensions,
    outcome,
    palermo: palermoView(dimensions, pop),
    flags,
    urgent: t.urgent.map((source) => ({ source })),
    referrals: recommendReferrals(
      questionnaire.referrals,
      outcome.id,
      flags.map((f) => f.id),
    ),
    otherPopulation,
  };
}

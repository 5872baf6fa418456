/**
 * The part of an assessment an export publishes (outcome, population, positive
 * dimensions, raised indicators, flags), without the evidence trail, the "nearest
 * positive" advice, the Palermo view or the referrals that only a report shows.
 * An export scores every record it reads, and those parts are most of the cost of
 * `assess`. The results are the same as assess's: the same rules on the same data
 * (triggeredIds mirrors triggered, the flags mirror collectFlags), and
 * tests/scoring/outline.test.ts compares the two on random records.
 */
import type { OutcomeId, Population, Questionnaire, Strength } from '../questionnaire/types.js';
import type { InterviewRecord } from '../record/types.js';
import { populationOf } from './assess.js';
import { combinationMet } from './combination.js';
import { isPositive, ZERO, type DimensionRule } from './dimension-rule.js';
import { triggeredIds } from './evidence.js';
import { compareFlags } from './flags.js';
import type { OutcomeResult, PopulationResult } from './types.js';

export interface AssessmentOutline {
  readonly outcome: Pick<OutcomeResult, 'id'>;
  readonly population: PopulationResult;
  readonly dimensions: readonly { readonly id: string; readonly positive: boolean }[];
  /** Raised indicators in questionnaire order, as in assess. */
  readonly indicators: readonly { readonly id: string }[];
  readonly flags: readonly { readonly id: string }[];
}

/**
 * The dimension rule's answer per (strong, medium, weak) counts, remembered per rule:
 * the rule is a small search, and an export meets the same few counts again and again.
 */
const positiveMemo = new WeakMap<DimensionRule, Map<string, boolean>>();
function positiveFor(rule: DimensionRule, c: Readonly<Record<Strength, number>>): boolean {
  let memo = positiveMemo.get(rule);
  if (!memo) positiveMemo.set(rule, (memo = new Map()));
  const key = `${c.strong},${c.medium},${c.weak}`;
  let v = memo.get(key);
  if (v === undefined) memo.set(key, (v = isPositive(rule, c)));
  return v;
}

export function assessOutline(
  questionnaire: Questionnaire,
  record: InterviewRecord,
): AssessmentOutline {
  const t = triggeredIds(questionnaire, record);
  const population = populationOf(questionnaire, record, t.context);
  const pop: Population = population.population;
  const rule = questionnaire.scoring.dimensionRule;

  const raised = questionnaire.indicators.filter((ind) => t.indicators.has(ind.id));
  const dimensions = questionnaire.dimensions.map((dim) => {
    const counts: Record<Strength, number> = { ...ZERO };
    const verified: Record<Strength, number> = { ...ZERO };
    for (const ind of raised) {
      if (ind.dimension !== dim.id) continue;
      // Counted only when the indicator is on this population's list, as in assess.
      const s: Strength | undefined = ind.strength[pop];
      if (!s) continue;
      counts[s]++;
      if (ind.verified) verified[s]++;
    }
    const positive = positiveFor(rule, counts);
    return {
      id: dim.id,
      positive,
      decidedByUnverified: positive && !positiveFor(rule, verified),
    };
  });
  // The outcome as outcomeOf decides it, without the explanation a report shows.
  const positive = new Set(dimensions.filter((d) => d.positive).map((d) => d.id));
  const outcome: OutcomeId = combinationMet(questionnaire.scoring.populations[pop], positive)
    ? 'indicators_met'
    : raised.length > 0
      ? 'indicators_partial'
      : 'indicators_not_met';
  // The flags collectFlags would give, by the same rules and in its order.
  const flags = new Set(t.flags);
  if (t.urgent) flags.add('urgent');
  if (pop === 'child') flags.add('minor');
  if (population.possibleMinor) flags.add('possible_minor');
  if (dimensions.some((d) => d.decidedByUnverified)) flags.add('verified_false_weights_used');
  return {
    outcome: { id: outcome },
    population,
    dimensions: dimensions.map((d) => ({ id: d.id, positive: d.positive })),
    indicators: raised.map((ind) => ({ id: ind.id })),
    flags: [...flags].sort(compareFlags).map((id) => ({ id })),
  };
}

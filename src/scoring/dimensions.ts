/**
 * Per-dimension results for one population: counts by strength of the counted
 * indicators, the rule applied to them, the nearest positive, and whether an
 * unverified weight decided it.
 */
import type { Population, Questionnaire, Strength } from '../questionnaire/types.js';
import { isPositive, nearestPositive, satisfiedAlternative, ZERO } from './dimension-rule.js';
import type { DimensionResult, RaisedIndicator, RuleMatch, StrengthCounts } from './types.js';

function countOf(strengths: readonly (Strength | undefined)[]): StrengthCounts {
  const c = { ...ZERO };
  for (const s of strengths) if (s) c[s]++;
  return c;
}

export function scoreDimensions(
  questionnaire: Questionnaire,
  raised: readonly RaisedIndicator[],
  population: Population,
): DimensionResult[] {
  const rule = questionnaire.scoring.dimensionRule;
  return questionnaire.dimensions.map((dim) => {
    const inDim = raised.filter((r) => r.dimension === dim.id);
    const counted = inDim.filter((r) => r.counted);
    const counts = countOf(counted.map((r) => r.strength));
    const sat = satisfiedAlternative(rule, counts);
    const raisedIds = new Set(inDim.map((r) => r.id));
    // What could still be raised in this dimension for this population bounds "what is missing".
    const available = countOf(
      questionnaire.indicators
        .filter((i) => i.dimension === dim.id && !raisedIds.has(i.id))
        .map((i) => i.strength[population]),
    );
    const verifiedCounts = countOf(counted.filter((r) => r.verified).map((r) => r.strength));
    return {
      id: dim.id,
      positive: sat !== undefined,
      counts,
      counted: counted.map((r) => r.id),
      notCounted: inDim.filter((r) => !r.counted).map((r) => r.id),
      match: sat ? matchOf(sat, counted) : undefined,
      nearest: nearestPositive(rule, counts, available),
      decidedByUnverified: sat !== undefined && !isPositive(rule, verifiedCounts),
      palermo: dim.palermo,
    };
  });
}

/** Names the indicators that fill the slots, verified ones first so the trail rests on checked weights. */
function matchOf(
  sat: { alternative: number; strengths: Strength[] },
  counted: readonly RaisedIndicator[],
): RuleMatch {
  const pool = [...counted].sort((a, b) => Number(b.verified) - Number(a.verified));
  const indicators = sat.strengths.map((s) => {
    const i = pool.findIndex((r) => r.strength === s);
    const [picked] = pool.splice(i, 1);
    return picked!.id;
  });
  return { alternative: sat.alternative, indicators };
}

/**
 * Flags on an assessment: the program's own (urgent, minor, possible_minor,
 * consent_limited, verified_false_weights_used) and those the questionnaire sets on
 * choices and rules. consent_limited comes from the questionnaire: the choice where
 * the person restricts what may be shared carries `flags: [consent_limited]`.
 */
import type {
  BuiltinFlag,
  DimensionResult,
  Evidence,
  FlagResult,
  FlagSource,
  PopulationResult,
} from './types.js';

export const BUILTIN_FLAG_ORDER: readonly BuiltinFlag[] = [
  'urgent',
  'minor',
  'possible_minor',
  'consent_limited',
  'verified_false_weights_used',
];

export function collectFlags(
  questionnaireFlags: ReadonlyMap<string, readonly Evidence[]>,
  urgent: readonly Evidence[],
  population: PopulationResult,
  dimensions: readonly Pick<DimensionResult, 'id' | 'decidedByUnverified'>[],
): FlagResult[] {
  const sources = new Map<string, FlagSource[]>();
  const add = (id: string, s: readonly FlagSource[]) => {
    if (s.length === 0) return;
    sources.set(id, [...(sources.get(id) ?? []), ...s]);
  };
  add('urgent', urgent);
  if (population.population === 'child') add('minor', [{ kind: 'population' }]);
  if (population.possibleMinor) add('possible_minor', [{ kind: 'population' }]);
  const unverified = dimensions.filter((d) => d.decidedByUnverified).map((d) => d.id);
  if (unverified.length > 0)
    add('verified_false_weights_used', [{ kind: 'unverified_weights', dimensions: unverified }]);
  for (const [id, ev] of questionnaireFlags) add(id, ev);

  return [...sources]
    .map(([id, s]) => ({ id, sources: s }))
    .sort((a, b) => compareFlags(a.id, b.id));
}

/** The program's flags first, in their fixed order, then the questionnaire's by id. */
export function compareFlags(a: string, b: string): number {
  return rankOf(a) - rankOf(b) || a.localeCompare(b);
}

function rankOf(id: string): number {
  const i = (BUILTIN_FLAG_ORDER as readonly string[]).indexOf(id);
  return i === -1 ? BUILTIN_FLAG_ORDER.length : i;
}

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
  return rankOf(a) - rankOf(b) || compareIds(a, b);
}

const ID_CHARS = /^[a-z0-9_]*$/;
const UNDERSCORE = 95;

/**
 * Ids (`[a-z][a-z0-9_]*`) in the order ICU's root collation gives them: `_` before digits
 * before letters, a prefix before what extends it. Written out rather than
 * `localeCompare` because that follows the machine's locale (in Lithuanian `y` sorts
 * between `i` and `j`), so two laptops could order one report differently, and its first call
 * loads the collation data, a large share of a short command's time. Anything
 * that is not an id still goes through `localeCompare`.
 */
export function compareIds(a: string, b: string): number {
  if (!ID_CHARS.test(a) || !ID_CHARS.test(b)) return a.localeCompare(b, 'und');
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return weight(x) - weight(y);
  }
  return a.length - b.length;
}

/** Code points, but `_` (95) before the digits (48–57), as the collation puts it. */
function weight(c: number): number {
  return c === UNDERSCORE ? 0 : c;
}

function rankOf(id: string): number {
  const i = (BUILTIN_FLAG_ORDER as readonly string[]).indexOf(id);
  return i === -1 ? BUILTIN_FLAG_ORDER.length : i;
}

/** Small helpers to build the sentences of the report in each language. */
import type { Strength } from '../../questionnaire/types.js';
import type { StrengthCounts } from '../../scoring/index.js';

export const NUM_EN = ['no', 'one', 'two', 'three', 'four', 'five', 'six'];
export const NUM_FR = ['aucun', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six'];
export const NUM_ES = ['ningún', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis'];

export function listOr(items: readonly string[], or: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${or} ${items[items.length - 1]}`;
}

export function countsPhrase(
  c: StrengthCounts,
  s: Readonly<Record<Strength, string>>,
  and: string,
  nums: readonly string[],
): string {
  const parts = (['strong', 'medium', 'weak'] as const)
    .filter((k) => c[k] > 0)
    .map((k) => `${nums[c[k]] ?? c[k]} ${s[k]}`);
  return listOr(parts, and);
}

/** "one more medium or weak indicator": all size-1 options named by their strength. */
export function singleStrengths(options: readonly StrengthCounts[]): Strength[] {
  return options.map((o) => (o.strong ? 'strong' : o.medium ? 'medium' : 'weak'));
}

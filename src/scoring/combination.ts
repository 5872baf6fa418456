/**
 * The population's combination of positive dimensions (a tree of all_of / any_of over
 * dimension ids, written in the questionnaire), evaluated with its explanation: which
 * positive dimensions carried it, and what it still lacks.
 */
import type { Combination } from '../questionnaire/types.js';
import type { MissingRequirement } from './types.js';

export interface CombinationResult {
  readonly met: boolean;
  readonly carriedBy: readonly string[];
  readonly missing: readonly MissingRequirement[];
}

export function dimensionsIn(c: Combination): string[] {
  switch (c.kind) {
    case 'dimension':
      return [c.id];
    case 'all_of':
    case 'any_of':
      return [...new Set(c.items.flatMap(dimensionsIn))];
  }
}

export function combinationMet(c: Combination, positive: ReadonlySet<string>): boolean {
  switch (c.kind) {
    case 'dimension':
      return positive.has(c.id);
    case 'all_of':
      return c.items.every((i) => combinationMet(i, positive));
    case 'any_of':
      return c.items.some((i) => combinationMet(i, positive));
  }
}

/** Positive dimensions in the met branches: every met alternative of an any_of counts. */
function carried(c: Combination, positive: ReadonlySet<string>): string[] {
  if (!combinationMet(c, positive)) return [];
  switch (c.kind) {
    case 'dimension':
      return [c.id];
    case 'all_of':
    case 'any_of':
      return c.items.flatMap((i) => carried(i, positive));
  }
}

/**
 * What an unmet node lacks, as a conjunction of "any of these" requirements. For an
 * any_of over sub-trees, the cheapest branch (fewest requirements) is the one named:
 * it is the shortest honest answer to "what would meet it".
 */
function missing(c: Combination, positive: ReadonlySet<string>): MissingRequirement[] {
  if (combinationMet(c, positive)) return [];
  switch (c.kind) {
    case 'dimension':
      return [{ anyOf: [c.id] }];
    case 'all_of':
      return c.items.flatMap((i) => missing(i, positive));
    case 'any_of': {
      if (c.items.every((i) => i.kind === 'dimension'))
        return [{ anyOf: c.items.map((i) => (i as { id: string }).id) }];
      let best: MissingRequirement[] | undefined;
      for (const i of c.items) {
        const m = missing(i, positive);
        if (!best || m.length < best.length) best = m;
      }
      return best ?? [];
    }
  }
}

export function evaluateCombination(
  c: Combination,
  positive: ReadonlySet<string>,
): CombinationResult {
  const isMet = combinationMet(c, positive);
  return {
    met: isMet,
    carriedBy: [...new Set(isMet ? carried(c, positive) : partialCarried(c, positive))],
    missing: missing(c, positive),
  };
}

/** For an unmet combination: positive dimensions that already meet some of its requirements. */
function partialCarried(c: Combination, positive: ReadonlySet<string>): string[] {
  return dimensionsIn(c).filter((d) => positive.has(d));
}

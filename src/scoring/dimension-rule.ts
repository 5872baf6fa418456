/**
 * The dimension rule as data: alternatives of slots, each slot accepting some
 * strengths (ILO 2009: [strong, strong] · [strong, medium|weak] · [medium ×3] ·
 * [medium, medium, weak]). A dimension is positive when its counted indicators can
 * fill every slot of some alternative, one indicator per slot. Slots overlap
 * (medium|weak), so this is a small matching problem, solved by backtracking: rules
 * have a handful of slots.
 */
import type { Strength } from '../questionnaire/types.js';
import type { NearestPositive, StrengthCounts } from './types.js';

export type DimensionRule = readonly (readonly (readonly Strength[])[])[];

export const STRENGTHS: readonly Strength[] = ['strong', 'medium', 'weak'];

export const ZERO: StrengthCounts = { strong: 0, medium: 0, weak: 0 };

/** For each slot of the alternative, the strength that fills it; undefined when it cannot be filled. */
export function fillAlternative(
  slots: readonly (readonly Strength[])[],
  counts: StrengthCounts,
): Strength[] | undefined {
  // Most constrained slots first: fewer branches, same answer.
  const order = slots.map((_, i) => i).sort((a, b) => slots[a]!.length - slots[b]!.length);
  const left: Record<Strength, number> = { ...counts };
  const used: Strength[] = new Array<Strength>(slots.length);
  const fill = (k: number): boolean => {
    if (k === order.length) return true;
    const i = order[k]!;
    for (const s of slots[i]!) {
      if (left[s] === 0) continue;
      left[s]--;
      used[i] = s;
      if (fill(k + 1)) return true;
      left[s]++;
    }
    return false;
  };
  return fill(0) ? used : undefined;
}

/** The first alternative the counts satisfy, with the strength per slot. */
export function satisfiedAlternative(
  rule: DimensionRule,
  counts: StrengthCounts,
): { alternative: number; strengths: Strength[] } | undefined {
  for (let i = 0; i < rule.length; i++) {
    const strengths = fillAlternative(rule[i]!, counts);
    if (strengths) return { alternative: i, strengths };
  }
  return undefined;
}

export function isPositive(rule: DimensionRule, counts: StrengthCounts): boolean {
  return satisfiedAlternative(rule, counts) !== undefined;
}

function add(a: StrengthCounts, b: StrengthCounts): StrengthCounts {
  return { strong: a.strong + b.strong, medium: a.medium + b.medium, weak: a.weak + b.weak };
}

/**
 * The smallest number of further indicators that would satisfy some alternative,
 * with every mix of strengths of that size that would. `available` bounds what can
 * still be added (the dimension's indicators on this population's list not yet
 * raised); without it any strength may be added.
 */
export function nearestPositive(
  rule: DimensionRule,
  counts: StrengthCounts,
  available?: StrengthCounts,
): NearestPositive {
  if (isPositive(rule, counts)) return { kind: 'already_positive' };
  const longest = Math.max(0, ...rule.map((alt) => alt.length));
  const cap = (s: Strength) => Math.min(available ? available[s] : longest, longest);
  // No alternative needs more than `longest` indicators, so no addition larger helps.
  for (let size = 1; size <= longest; size++) {
    const options: StrengthCounts[] = [];
    for (let strong = Math.min(size, cap('strong')); strong >= 0; strong--) {
      for (let medium = Math.min(size - strong, cap('medium')); medium >= 0; medium--) {
        const weak = size - strong - medium;
        if (weak > cap('weak')) continue;
        const extra = { strong, medium, weak };
        if (isPositive(rule, add(counts, extra))) options.push(extra);
      }
    }
    if (options.length > 0) return { kind: 'addition', size, options };
  }
  return { kind: 'unreachable' };
}

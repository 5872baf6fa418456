/**
 * Recommended referral categories from the questionnaire's referral entries. An entry
 * applies when the outcome is one of its `if_outcomes` or any of its `if_flags` is
 * set (either suffices); an entry with neither always applies. A category is listed
 * once, from the first entry that recommends it, with every reason that triggered it.
 */
import type { OutcomeId, Referral } from '../questionnaire/types.js';
import type { ReferralResult } from './types.js';

export function recommendReferrals(
  referrals: readonly Referral[],
  outcome: OutcomeId,
  flags: readonly string[],
): ReferralResult[] {
  const out = new Map<
    string,
    { category: Referral['category']; referral: number; entries: number[]; because: string[] }
  >();
  referrals.forEach((r, index) => {
    const because: string[] = [];
    if (r.ifOutcomes.length === 0 && r.ifFlags.length === 0) because.push('always');
    if (r.ifOutcomes.includes(outcome)) because.push(outcome);
    for (const f of r.ifFlags) if (flags.includes(f)) because.push(f);
    if (because.length === 0) return;
    const seen = out.get(r.category);
    if (seen) {
      seen.entries.push(index);
      for (const b of because) if (!seen.because.includes(b)) seen.because.push(b);
    } else
      out.set(r.category, { category: r.category, referral: index, entries: [index], because });
  });
  return [...out.values()];
}

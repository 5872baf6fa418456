/** Referral contacts for a report, from the organisation's referral directory (src/referrals/). */
import type { ReferralCategory } from '../questionnaire/types.js';
import type { ReferralContact, ReferralDirectory } from '../referrals/types.js';
import type { ContactView } from './view.js';

/** A category's contacts, those serving in the report language first. */
export function contactsOf(
  dir: ReferralDirectory,
  category: ReferralCategory,
  lang: string,
): ContactView[] {
  const list = dir.categories[category] ?? [];
  const primary = (l: string) => l.toLowerCase().split('-')[0];
  const speaks = (c: ReferralContact) => c.languages.some((l) => primary(l) === primary(lang));
  return [...list.filter(speaks), ...list.filter((c) => !speaks(c))].map((c) => ({
    name: c.name,
    phone: c.phone,
    email: c.email,
    address: c.address,
    hours: c.hours,
    languages: c.languages,
    notes: c.notes,
  }));
}

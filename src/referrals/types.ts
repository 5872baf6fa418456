/** An organisation's referral directory: who to hand a person on to, by category. */
import type { ReferralCategory } from '../questionnaire/types.js';

/** Every category a directory may hold, in the order reports list them. */
export const REFERRAL_CATEGORIES = [
  'hotline',
  'medical',
  'shelter',
  'child_protection',
  'legal',
  'law_enforcement',
  'consular',
  'psychosocial',
  'labour_rights',
] as const satisfies readonly ReferralCategory[];

export interface ReferralContact {
  readonly name: string;
  readonly phone: string;
  readonly email: string | undefined;
  readonly address: string | undefined;
  readonly hours: string | undefined;
  /** Language codes the contact serves in; empty when not stated. */
  readonly languages: readonly string[];
  readonly notes: string | undefined;
}

export interface ReferralDirectory {
  /** True while the file still holds the shipped example's fictional contacts. */
  readonly template: boolean;
  readonly organisation: string;
  readonly area: string | undefined;
  /** ISO date the contacts were last checked. */
  readonly updated: string | undefined;
  /** Categories the file lists, each with its contacts (possibly none). */
  readonly categories: Readonly<Partial<Record<ReferralCategory, readonly ReferralContact[]>>>;
  /** Where it was loaded from (for messages). */
  readonly file: string;
}

/** As written in YAML (validated by referrals.schema.json). */
export interface ReferralContactDoc {
  name: string;
  phone: string;
  email?: string;
  address?: string;
  hours?: string;
  languages?: string[];
  notes?: string;
}

export interface ReferralDirectoryDoc {
  format?: 1;
  template?: boolean;
  organisation: string;
  area?: string;
  updated?: string;
  categories: Partial<Record<ReferralCategory, ReferralContactDoc[]>>;
}

/**
 * The report's own words, in English, French and Spanish (other languages fall back to
 * English). They never call the person a victim: they say whether a published
 * combination of indicators is met and what to do next.
 */
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import type { ReportLang, ReportStrings } from './types.js';

export type { ReportLang, ReportStrings } from './types.js';

const ALL: Readonly<Record<ReportLang, ReportStrings>> = { en, fr, es };

export const REPORT_LANGUAGES: readonly ReportLang[] = ['en', 'fr', 'es'];

/** The report's strings in `lang` (its primary subtag), English otherwise. */
export function reportStrings(lang: string): ReportStrings {
  const primary = lang.toLowerCase().split(/[-_]/)[0] ?? 'en';
  return (ALL as Record<string, ReportStrings>)[primary] ?? en;
}

import type { LocalText } from './types.js';

/** English is the fallback language everywhere (the handbook's and most trainers' language). */
export const FALLBACK_LANGUAGE = 'en';

export interface Resolved {
  readonly text: string;
  /** The language actually used; differs from the one asked for when it fell back. */
  readonly lang: string;
  readonly fellBack: boolean;
}

/**
 * Picks a text in `lang`, falling back to English, then to the questionnaire's first
 * language, then to any. A plain string is taken to be in `defaultLang`.
 */
export function resolveText(t: LocalText, lang: string, defaultLang: string): Resolved {
  if (typeof t === 'string') return { text: t, lang: defaultLang, fellBack: lang !== defaultLang };
  for (const l of [lang, FALLBACK_LANGUAGE, defaultLang]) {
    const v = Object.hasOwn(t, l) ? t[l] : undefined;
    if (v !== undefined) return { text: v, lang: l, fellBack: l !== lang };
  }
  const [l, v] = Object.entries(t)[0] ?? [defaultLang, ''];
  return { text: v, lang: l, fellBack: l !== lang };
}

/** The languages a text is written in. */
export function languagesOf(t: LocalText, defaultLang: string): string[] {
  return typeof t === 'string' ? [defaultLang] : Object.keys(t);
}

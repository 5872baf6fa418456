/** `--lang`: one rule for every command that shows a questionnaire's texts. */
import { usageError } from '../errors.js';
import type { Questionnaire } from '../questionnaire/types.js';

/**
 * Refuses a language the questionnaire is not written in (exit 2), before anything is
 * asked or stored: otherwise every text would silently fall back to English.
 */
export function requireQuestionnaireLanguage(q: Questionnaire, lang: string | undefined): void {
  if (lang === undefined || q.languages.includes(lang)) return;
  throw usageError(
    'E_UNKNOWN_LANGUAGE',
    `the questionnaire has no ${lang} texts (languages: ${q.languages.join(', ')})`,
    ['Choose one of its languages, or leave out --lang.'],
  );
}

/**
 * A report's language: one of the questionnaire's, or one the report's own words are
 * written in (the questions and answers quoted then fall back as the questionnaire
 * allows, which a coordinator reading that language still prefers to a whole report in
 * another). Anything else would be a report in English under another name.
 */
export function requireReportLanguage(
  q: Questionnaire,
  lang: string | undefined,
  reportLanguages: readonly string[],
): void {
  if (lang === undefined || q.languages.includes(lang) || reportLanguages.includes(lang)) return;
  throw usageError(
    'E_UNKNOWN_LANGUAGE',
    `neither the report nor the questionnaire has ${lang} texts (report: ${reportLanguages.join(', ')}; questionnaire: ${q.languages.join(', ')})`,
    ['Choose one of these languages, or leave out --lang.'],
  );
}

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

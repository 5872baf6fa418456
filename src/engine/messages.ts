/**
 * Built-in texts the engine falls back on when a questionnaire does not provide its
 * own in `messages`. Keys a questionnaire may override: urgent, emergency,
 * child_reminder, possible_minor_reminder.
 */
import type { LocalText, Questionnaire } from '../questionnaire/types.js';

const BUILT_IN = {
  urgent: {
    en: 'An urgent need has come up. Pause the interview and attend to it first.',
    fr: "Un besoin urgent est apparu. Interrompez l'entretien et occupez-vous-en d'abord.",
  },
  emergency: {
    en: 'Follow your emergency and referral procedure: medical help, a safe place, and the referral contacts prepared for this interview.',
    fr: "Suivez votre procédure d'urgence et d'orientation : aide médicale, lieu sûr et contacts d'orientation préparés pour cet entretien.",
  },
  child_reminder: {
    en: 'The person is under 18. The child indicators and rule apply. Arrange a guardian and refer to child protection before going on.',
    fr: "La personne a moins de 18 ans. Les indicateurs et la règle pour enfants s'appliquent. Organisez un tuteur et orientez vers la protection de l'enfance avant de continuer.",
  },
  possible_minor_reminder: {
    en: 'The person may be under 18. Treat them as a child until their age is established: arrange a guardian and refer to child protection.',
    fr: "La personne pourrait avoir moins de 18 ans. Traitez-la comme un enfant jusqu'à ce que son âge soit établi : organisez un tuteur et orientez vers la protection de l'enfance.",
  },
} as const satisfies Record<string, LocalText>;

export type MessageKey = keyof typeof BUILT_IN;

export function message(q: Questionnaire, key: MessageKey): LocalText {
  return Object.hasOwn(q.messages, key) ? q.messages[key]! : BUILT_IN[key];
}

/**
 * The session's own words (not the questionnaire's), in the languages the shipped
 * questionnaire offers. Any other language falls back to English.
 */
export interface UiText {
  practice: string;
  dontKnow: string;
  declined: string;
  skip: string;
  continue: string;
  continueAfterUrgent: string;
  endInterview: string;
  finish: string;
  guidance: string;
  note: string;
  notePrompt: string;
  noteKept: string;
  noteDropped: string;
  urgent: string;
  advisory: string;
  child: string;
  /** The heading of the reminder when the person may be under 18 (not known to be). */
  possibleMinor: string;
  childLine: string;
  possibleMinorLine: string;
  stopped: string;
  done: string;
  firstQuestion: string;
  /** A save failed (full disk, folder not writable): the answers wait in memory. */
  notSaved: string;
  saveFailed: string;
  saveAgain: string;
  saveFailedQuickExit: string;
  /** Why a save failed and what to do, by cause; any other cause is shown as the store says it. */
  saveProblems: Record<SaveProblem, { readonly why: string; readonly remedy: string }>;
  pruned: string;
  notAllowed: string;
  needsAnswer: string;
  /** A required multiple choice with nothing ticked. */
  tickOne: string;
  typeNumber: string;
  wholeNumber: string;
  between: (min: string, max: string) => string;
  dateFormat: string;
  /** A date written YYYY-MM-DD whose day does not exist (2023-02-30). */
  notARealDate: string;
  /** A date after today: every date question asks about something that has happened. */
  futureDate: string;
  multiline: string;
  previous: string;
  keepPrevious: string;
  keys: Record<'help' | 'note' | 'back' | 'dont_know' | 'declined' | 'quick_exit', string>;
  answered: string;
  missingTranslation: string;
  /** The prompt library's own key tips (navigate, select, submit, …). */
  tips: Record<string, string>;
}

/** The causes of a failed save a screener can put right, in the session's language. */
export type SaveProblem = 'full' | 'readOnly' | 'permission' | 'disk';

const en: UiText = {
  practice: 'PRACTICE — nothing is saved',
  dontKnow: "Don't know",
  declined: 'Declined to answer',
  skip: 'No answer (skip)',
  continue: 'Continue',
  continueAfterUrgent: 'Dealt with — continue the interview',
  endInterview: 'End the interview',
  finish: 'Finish the interview',
  guidance: 'Guidance',
  note: 'Note',
  notePrompt: 'Note for this question (Enter to keep, empty to remove):',
  noteKept: 'The note is kept with the answer.',
  noteDropped: 'A note is kept with an answer; this question was skipped, so its note was dropped.',
  urgent: 'URGENT',
  advisory: 'Advice',
  child: 'Child',
  possibleMinor: 'May be a child',
  childLine: 'Child: guardian and child-protection referral needed',
  possibleMinorLine: 'May be a child: guardian and child-protection referral needed',
  stopped: 'The interview stops here',
  done: 'All questions on this path are done.',
  firstQuestion: 'This is the first question; there is nothing before it.',
  notSaved: 'Not saved yet',
  saveFailed: 'The answers are kept here. Put right what is said below, then try again.',
  saveAgain: 'Try saving again',
  saveFailedQuickExit: 'A quick exit now leaves without the answers not yet saved.',
  saveProblems: {
    full: {
      why: 'The disk is full.',
      remedy: 'Free some space on this laptop (move or delete other files).',
    },
    readOnly: {
      why: 'The disk that holds the data folder is read-only.',
      remedy:
        'Make it writable again (a write-protect switch, a disk the system set to read-only).',
    },
    permission: {
      why: 'This user account may not write to the data folder.',
      remedy: 'Fix the folder’s permissions, or ask whoever set up this laptop.',
    },
    disk: {
      why: 'The disk reported an error.',
      remedy: 'Check the disk (or its cable, for an external one).',
    },
  },
  pruned: 'Removed because they no longer apply:',
  notAllowed: 'This question needs a real answer.',
  needsAnswer: 'An answer is needed (or Ctrl-K don’t know, Ctrl-X declined).',
  tickOne: 'Tick at least one with Space (or Ctrl-K don’t know, Ctrl-X declined).',
  typeNumber: 'Type a number.',
  wholeNumber: 'Type a whole number.',
  between: (min, max) => `Between ${min} and ${max}.`,
  dateFormat: 'Write the date as YYYY-MM-DD, e.g. 2023-04-30.',
  notARealDate: 'This is not a real date: that month has no such day.',
  futureDate: 'This date is after today: the question asks about something that has happened.',
  multiline: 'One line at a time; Enter on an empty line finishes.',
  previous: 'Previous answer',
  keepPrevious: 'Enter on an empty first line keeps the previous answer.',
  keys: {
    help: 'guidance',
    note: 'note',
    back: 'back',
    dont_know: "don't know",
    declined: 'declined',
    quick_exit: 'quick exit',
  },
  answered: 'answered',
  missingTranslation: 'not translated',
  tips: {},
};

const fr: UiText = {
  practice: 'EXERCICE — rien n’est enregistré',
  dontKnow: 'Ne sait pas',
  declined: 'Refuse de répondre',
  skip: 'Pas de réponse (passer)',
  continue: 'Continuer',
  continueAfterUrgent: 'Traité — continuer l’entretien',
  endInterview: 'Terminer l’entretien',
  finish: 'Clore l’entretien',
  guidance: 'Conseils',
  note: 'Note',
  notePrompt: 'Note pour cette question (Entrée pour garder, vide pour supprimer) :',
  noteKept: 'La note est gardée avec la réponse.',
  noteDropped:
    'Une note est gardée avec une réponse ; la question a été passée, sa note est abandonnée.',
  urgent: 'URGENT',
  advisory: 'Conseil',
  child: 'Enfant',
  possibleMinor: 'Peut-être un enfant',
  childLine: 'Enfant : tuteur et orientation vers la protection de l’enfance nécessaires',
  possibleMinorLine:
    'Peut-être mineur : tuteur et orientation vers la protection de l’enfance nécessaires',
  stopped: 'L’entretien s’arrête ici',
  done: 'Toutes les questions de ce parcours sont faites.',
  firstQuestion: 'C’est la première question ; il n’y a rien avant.',
  notSaved: 'Pas encore enregistré',
  saveFailed:
    'Les réponses sont gardées ici. Corrigez ce qui est indiqué ci-dessous, puis réessayez.',
  saveAgain: 'Réessayer d’enregistrer',
  saveFailedQuickExit: 'Une sortie rapide maintenant part sans les réponses non enregistrées.',
  saveProblems: {
    full: {
      why: 'Le disque est plein.',
      remedy: 'Libérez de la place sur cet ordinateur (déplacez ou supprimez d’autres fichiers).',
    },
    readOnly: {
      why: 'Le disque qui contient le dossier de données est en lecture seule.',
      remedy:
        'Rendez-le de nouveau modifiable (verrou d’écriture, disque passé en lecture seule par le système).',
    },
    permission: {
      why: 'Ce compte utilisateur n’a pas le droit d’écrire dans le dossier de données.',
      remedy:
        'Corrigez les droits du dossier, ou demandez à la personne qui a installé cet ordinateur.',
    },
    disk: {
      why: 'Le disque a signalé une erreur.',
      remedy: 'Vérifiez le disque (ou son câble, s’il est externe).',
    },
  },
  pruned: 'Retiré car cela ne s’applique plus :',
  notAllowed: 'Cette question demande une vraie réponse.',
  needsAnswer: 'Une réponse est nécessaire (ou Ctrl-K ne sait pas, Ctrl-X refus).',
  tickOne: 'Cochez au moins une case avec Espace (ou Ctrl-K ne sait pas, Ctrl-X refus).',
  typeNumber: 'Tapez un nombre.',
  wholeNumber: 'Tapez un nombre entier.',
  between: (min, max) => `Entre ${min} et ${max}.`,
  dateFormat: 'Écrivez la date AAAA-MM-JJ, par ex. 2023-04-30.',
  notARealDate: 'Cette date n’existe pas : ce mois n’a pas ce jour.',
  futureDate: 'Cette date est postérieure à aujourd’hui : la question porte sur un fait passé.',
  multiline: 'Une ligne à la fois ; Entrée sur une ligne vide pour finir.',
  previous: 'Réponse précédente',
  keepPrevious: 'Entrée sur une première ligne vide garde la réponse précédente.',
  keys: {
    help: 'conseils',
    note: 'note',
    back: 'retour',
    dont_know: 'ne sait pas',
    declined: 'refus',
    quick_exit: 'sortie rapide',
  },
  answered: 'répondu',
  missingTranslation: 'non traduit',
  tips: {
    navigate: 'naviguer',
    select: 'choisir',
    submit: 'valider',
    all: 'tout',
    invert: 'inverser',
  },
};

export function uiText(lang: string): UiText {
  return lang === 'fr' ? fr : en;
}

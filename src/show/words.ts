/**
 * The renderer's own words (headings, connectives), in the languages a reviewer may
 * ask for. Questionnaire texts come from the questionnaire; these only join them.
 * A language missing here falls back to English.
 */
import type { QuestionType, SectionKind, Strength } from '../questionnaire/types.js';

export interface Words {
  readonly quote: (s: string) => string;
  readonly and: string;
  readonly or: string;
  readonly not: (s: string) => string;
  readonly is: (q: string, v: string) => string;
  readonly isNot: (q: string, v: string) => string;
  readonly isOneOf: (q: string, vs: string) => string;
  readonly includes: (q: string, v: string) => string;
  readonly excludes: (q: string, v: string) => string;
  readonly isOnly: (q: string, v: string) => string;
  readonly isNotOnly: (q: string, v: string) => string;
  readonly compare: Readonly<Record<'<' | '<=' | '>' | '>=', (q: string, n: string) => string>>;
  readonly hasAnswer: (q: string) => string;
  readonly hasNoAnswer: (q: string) => string;
  readonly orNoAnswer: string;
  readonly status: Readonly<
    Record<
      'answered' | 'dont_know' | 'declined',
      { is: (q: string) => string; isNot: (q: string) => string }
    >
  >;
  readonly yes: string;
  readonly no: string;
  readonly askedWhen: string;
  readonly if: string;
  readonly otherwise: string;
  readonly types: Readonly<Record<QuestionType, string>>;
  readonly kinds: Readonly<Record<SectionKind, string>>;
  readonly strengths: Readonly<Record<Strength, string>>;
  readonly numbers: readonly string[];
}

const en: Words = {
  quote: (s) => `“${s}”`,
  and: 'and',
  or: 'or',
  not: (s) => `not (${s})`,
  is: (q, v) => `${q} is ${v}`,
  isNot: (q, v) => `${q} is not ${v}`,
  isOneOf: (q, vs) => `${q} is ${vs}`,
  includes: (q, v) => `${q} includes ${v}`,
  excludes: (q, v) => `${q} does not include ${v}`,
  isOnly: (q, v) => `${q} is only ${v}`,
  isNotOnly: (q, v) => `${q} is not only ${v}`,
  compare: {
    '<': (q, n) => `${q} is less than ${n}`,
    '<=': (q, n) => `${q} is at most ${n}`,
    '>': (q, n) => `${q} is more than ${n}`,
    '>=': (q, n) => `${q} is ${n} or more`,
  },
  hasAnswer: (q) => `${q} has an answer`,
  hasNoAnswer: (q) => `${q} has no answer (don't know, declined or not asked)`,
  orNoAnswer: ', or has no answer',
  status: {
    answered: { is: (q) => `${q} was answered`, isNot: (q) => `${q} was not answered` },
    dont_know: {
      is: (q) => `${q} was answered “don't know”`,
      isNot: (q) => `${q} was not answered “don't know”`,
    },
    declined: { is: (q) => `${q} was declined`, isNot: (q) => `${q} was not declined` },
  },
  yes: 'Yes',
  no: 'No',
  askedWhen: 'asked when',
  if: 'if',
  otherwise: 'otherwise',
  types: {
    yesno: 'yes or no',
    single: 'one choice',
    multi: 'several choices',
    text: 'free text',
    number: 'number',
    date: 'date',
    info: 'information for the screener (no answer)',
  },
  kinds: {
    preparation: 'preparation checklist for the screener',
    consent: 'safety and consent',
    interview: 'interview',
    assessment: "screener's assessment",
  },
  strengths: { strong: 'strong', medium: 'medium', weak: 'weak' },
  numbers: ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'],
};

const fr: Words = {
  quote: (s) => `« ${s} »`,
  and: 'et',
  or: 'ou',
  not: (s) => `non (${s})`,
  is: (q, v) => `${q} vaut ${v}`,
  isNot: (q, v) => `${q} ne vaut pas ${v}`,
  isOneOf: (q, vs) => `${q} vaut ${vs}`,
  includes: (q, v) => `${q} comprend ${v}`,
  excludes: (q, v) => `${q} ne comprend pas ${v}`,
  isOnly: (q, v) => `${q} vaut seulement ${v}`,
  isNotOnly: (q, v) => `${q} ne vaut pas seulement ${v}`,
  compare: {
    '<': (q, n) => `${q} est inférieur à ${n}`,
    '<=': (q, n) => `${q} est au plus ${n}`,
    '>': (q, n) => `${q} est supérieur à ${n}`,
    '>=': (q, n) => `${q} est d'au moins ${n}`,
  },
  hasAnswer: (q) => `${q} a une réponse`,
  hasNoAnswer: (q) => `${q} n'a pas de réponse (ne sait pas, refus ou non posée)`,
  orNoAnswer: ", ou n'a pas de réponse",
  status: {
    answered: {
      is: (q) => `${q} a reçu une réponse`,
      isNot: (q) => `${q} n'a pas reçu de réponse`,
    },
    dont_know: {
      is: (q) => `${q} a reçu la réponse « ne sait pas »`,
      isNot: (q) => `${q} n'a pas reçu la réponse « ne sait pas »`,
    },
    declined: { is: (q) => `${q} a été refusée`, isNot: (q) => `${q} n'a pas été refusée` },
  },
  yes: 'Oui',
  no: 'Non',
  askedWhen: 'posée si',
  if: 'si',
  otherwise: 'sinon',
  types: {
    yesno: 'oui ou non',
    single: 'un seul choix',
    multi: 'plusieurs choix',
    text: 'texte libre',
    number: 'nombre',
    date: 'date',
    info: "information pour l'intervenant (sans réponse)",
  },
  kinds: {
    preparation: "liste de préparation pour l'intervenant",
    consent: 'sécurité et consentement',
    interview: 'entretien',
    assessment: "évaluation de l'intervenant",
  },
  strengths: { strong: 'fort', medium: 'moyen', weak: 'faible' },
  numbers: ['aucun', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix'],
};

const BY_LANG: Readonly<Record<string, Words>> = { en, fr };

export function wordsFor(lang: string): Words {
  return BY_LANG[lang] ?? BY_LANG[lang.split('-')[0] ?? ''] ?? en;
}

/** "a, b or c" */
export function joinAlternatives(items: readonly string[], w: Words): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${w.or} ${items[items.length - 1]}`;
}

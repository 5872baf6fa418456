/** Headings and phrases of the review document, per language (English when missing). */
import type {
  OutcomeId,
  Population,
  ReferralCategory,
  StopReason,
} from '../questionnaire/types.js';

export interface Labels {
  readonly summary: (id: string, version: string, langs: string, counts: string) => string;
  readonly counts: (sections: number, questions: number, indicators: number) => string;
  readonly howToRead: string;
  readonly flow: string;
  readonly sectionWhen: string;
  readonly kind: string;
  readonly askedWhen: string;
  readonly help: string;
  readonly direct: string;
  readonly quasi: string;
  readonly mustAnswer: string;
  readonly optional: string;
  readonly range: (min: string, max: string, unit: string, whole: boolean) => string;
  readonly answers: string;
  readonly raises: string;
  readonly urgent: string;
  readonly flags: string;
  readonly exclusive: string;
  readonly rules: string;
  readonly rulesIntro: string;
  readonly when: string;
  readonly advice: string;
  readonly ends: (reason: string) => string;
  readonly stopReasons: Readonly<Record<StopReason, string>>;
  readonly indicators: string;
  readonly palermo: string;
  readonly indicator: string;
  readonly raisedBy: string;
  readonly notOnList: string;
  readonly unverified: string;
  readonly sexual: string;
  readonly rule: string;
  readonly nothingRaises: string;
  readonly dimensionCount: (n: number, adult: string, child: string) => string;
  readonly sexualCount: (n: number) => string;
  readonly scoring: string;
  readonly dimensionRule: string;
  readonly or: string;
  readonly atLeastOneOf: (items: string) => string;
  readonly combination: (population: string) => string;
  readonly populations: Readonly<Record<Population, string>>;
  readonly populationNames: Readonly<Record<Population, string>>;
  readonly outcomes: Readonly<Record<OutcomeId, string>>;
  readonly outcomeText: Readonly<Record<OutcomeId, string>>;
  readonly childWhen: string;
  readonly possibleMinorWhen: string;
  readonly referrals: string;
  readonly ifOutcomes: (list: string) => string;
  readonly ifFlags: (list: string) => string;
  readonly always: string;
  readonly categories: Readonly<Record<ReferralCategory, string>>;
  readonly messages: string;
  readonly start: string;
  readonly end: string;
}

const en: Labels = {
  summary: (id, version, langs, counts) =>
    `Questionnaire \`${id}\`, version ${version} · languages: ${langs} · ${counts}`,
  counts: (s, q, i) => `${s} sections, ${q} questions, ${i} indicators`,
  howToRead:
    'Sections and questions are listed in the order they are asked. A question with no ' +
    '“Asked when” is always asked once its section is reached. Every question offers ' +
    '“don’t know” and “declined” unless it says otherwise; neither raises an indicator.',
  flow: 'Interview flow',
  sectionWhen: 'This section is asked only when',
  kind: 'Kind',
  askedWhen: 'Asked when',
  help: 'Guidance',
  direct: 'Identifying (direct): never shown in a report or an export',
  quasi: 'Identifying in combination (quasi): generalised in reports and exports',
  mustAnswer: 'Must be answered: “don’t know” and “declined” are not offered',
  optional: 'optional',
  range: (min, max, unit, whole) =>
    `From ${min} to ${max}${unit ? ` ${unit}` : ''}${whole ? ', whole numbers' : ''}`,
  answers: 'Answers',
  raises: 'raises',
  urgent: 'marks the interview urgent',
  flags: 'flags',
  exclusive: 'cannot be combined with other answers',
  rules: 'Rules',
  rulesIntro: 'Checked after every answer, in this order.',
  when: 'When',
  advice: 'advice to the screener',
  ends: (reason) => `ends the interview (${reason})`,
  stopReasons: {
    no_consent: 'no consent',
    unsafe: 'not safe',
    postponed: 'postponed',
    stopped: 'stopped',
  },
  indicators: 'Indicators by dimension',
  palermo: 'Palermo elements',
  indicator: 'Indicator',
  raisedBy: 'Raised by',
  notOnList: 'not on the list',
  unverified: 'weight not verified',
  sexual: 'sexual exploitation',
  rule: 'rule',
  nothingRaises: 'nothing raises it',
  dimensionCount: (n, adult, child) => `${n} indicators. Adult: ${adult}. Child: ${child}.`,
  sexualCount: (n) =>
    `Also ${n} from the sexual-exploitation lists, whose weights are not verified.`,
  scoring: 'Scoring',
  dimensionRule: 'A dimension is positive when the indicators found in it include at least',
  or: 'or',
  atLeastOneOf: (items) => `at least one of ${items}`,
  combination: (population) => `The combination is met for ${population} when`,
  populations: { adult: 'an adult', child: 'a child' },
  populationNames: { adult: 'adult', child: 'child' },
  outcomes: {
    indicators_met: 'indicators met',
    indicators_partial: 'indicators partly present',
    indicators_not_met: 'indicators not met',
  },
  outcomeText: {
    indicators_met: 'the combination for the person’s population is met',
    indicators_partial: 'at least one indicator was raised, but the combination is not met',
    indicators_not_met: 'no indicator was raised',
  },
  childWhen: 'The person is scored as a child when',
  possibleMinorWhen: 'The report notes that the person may be a child when',
  referrals: 'Referrals recommended',
  ifOutcomes: (list) => `when the outcome is ${list}`,
  ifFlags: (list) => `when any of these is flagged: ${list}`,
  always: 'always',
  categories: {
    shelter: 'Shelter',
    medical: 'Medical care',
    legal: 'Legal aid',
    child_protection: 'Child protection',
    law_enforcement: 'Law enforcement',
    consular: 'Consular help',
    hotline: 'Hotline',
    psychosocial: 'Psychosocial support',
    labour_rights: 'Labour rights',
  },
  messages: 'Messages used in reports',
  start: 'Start',
  end: 'End of the interview',
};

const fr: Labels = {
  summary: (id, version, langs, counts) =>
    `Questionnaire \`${id}\`, version ${version} · langues : ${langs} · ${counts}`,
  counts: (s, q, i) => `${s} sections, ${q} questions, ${i} indicateurs`,
  howToRead:
    'Les sections et les questions sont présentées dans l’ordre où elles sont posées. ' +
    'Une question sans « Posée si » est toujours posée quand sa section est atteinte. ' +
    'Chaque question propose « ne sait pas » et « refus » sauf mention contraire ; ni ' +
    'l’un ni l’autre ne relève d’indicateur.',
  flow: 'Déroulement de l’entretien',
  sectionWhen: 'Cette section n’est posée que si',
  kind: 'Nature',
  askedWhen: 'Posée si',
  help: 'Conseil',
  direct: 'Identifiant (direct) : jamais affiché dans un rapport ni un export',
  quasi: 'Identifiant par recoupement (quasi) : généralisé dans les rapports et exports',
  mustAnswer: 'Réponse obligatoire : « ne sait pas » et « refus » ne sont pas proposés',
  optional: 'facultative',
  range: (min, max, unit, whole) =>
    `De ${min} à ${max}${unit ? ` ${unit}` : ''}${whole ? ', nombres entiers' : ''}`,
  answers: 'Réponses',
  raises: 'relève',
  urgent: 'signale l’entretien comme urgent',
  flags: 'marqueurs',
  exclusive: 'ne peut pas être combinée avec d’autres réponses',
  rules: 'Règles',
  rulesIntro: 'Vérifiées après chaque réponse, dans cet ordre.',
  when: 'Si',
  advice: 'conseil à l’intervenant',
  ends: (reason) => `met fin à l’entretien (${reason})`,
  stopReasons: {
    no_consent: 'pas de consentement',
    unsafe: 'pas sûr',
    postponed: 'reporté',
    stopped: 'arrêté',
  },
  indicators: 'Indicateurs par dimension',
  palermo: 'Éléments de Palerme',
  indicator: 'Indicateur',
  raisedBy: 'Relevé par',
  notOnList: 'absent de la liste',
  unverified: 'poids non vérifié',
  sexual: 'exploitation sexuelle',
  rule: 'règle',
  nothingRaises: 'rien ne le relève',
  dimensionCount: (n, adult, child) => `${n} indicateurs. Adulte : ${adult}. Enfant : ${child}.`,
  sexualCount: (n) =>
    `S’y ajoutent ${n} indicateurs des listes sur l’exploitation sexuelle, au poids non vérifié.`,
  scoring: 'Notation',
  dimensionRule: 'Une dimension est positive quand ses indicateurs relevés comprennent au moins',
  or: 'ou',
  atLeastOneOf: (items) => `au moins l’une des dimensions ${items}`,
  combination: (population) => `La combinaison est atteinte pour ${population} quand`,
  populations: { adult: 'un adulte', child: 'un enfant' },
  populationNames: { adult: 'adulte', child: 'enfant' },
  outcomes: {
    indicators_met: 'indicateurs atteints',
    indicators_partial: 'indicateurs en partie présents',
    indicators_not_met: 'indicateurs non atteints',
  },
  outcomeText: {
    indicators_met: 'la combinaison de la population de la personne est atteinte',
    indicators_partial: 'au moins un indicateur a été relevé, sans atteindre la combinaison',
    indicators_not_met: 'aucun indicateur n’a été relevé',
  },
  childWhen: 'La personne est évaluée comme un enfant quand',
  possibleMinorWhen: 'Le rapport signale que la personne pourrait être un enfant quand',
  referrals: 'Orientations recommandées',
  ifOutcomes: (list) => `quand le résultat est ${list}`,
  ifFlags: (list) => `quand l’un de ces marqueurs est présent : ${list}`,
  always: 'toujours',
  categories: {
    shelter: 'Hébergement',
    medical: 'Soins médicaux',
    legal: 'Aide juridique',
    child_protection: 'Protection de l’enfance',
    law_enforcement: 'Forces de l’ordre',
    consular: 'Aide consulaire',
    hotline: 'Ligne d’assistance',
    psychosocial: 'Soutien psychosocial',
    labour_rights: 'Droits du travail',
  },
  messages: 'Messages utilisés dans les rapports',
  start: 'Début',
  end: 'Fin de l’entretien',
};

const BY_LANG: Readonly<Record<string, Labels>> = { en, fr };

export function labelsFor(lang: string): Labels {
  return BY_LANG[lang] ?? BY_LANG[lang.split('-')[0] ?? ''] ?? en;
}

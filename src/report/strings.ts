/**
 * The report's own words, in English, French and Spanish (other languages fall back to
 * English). They never call the person a victim: they say whether a published
 * combination of indicators is met and what to do next.
 */
import type {
  OutcomeId,
  PalermoElement,
  Population,
  ReferralCategory,
  Strength,
} from '../questionnaire/types.js';
import type { StrengthCounts } from '../scoring/index.js';
import type { RedactionKind } from './redaction/index.js';

export type ReportLang = 'en' | 'fr' | 'es';

export interface ReportStrings {
  readonly lang: ReportLang;
  readonly title: string;
  readonly practiceBanner: string;
  readonly fullBanner: string;
  readonly incomplete: string;
  readonly stopped: string;
  readonly h: {
    readonly record: string;
    readonly outcome: string;
    readonly dimensions: string;
    readonly indicators: string;
    readonly palermo: string;
    readonly flags: string;
    readonly urgent: string;
    readonly referrals: string;
    readonly person: string;
    readonly personFull: string;
    readonly details: string;
    readonly consent: string;
    readonly notes: string;
    readonly redactions: string;
    readonly disclaimer: string;
  };
  readonly field: {
    readonly recordId: string;
    readonly date: string;
    readonly questionnaire: string;
    readonly interviewLanguage: string;
    readonly reportLanguage: string;
    readonly mode: string;
    readonly status: string;
    readonly population: string;
    readonly dimension: string;
    readonly positive: string;
    readonly counts: string;
    readonly explanation: string;
    readonly indicator: string;
    readonly strength: string;
    readonly evidence: string;
    readonly element: string;
    readonly shownBy: string;
    readonly contacts: string;
    readonly withheld: string;
    readonly question: string;
    readonly answer: string;
    readonly kind: string;
    readonly count: string;
  };
  readonly yes: string;
  readonly no: string;
  readonly dontKnow: string;
  readonly declined: string;
  readonly notAnswered: string;
  readonly withheldValue: string;
  readonly withheldFreeText: string;
  readonly modes: Readonly<Record<'real' | 'practice' | 'rehearsal', string>>;
  readonly statuses: Readonly<
    Record<'in_progress' | 'completed' | 'stopped' | 'abandoned', string>
  >;
  readonly populations: Readonly<Record<Population, string>>;
  readonly strengths: Readonly<Record<Strength, string>>;
  readonly outcomeTitle: Readonly<Record<OutcomeId, string>>;
  readonly nextStep: Readonly<Record<OutcomeId, string>>;
  readonly positiveWord: string;
  readonly notPositiveWord: string;
  readonly notOnList: (population: Population) => string;
  readonly unverifiedWeight: string;
  readonly answerEvidence: (question: string) => string;
  readonly ruleEvidence: string;
  readonly combinationNeeds: (population: Population) => string;
  readonly anyOf: (items: readonly string[]) => string;
  readonly carriedBy: (dims: readonly string[]) => string;
  readonly missing: string;
  readonly populationBasis: (population: Population, possibleMinor: boolean) => string;
  readonly otherPopulation: (population: Population, outcome: string) => string;
  readonly dimensionExplanation: (
    counts: StrengthCounts,
    result:
      | { kind: 'positive'; slots: readonly (readonly Strength[])[] }
      | { kind: 'addition'; size: number; options: readonly StrengthCounts[] }
      | { kind: 'unreachable' },
  ) => string;
  readonly palermoElements: Readonly<Record<PalermoElement, string>>;
  readonly palermoPresent: string;
  readonly palermoNotShown: string;
  readonly palermoIndicatorsOnly: (dims: readonly string[]) => string;
  readonly palermoRule: (population: Population, shown: boolean) => string;
  readonly flagText: (id: string) => string | undefined;
  readonly referralCategory: Readonly<Record<ReferralCategory, string>>;
  readonly referralBecause: (because: readonly string[]) => string;
  readonly noContacts: string;
  readonly templateContacts: string;
  readonly noReferrals: string;
  readonly redactionKinds: Readonly<Record<RedactionKind, string>>;
  readonly redactionSummary: (total: number, passages: number) => string;
  readonly noRedactions: string;
  readonly disclaimer: string;
  readonly noSingleIndicator: string;
  readonly childRule: string;
  readonly unverifiedNote: string;
  readonly questionnaireChanged: string;
  readonly none: string;
}

const NUM_EN = ['no', 'one', 'two', 'three', 'four', 'five', 'six'];
const NUM_FR = ['aucun', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six'];
const NUM_ES = ['ningún', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis'];

function listOr(items: readonly string[], or: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${or} ${items[items.length - 1]}`;
}

function countsPhrase(
  c: StrengthCounts,
  s: Readonly<Record<Strength, string>>,
  and: string,
  nums: readonly string[],
): string {
  const parts = (['strong', 'medium', 'weak'] as const)
    .filter((k) => c[k] > 0)
    .map((k) => `${nums[c[k]] ?? c[k]} ${s[k]}`);
  return listOr(parts, and);
}

/** "one more medium or weak indicator": all size-1 options named by their strength. */
function singleStrengths(options: readonly StrengthCounts[]): Strength[] {
  return options.map((o) => (o.strong ? 'strong' : o.medium ? 'medium' : 'weak'));
}

const en: ReportStrings = {
  lang: 'en',
  title: 'Screening report',
  practiceBanner: 'PRACTICE OR REHEARSAL — not a real interview.',
  fullBanner:
    'FULL INTERNAL REPORT — age, dates and places are not generalised. Do not share it outside the organisation.',
  incomplete:
    'The interview is not finished: this assessment covers only the answers given so far.',
  stopped: 'The interview was stopped',
  h: {
    record: 'Record',
    outcome: 'Outcome',
    dimensions: 'Dimensions (ILO 2009 indicators)',
    indicators: 'Indicators found and their evidence',
    palermo: 'Palermo Protocol view',
    flags: 'Flags',
    urgent: 'Urgent',
    referrals: 'Recommended referrals',
    person: 'About the person (generalised)',
    personFull: 'About the person (not generalised)',
    details: 'Interview details',
    consent: 'Consent',
    notes: "Screener's notes (redacted)",
    redactions: 'Redaction summary',
    disclaimer: 'Important',
  },
  field: {
    recordId: 'Record id',
    date: 'Date',
    questionnaire: 'Questionnaire',
    interviewLanguage: 'Interview language',
    reportLanguage: 'Report language',
    mode: 'Mode',
    status: 'Status',
    population: 'Assessed as',
    dimension: 'Dimension',
    positive: 'Positive',
    counts: 'Strong / medium / weak',
    explanation: 'Why',
    indicator: 'Indicator',
    strength: 'Strength',
    evidence: 'Evidence',
    element: 'Element',
    shownBy: 'Shown by',
    contacts: 'Contacts',
    withheld: 'Identifying answers withheld from this report',
    question: 'Question',
    answer: 'Answer',
    kind: 'Kind',
    count: 'Removed',
  },
  yes: 'yes',
  no: 'no',
  dontKnow: "don't know",
  declined: 'declined to answer',
  notAnswered: 'not answered',
  withheldValue: 'withheld (identifying)',
  withheldFreeText: 'withheld (free text about the person; shown only in the full internal report)',
  modes: { real: 'real interview', practice: 'practice', rehearsal: 'rehearsal' },
  statuses: {
    in_progress: 'in progress',
    completed: 'completed',
    stopped: 'stopped',
    abandoned: 'abandoned',
  },
  populations: { adult: 'adult', child: 'child (under 18)' },
  strengths: { strong: 'strong', medium: 'medium', weak: 'weak' },
  outcomeTitle: {
    indicators_met: 'The indicators found meet the published combination',
    indicators_partial: 'Indicators found; the published combination is not met',
    indicators_not_met: 'No indicator found',
  },
  nextStep: {
    indicators_met:
      'Next step: refer the person for formal identification by the competent authority, with their informed agreement, and offer assistance now.',
    indicators_partial:
      'Next step: assess further when it is safe to do so (what is missing is listed below), and offer the assistance the person needs.',
    indicators_not_met:
      'Next step: offer any other assistance the person needs. A screening cannot rule trafficking out.',
  },
  positiveWord: 'positive',
  notPositiveWord: 'not positive',
  notOnList: (p) => `not on the ${p} list: not counted`,
  unverifiedWeight: 'weight not verified',
  answerEvidence: (q) => `answer to “${q}”`,
  ruleEvidence: 'rule',
  combinationNeeds: (p) =>
    `The ${p === 'child' ? 'child' : 'adult'} combination needs positive dimensions: `,
  anyOf: (items) => (items.length === 1 ? items[0]! : `any of ${listOr(items, 'or')}`),
  carriedBy: (dims) => `Carried by: ${dims.join(', ')}.`,
  missing: 'Missing: ',
  populationBasis: (p, pm) =>
    p === 'child'
      ? pm
        ? 'Assessed with the child lists: the age is not established and the person may be under 18.'
        : 'Assessed with the child lists: the person is under 18.'
      : pm
        ? 'Assessed with the adult lists, but the age is not established and the person may be under 18.'
        : 'Assessed with the adult lists.',
  otherPopulation: (p, o) => `With the ${p} lists instead, the result would be: ${o}.`,
  dimensionExplanation: (c, r) => {
    const head = `${c.strong} strong, ${c.medium} medium, ${c.weak} weak`;
    switch (r.kind) {
      case 'positive':
        return `${head}: positive (${r.slots.map((s) => listOr([...s], 'or')).join(' + ')}).`;
      case 'addition': {
        if (r.size === 1) {
          const s = singleStrengths(r.options);
          const which =
            s.length === 3 ? 'indicator of any strength' : `${listOr(s, 'or')} indicator`;
          return `${head}: one more ${which} would make it positive.`;
        }
        const opts = r.options.map((o) => countsPhrase(o, en.strengths, 'and', NUM_EN));
        return `${head}: ${NUM_EN[r.size] ?? r.size} more indicators would make it positive (${listOr(opts, 'or')}).`;
      }
      case 'unreachable':
        return `${head}: no further indicator of this questionnaire could make it positive.`;
    }
  },
  palermoElements: { act: 'Act', means: 'Means', purpose: 'Purpose (exploitation)' },
  palermoPresent: 'present',
  palermoNotShown: 'not shown',
  palermoIndicatorsOnly: (d) =>
    `some indicators (${d.join(', ')}), not enough for a positive dimension`,
  palermoRule: (p, shown) =>
    p === 'child'
      ? `For a child, act and purpose are enough; no means is needed. ${shown ? 'Both are shown.' : 'They are not both shown.'}`
      : `For an adult, act, means and purpose are all needed. ${shown ? 'All three are shown.' : 'Not all three are shown.'}`,
  flagText: (id) =>
    ({
      urgent: 'Urgent needs or risks were found: deal with safety and medical needs first.',
      minor: 'Assessed as a child (under 18).',
      possible_minor: 'The age is not established; the person may be under 18.',
      consent_limited:
        'The person limited how the information may be used: respect the limits below.',
      verified_false_weights_used:
        'An unverified indicator weight decided a dimension: treat the result as provisional.',
    })[id],
  referralCategory: {
    shelter: 'Shelter and safe accommodation',
    medical: 'Medical care',
    legal: 'Legal assistance',
    child_protection: 'Child protection',
    law_enforcement: 'Law enforcement (only with the person’s informed agreement)',
    consular: 'Consular assistance',
    hotline: 'Hotline',
    psychosocial: 'Psychosocial support',
    labour_rights: 'Labour rights',
  },
  referralBecause: (b) => `Because: ${b.join(', ')}.`,
  noContacts: 'No contact listed for this category in the referral directory.',
  templateContacts:
    'These contacts come from the shipped example directory and are FICTIONAL: configure a real referral directory.',
  noReferrals: 'No referral category is recommended by the questionnaire.',
  redactionKinds: {
    name: 'names',
    phone: 'phone numbers',
    email: 'e-mail addresses',
    iban: 'bank account numbers (IBAN)',
    id_number: 'document or ID numbers',
    date_of_birth: 'dates of birth',
    address: 'addresses',
  },
  redactionSummary: (total, passages) =>
    `${total} identifying detail${total === 1 ? ' was' : 's were'} removed from ${passages} free-text passage${passages === 1 ? '' : 's'}, each replaced by a placeholder such as [name]. Values of identifying fields never appear in this report.`,
  noRedactions:
    'Nothing was removed from the free text. Values of identifying fields never appear in this report.',
  disclaimer:
    'A screening is not a legal identification. This report shows which indicators were found and whether they meet a published combination; the decision belongs to the competent authority.',
  noSingleIndicator: 'No single indicator proves or rules out trafficking; read the whole account.',
  childRule:
    'For a child, no means of coercion is needed: recruitment and exploitation are enough.',
  unverifiedNote:
    'Indicators marked “weight not verified” use weights not confirmed against the published lists.',
  questionnaireChanged:
    'The questionnaire file changed since this interview (same id and version): the assessment uses the current file.',
  none: 'none',
};

const fr: ReportStrings = {
  ...en,
  lang: 'fr',
  title: 'Rapport de dépistage',
  practiceBanner: 'EXERCICE OU RÉPÉTITION — pas un entretien réel.',
  fullBanner:
    'RAPPORT INTERNE COMPLET — âge, dates et lieux ne sont pas généralisés. Ne pas le diffuser hors de l’organisation.',
  incomplete:
    "L'entretien n'est pas terminé : cette évaluation ne porte que sur les réponses déjà données.",
  stopped: "L'entretien a été arrêté",
  h: {
    record: 'Dossier',
    outcome: 'Résultat',
    dimensions: 'Dimensions (indicateurs OIT 2009)',
    indicators: 'Indicateurs relevés et leurs preuves',
    palermo: 'Lecture selon le Protocole de Palerme',
    flags: 'Signalements',
    urgent: 'Urgent',
    referrals: 'Orientations recommandées',
    person: 'À propos de la personne (généralisé)',
    personFull: 'À propos de la personne (non généralisé)',
    details: "Déroulement de l'entretien",
    consent: 'Consentement',
    notes: "Notes de l'intervenant (caviardées)",
    redactions: 'Caviardage',
    disclaimer: 'Important',
  },
  field: {
    recordId: 'Identifiant du dossier',
    date: 'Date',
    questionnaire: 'Questionnaire',
    interviewLanguage: "Langue de l'entretien",
    reportLanguage: 'Langue du rapport',
    mode: 'Mode',
    status: 'État',
    population: 'Évalué comme',
    dimension: 'Dimension',
    positive: 'Positive',
    counts: 'Fort / moyen / faible',
    explanation: 'Pourquoi',
    indicator: 'Indicateur',
    strength: 'Force',
    evidence: 'Preuve',
    element: 'Élément',
    shownBy: 'Montré par',
    contacts: 'Contacts',
    withheld: 'Réponses identifiantes retirées de ce rapport',
    question: 'Question',
    answer: 'Réponse',
    kind: 'Type',
    count: 'Retirés',
  },
  yes: 'oui',
  no: 'non',
  dontKnow: 'ne sait pas',
  declined: 'refus de répondre',
  notAnswered: 'sans réponse',
  withheldValue: 'retiré (identifiant)',
  withheldFreeText:
    'retiré (texte libre sur la personne ; visible seulement dans le rapport interne complet)',
  modes: { real: 'entretien réel', practice: 'exercice', rehearsal: 'répétition' },
  statuses: {
    in_progress: 'en cours',
    completed: 'terminé',
    stopped: 'arrêté',
    abandoned: 'abandonné',
  },
  populations: { adult: 'adulte', child: 'enfant (moins de 18 ans)' },
  strengths: { strong: 'fort', medium: 'moyen', weak: 'faible' },
  outcomeTitle: {
    indicators_met: 'Les indicateurs relevés atteignent la combinaison publiée',
    indicators_partial: "Des indicateurs sont relevés ; la combinaison publiée n'est pas atteinte",
    indicators_not_met: 'Aucun indicateur relevé',
  },
  nextStep: {
    indicators_met:
      "Étape suivante : orienter la personne vers une identification formelle par l'autorité compétente, avec son accord éclairé, et proposer une aide dès maintenant.",
    indicators_partial:
      "Étape suivante : approfondir l'évaluation quand c'est sans danger (ce qui manque est indiqué ci-dessous) et proposer l'aide dont la personne a besoin.",
    indicators_not_met:
      'Étape suivante : proposer toute autre aide dont la personne a besoin. Un dépistage ne peut pas exclure la traite.',
  },
  positiveWord: 'positive',
  notPositiveWord: 'non positive',
  notOnList: (p) => `absent de la liste ${p === 'child' ? 'enfants' : 'adultes'} : non compté`,
  unverifiedWeight: 'poids non vérifié',
  answerEvidence: (q) => `réponse à « ${q} »`,
  ruleEvidence: 'règle',
  combinationNeeds: (p) =>
    `La combinaison ${p === 'child' ? 'pour les enfants' : 'pour les adultes'} demande des dimensions positives : `,
  anyOf: (items) => (items.length === 1 ? items[0]! : `l'une de ${listOr(items, 'ou')}`),
  carriedBy: (dims) => `Atteinte grâce à : ${dims.join(', ')}.`,
  missing: 'Manque : ',
  populationBasis: (p, pm) =>
    p === 'child'
      ? pm
        ? "Évalué avec les listes pour les enfants : l'âge n'est pas établi et la personne pourrait avoir moins de 18 ans."
        : 'Évalué avec les listes pour les enfants : la personne a moins de 18 ans.'
      : pm
        ? "Évalué avec les listes pour les adultes, mais l'âge n'est pas établi et la personne pourrait avoir moins de 18 ans."
        : 'Évalué avec les listes pour les adultes.',
  otherPopulation: (p, o) =>
    `Avec les listes ${p === 'child' ? 'pour les enfants' : 'pour les adultes'}, le résultat serait : ${o}.`,
  dimensionExplanation: (c, r) => {
    const head = `${c.strong} fort, ${c.medium} moyen, ${c.weak} faible`;
    switch (r.kind) {
      case 'positive':
        return `${head} : positive (${r.slots
          .map((s) =>
            listOr(
              s.map((x) => fr.strengths[x]),
              'ou',
            ),
          )
          .join(' + ')}).`;
      case 'addition': {
        if (r.size === 1) {
          const s = singleStrengths(r.options).map((x) => fr.strengths[x]);
          const which = s.length === 3 ? 'de toute force' : listOr(s, 'ou');
          return `${head} : un indicateur ${which} de plus la rendrait positive.`;
        }
        const opts = r.options.map((o) => countsPhrase(o, fr.strengths, 'et', NUM_FR));
        return `${head} : ${NUM_FR[r.size] ?? r.size} indicateurs de plus la rendraient positive (${listOr(opts, 'ou')}).`;
      }
      case 'unreachable':
        return `${head} : aucun autre indicateur de ce questionnaire ne pourrait la rendre positive.`;
    }
  },
  palermoElements: { act: 'Acte', means: 'Moyens', purpose: 'But (exploitation)' },
  palermoPresent: 'présent',
  palermoNotShown: 'non établi',
  palermoIndicatorsOnly: (d) =>
    `quelques indicateurs (${d.join(', ')}), insuffisants pour une dimension positive`,
  palermoRule: (p, shown) =>
    p === 'child'
      ? `Pour un enfant, l'acte et le but suffisent ; aucun moyen n'est requis. ${shown ? 'Les deux sont établis.' : 'Ils ne sont pas établis tous les deux.'}`
      : `Pour un adulte, l'acte, les moyens et le but sont tous requis. ${shown ? 'Les trois sont établis.' : 'Ils ne sont pas établis tous les trois.'}`,
  flagText: (id) =>
    ({
      urgent:
        "Des besoins ou risques urgents ont été relevés : traiter d'abord la sécurité et les besoins médicaux.",
      minor: 'Évalué comme enfant (moins de 18 ans).',
      possible_minor: "L'âge n'est pas établi ; la personne pourrait avoir moins de 18 ans.",
      consent_limited:
        "La personne a limité l'usage des informations : respecter les limites ci-dessous.",
      verified_false_weights_used:
        "Un poids d'indicateur non vérifié a décidé une dimension : résultat provisoire.",
    })[id],
  referralCategory: {
    shelter: 'Hébergement sûr',
    medical: 'Soins médicaux',
    legal: 'Aide juridique',
    child_protection: "Protection de l'enfance",
    law_enforcement: "Forces de l'ordre (seulement avec l'accord éclairé de la personne)",
    consular: 'Assistance consulaire',
    hotline: "Ligne d'écoute",
    psychosocial: 'Soutien psychosocial',
    labour_rights: 'Droit du travail',
  },
  referralBecause: (b) => `Motif : ${b.join(', ')}.`,
  noContacts: "Aucun contact pour cette catégorie dans l'annuaire d'orientation.",
  templateContacts:
    "Ces contacts viennent de l'annuaire d'exemple livré avec l'outil et sont FICTIFS : configurez un véritable annuaire.",
  noReferrals: "Le questionnaire ne recommande aucune catégorie d'orientation.",
  redactionKinds: {
    name: 'noms',
    phone: 'numéros de téléphone',
    email: 'adresses électroniques',
    iban: 'numéros de compte (IBAN)',
    id_number: "numéros de document ou d'identité",
    date_of_birth: 'dates de naissance',
    address: 'adresses',
  },
  redactionSummary: (total, passages) =>
    `${total} élément${total === 1 ? ' identifiant a été retiré' : 's identifiants ont été retirés'} de ${passages} passage${passages === 1 ? '' : 's'} en texte libre, chacun remplacé par un repère comme [name]. Les valeurs des champs identifiants n'apparaissent jamais dans ce rapport.`,
  noRedactions:
    "Rien n'a été retiré du texte libre. Les valeurs des champs identifiants n'apparaissent jamais dans ce rapport.",
  disclaimer:
    "Un dépistage n'est pas une identification juridique. Ce rapport montre les indicateurs relevés et s'ils atteignent une combinaison publiée ; la décision revient à l'autorité compétente.",
  noSingleIndicator:
    "Aucun indicateur ne prouve ni n'exclut à lui seul la traite ; lisez le récit dans son ensemble.",
  childRule:
    "Pour un enfant, aucun moyen de contrainte n'est requis : le recrutement et l'exploitation suffisent.",
  unverifiedNote:
    'Les indicateurs marqués « poids non vérifié » utilisent des poids non confirmés par les listes publiées.',
  questionnaireChanged:
    "Le fichier du questionnaire a changé depuis l'entretien (même identifiant et version) : l'évaluation utilise le fichier actuel.",
  none: 'aucun',
};

const es: ReportStrings = {
  ...en,
  lang: 'es',
  title: 'Informe de detección',
  practiceBanner: 'PRÁCTICA O ENSAYO — no es una entrevista real.',
  fullBanner:
    'INFORME INTERNO COMPLETO — edad, fechas y lugares no están generalizados. No lo comparta fuera de la organización.',
  incomplete:
    'La entrevista no ha terminado: esta evaluación solo cubre las respuestas dadas hasta ahora.',
  stopped: 'La entrevista se detuvo',
  h: {
    record: 'Expediente',
    outcome: 'Resultado',
    dimensions: 'Dimensiones (indicadores OIT 2009)',
    indicators: 'Indicadores encontrados y sus pruebas',
    palermo: 'Lectura según el Protocolo de Palermo',
    flags: 'Alertas',
    urgent: 'Urgente',
    referrals: 'Derivaciones recomendadas',
    person: 'Sobre la persona (generalizado)',
    personFull: 'Sobre la persona (sin generalizar)',
    details: 'Datos de la entrevista',
    consent: 'Consentimiento',
    notes: 'Notas del entrevistador (censuradas)',
    redactions: 'Resumen de la censura',
    disclaimer: 'Importante',
  },
  field: {
    recordId: 'Identificador del expediente',
    date: 'Fecha',
    questionnaire: 'Cuestionario',
    interviewLanguage: 'Idioma de la entrevista',
    reportLanguage: 'Idioma del informe',
    mode: 'Modo',
    status: 'Estado',
    population: 'Evaluado como',
    dimension: 'Dimensión',
    positive: 'Positiva',
    counts: 'Fuerte / medio / débil',
    explanation: 'Por qué',
    indicator: 'Indicador',
    strength: 'Fuerza',
    evidence: 'Prueba',
    element: 'Elemento',
    shownBy: 'Mostrado por',
    contacts: 'Contactos',
    withheld: 'Respuestas identificativas retiradas de este informe',
    question: 'Pregunta',
    answer: 'Respuesta',
    kind: 'Tipo',
    count: 'Retirados',
  },
  yes: 'sí',
  no: 'no',
  dontKnow: 'no sabe',
  declined: 'prefirió no responder',
  notAnswered: 'sin respuesta',
  withheldValue: 'retirado (identificativo)',
  withheldFreeText: 'retirado (texto libre sobre la persona; solo en el informe interno completo)',
  modes: { real: 'entrevista real', practice: 'práctica', rehearsal: 'ensayo' },
  statuses: {
    in_progress: 'en curso',
    completed: 'terminada',
    stopped: 'detenida',
    abandoned: 'abandonada',
  },
  populations: { adult: 'adulto', child: 'niño o niña (menor de 18 años)' },
  strengths: { strong: 'fuerte', medium: 'medio', weak: 'débil' },
  outcomeTitle: {
    indicators_met: 'Los indicadores encontrados cumplen la combinación publicada',
    indicators_partial: 'Hay indicadores; no se cumple la combinación publicada',
    indicators_not_met: 'No se encontró ningún indicador',
  },
  nextStep: {
    indicators_met:
      'Siguiente paso: derivar a la persona para su identificación formal por la autoridad competente, con su consentimiento informado, y ofrecer asistencia ya.',
    indicators_partial:
      'Siguiente paso: seguir evaluando cuando sea seguro (lo que falta se indica abajo) y ofrecer la asistencia que la persona necesite.',
    indicators_not_met:
      'Siguiente paso: ofrecer cualquier otra asistencia que la persona necesite. Una detección no puede descartar la trata.',
  },
  positiveWord: 'positiva',
  notPositiveWord: 'no positiva',
  notOnList: (p) => `no figura en la lista de ${p === 'child' ? 'menores' : 'adultos'}: no cuenta`,
  unverifiedWeight: 'peso no verificado',
  answerEvidence: (q) => `respuesta a «${q}»`,
  ruleEvidence: 'regla',
  combinationNeeds: (p) =>
    `La combinación para ${p === 'child' ? 'menores' : 'adultos'} requiere dimensiones positivas: `,
  anyOf: (items) => (items.length === 1 ? items[0]! : `alguna de ${listOr(items, 'o')}`),
  carriedBy: (dims) => `Se cumple gracias a: ${dims.join(', ')}.`,
  missing: 'Falta: ',
  populationBasis: (p, pm) =>
    p === 'child'
      ? pm
        ? 'Evaluado con las listas de menores: la edad no está establecida y la persona podría ser menor de 18 años.'
        : 'Evaluado con las listas de menores: la persona es menor de 18 años.'
      : pm
        ? 'Evaluado con las listas de adultos, pero la edad no está establecida y la persona podría ser menor de 18 años.'
        : 'Evaluado con las listas de adultos.',
  otherPopulation: (p, o) =>
    `Con las listas de ${p === 'child' ? 'menores' : 'adultos'}, el resultado sería: ${o}.`,
  dimensionExplanation: (c, r) => {
    const head = `${c.strong} fuerte, ${c.medium} medio, ${c.weak} débil`;
    switch (r.kind) {
      case 'positive':
        return `${head}: positiva (${r.slots
          .map((s) =>
            listOr(
              s.map((x) => es.strengths[x]),
              'o',
            ),
          )
          .join(' + ')}).`;
      case 'addition': {
        if (r.size === 1) {
          const s = singleStrengths(r.options).map((x) => es.strengths[x]);
          const which = s.length === 3 ? 'de cualquier fuerza' : listOr(s, 'o');
          return `${head}: un indicador ${which} más la haría positiva.`;
        }
        const opts = r.options.map((o) => countsPhrase(o, es.strengths, 'y', NUM_ES));
        return `${head}: ${NUM_ES[r.size] ?? r.size} indicadores más la harían positiva (${listOr(opts, 'o')}).`;
      }
      case 'unreachable':
        return `${head}: ningún otro indicador de este cuestionario podría hacerla positiva.`;
    }
  },
  palermoElements: { act: 'Acto', means: 'Medios', purpose: 'Fin (explotación)' },
  palermoPresent: 'presente',
  palermoNotShown: 'no establecido',
  palermoIndicatorsOnly: (d) =>
    `algunos indicadores (${d.join(', ')}), insuficientes para una dimensión positiva`,
  palermoRule: (p, shown) =>
    p === 'child'
      ? `Para un menor bastan el acto y el fin; no se requieren medios. ${shown ? 'Ambos están establecidos.' : 'No están establecidos ambos.'}`
      : `Para un adulto se requieren acto, medios y fin. ${shown ? 'Los tres están establecidos.' : 'No están establecidos los tres.'}`,
  flagText: (id) =>
    ({
      urgent:
        'Se encontraron necesidades o riesgos urgentes: atender primero la seguridad y las necesidades médicas.',
      minor: 'Evaluado como menor de 18 años.',
      possible_minor: 'La edad no está establecida; la persona podría ser menor de 18 años.',
      consent_limited:
        'La persona limitó el uso de la información: respetar los límites indicados abajo.',
      verified_false_weights_used:
        'Un peso de indicador no verificado decidió una dimensión: resultado provisional.',
    })[id],
  referralCategory: {
    shelter: 'Alojamiento seguro',
    medical: 'Atención médica',
    legal: 'Asistencia jurídica',
    child_protection: 'Protección de menores',
    law_enforcement: 'Fuerzas del orden (solo con el consentimiento informado de la persona)',
    consular: 'Asistencia consular',
    hotline: 'Línea de ayuda',
    psychosocial: 'Apoyo psicosocial',
    labour_rights: 'Derechos laborales',
  },
  referralBecause: (b) => `Motivo: ${b.join(', ')}.`,
  noContacts: 'No hay contacto para esta categoría en el directorio de derivación.',
  templateContacts:
    'Estos contactos proceden del directorio de ejemplo incluido y son FICTICIOS: configure un directorio real.',
  noReferrals: 'El cuestionario no recomienda ninguna categoría de derivación.',
  redactionKinds: {
    name: 'nombres',
    phone: 'números de teléfono',
    email: 'correos electrónicos',
    iban: 'números de cuenta (IBAN)',
    id_number: 'números de documento o identidad',
    date_of_birth: 'fechas de nacimiento',
    address: 'direcciones',
  },
  redactionSummary: (total, passages) =>
    `Se retiraron ${total} dato${total === 1 ? '' : 's'} identificativo${total === 1 ? '' : 's'} de ${passages} pasaje${passages === 1 ? '' : 's'} de texto libre, cada uno sustituido por una marca como [name]. Los valores de los campos identificativos nunca aparecen en este informe.`,
  noRedactions:
    'No se retiró nada del texto libre. Los valores de los campos identificativos nunca aparecen en este informe.',
  disclaimer:
    'Una detección no es una identificación legal. Este informe muestra los indicadores encontrados y si cumplen una combinación publicada; la decisión corresponde a la autoridad competente.',
  noSingleIndicator:
    'Ningún indicador por sí solo prueba ni descarta la trata; lea el relato completo.',
  childRule:
    'Para un menor no se requiere ningún medio de coacción: bastan la captación y la explotación.',
  unverifiedNote:
    'Los indicadores marcados «peso no verificado» usan pesos no confirmados con las listas publicadas.',
  questionnaireChanged:
    'El archivo del cuestionario cambió desde la entrevista (mismo identificador y versión): la evaluación usa el archivo actual.',
  none: 'ninguno',
};

const ALL: Readonly<Record<ReportLang, ReportStrings>> = { en, fr, es };

export const REPORT_LANGUAGES: readonly ReportLang[] = ['en', 'fr', 'es'];

/** The report's strings in `lang` (its primary subtag), English otherwise. */
export function reportStrings(lang: string): ReportStrings {
  const primary = lang.toLowerCase().split(/[-_]/)[0] ?? 'en';
  return (ALL as Record<string, ReportStrings>)[primary] ?? en;
}

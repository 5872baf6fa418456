/** The report's own words in French. */
import { en } from './en.js';
import { countsPhrase, listOr, NUM_FR, singleStrengths } from './phrases.js';
import type { ReportStrings } from './types.js';

export const fr: ReportStrings = {
  ...en,
  lang: 'fr',
  title: 'Rapport de dépistage',
  practiceBanner: 'EXERCICE OU RÉPÉTITION — pas un entretien réel.',
  fullBanner:
    'RAPPORT INTERNE COMPLET — âge, dates et lieux ne sont pas généralisés. Ne pas le diffuser hors de l’organisation.',
  incomplete:
    "L'entretien n'est pas terminé : cette évaluation ne porte que sur les réponses déjà données.",
  endedEarly:
    "L'entretien a pris fin avant d'être terminé : cette évaluation ne porte que sur les réponses données, et un indicateur non relevé n'a peut-être jamais été abordé.",
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

/**
 * The debrief's own words, in the languages the shipped questionnaire offers; any
 * other language falls back to English. "REHEARSAL" stays in every language: it is
 * the word trainers and tests look for on screen and in files.
 */
import type { OutcomeId, Strength } from '../questionnaire/types.js';
import type { Impact, Verdict } from './debrief.js';

export interface DebriefLabels {
  banner: string;
  title: string;
  fictional: string;
  scenario: string;
  persona: string;
  questionnaire: string;
  mode: string;
  modeTrainee: string;
  modeDemo: string;
  score: string;
  questionsRight: (right: number, scored: number, percent: number) => string;
  indicatorsFound: (found: number, expected: number, extra: number) => string;
  outcomeLine: (expected: string, reached: string, same: boolean) => string;
  outcome: string;
  expected: string;
  yours: string;
  population: string;
  positiveDimensions: string;
  none: string;
  stopped: (reason: string) => string;
  missed: string;
  extra: string;
  found: string;
  noneMissed: string;
  noneExtra: string;
  expectedFrom: string;
  raisedBy: string;
  unverified: string;
  impact: Record<'missed' | 'extra', Record<Impact, (dimension: string) => string>>;
  byQuestion: string;
  walkthrough: string;
  question: string;
  verdict: Record<Verdict, string>;
  says: string;
  situation: string;
  coded: string;
  teachingNote: string;
  teaching: string;
  notice: string;
  avoid: string;
  pitfalls: string;
  background: string;
  presentation: string;
  outcomes: Record<OutcomeId, string>;
  strengths: Record<Strength, string>;
  notOnList: string;
  notScoredNote: string;
  /** Typography differs: `Name: “…”` in English, `Nom : « … »` in French. */
  speaker: (name: string) => string;
  quoted: (text: string) => string;
  // The rehearsal screen
  screenBanner: string;
  setting: string;
  noReply: string;
  savePrompt: string;
  saved: (file: string) => string;
}

const en: DebriefLabels = {
  banner:
    'REHEARSAL — training only: a fictional persona, not a real interview. Nothing was stored.',
  title: 'REHEARSAL debrief',
  fictional: 'fictional',
  scenario: 'Scenario',
  persona: 'Persona',
  questionnaire: 'Questionnaire',
  mode: 'Mode',
  modeTrainee: 'trainee interview',
  modeDemo: 'demonstration: the expected coding was played',
  score: 'Score',
  questionsRight: (r, s, p) => `Questions coded as expected: **${r} of ${s}** (${p} %)`,
  indicatorsFound: (f, e, x) => `Indicators found: **${f} of ${e}**; raised wrongly: **${x}**`,
  outcomeLine: (e, r, same) => `Outcome: expected **${e}**, reached **${r}**${same ? ' ✓' : ' ✗'}`,
  outcome: 'Outcome',
  expected: 'expected',
  yours: 'yours',
  population: 'Population',
  positiveDimensions: 'Positive dimensions',
  none: 'none',
  stopped: (reason) => `Your interview ended at a stop rule (${reason}).`,
  missed: 'Indicators missed',
  extra: 'Indicators raised wrongly',
  found: 'Indicators found',
  noneMissed: 'None: every expected indicator was found.',
  noneExtra: 'None.',
  expectedFrom: 'Expected from',
  raisedBy: 'Raised by your answer',
  unverified: 'weight not verified',
  impact: {
    missed: {
      decides_dimension: (d) =>
        `Why it matters: with it, *${d}* is positive in the expected coding; in yours it is not.`,
      dimension_holds: (d) =>
        `Why it matters: *${d}* is positive in your coding anyway, but the report loses this evidence.`,
      adds_weight: (d) =>
        `Why it matters: it adds weight to *${d}*, which is not positive on this account alone; the report loses it.`,
    },
    extra: {
      decides_dimension: (d) =>
        `Why it matters: it makes *${d}* positive in your coding, which the persona's account does not support.`,
      dimension_holds: (d) =>
        `Why it matters: *${d}* is positive in the expected coding anyway, but this evidence is not in the account.`,
      adds_weight: (d) =>
        `Why it matters: it adds weight to *${d}* that the persona's account does not support.`,
    },
  },
  byQuestion: 'Question by question',
  walkthrough: 'Walk-through',
  question: 'question',
  verdict: {
    match: '✓',
    accepted: '✓ (accepted)',
    differs: '✗',
    missing: '✗ not recorded',
    extra: 'not expected',
    unscored: 'not scored',
  },
  says: 'Says',
  situation: 'Situation',
  coded: 'Coded',
  teachingNote: 'Teaching note',
  teaching: 'Teaching notes',
  notice: 'What to notice',
  avoid: 'What not to ask',
  pitfalls: 'Ethical pitfalls',
  background: 'Background',
  presentation: 'How they come across',
  outcomes: {
    indicators_met: 'indicators_met (the combination of indicators is met)',
    indicators_partial: 'indicators_partial (indicators present, combination not met)',
    indicators_not_met: 'indicators_not_met (no indicator found)',
  },
  strengths: { strong: 'strong', medium: 'medium', weak: 'weak' },
  notOnList: 'not on this population’s list',
  notScoredNote: 'Free text and dates are shown side by side but not scored.',
  speaker: (name) => `${name}:`,
  quoted: (text) => `“${text}”`,
  screenBanner: 'REHEARSAL — fictional persona, training only; nothing is saved',
  setting: 'Setting',
  noReply: '(No scripted reply for this question: code it as you judge.)',
  savePrompt: 'Save this debrief as a Markdown file? File name (Enter to skip): ',
  saved: (file) => `Debrief saved to ${file}.`,
};

const fr: DebriefLabels = {
  banner:
    'REHEARSAL — exercice de formation : personnage fictif, pas un entretien réel. Rien n’a été enregistré.',
  title: 'REHEARSAL — débriefing',
  fictional: 'fictif',
  scenario: 'Scénario',
  persona: 'Personnage',
  questionnaire: 'Questionnaire',
  mode: 'Mode',
  modeTrainee: 'entretien de l’apprenant',
  modeDemo: 'démonstration : le codage attendu a été joué',
  score: 'Score',
  questionsRight: (r, s, p) => `Questions codées comme attendu : **${r} sur ${s}** (${p} %)`,
  indicatorsFound: (f, e, x) =>
    `Indicateurs relevés : **${f} sur ${e}** ; relevés à tort : **${x}**`,
  outcomeLine: (e, r, same) => `Résultat : attendu **${e}**, obtenu **${r}**${same ? ' ✓' : ' ✗'}`,
  outcome: 'Résultat',
  expected: 'attendu',
  yours: 'le vôtre',
  population: 'Population',
  positiveDimensions: 'Dimensions positives',
  none: 'aucune',
  stopped: (reason) => `Votre entretien s’est arrêté sur une règle d’arrêt (${reason}).`,
  missed: 'Indicateurs manqués',
  extra: 'Indicateurs relevés à tort',
  found: 'Indicateurs relevés',
  noneMissed: 'Aucun : tous les indicateurs attendus ont été relevés.',
  noneExtra: 'Aucun.',
  expectedFrom: 'Attendu depuis',
  raisedBy: 'Relevé par votre réponse',
  unverified: 'poids non vérifié',
  impact: {
    missed: {
      decides_dimension: (d) =>
        `Pourquoi c’est important : avec lui, *${d}* est positive dans le codage attendu ; dans le vôtre, elle ne l’est pas.`,
      dimension_holds: (d) =>
        `Pourquoi c’est important : *${d}* est positive dans votre codage, mais le rapport perd cet élément.`,
      adds_weight: (d) =>
        `Pourquoi c’est important : il renforce *${d}*, qui n’est pas positive sur ce seul récit ; le rapport le perd.`,
    },
    extra: {
      decides_dimension: (d) =>
        `Pourquoi c’est important : il rend *${d}* positive dans votre codage, ce que le récit ne soutient pas.`,
      dimension_holds: (d) =>
        `Pourquoi c’est important : *${d}* est positive dans le codage attendu, mais cet élément n’est pas dans le récit.`,
      adds_weight: (d) =>
        `Pourquoi c’est important : il renforce *${d}* sans appui dans le récit du personnage.`,
    },
  },
  byQuestion: 'Question par question',
  walkthrough: 'Déroulé',
  question: 'question',
  verdict: {
    match: '✓',
    accepted: '✓ (accepté)',
    differs: '✗',
    missing: '✗ non enregistré',
    extra: 'non attendu',
    unscored: 'non noté',
  },
  says: 'Dit',
  situation: 'Situation',
  coded: 'Codé',
  teachingNote: 'Note pédagogique',
  teaching: 'Notes pédagogiques',
  notice: 'À remarquer',
  avoid: 'À ne pas demander',
  pitfalls: 'Pièges éthiques',
  background: 'Contexte',
  presentation: 'Comportement',
  outcomes: {
    indicators_met: 'indicators_met (la combinaison d’indicateurs est atteinte)',
    indicators_partial: 'indicators_partial (indicateurs présents, combinaison non atteinte)',
    indicators_not_met: 'indicators_not_met (aucun indicateur relevé)',
  },
  strengths: { strong: 'fort', medium: 'moyen', weak: 'faible' },
  notOnList: 'absent de la liste de cette population',
  notScoredNote: 'Le texte libre et les dates sont montrés côte à côte mais pas notés.',
  speaker: (name) => `${name} :`,
  quoted: (text) => `« ${text} »`,
  screenBanner: 'REHEARSAL — personnage fictif, exercice de formation ; rien n’est enregistré',
  setting: 'Cadre',
  noReply: '(Pas de réponse prévue pour cette question : codez selon votre jugement.)',
  savePrompt: 'Enregistrer ce débriefing en Markdown ? Nom du fichier (Entrée pour passer) : ',
  saved: (file) => `Débriefing enregistré dans ${file}.`,
};

export function debriefLabels(lang: string): DebriefLabels {
  return lang === 'fr' ? fr : en;
}

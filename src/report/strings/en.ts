/** The report's own words in English. */
import { countsPhrase, listOr, NUM_EN, singleStrengths } from './phrases.js';
import type { ReportStrings } from './types.js';

export const en: ReportStrings = {
  lang: 'en',
  title: 'Screening report',
  practiceBanner: 'PRACTICE OR REHEARSAL — not a real interview.',
  fullBanner:
    'FULL INTERNAL REPORT — age, dates and places are not generalised. Do not share it outside the organisation.',
  incomplete:
    'The interview is not finished: this assessment covers only the answers given so far.',
  endedEarly:
    'The interview ended before it was finished: this assessment covers only the answers given, and an indicator not found may never have been asked about.',
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

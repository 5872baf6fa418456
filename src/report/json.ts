/**
 * The JSON report. Contract fields (DESIGN.md): outcome.id, population,
 * dimensions[] {id, positive}, indicators[] {id, dimension, strength, questions},
 * flags[], redactions (counts only). Everything else is explanation beside them.
 */
import { plain, type SafeText } from './safe-text.js';
import type { EvidenceView, QuestionAnswer, RedactedReport } from './view.js';

export const REPORT_JSON_VERSION = 1;

const qa = (x: QuestionAnswer<SafeText>) => ({
  question: x.question,
  question_text: plain(x.questionText),
  answer: plain(x.answer),
});

function evidence(e: EvidenceView<SafeText>) {
  switch (e.kind) {
    case 'answer':
      return { kind: 'answer', ...qa(e.item) };
    case 'rule':
      return { kind: 'rule', rule: e.rule, condition: plain(e.condition), reads: e.reads.map(qa) };
  }
}

export function renderJson(v: RedactedReport): string {
  const doc = {
    report_format: REPORT_JSON_VERSION,
    record_id: v.record.id,
    date: v.record.date,
    questionnaire: {
      id: v.record.questionnaire.id,
      version: v.record.questionnaire.version,
      changed_since_interview: v.record.questionnaire.changed,
    },
    language: v.lang,
    interview_language: v.record.interviewLang,
    mode: v.record.mode,
    status: v.record.status,
    stop: v.record.stop ? plain(v.record.stop) : null,
    full_internal_report: v.full,
    outcome: {
      id: v.outcome.id,
      combination_met: v.outcome.combinationMet,
      title: plain(v.outcome.title),
      next_step: plain(v.outcome.nextStep),
      explanation: plain(v.outcome.explanation),
      carried_by: v.outcome.carriedBy,
      missing: v.outcome.missing.map((anyOf) => ({ any_of: anyOf })),
      other_population: v.outcome.otherPopulation ? plain(v.outcome.otherPopulation) : null,
      notes: v.outcome.notes.map(plain),
    },
    population: v.population.id,
    population_detail: {
      basis: v.population.basis,
      possible_minor: v.population.possibleMinor,
      explanation: plain(v.population.explanation),
      evidence: v.population.evidence.map(qa),
    },
    dimensions: v.dimensions.map((d) => ({
      id: d.id,
      title: plain(d.title),
      positive: d.positive,
      counts: d.counts,
      explanation: plain(d.explanation),
      indicators: d.indicators,
      not_counted: d.notCounted,
      decided_by_unverified_weight: d.decidedByUnverified,
      palermo: d.palermo,
    })),
    indicators: v.indicators.map((i) => ({
      id: i.id,
      text: plain(i.text),
      dimension: i.dimension,
      strength: i.strength ?? null,
      counted: i.counted,
      verified: i.verified,
      questions: i.questions,
      evidence: i.evidence.map(evidence),
    })),
    palermo: {
      elements: v.palermo.elements.map((e) => ({
        element: e.element,
        present: e.present,
        dimensions: e.dimensions,
        note: e.note ? plain(e.note) : null,
      })),
      required: v.palermo.required,
      elements_shown: v.palermo.elementsShown,
      rule: plain(v.palermo.rule),
    },
    flags: v.flags.map((f) => f.id),
    flag_details: v.flags.map((f) => ({ id: f.id, text: plain(f.text) })),
    urgent: v.urgent.map(plain),
    referrals: v.referrals.items.map((r) => ({
      category: r.category,
      title: plain(r.title),
      reasons: r.reasons.map(plain),
      because: r.because,
      contacts: r.contacts ?? null,
    })),
    referral_directory: v.referrals.directory ?? null,
    consent: { limited: v.consent.limited, answers: v.consent.answers.map(qa) },
    interview_details: v.details.map(qa),
    person: v.person.map(qa),
    withheld_fields: v.withheld.map(plain),
    notes: v.notes.map(qa),
    redactions: {
      ...v.redactions.counts,
      total: v.redactions.total,
      passages: v.redactions.passages,
    },
    disclaimer: plain(v.disclaimer),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

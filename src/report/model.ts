/**
 * The report model: everything a report says, built from the questionnaire, the
 * record and its assessment, in the report language. Values that come from the person
 * stay PersonValues here; redact.ts decides what of them may be shown. Nothing in this
 * module writes text about the person on its own.
 */
import type { Combination, LocalText, Question, Questionnaire } from '../questionnaire/types.js';
import { resolveText } from '../questionnaire/text.js';
import type { InterviewRecord } from '../record/types.js';
import type { ReferralDirectory } from '../referrals/types.js';
import { chosen } from '../scoring/index.js';
import type { Assessment, DimensionResult, Evidence } from '../scoring/index.js';
import { contactsOf } from './directory.js';
import type { PersonValue } from './person-value.js';
import { authored, type SafeText } from './safe-text.js';
import { reportStrings, type ReportStrings } from './strings/index.js';
import type { EvidenceView, QuestionAnswer, ReferralView, ReportShape } from './view.js';

export type ReportModel = ReportShape<PersonValue>;

export interface ModelOptions {
  readonly lang: string;
  readonly full: boolean;
  readonly directory?: ReferralDirectory | undefined;
  /** The questionnaire file differs from the one the record was made with (same id and version). */
  readonly questionnaireChanged?: boolean;
}

interface Ctx {
  readonly q: Questionnaire;
  readonly r: InterviewRecord;
  readonly a: Assessment;
  readonly lang: string;
  readonly s: ReportStrings;
}

function text(ctx: Ctx, t: LocalText): string {
  return resolveText(t, ctx.lang, ctx.q.languages[0] ?? 'en').text;
}

/**
 * A questionnaire message in the report language, or the report's own words when the
 * questionnaire does not have that language (so a Spanish report is not half English).
 */
function message(ctx: Ctx, key: string, fallback: string): string {
  const m = Object.hasOwn(ctx.q.messages, key) ? ctx.q.messages[key] : undefined;
  if (m === undefined) return fallback;
  const r = resolveText(m, ctx.lang, ctx.q.languages[0] ?? 'en');
  return r.fellBack && fallback !== '' && ctx.s.lang === ctx.lang.split('-')[0] ? fallback : r.text;
}

function dimensionTitle(ctx: Ctx, id: string): string {
  const d = ctx.q.dimensions.find((x) => x.id === id);
  return d ? text(ctx, d.title) : id;
}

/** The value of one answer as the model holds it. */
export function answerValue(ctx: Ctx, question: Question): PersonValue {
  const a = ctx.r.answers[question.id];
  if (!a) return { kind: 'special', which: 'unanswered' };
  if (a.kind !== 'value') return { kind: 'special', which: a.kind };
  if (question.identifying === 'direct') return { kind: 'direct' };
  switch (question.type) {
    case 'text':
      return question.identifying === 'quasi'
        ? { kind: 'quasi_text', text: String(a.value) }
        : { kind: 'free_text', text: String(a.value) };
    case 'number':
    case 'date': {
      if (question.identifying === 'quasi') return { kind: 'quasi', question, value: a.value };
      const unit = question.unit ? ` ${text(ctx, question.unit)}` : '';
      return { kind: 'plain', text: `${String(a.value)}${question.type === 'number' ? unit : ''}` };
    }
    case 'yesno':
    case 'single':
    case 'multi':
      return {
        kind: 'plain',
        text: chosen(ctx.q, question.id, ctx.r)
          .map((c) => text(ctx, c.text))
          .join('; '),
      };
    case 'info':
      return { kind: 'special', which: 'unanswered' };
  }
}

function qa(ctx: Ctx, question: Question, answer?: PersonValue): QuestionAnswer<PersonValue> {
  return {
    question: question.id,
    questionText: authored(text(ctx, question.text)),
    answer: answer ?? answerValue(ctx, question),
  };
}

function evidenceView(ctx: Ctx, e: Evidence): EvidenceView<PersonValue> {
  switch (e.kind) {
    case 'answer': {
      const question = ctx.q.questionById.get(e.question)!;
      const choice = question.choices.find((c) => c.value === e.value);
      // The choice that raised the indicator, not the whole answer: that is the evidence.
      const answer: PersonValue =
        question.identifying === 'direct'
          ? { kind: 'direct' }
          : { kind: 'plain', text: choice ? text(ctx, choice.text) : e.value };
      return { kind: 'answer', item: qa(ctx, question, answer) };
    }
    case 'rule': {
      const rule = ctx.q.rules.find((x) => x.id === e.rule);
      return {
        kind: 'rule',
        rule: e.rule,
        condition: authored(rule?.when.source ?? e.rule),
        reads: e.questions.map((id) => qa(ctx, ctx.q.questionById.get(id)!)),
      };
    }
  }
}

function describeCombination(ctx: Ctx, c: Combination): string {
  switch (c.kind) {
    case 'dimension':
      return dimensionTitle(ctx, c.id);
    case 'any_of':
      return ctx.s.anyOf(c.items.map((i) => describeCombination(ctx, i)));
    case 'all_of':
      return c.items.map((i) => describeCombination(ctx, i)).join(' + ');
  }
}

function dimensionExplanation(ctx: Ctx, d: DimensionResult): string {
  const rule = ctx.q.scoring.dimensionRule;
  if (d.match) {
    const slots = rule[d.match.alternative] ?? [];
    return ctx.s.dimensionExplanation(d.counts, { kind: 'positive', slots });
  }
  switch (d.nearest.kind) {
    case 'addition':
      return ctx.s.dimensionExplanation(d.counts, d.nearest);
    case 'unreachable':
      return ctx.s.dimensionExplanation(d.counts, { kind: 'unreachable' });
    case 'already_positive':
      // Not reachable: a dimension without a match is not positive.
      return ctx.s.dimensionExplanation(d.counts, { kind: 'unreachable' });
  }
}

function flagText(ctx: Ctx, id: string): string {
  const own = ctx.s.flagText(id);
  const fromQuestionnaire = `flag_${id}`;
  if (Object.hasOwn(ctx.q.messages, fromQuestionnaire))
    return message(ctx, fromQuestionnaire, own ?? id);
  if (own) return own;
  const words = id.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function urgentText(ctx: Ctx, e: Evidence): string {
  if (e.kind === 'answer') {
    const question = ctx.q.questionById.get(e.question)!;
    const choice = question.choices.find((c) => c.value === e.value);
    if (choice && choice.urgent !== false && choice.urgent !== true)
      return text(ctx, choice.urgent);
    return `${text(ctx, question.text)} — ${choice ? text(ctx, choice.text) : e.value}`;
  }
  const rule = ctx.q.rules.find((x) => x.id === e.rule);
  if (rule && rule.urgent !== false && rule.urgent !== true) return text(ctx, rule.urgent);
  return e.rule;
}

function referrals(ctx: Ctx, dir: ReferralDirectory | undefined): ReportModel['referrals'] {
  const items: ReferralView[] = ctx.a.referrals.map((r) => {
    const reasons = r.entries
      .map((i) => ctx.q.referrals[i]?.reason)
      .filter((x): x is LocalText => x !== undefined)
      .map((t) => authored(text(ctx, t)));
    return {
      category: r.category,
      title: authored(ctx.s.referralCategory[r.category]),
      reasons,
      because: r.because,
      contacts: dir ? contactsOf(dir, r.category, ctx.lang) : undefined,
    };
  });
  return {
    items,
    directory: dir
      ? { organisation: dir.organisation, updated: dir.updated, template: dir.template }
      : undefined,
  };
}

const DETAIL_ID = /interpret|(?:^|_)lang(?:uage)?(?:_|$)/;

export function buildModel(
  q: Questionnaire,
  r: InterviewRecord,
  a: Assessment,
  opts: ModelOptions,
): ReportModel {
  const s = reportStrings(opts.lang);
  const ctx: Ctx = { q, r, a, lang: opts.lang, s };
  const answered = q.questions.filter((x) => r.answers[x.id] !== undefined && x.type !== 'info');
  const sectionKind = (x: Question) => q.sections.find((sec) => sec.id === x.sectionId)?.kind;

  const consentQs = answered.filter((x) => sectionKind(x) === 'consent');
  const detailQs = answered.filter(
    (x) =>
      !consentQs.includes(x) &&
      x.identifying !== 'direct' &&
      ((sectionKind(x) === 'preparation' && x.type !== 'text') || DETAIL_ID.test(x.id)),
  );
  const personQs = answered.filter(
    (x) => x.identifying === 'quasi' && !detailQs.includes(x) && !consentQs.includes(x),
  );
  const noteQs = answered.filter(
    (x) => x.type === 'text' && x.identifying === undefined && !consentQs.includes(x),
  );

  const notes: QuestionAnswer<PersonValue>[] = [];
  for (const x of answered) {
    if (noteQs.includes(x)) notes.push(qa(ctx, x));
    const note = r.answers[x.id]?.note;
    if (note !== undefined && note.trim() !== '')
      notes.push(qa(ctx, x, { kind: 'free_text', text: note }));
  }

  const outcomeNotes: SafeText[] = [
    authored(message(ctx, 'no_single_indicator', s.noSingleIndicator)),
  ];
  if (Object.hasOwn(q.messages, 'combination_unverified'))
    outcomeNotes.push(authored(message(ctx, 'combination_unverified', '')));
  const flagIds = a.flags.map((f) => f.id);
  if (flagIds.includes('verified_false_weights_used'))
    outcomeNotes.push(authored(message(ctx, 'unverified_weights', s.unverifiedNote)));
  if (a.population.population === 'child')
    outcomeNotes.push(authored(message(ctx, 'child_rule', s.childRule)));

  const stopRule = r.stop ? q.rules.find((x) => x.id === r.stop?.rule) : undefined;

  return {
    lang: opts.lang,
    full: opts.full,
    record: {
      id: r.id,
      date: r.startedAt.slice(0, 10),
      mode: r.mode,
      status: r.status,
      interviewLang: r.lang,
      stop: r.stop
        ? authored(
            `${s.stopped}: ${stopRule?.stop ? text(ctx, stopRule.stop.text) : r.stop.reason}`,
          )
        : undefined,
      questionnaire: {
        id: q.id,
        version: q.version,
        changed: opts.questionnaireChanged ?? false,
      },
    },
    details: detailQs.map((x) => qa(ctx, x)),
    consent: {
      limited: flagIds.includes('consent_limited'),
      answers: consentQs.map((x) => qa(ctx, x)),
    },
    outcome: {
      id: a.outcome.id,
      combinationMet: a.outcome.combinationMet,
      title: authored(s.outcomeTitle[a.outcome.id]),
      nextStep: authored(s.nextStep[a.outcome.id]),
      explanation: authored(
        [
          s.combinationNeeds(a.population.population) +
            describeCombination(ctx, q.scoring.populations[a.population.population]) +
            '.',
          a.outcome.carriedBy.length > 0
            ? s.carriedBy(a.outcome.carriedBy.map((d) => dimensionTitle(ctx, d)))
            : '',
          a.outcome.missing.length > 0
            ? s.missing +
              a.outcome.missing
                .map((m) => s.anyOf(m.anyOf.map((d) => dimensionTitle(ctx, d))))
                .join(' + ') +
              '.'
            : '',
        ]
          .filter(Boolean)
          .join(' '),
      ),
      carriedBy: a.outcome.carriedBy,
      missing: a.outcome.missing.map((m) => m.anyOf),
      otherPopulation: a.otherPopulation
        ? authored(
            s.otherPopulation(
              a.otherPopulation.population,
              s.outcomeTitle[a.otherPopulation.outcome],
            ),
          )
        : undefined,
      notes: outcomeNotes,
    },
    population: {
      id: a.population.population,
      basis: a.population.basis,
      possibleMinor: a.population.possibleMinor,
      explanation: authored(
        a.population.possibleMinor && a.population.population === 'child'
          ? message(ctx, 'possible_minor', s.populationBasis('child', true))
          : s.populationBasis(a.population.population, a.population.possibleMinor),
      ),
      evidence: a.population.questions.map((id) => qa(ctx, q.questionById.get(id)!)),
    },
    dimensions: a.dimensions.map((d) => ({
      id: d.id,
      title: authored(dimensionTitle(ctx, d.id)),
      positive: d.positive,
      counts: d.counts,
      explanation: authored(dimensionExplanation(ctx, d)),
      indicators: d.counted,
      notCounted: d.notCounted,
      decidedByUnverified: d.decidedByUnverified,
      palermo: d.palermo,
    })),
    indicators: a.indicators.map((i) => ({
      id: i.id,
      text: authored(text(ctx, q.indicatorById.get(i.id)!.text)),
      dimension: i.dimension,
      strength: i.strength,
      counted: i.counted,
      verified: i.verified,
      questions: i.questions,
      evidence: i.evidence.map((e) => evidenceView(ctx, e)),
    })),
    palermo: {
      elements: a.palermo.elements.map((e) => ({
        element: e.element,
        present: e.status === 'present',
        dimensions: e.dimensions,
        note:
          e.status === 'not_shown' && e.indicatorsOnly.length > 0
            ? authored(s.palermoIndicatorsOnly(e.indicatorsOnly.map((d) => dimensionTitle(ctx, d))))
            : undefined,
      })),
      required: a.palermo.required,
      elementsShown: a.palermo.elementsShown,
      rule: authored(s.palermoRule(a.population.population, a.palermo.elementsShown)),
    },
    flags: a.flags.map((f) => ({ id: f.id, text: authored(flagText(ctx, f.id)) })),
    urgent: [
      ...(flagIds.includes('urgent') && Object.hasOwn(q.messages, 'urgent')
        ? [authored(message(ctx, 'urgent', ''))]
        : []),
      ...a.urgent.map((u) => authored(urgentText(ctx, u.source))),
    ],
    referrals: referrals(ctx, opts.directory),
    person: personQs.map((x) => qa(ctx, x)),
    withheld: answered
      .filter((x) => x.identifying === 'direct' && r.answers[x.id]?.kind === 'value')
      .map((x) => authored(text(ctx, x.text))),
    notes,
    disclaimer: authored(message(ctx, 'disclaimer', s.disclaimer)),
  };
}

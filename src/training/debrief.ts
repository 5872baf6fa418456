/**
 * The debrief: the trainee's record set against the scenario's expected coding,
 * question by question, indicator by indicator, and outcome against outcome. Plain
 * data; markdown.ts turns it into the file a trainee takes away.
 *
 * Scoring (docs/training.md): a question counts when the expected coding answers it
 * with a choice, a number, or "don't know"/"declined"; free text and dates are shown
 * side by side but not scored (two right answers rarely read the same). It is right
 * when the trainee recorded the expected answer or one the scenario accepts.
 */
import type { AnswerInput } from '../engine/index.js';
import type { OutcomeId, Population, Question, Strength } from '../questionnaire/types.js';
import { resolveText } from '../questionnaire/text.js';
import type { Answer, InterviewRecord } from '../record/types.js';
import { assess, type Assessment, type Evidence, type RaisedIndicator } from '../scoring/index.js';
import type { Scenario } from './types.js';

export type Verdict =
  /** Recorded as expected. */
  | 'match'
  /** Recorded one of the other answers the scenario accepts. */
  | 'accepted'
  /** Recorded something else. */
  | 'differs'
  /** Expected an answer; the trainee recorded none (skipped, or their path did not ask it). */
  | 'missing'
  /** The trainee recorded an answer where none was expected (their path asked it). */
  | 'extra'
  /** Free text or a date: shown, not scored. */
  | 'unscored';

export interface ShownAnswer {
  /** Compact: choice values, the number, `dont_know`, `declined`, the text. */
  readonly value: string;
  /** For reading: the choice texts in the interview language. */
  readonly label: string;
}

export interface QuestionCheck {
  readonly id: string;
  readonly text: string;
  readonly says: string | undefined;
  readonly situation: string | undefined;
  readonly teaching: string | undefined;
  readonly expected: ShownAnswer | undefined;
  readonly given: ShownAnswer | undefined;
  readonly verdict: Verdict;
  /** Whether the verdict counts in the score. */
  readonly scored: boolean;
}

/**
 * What one indicator raised on one side only (missed: in the expected coding; extra:
 * in the trainee's) does to its dimension.
 */
export type Impact =
  /** The dimension is positive on the side that has the indicator, and not on the other. */
  | 'decides_dimension'
  /** The other side's dimension is positive anyway: evidence is lost (or invented), not the result. */
  | 'dimension_holds'
  /** The dimension is positive on neither side: the indicator only adds weight. */
  | 'adds_weight';

export interface IndicatorCheck {
  readonly id: string;
  readonly text: string;
  readonly dimension: string;
  readonly dimensionTitle: string;
  readonly strength: Strength | undefined;
  readonly verified: boolean;
  /** The answers (or rules) that raise it: in the expected coding for a missed one, the trainee's for an extra one. */
  readonly evidence: readonly string[];
  readonly impact: Impact;
  /** The scenario's own words on why it matters here. */
  readonly note: string | undefined;
}

export interface Debrief {
  readonly mode: 'demonstration' | 'trainee';
  readonly lang: string;
  readonly scenario: {
    readonly id: string;
    readonly title: string;
    readonly summary: string | undefined;
  };
  readonly persona: Scenario['persona'];
  readonly setting: string | undefined;
  readonly questionnaire: { readonly id: string; readonly version: string };
  readonly questions: readonly QuestionCheck[];
  readonly indicators: {
    readonly found: readonly IndicatorCheck[];
    readonly missed: readonly IndicatorCheck[];
    readonly extra: readonly IndicatorCheck[];
  };
  readonly outcome: {
    readonly expected: OutcomeId;
    readonly reached: OutcomeId;
    readonly population: { readonly expected: Population; readonly reached: Population };
    readonly positive: {
      readonly expected: readonly string[];
      readonly reached: readonly string[];
    };
    /** The trainee's interview ended at a stop rule (no consent, unsafe, postponed). */
    readonly stopped: string | undefined;
  };
  readonly score: {
    readonly questions: {
      readonly right: number;
      readonly scored: number;
      readonly percent: number;
    };
    readonly indicators: {
      readonly found: number;
      readonly expected: number;
      readonly extra: number;
    };
  };
  readonly teaching: Scenario['teaching'];
}

function inputOf(a: Answer): AnswerInput {
  return a.kind === 'value' ? { kind: 'value', value: a.value } : { kind: a.kind };
}

function sameAnswer(a: AnswerInput, b: AnswerInput): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind !== 'value' || b.kind !== 'value') return true;
  const x = a.value;
  const y = b.value;
  // Multi answers are sets: the order the choices were ticked does not matter.
  if (Array.isArray(x) && Array.isArray(y))
    return x.length === y.length && x.every((v: string) => y.includes(v));
  return x === y;
}

function shown(s: Scenario, question: Question, a: Answer, lang: string): ShownAnswer {
  if (a.kind !== 'value') return { value: a.kind, label: a.kind };
  const values = Array.isArray(a.value) ? a.value : [a.value];
  const fallback = s.questionnaire.languages[0] ?? 'en';
  const labels = values.map((v) => {
    const choice = question.choices.find((c) => c.value === v);
    return choice ? resolveText(choice.text, lang, fallback).text : String(v);
  });
  return { value: values.map(String).join(', '), label: labels.join('; ') };
}

function checkQuestion(
  s: Scenario,
  question: Question,
  expected: Answer | undefined,
  given: Answer | undefined,
  lang: string,
): QuestionCheck {
  const entry = s.entries.get(question.id);
  const free = question.type === 'text' || question.type === 'date';
  let verdict: Verdict;
  if (!expected) verdict = 'extra';
  else if (!given) verdict = 'missing';
  else if (free && expected.kind === 'value' && given.kind === 'value') verdict = 'unscored';
  else if (sameAnswer(inputOf(given), inputOf(expected))) verdict = 'match';
  else if (entry?.acceptable.some((x) => sameAnswer(inputOf(given), x))) verdict = 'accepted';
  else verdict = 'differs';
  return {
    id: question.id,
    text: resolveText(question.text, lang, s.questionnaire.languages[0] ?? 'en').text,
    says: entry?.says,
    situation: entry?.situation,
    teaching: entry?.teaching,
    expected: expected ? shown(s, question, expected, lang) : undefined,
    given: given ? shown(s, question, given, lang) : undefined,
    verdict,
    scored: verdict !== 'extra' && verdict !== 'unscored',
  };
}

function describe(e: Evidence): string {
  return e.kind === 'answer' ? `${e.question}: ${e.value}` : `rule ${e.rule}`;
}

function indicatorCheck(
  s: Scenario,
  ind: RaisedIndicator,
  here: Assessment,
  there: Assessment,
  lang: string,
): IndicatorCheck {
  const q = s.questionnaire;
  const fallback = q.languages[0] ?? 'en';
  const def = q.indicatorById.get(ind.id);
  const dim = q.dimensions.find((d) => d.id === ind.dimension);
  const positiveHere = here.dimensions.some((d) => d.id === ind.dimension && d.positive);
  const positiveThere = there.dimensions.some((d) => d.id === ind.dimension && d.positive);
  return {
    id: ind.id,
    text: def ? resolveText(def.text, lang, fallback).text : ind.id,
    dimension: ind.dimension,
    dimensionTitle: dim ? resolveText(dim.title, lang, fallback).text : ind.dimension,
    strength: ind.strength,
    verified: ind.verified,
    evidence: ind.evidence.map(describe),
    impact: positiveThere ? 'dimension_holds' : positiveHere ? 'decides_dimension' : 'adds_weight',
    note: s.teaching.indicators[ind.id],
  };
}

export function computeDebrief(
  s: Scenario,
  trainee: InterviewRecord,
  opts: { mode: Debrief['mode']; lang: string },
): Debrief {
  const q = s.questionnaire;
  const exp = s.expected;
  const mine = assess(q, trainee);
  const questions = q.questions
    .filter((x) => x.type !== 'info')
    .filter((x) => exp.record.answers[x.id] !== undefined || trainee.answers[x.id] !== undefined)
    .map((x) => checkQuestion(s, x, exp.record.answers[x.id], trainee.answers[x.id], opts.lang));

  const expectedIds = new Set(exp.assessment.indicators.map((i) => i.id));
  const mineIds = new Set(mine.indicators.map((i) => i.id));
  const found = exp.assessment.indicators.filter((i) => mineIds.has(i.id));
  const missed = exp.assessment.indicators.filter((i) => !mineIds.has(i.id));
  const extra = mine.indicators.filter((i) => !expectedIds.has(i.id));

  const scored = questions.filter((x) => x.scored);
  const right = scored.filter((x) => x.verdict === 'match' || x.verdict === 'accepted').length;
  const positive = (a: Assessment) => a.dimensions.filter((d) => d.positive).map((d) => d.id);

  return {
    mode: opts.mode,
    lang: opts.lang,
    scenario: { id: s.id, title: s.title, summary: s.summary },
    persona: s.persona,
    setting: s.setting,
    questionnaire: { id: q.id, version: q.version },
    questions,
    indicators: {
      found: found.map((i) => indicatorCheck(s, i, exp.assessment, mine, opts.lang)),
      missed: missed.map((i) => indicatorCheck(s, i, exp.assessment, mine, opts.lang)),
      extra: extra.map((i) => indicatorCheck(s, i, mine, exp.assessment, opts.lang)),
    },
    outcome: {
      expected: exp.assessment.outcome.id,
      reached: mine.outcome.id,
      population: {
        expected: exp.assessment.population.population,
        reached: mine.population.population,
      },
      positive: { expected: positive(exp.assessment), reached: positive(mine) },
      stopped: trainee.status === 'stopped' ? trainee.stop?.reason : undefined,
    },
    score: {
      questions: {
        right,
        scored: scored.length,
        percent: scored.length === 0 ? 100 : Math.round((100 * right) / scored.length),
      },
      indicators: { found: found.length, expected: expectedIds.size, extra: extra.length },
    },
    teaching: s.teaching,
  };
}

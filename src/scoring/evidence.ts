/**
 * What the record's answers trigger: the indicators, urgent notices and flags raised
 * by chosen choices and by rules whose condition holds, each with its evidence.
 * Only answers on the record count (answers that branching hid are already pruned).
 */
import type { Choice, ExprContext, Question, Questionnaire } from '../questionnaire/types.js';
import type { InterviewRecord } from '../record/types.js';
import { exprContext } from '../record/context.js';
import type { Evidence } from './types.js';

export interface Triggered {
  /** Indicator id → evidence, in the order first raised. */
  readonly indicators: ReadonlyMap<string, readonly Evidence[]>;
  /** Questionnaire flag id → evidence (choice and rule `flags`). */
  readonly flags: ReadonlyMap<string, readonly Evidence[]>;
  /** Every choice or rule marked urgent that fired. */
  readonly urgent: readonly Evidence[];
  readonly context: ExprContext;
}

/** The choices an answer selects: one for yesno/single, several for multi. */
export function chosen(
  questionnaire: Questionnaire,
  questionId: string,
  record: InterviewRecord,
): Choice[] {
  const q = questionnaire.questionById.get(questionId);
  const a = record.answers[questionId];
  if (!q || !a || a.kind !== 'value') return [];
  const values = Array.isArray(a.value) ? a.value : [a.value];
  return q.choices.filter((c) => values.includes(c.value));
}

function push<K>(map: Map<K, Evidence[]>, key: K, e: Evidence): void {
  const list = map.get(key);
  if (list) list.push(e);
  else map.set(key, [e]);
}

export function triggered(questionnaire: Questionnaire, record: InterviewRecord): Triggered {
  const indicators = new Map<string, Evidence[]>();
  const flags = new Map<string, Evidence[]>();
  const urgent: Evidence[] = [];

  // Questionnaire order, not answering order: the evidence reads like the interview.
  for (const q of questionnaire.questions) {
    for (const c of chosen(questionnaire, q.id, record)) {
      const e: Evidence = { kind: 'answer', question: q.id, value: c.value };
      for (const id of c.raises) push(indicators, id, e);
      for (const f of c.flags) push(flags, f, e);
      if (c.urgent !== false) urgent.push(e);
    }
  }

  const context = exprContext(record.answers);
  for (const rule of questionnaire.rules) {
    if (!rule.when.evaluate(context)) continue;
    const e: Evidence = {
      kind: 'rule',
      rule: rule.id,
      questions: rule.when.refs.filter((id) => record.answers[id] !== undefined),
    };
    for (const id of rule.raises) push(indicators, id, e);
    for (const f of rule.flags) push(flags, f, e);
    if (rule.urgent !== false) urgent.push(e);
  }
  return { indicators, flags, urgent, context };
}

/** What triggered() finds, as ids only: what an export publishes. */
export interface TriggeredIds {
  readonly indicators: ReadonlySet<string>;
  readonly flags: ReadonlySet<string>;
  readonly urgent: boolean;
  readonly context: ExprContext;
}

/** Per question, its choices by value: an export looks up every answer of every record. */
const choicesByValue = new WeakMap<Question, Map<unknown, Choice>>();
function choiceOf(q: Question, value: unknown): Choice | undefined {
  let byValue = choicesByValue.get(q);
  if (!byValue) choicesByValue.set(q, (byValue = new Map(q.choices.map((c) => [c.value, c]))));
  return byValue.get(value);
}

/**
 * The same indicators, flags and urgency as triggered(), without building evidence:
 * answers are visited as the record holds them, since sets need no order.
 */
export function triggeredIds(questionnaire: Questionnaire, record: InterviewRecord): TriggeredIds {
  const indicators = new Set<string>();
  const flags = new Set<string>();
  let urgent = false;
  for (const id of Object.keys(record.answers)) {
    const a = record.answers[id]!;
    if (a.kind !== 'value') continue;
    const q = questionnaire.questionById.get(id);
    if (!q || q.choices.length === 0) continue;
    const values: readonly unknown[] = Array.isArray(a.value) ? a.value : [a.value];
    for (const v of values) {
      const c = choiceOf(q, v);
      if (!c) continue;
      for (const i of c.raises) indicators.add(i);
      for (const f of c.flags) flags.add(f);
      if (c.urgent !== false) urgent = true;
    }
  }
  const context = exprContext(record.answers);
  for (const rule of questionnaire.rules) {
    if (!rule.when.evaluate(context)) continue;
    for (const i of rule.raises) indicators.add(i);
    for (const f of rule.flags) flags.add(f);
    if (rule.urgent !== false) urgent = true;
  }
  return { indicators, flags, urgent, context };
}

/** Question ids behind some evidence, deduplicated, in questionnaire order. */
export function questionsOf(questionnaire: Questionnaire, evidence: readonly Evidence[]): string[] {
  const ids = new Set<string>();
  for (const e of evidence) {
    if (e.kind === 'answer') ids.add(e.question);
    else for (const q of e.questions) ids.add(q);
  }
  const order = (id: string) =>
    questionnaire.questionById.get(id)?.order ?? Number.MAX_SAFE_INTEGER;
  return [...ids].sort((a, b) => order(a) - order(b));
}

/**
 * Which questions branching asks. A question is asked when its section's `when` and
 * its own `when` hold for the answers given so far. Conditions only read earlier
 * questions (the linter refuses forward references), so one pass in document order
 * decides every question.
 */
import type {
  Condition,
  ExprContext,
  Question,
  Questionnaire,
  Section,
} from '../questionnaire/types.js';
import { addToContext, exprContext } from '../record/context.js';
import { decide } from './decide.js';
import type { Answer } from '../record/types.js';

/** Per questionnaire (frozen, so never stale): what deciding questions looks up every step. */
interface Lookup {
  readonly sections: ReadonlyMap<string, Section>;
  /** Question id → position in `q.questions`. */
  readonly positions: ReadonlyMap<string, number>;
  /** By question id, filled on first use: the question's conditions. */
  readonly conditions: Map<string, readonly Condition[]>;
  /** By question id, filled on first use: the positions of the questions they read (-1: none). */
  readonly reads: Map<string, readonly number[]>;
}
const lookups = new WeakMap<Questionnaire, Lookup>();

function lookup(q: Questionnaire): Lookup {
  let l = lookups.get(q);
  if (!l) {
    l = {
      sections: new Map(q.sections.map((s) => [s.id, s])),
      positions: new Map(q.questions.map((x, i) => [x.id, i])),
      conditions: new Map(),
      reads: new Map(),
    };
    lookups.set(q, l);
  }
  return l;
}

export function sectionOf(q: Questionnaire, question: Question): Section {
  const s = lookup(q).sections.get(question.sectionId);
  if (!s) throw new Error(`question ${question.id} names a missing section ${question.sectionId}`);
  return s;
}

/** The conditions that decide whether a question is asked (section first). */
export function conditionsOf(q: Questionnaire, question: Question): readonly Condition[] {
  const cache = lookup(q).conditions;
  let out = cache.get(question.id);
  if (!out) {
    const s = sectionOf(q, question);
    out = Object.freeze([...(s.when ? [s.when] : []), ...(question.when ? [question.when] : [])]);
    cache.set(question.id, out);
  }
  return out;
}

/**
 * The positions in `q.questions` of the questions a question's conditions read, -1
 * for an id that is no question (so never settled: see progressOf).
 */
export function readPositions(q: Questionnaire, question: Question): readonly number[] {
  const l = lookup(q);
  let out = l.reads.get(question.id);
  if (!out) {
    out = conditionsOf(q, question).flatMap((c) => c.refs.map((r) => l.positions.get(r) ?? -1));
    l.reads.set(question.id, out);
  }
  return out;
}

export function isAsked(
  q: Questionnaire,
  question: Question,
  answers: Readonly<Record<string, Answer>>,
): boolean {
  return isAskedIn(q, question, exprContext(answers));
}

/** isAsked with the expression context already built (callers that test many questions). */
export function isAskedIn(q: Questionnaire, question: Question, ctx: ExprContext): boolean {
  return conditionsOf(q, question).every((c) => decide(c, ctx));
}

/** The first condition that hides the question, for messages ("its condition … is false"). */
export function hidingCondition(
  q: Questionnaire,
  question: Question,
  answers: Readonly<Record<string, Answer>>,
): Condition | undefined {
  const ctx = exprContext(answers);
  return conditionsOf(q, question).find((c) => !c.evaluate(ctx));
}

/**
 * Removes answers (and path entries) of questions that branching no longer asks,
 * deciding in document order so a hidden question's answer cannot keep a later one
 * visible. Returns the kept answers and path, the ids of pruned answers, and the
 * expression context of the kept answers.
 */
export function prune(
  q: Questionnaire,
  answers: Readonly<Record<string, Answer>>,
  path: readonly string[],
): { answers: Record<string, Answer>; path: string[]; pruned: string[]; context: ExprContext } {
  const onPath = new Set(path);
  const kept: Record<string, Answer> = {};
  // The context of `kept`, grown with it: the conditions deciding a question read
  // only the answers kept so far (rebuilding it for each question was quadratic).
  const ctx = exprContext(kept);
  const keptPath = new Set<string>();
  const pruned: string[] = [];
  for (const question of q.questions) {
    const id = question.id;
    if (!onPath.has(id) && !Object.hasOwn(answers, id)) continue;
    if (isAskedIn(q, question, ctx)) {
      const a = Object.hasOwn(answers, id) ? answers[id] : undefined;
      if (a) {
        kept[id] = a;
        addToContext(ctx, id, a);
      }
      if (onPath.has(id)) keptPath.add(id);
    } else if (Object.hasOwn(answers, id)) pruned.push(id);
  }
  return { answers: kept, path: path.filter((id) => keptPath.has(id)), pruned, context: ctx };
}

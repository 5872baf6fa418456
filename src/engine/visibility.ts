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
import { exprContext } from '../record/context.js';
import type { Answer } from '../record/types.js';

export function sectionOf(q: Questionnaire, question: Question): Section {
  const s = q.sections.find((x) => x.id === question.sectionId);
  if (!s) throw new Error(`question ${question.id} names a missing section ${question.sectionId}`);
  return s;
}

/** The conditions that decide whether a question is asked (section first). */
export function conditionsOf(q: Questionnaire, question: Question): Condition[] {
  const out: Condition[] = [];
  const s = sectionOf(q, question);
  if (s.when) out.push(s.when);
  if (question.when) out.push(question.when);
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
  return conditionsOf(q, question).every((c) => c.evaluate(ctx));
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
 * visible. Returns the kept answers and path and the ids of pruned answers.
 */
export function prune(
  q: Questionnaire,
  answers: Readonly<Record<string, Answer>>,
  path: readonly string[],
): { answers: Record<string, Answer>; path: string[]; pruned: string[] } {
  const onPath = new Set(path);
  const kept: Record<string, Answer> = {};
  const keptPath = new Set<string>();
  const pruned: string[] = [];
  for (const question of q.questions) {
    const id = question.id;
    if (!onPath.has(id) && !Object.hasOwn(answers, id)) continue;
    if (isAsked(q, question, kept)) {
      const a = Object.hasOwn(answers, id) ? answers[id] : undefined;
      if (a) kept[id] = a;
      if (onPath.has(id)) keptPath.add(id);
    } else if (Object.hasOwn(answers, id)) pruned.push(id);
  }
  return { answers: kept, path: path.filter((id) => keptPath.has(id)), pruned };
}

import type { ExprContext, ExprValue } from '../questionnaire/types.js';
import type { Answer } from './types.js';

type Status = 'answered' | 'dont_know' | 'declined';

/** The view of a record's answers that CEL conditions read (see docs: "Unanswered questions in conditions"). */
export function exprContext(answers: Readonly<Record<string, Answer>>): ExprContext {
  const ctx: ExprContext = { answers: {}, status: {} };
  for (const id of Object.keys(answers)) addToContext(ctx, id, answers[id]!);
  return ctx;
}

/**
 * Adds one answer to a context being built (by `exprContext`, or by a caller that grows
 * the answers and the context together, answer by answer, and owns both).
 */
export function addToContext(ctx: ExprContext, id: string, a: Answer): void {
  const values = ctx.answers as Record<string, ExprValue>;
  const status = ctx.status as Record<string, Status>;
  if (a.kind === 'value') {
    values[id] = a.value as ExprValue;
    status[id] = 'answered';
  } else status[id] = a.kind;
}

import type { ExprContext, ExprValue } from '../questionnaire/types.js';
import type { Answer } from './types.js';

/** The view of a record's answers that CEL conditions read (see docs: "Unanswered questions in conditions"). */
export function exprContext(answers: Readonly<Record<string, Answer>>): ExprContext {
  const values: Record<string, ExprValue> = {};
  const status: Record<string, 'answered' | 'dont_know' | 'declined'> = {};
  for (const [id, a] of Object.entries(answers)) {
    if (a.kind === 'value') {
      values[id] = a.value as ExprValue;
      status[id] = 'answered';
    } else status[id] = a.kind;
  }
  return { answers: values, status };
}

/**
 * Progress as "answered / still reachable". A percentage would jump back and forth
 * as branches open and close; these two counts only move the way the screener expects.
 */
import type { Questionnaire } from '../questionnaire/types.js';
import { exprContext } from '../record/context.js';
import type { InterviewRecord } from '../record/types.js';
import type { Progress } from './types.js';
import { conditionsOf } from './visibility.js';

export function progressOf(q: Questionnaire, record: InterviewRecord): Progress {
  const passed = new Set(record.path);
  const ctx = exprContext(record.answers);
  // Settled: passed, or known never to be asked. A condition that reads only settled
  // questions can be decided now; one that reads an open question may still hold.
  const settled = new Set<string>();
  let answered = 0;
  let open = 0;
  for (const question of q.questions) {
    if (question.type === 'info') {
      settled.add(question.id);
      continue;
    }
    if (passed.has(question.id)) {
      answered++;
      settled.add(question.id);
      continue;
    }
    const conds = conditionsOf(q, question);
    const decidable = conds.every((c) => c.refs.every((r) => settled.has(r)));
    if (decidable && !conds.every((c) => c.evaluate(ctx))) {
      settled.add(question.id);
      continue;
    }
    open++;
  }
  return { answered, reachable: answered + open };
}

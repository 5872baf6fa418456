/**
 * Progress as "answered / still reachable". A percentage would jump back and forth
 * as branches open and close; these two counts only move the way the screener expects.
 */
import type { ExprContext, Questionnaire } from '../questionnaire/types.js';
import { exprContext } from '../record/context.js';
import type { InterviewRecord } from '../record/types.js';
import type { Progress } from './types.js';
import { isAskedIn, readPositions } from './visibility.js';

/** `ctx`: the answers' expression context, when the caller already built it for this step. */
export function progressOf(
  q: Questionnaire,
  record: InterviewRecord,
  ctx: ExprContext = exprContext(record.answers),
): Progress {
  const passed = new Set(record.path);
  const questions = q.questions;
  // Settled: passed, or known never to be asked. A condition that reads only settled
  // questions can be decided now; one that reads an open question may still hold.
  // By position, since this runs at every step over every question.
  const settled = new Uint8Array(questions.length);
  let answered = 0;
  let open = 0;
  for (let i = 0; i < questions.length; i++) {
    const question = questions[i]!;
    if (question.type === 'info') {
      settled[i] = 1;
      continue;
    }
    if (passed.has(question.id)) {
      answered++;
      settled[i] = 1;
      continue;
    }
    const reads = readPositions(q, question);
    let decidable = true;
    for (let k = 0; k < reads.length; k++) {
      const at = reads[k]!;
      if (at < 0 || settled[at] !== 1) {
        decidable = false;
        break;
      }
    }
    if (decidable && !isAskedIn(q, question, ctx)) {
      settled[i] = 1;
      continue;
    }
    open++;
  }
  return { answered, reachable: answered + open };
}

/**
 * Conditions decided once per view of the answers. Between two answers an interview
 * shows notices and information steps, and every step asks again which stop rule,
 * urgent rule or advisory holds, whether the child pathway applies and which question
 * comes next: all over the same answers. The engine gives the contexts it built for
 * answers it made (never changed afterwards) a memo here; any other context is
 * decided afresh each time.
 */
import type { Condition, ExprContext } from '../questionnaire/types.js';

const memos = new WeakMap<ExprContext, Map<Condition, boolean>>();

/** Whether the condition holds, from the context's memo when it has one. */
export function decide(c: Condition, ctx: ExprContext): boolean {
  const memo = memos.get(ctx);
  if (!memo) return c.evaluate(ctx);
  let held = memo.get(c);
  if (held === undefined) {
    held = c.evaluate(ctx);
    memo.set(c, held);
  }
  return held;
}

/**
 * Gives a context a memo, from now on. `from`: a memo of the same answers with one
 * answer (`changed`) different; what it decided without reading that answer still holds.
 */
export function memoise(
  ctx: ExprContext,
  from?: { readonly ctx: ExprContext; readonly changed: string },
): void {
  const memo = new Map<Condition, boolean>();
  const old = from && memos.get(from.ctx);
  if (old) for (const [c, held] of old) if (!c.refs.includes(from.changed)) memo.set(c, held);
  memos.set(ctx, memo);
}

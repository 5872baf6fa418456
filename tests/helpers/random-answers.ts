/**
 * Random answers as conditions see them (an expression context), for comparing two
 * ways of deciding the same conditions: absent, don't know, declined, a value of the
 * question's type, or now and then a value of another type.
 */
import type { ExprQuestion } from '../../src/questionnaire/expressions.js';
import type { Condition, ExprContext, Questionnaire } from '../../src/questionnaire/types.js';

/** The questions of a questionnaire as the expression compiler sees them. */
export function exprQuestions(q: Questionnaire): Map<string, ExprQuestion> {
  return new Map(
    q.questions.map((x) => [
      x.id,
      { id: x.id, type: x.type, integer: x.integer, values: x.choices.map((c) => c.value) },
    ]),
  );
}

/** What evaluating gives, or 'throws'. */
export type Outcome = boolean | 'throws';
export function outcome(c: Condition, ctx: ExprContext): Outcome {
  try {
    return c.evaluate(ctx);
  } catch {
    return 'throws';
  }
}

/** Random answers: absent, don't know, declined, a value of the right type, or now and then of a wrong one. */
export function randomContext(
  questions: ReadonlyMap<string, ExprQuestion>,
  r: () => number,
): ExprContext {
  const answers: Record<string, unknown> = {};
  const status: Record<string, string> = {};
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const strangers: unknown[] = [
    7,
    'seven',
    ['x', 3],
    [],
    null,
    true,
    12.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    10n,
  ];
  for (const x of questions.values()) {
    if (x.type === 'info' || r() < 0.45) continue;
    const roll = r();
    if (roll < 0.1) {
      status[x.id] = 'dont_know';
      continue;
    }
    if (roll < 0.2) {
      status[x.id] = 'declined';
      continue;
    }
    status[x.id] = 'answered';
    if (r() < 0.06) {
      answers[x.id] = pick(strangers);
      continue;
    }
    switch (x.type) {
      case 'yesno':
      case 'single':
        answers[x.id] = r() < 0.9 && x.values.length ? pick(x.values) : 'not_a_choice';
        break;
      case 'multi':
        answers[x.id] = x.values.filter(() => r() < 0.3).sort(() => r() - 0.5);
        break;
      case 'number':
        answers[x.id] = x.integer
          ? r() < 0.1
            ? BigInt(Math.floor(r() * 40))
            : Math.floor(r() * 40) - 5
          : Math.round(r() * 4000) / 100 - 5;
        break;
      default:
        answers[x.id] = pick(['', 'Port Ellery', '2024-03-12', '2019-01-01', 'yes']);
    }
  }
  return { answers, status } as unknown as ExprContext;
}

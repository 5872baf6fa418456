/**
 * Without the checking pipeline (load.ts), nothing provides the CEL library: a
 * condition that needs its evaluator loads it on demand (interviews with a shipped
 * questionnaire never do; see src/questionnaire/cel.ts). This file imports nothing
 * that provides it.
 */
import { describe, expect, it } from 'vitest';
import { ExpressionCompiler, type ExprQuestion } from '../../src/questionnaire/expressions.js';
import type { ExprContext } from '../../src/questionnaire/types.js';

const questions = new Map<string, ExprQuestion>([
  ['controls', { id: 'controls', type: 'multi', integer: false, values: ['documents', 'debt'] }],
  ['age', { id: 'age', type: 'number', integer: true, values: [] }],
]);

describe('CEL on demand', () => {
  it('compiles and evaluates what only CEL can', () => {
    const c = new ExpressionCompiler(questions).compile('size(answers.controls) > 1', () => 'ok');
    expect(c.problems).toEqual([]);
    const ctx = (answers: Record<string, unknown>): ExprContext =>
      ({ answers, status: {} }) as unknown as ExprContext;
    expect(c.condition!.evaluate(ctx({ controls: ['documents', 'debt'] }))).toBe(true);
    expect(c.condition!.evaluate(ctx({ controls: ['debt'] }))).toBe(false);
    // A value of another type than the question's is left to CEL too.
    const age = new ExpressionCompiler(questions).compile('answers.age < 18', () => 'ok');
    expect(age.condition!.evaluate(ctx({ age: 'seventeen' }))).toBe(false);
    expect(age.condition!.evaluate(ctx({ age: 17 }))).toBe(true);
  });
});

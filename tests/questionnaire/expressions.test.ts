import { describe, expect, it } from 'vitest';
import { ExpressionCompiler, type ExprQuestion } from '../../src/questionnaire/expressions.js';
import type { ExprContext } from '../../src/questionnaire/types.js';

const questions = new Map<string, ExprQuestion>(
  (
    [
      { id: 'consent', type: 'yesno', integer: false, values: ['yes', 'no'] },
      { id: 'age', type: 'number', integer: true, values: [] },
      { id: 'hours', type: 'number', integer: false, values: [] },
      { id: 'work', type: 'single', integer: false, values: ['farm', 'factory'] },
      { id: 'controls', type: 'multi', integer: false, values: ['documents', 'debt', 'none'] },
      { id: 'arrived', type: 'date', integer: false, values: [] },
      { id: 'intro', type: 'info', integer: false, values: [] },
    ] as ExprQuestion[]
  ).map((q) => [q.id, q]),
);
const compiler = new ExpressionCompiler(questions);
const anywhere = () => 'ok' as const;

function cond(src: string) {
  const r = compiler.compile(src, anywhere);
  expect(r.problems).toEqual([]);
  return r.condition!;
}

const ctx = (answers: ExprContext['answers'], status: ExprContext['status'] = {}): ExprContext => ({
  answers,
  status: {
    ...Object.fromEntries(Object.keys(answers).map((k) => [k, 'answered' as const])),
    ...status,
  },
});

describe('conditions', () => {
  it('compare answers of every type', () => {
    expect(cond("answers.consent == 'yes'").evaluate(ctx({ consent: 'yes' }))).toBe(true);
    expect(cond('answers.age < 18').evaluate(ctx({ age: 16 }))).toBe(true);
    expect(cond('answers.age < 18').evaluate(ctx({ age: 30 }))).toBe(false);
    expect(cond('answers.age == 18').evaluate(ctx({ age: 18 }))).toBe(true);
    expect(cond('answers.hours > 12.0').evaluate(ctx({ hours: 14.5 }))).toBe(true);
    expect(cond("'debt' in answers.controls").evaluate(ctx({ controls: ['debt'] }))).toBe(true);
    expect(cond("answers.arrived >= '2025-01-01'").evaluate(ctx({ arrived: '2025-03-02' }))).toBe(
      true,
    );
    expect(
      cond("answers.controls.exists(c, c != 'none')").evaluate(ctx({ controls: ['none'] })),
    ).toBe(false);
  });

  it('an expression that reads a missing, unknown or declined answer is false', () => {
    const c = cond('answers.age < 18');
    expect(c.evaluate(ctx({}))).toBe(false);
    expect(c.evaluate(ctx({}, { age: 'dont_know' }))).toBe(false);
    // Negation does not turn "cannot tell" into true.
    expect(cond('!(answers.age < 18)').evaluate(ctx({}))).toBe(false);
    // But CEL's commutative || and && still decide when the other side is enough.
    expect(
      cond("answers.age < 18 || answers.consent == 'yes'").evaluate(ctx({ consent: 'yes' })),
    ).toBe(true);
    expect(
      cond("answers.age < 18 && answers.consent == 'yes'").evaluate(ctx({ consent: 'no' })),
    ).toBe(false);
  });

  it('status and has() let authors act on unanswered questions', () => {
    expect(cond("status.age == 'dont_know'").evaluate(ctx({}, { age: 'dont_know' }))).toBe(true);
    expect(cond("status.age != 'answered'").evaluate(ctx({}, { age: 'declined' }))).toBe(true);
    expect(cond('has(answers.age)').evaluate(ctx({}))).toBe(false);
    expect(cond('has(answers.age)').evaluate(ctx({ age: 40 }))).toBe(true);
  });

  it('records the questions it reads', () => {
    expect(
      cond("answers.age < 18 || status.consent == 'declined' || answers['work'] == 'farm'").refs,
    ).toEqual(['age', 'consent', 'work']);
  });
});

describe('expressions rejected at load time', () => {
  const rejected: [string, string, string][] = [
    ['answers.constructor', 'E_UNKNOWN_QUESTION', 'constructor'],
    ["answers['__proto__'] == 'x'", 'E_UNKNOWN_QUESTION', '__proto__'],
    ['answers.__proto__.polluted == 1', 'E_UNKNOWN_QUESTION', '__proto__'],
    ["process.exit() == 'x'", 'E_UNKNOWN_VARIABLE', 'process'],
    ['globalThis.x == 1', 'E_UNKNOWN_VARIABLE', 'globalThis'],
    ["this.constructor == 'x'", 'E_UNKNOWN_VARIABLE', 'this'],
    ["require('fs') == 1", 'E_EXPR_TYPE', ''],
    ["'x'.constructor == 'y'", 'E_EXPR_TYPE', ''],
    ['answers.age < 18 ' + '|| answers.age < 18 '.repeat(300), 'E_EXPR_TOO_LARGE', ''],
    ['('.repeat(60) + 'true' + ')'.repeat(60), 'E_EXPR_TOO_LARGE', ''],
    ['[' + Array(150).fill('1').join(',') + '].size() > 0', 'E_EXPR_TOO_LARGE', ''],
    ["answers.age < 'x'", 'E_EXPR_TYPE', ''],
    ['answers.hours == 12', 'E_EXPR_TYPE', ''],
    ['answers.age', 'E_EXPR_NOT_BOOL', ''],
    ["answers.intro == 'x'", 'E_UNKNOWN_QUESTION', 'information step'],
    ["answers.work == 'office'", 'E_UNKNOWN_CHOICE_VALUE', 'office'],
    ["'passport' in answers.controls", 'E_UNKNOWN_CHOICE_VALUE', 'passport'],
    ["status.age == 'skipped'", 'E_UNKNOWN_CHOICE_VALUE', 'skipped'],
  ];
  it.each(rejected)('%s → %s', (src, code, text) => {
    const r = compiler.compile(src, anywhere);
    expect(r.condition).toBeUndefined();
    expect(r.problems[0]?.code).toBe(code);
    expect(r.problems[0]?.message).toContain(text);
  });

  it('points inside the expression', () => {
    const r = compiler.compile("answers.consent == 'yes' && answers.agee < 18", anywhere);
    expect(r.problems[0]).toMatchObject({
      code: 'E_UNKNOWN_QUESTION',
      offset: 36,
      length: 4,
      hint: 'did you mean `age`?',
    });
  });

  it('refuses reading a question that is asked later', () => {
    const r = compiler.compile('answers.age < 18', (id) => (id === 'age' ? 'later' : 'ok'));
    expect(r.problems[0]?.code).toBe('E_FORWARD_REFERENCE');
  });
});

describe('the shortcut for conditions whose every part reads an answer', () => {
  // With every answer it reads missing, such a condition is false without being run;
  // these cases check the shortcut never changes a result.
  const cases: [string, ExprContext, boolean][] = [
    ["answers.consent == 'yes' || answers.age < 18", ctx({}), false],
    ["!(answers.consent == 'yes')", ctx({}), false],
    ["answers.consent == 'yes' || true", ctx({}), true],
    ['!has(answers.age)', ctx({}), true],
    ["status.age != 'answered' || answers.age < 18", ctx({}, { age: 'dont_know' }), true],
    ["answers.consent == 'yes' || answers.age < 18", ctx({ age: 12 }), true],
    [
      "answers.controls.exists(c, c == 'debt') || answers.age > 60",
      ctx({ controls: ['debt'] }),
      true,
    ],
  ];
  it.each(cases)('%s', (src, context, expected) => {
    expect(cond(src).evaluate(context)).toBe(expected);
  });
});

/**
 * The direct evaluator must decide every condition exactly as CEL's evaluator does:
 * both are run on the conditions of every questionnaire we ship or test with, and on
 * hand-picked shapes, over random answers (some of them of the wrong type, which the
 * direct evaluator leaves to CEL).
 */
import { Environment } from '@marcbachmann/cel-js';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../helpers/rng.js';
import { exprQuestions, outcome, randomContext } from '../helpers/random-answers.js';
import { compileDirect, type AnswerType } from '../../src/questionnaire/direct-eval.js';
import { ExpressionCompiler, type ExprQuestion } from '../../src/questionnaire/expressions.js';
import { requireQuestionnaire } from '../../src/questionnaire/load.js';
import type { Condition, Questionnaire } from '../../src/questionnaire/types.js';
import { shippedQuestionnaires } from '../../src/shipped.js';
import { FIXTURE } from '../engine/helpers.js';

const anywhere = () => 'ok' as const;
const parser = new Environment({ unlistedVariablesAreDyn: true });

function typeOf(questions: ReadonlyMap<string, ExprQuestion>) {
  return (id: string): AnswerType | undefined => {
    const x = questions.get(id);
    if (!x || x.type === 'info') return undefined;
    if (x.type === 'multi') return 'list<string>';
    if (x.type === 'number') return x.integer ? 'int' : 'double';
    return 'string';
  };
}

function sourcesOf(q: Questionnaire): string[] {
  const all = [
    ...q.sections.map((s) => s.when),
    ...q.questions.map((x) => x.when),
    ...q.rules.map((r) => r.when),
    q.scoring.childWhen,
    q.scoring.possibleMinorWhen,
  ];
  return [...new Set(all.filter((c): c is Condition => c !== undefined).map((c) => c.source))];
}

function compileBoth(questions: ReadonlyMap<string, ExprQuestion>, source: string) {
  const direct = new ExpressionCompiler(questions, { trusted: true }).compile(source, anywhere);
  const cel = new ExpressionCompiler(questions, { trusted: true, direct: false }).compile(
    source,
    anywhere,
  );
  expect(direct.problems).toEqual([]);
  return { direct: direct.condition!, cel: cel.condition! };
}

function agreeOnRandomAnswers(
  questions: ReadonlyMap<string, ExprQuestion>,
  sources: readonly string[],
  seed: number,
  runs: number,
): number {
  const r = mulberry32(seed);
  const pairs = sources.map((s) => ({ source: s, ...compileBoth(questions, s) }));
  let decided = 0;
  for (let i = 0; i < runs; i++) {
    const ctx = randomContext(questions, r);
    for (const p of pairs) {
      const want = outcome(p.cel, ctx);
      const got = outcome(p.direct, ctx);
      if (got !== want)
        expect({ source: p.source, ctx, got }).toEqual({ source: p.source, ctx, got: want });
      if (want === true) decided++;
    }
  }
  return decided;
}

const files = [...shippedQuestionnaires(), FIXTURE];

describe('direct evaluation of conditions', () => {
  it.each(files)('handles every condition of %s without CEL', (file) => {
    const q = requireQuestionnaire(file);
    const questions = exprQuestions(q);
    const unhandled = sourcesOf(q).filter(
      (s) => compileDirect(parser.parse(s).ast, typeOf(questions)) === undefined,
    );
    expect(unhandled).toEqual([]);
  });

  it.each(files)('agrees with CEL on random answers: %s', (file) => {
    const q = requireQuestionnaire(file);
    const questions = exprQuestions(q);
    const trues = agreeOnRandomAnswers(questions, sourcesOf(q), 20311128, 400);
    // The random answers make conditions true too, not only false.
    expect(trues).toBeGreaterThan(100);
  });

  const questions = new Map<string, ExprQuestion>(
    (
      [
        { id: 'consent', type: 'yesno', integer: false, values: ['yes', 'no'] },
        { id: 'age', type: 'number', integer: true, values: [] },
        { id: 'hours', type: 'number', integer: false, values: [] },
        { id: 'work', type: 'single', integer: false, values: ['farm', 'factory', 'other'] },
        { id: 'controls', type: 'multi', integer: false, values: ['documents', 'debt', 'none'] },
        { id: 'arrived', type: 'date', integer: false, values: [] },
        { id: 'intro', type: 'info', integer: false, values: [] },
      ] as ExprQuestion[]
    ).map((x) => [x.id, x]),
  );

  const shapes = [
    "answers.consent == 'yes'",
    "'yes' == answers.consent",
    "answers.consent != 'no'",
    "answers['work'] == 'farm'",
    'answers.age < 18',
    '18 > answers.age',
    'answers.age <= 17 || answers.age >= 65',
    'answers.age == 18',
    'answers.age != 18',
    'answers.hours > 12.0',
    '12.5 <= answers.hours',
    'answers.hours == 40.0',
    "'debt' in answers.controls",
    "!('none' in answers.controls)",
    "answers.work in ['farm', 'factory']",
    "answers.controls == ['debt']",
    "answers.controls != ['documents', 'debt']",
    'answers.controls == []',
    'has(answers.age)',
    '!has(answers.age) || answers.age < 18',
    "has(status.age) && status.age != 'answered'",
    "status.consent == 'declined' || status.consent == 'dont_know'",
    "!(answers.age < 18) && answers.consent == 'yes'",
    "(answers.age < 18 || answers.work == 'farm') && !(answers.consent == 'no')",
    "true && answers.consent == 'yes'",
    'false || !has(answers.work)',
    // Shapes left to CEL: they must still agree (through CEL).
    'answers.hours > 12',
    'answers.age > 12.5',
    "answers.arrived >= '2024-01-01'",
    "answers.controls.exists(c, c != 'none')",
    'size(answers.controls) > 1',
    "answers.age < 18 ? answers.consent == 'yes' : true",
    'answers.age + 1 > 18',
  ];

  it('agrees with CEL on each shape it handles, and on those it leaves to CEL', () => {
    agreeOnRandomAnswers(questions, shapes, 5, 3000);
  });

  it('leaves to CEL the shapes it does not handle', () => {
    const handled = (s: string) =>
      compileDirect(parser.parse(s).ast, typeOf(questions)) !== undefined;
    expect(
      shapes.slice(0, shapes.indexOf('answers.hours > 12')).filter((s) => !handled(s)),
    ).toEqual([]);
    expect(shapes.slice(shapes.indexOf('answers.hours > 12')).filter(handled)).toEqual([]);
    // Reading an information step or an unknown question is for CEL to report.
    expect(handled("answers.intro == 'x'")).toBe(false);
    expect(handled("answers.nobody == 'x'")).toBe(false);
  });
});

/**
 * CEL conditions over `answers` and `status`, compiled and type-checked when the
 * questionnaire loads, so that a broken expression is a diagnostic for the author and
 * never an exception in front of the person being interviewed. Never `eval`.
 */
import type { ASTNode, Environment } from '@marcbachmann/cel-js';
import { cel } from './cel.js';
import type { DiagnosticCode } from './diagnostics.js';
import { ASK_CEL, compileDirect, type AnswerType, type DirectCondition } from './direct-eval.js';
import { didYouMean } from './suggest.js';
import type { Condition, ExprContext, QuestionType } from './types.js';

/** Parse-time bounds: a condition is a sentence, not a program. */
export const EXPR_LIMITS = {
  maxAstNodes: 400,
  maxDepth: 40,
  maxListElements: 100,
  maxMapEntries: 50,
  maxCallArguments: 8,
};

export interface ExprQuestion {
  readonly id: string;
  readonly type: QuestionType;
  readonly integer: boolean;
  /** Choice values for yesno/single/multi. */
  readonly values: readonly string[];
}

export interface ExprProblem {
  readonly code: DiagnosticCode;
  readonly message: string;
  /** Character offset inside the expression. */
  readonly offset: number;
  readonly length: number;
  readonly hint?: string;
}

export interface ExprRef {
  readonly id: string;
  readonly offset: number;
  readonly length: number;
}

const STATUS_VALUES = ['answered', 'dont_know', 'declined'];

function celType(q: ExprQuestion): AnswerType {
  switch (q.type) {
    case 'multi':
      return 'list<string>';
    case 'number':
      return q.integer ? 'int' : 'double';
    default:
      return 'string';
  }
}

/** One CEL environment per questionnaire: `answers` typed per question, `status` a string per question. */
export class ExpressionCompiler {
  private celEnv: Environment | undefined;
  private readonly questions: ReadonlyMap<string, ExprQuestion>;

  private readonly trusted: boolean;
  private readonly direct: boolean;

  /**
   * `trusted`: the expressions already passed every check (skip the type checker).
   * `direct: false`: every condition goes through CEL's evaluator, never the direct
   * one (the tests compare the two).
   */
  constructor(
    questions: ReadonlyMap<string, ExprQuestion>,
    opts: { trusted?: boolean; direct?: boolean } = {},
  ) {
    this.questions = questions;
    this.trusted = opts.trusted ?? false;
    this.direct = opts.direct ?? true;
  }

  /** Built on first use: a trusted questionnaire with stored trees may never need it. */
  private get env(): Environment {
    if (this.celEnv) return this.celEnv;
    const answers: Record<string, string> = {};
    const status: Record<string, string> = {};
    for (const q of this.questions.values()) {
      if (q.type === 'info') continue;
      answers[q.id] = celType(q);
      status[q.id] = 'string';
    }
    const { Environment } = cel();
    this.celEnv = new Environment({ limits: EXPR_LIMITS, homogeneousAggregateLiterals: true })
      .registerVariable({ name: 'answers', schema: answers })
      .registerVariable({ name: 'status', schema: status });
    return this.celEnv;
  }

  /** The syntax tree of a condition, as the build stores it (ast-json.ts). */
  syntaxTree(source: string): ASTNode {
    return this.env.parse(source).ast;
  }

  /**
   * Compiles a condition. `mayRead(id)` says whether the expression's place allows
   * reading that question ('ok'), or whether it is asked later ('later'). A trusted
   * compiler may be given the tree the build parsed from this very source
   * (ast-json.ts): CEL then parses the source only if the condition needs its
   * evaluator.
   */
  compile(
    source: string,
    mayRead: (id: string) => 'ok' | 'later',
    parsed?: ASTNode,
  ): { condition?: Condition; problems: ExprProblem[] } {
    const problems: ExprProblem[] = [];
    let ast: ASTNode;
    let evaluate: (ctx: unknown) => unknown;
    if (parsed !== undefined && this.trusted) {
      ast = parsed;
      let cel: ((ctx: unknown) => unknown) | undefined;
      evaluate = (ctx) => {
        cel ??= this.env.parse(source) as unknown as (ctx: unknown) => unknown;
        return cel(ctx);
      };
    } else {
      try {
        const p = this.env.parse(source);
        ast = p.ast;
        evaluate = p as unknown as (ctx: unknown) => unknown;
      } catch (e) {
        const err = e as {
          summary?: string;
          message: string;
          node?: { pos?: number };
          range?: { start: number; end: number };
        };
        const summary = err.summary ?? err.message.split('\n')[0] ?? 'cannot parse';
        const tooLarge = /^Exceeded max/.test(summary);
        const offset = err.node?.pos ?? err.range?.start ?? 0;
        problems.push({
          code: tooLarge ? 'E_EXPR_TOO_LARGE' : 'E_EXPR_SYNTAX',
          message: tooLarge
            ? `the expression is too large (${summary.replace('Exceeded ', 'over ')}); split it`
            : `cannot parse the expression: ${summary}`,
          offset: Math.min(offset, source.length),
          length: 1,
        });
        return { problems };
      }
    }

    const refs = collectRefs(ast, problems, this.questions);
    const strict = everyLeafReadsAnswers(ast);
    if (this.trusted)
      return {
        condition: makeCondition(source, refs, this.questions, evaluate, strict, () =>
          this.directOf(ast),
        ),
        problems,
      };
    for (const ref of refs) {
      if (!this.questions.has(ref.id)) continue;
      if (mayRead(ref.id) === 'later') {
        problems.push({
          code: 'E_FORWARD_REFERENCE',
          message: `\`${ref.id}\` is asked later, so it has no answer when this is evaluated`,
          offset: ref.offset,
          length: ref.length,
          hint: 'move the question earlier, or the condition to a later question',
        });
      }
    }
    checkLiterals(ast, this.questions, problems);
    if (problems.length > 0) return { problems };

    const checked = this.env.check(source);
    if (!checked.valid) {
      const err = checked.error as unknown as {
        summary?: string;
        message: string;
        node?: { pos?: number };
        range?: { start: number };
      };
      const summary = err.summary ?? err.message.split('\n')[0] ?? 'type error';
      const unknownVar = /^Unknown variable: (.*)$/.exec(summary);
      problems.push({
        code: unknownVar ? 'E_UNKNOWN_VARIABLE' : 'E_EXPR_TYPE',
        message: unknownVar
          ? `\`${unknownVar[1]}\` is not available in conditions; use answers.<question id> or status.<question id>`
          : `type error: ${summary.replace(/^no such overload/, 'no such operation')}`,
        offset: Math.min(err.node?.pos ?? err.range?.start ?? 0, source.length),
        length: 1,
        ...(unknownVar ? { hint: didYouMean(unknownVar[1]!, ['answers', 'status']) } : {}),
      } as ExprProblem);
      return { problems };
    }
    if (checked.type !== 'bool') {
      problems.push({
        code: 'E_EXPR_NOT_BOOL',
        message: `a condition must be true or false, but this gives ${checked.type}`,
        offset: 0,
        length: source.length,
        hint: "compare the answer, e.g. answers.works_now == 'yes'",
      });
      return { problems };
    }

    return {
      condition: makeCondition(source, refs, this.questions, evaluate, strict, () =>
        this.directOf(ast),
      ),
      problems,
    };
  }

  private directOf(ast: ASTNode): DirectCondition | undefined {
    if (!this.direct) return undefined;
    return compileDirect(ast, (id) => {
      const q = this.questions.get(id);
      return q && q.type !== 'info' ? celType(q) : undefined;
    });
  }
}

function makeCondition(
  source: string,
  refs: readonly (ExprRef & { via?: 'answers' | 'status' })[],
  questions: ReadonlyMap<string, ExprQuestion>,
  evaluate: (ctx: unknown) => unknown,
  strict: boolean,
  directOf: () => DirectCondition | undefined,
): Condition {
  const refIds = [...new Set(refs.map((r) => r.id))];
  const integerRefs = refIds.filter((id) => questions.get(id)?.integer);
  const answerRefs = [...new Set(refs.filter((r) => r.via === 'answers').map((r) => r.id))];
  // The direct evaluator is built when the condition is first decided: an interview
  // shows its first question after deciding a few dozen of the questionnaire's
  // hundreds of conditions, and building them all took a tenth of its start-up.
  let direct: DirectCondition | undefined | null = null;
  return Object.freeze({
    source,
    refs: Object.freeze(refIds),
    evaluate(ctx: ExprContext): boolean {
      if (direct === null) direct = directOf();
      if (direct) {
        const r = direct(ctx);
        if (r !== ASK_CEL) return r === true;
      }
      // Every part of a strict condition reads an answer: with none of them answered,
      // each part is undecidable, so the whole is (false) — without paying for the
      // evaluator's errors, which the interview would otherwise raise thousands of times.
      if (strict && answerRefs.every((id) => !Object.hasOwn(ctx.answers, id))) return false;
      let answers = ctx.answers;
      if (integerRefs.length > 0) {
        const copy: Record<string, unknown> = { ...ctx.answers };
        for (const id of integerRefs) {
          const v = copy[id];
          if (typeof v === 'number') copy[id] = BigInt(Math.trunc(v));
        }
        answers = copy as ExprContext['answers'];
      }
      try {
        // Only own, declared keys reach CEL: plain data, no prototype.
        return evaluate({ answers, status: ctx.status }) === true;
      } catch {
        // Reads an answer that is missing, don't know or declined: undecidable, so false.
        return false;
      }
    },
  });
}

const CONNECTIVES = new Set(['&&', '||', '!_']);

/**
 * True when every leaf of the condition's and/or/not structure reads some
 * `answers.X` and uses neither `status` nor `has()`: then, with all the answers it
 * reads missing, every leaf is an error and so is the whole (CEL's && and || absorb
 * errors only when the other side decides).
 */
function everyLeafReadsAnswers(ast: ASTNode): boolean {
  const leafOk = (n: Node): boolean => {
    let readsAnswers = false;
    const stack: Node[] = [n];
    while (stack.length) {
      const x = stack.pop()!;
      const ref = refOf(x);
      if (ref) {
        if (ref.via === 'status') return false;
        readsAnswers = true;
        continue;
      }
      const args = x.args as unknown[];
      if (x.op === 'call' && Array.isArray(args) && args[0] === 'has') return false;
      stack.push(...children(x));
    }
    return readsAnswers;
  };
  const walk = (n: Node): boolean => {
    if (CONNECTIVES.has(n.op)) {
      const parts = Array.isArray(n.args)
        ? (n.args as unknown[]).filter(isNode)
        : isNode(n.args)
          ? [n.args]
          : [];
      return parts.length > 0 && parts.every(walk);
    }
    return leafOk(n);
  };
  return walk(ast as Node);
}

type Node = ASTNode & { op: string; args: unknown; pos?: number; start?: number; end?: number };

function isNode(x: unknown): x is Node {
  return typeof x === 'object' && x !== null && 'op' in x;
}

/** The question a node reads, if it is answers.X, answers['X'], status.X or status['X']. */
function refOf(n: Node): (ExprRef & { via: 'answers' | 'status' }) | undefined {
  const args = n.args as unknown[];
  if ((n.op !== '.' && n.op !== '[]') || !Array.isArray(args)) return undefined;
  const [obj, field] = args;
  if (!isNode(obj) || obj.op !== 'id' || (obj.args !== 'answers' && obj.args !== 'status'))
    return undefined;
  const via = obj.args;
  if (n.op === '.' && typeof field === 'string') {
    // The node's position is the field name's, just after the dot.
    return { id: field, offset: n.pos ?? 0, length: field.length, via };
  }
  if (n.op === '[]' && isNode(field) && field.op === 'value' && typeof field.args === 'string') {
    return {
      id: field.args,
      offset: field.pos ?? 0,
      length: (field.end ?? 0) - (field.start ?? 0) || 1,
      via,
    };
  }
  return undefined;
}

function children(n: Node): Node[] {
  const out: Node[] = [];
  const stack: unknown[] = [n.args];
  while (stack.length) {
    const x = stack.pop();
    if (isNode(x)) out.push(x);
    else if (Array.isArray(x)) stack.push(...x);
  }
  return out;
}

function collectRefs(
  ast: ASTNode,
  problems: ExprProblem[],
  questions: ReadonlyMap<string, ExprQuestion>,
): (ExprRef & { via: 'answers' | 'status' })[] {
  const refs: (ExprRef & { via: 'answers' | 'status' })[] = [];
  const stack: Node[] = [ast as Node];
  while (stack.length) {
    const n = stack.pop()!;
    const ref = refOf(n);
    if (ref) {
      refs.push(ref);
      const q = questions.get(ref.id);
      if (!q || q.type === 'info') {
        problems.push({
          code: 'E_UNKNOWN_QUESTION',
          message: q
            ? `\`${ref.id}\` is an information step and has no answer`
            : `no question has the id \`${ref.id}\``,
          offset: ref.offset,
          length: ref.length,
          ...(q ? {} : { hint: didYouMean(ref.id, questions.keys()) }),
        } as ExprProblem);
      }
      continue;
    }
    stack.push(...children(n));
  }
  return refs;
}

/** The values a node can take when they are a closed set: a choice answer, a status, or an element bound by a macro. */
interface ValueSet {
  readonly ref: ExprRef & { via: 'answers' | 'status' };
  readonly allowed: readonly string[];
}

function valuesOf(
  ref: (ExprRef & { via: 'answers' | 'status' }) | undefined,
  questions: ReadonlyMap<string, ExprQuestion>,
): ValueSet | undefined {
  if (!ref) return undefined;
  const q = questions.get(ref.id);
  if (!q) return undefined;
  if (ref.via === 'status') return { ref, allowed: STATUS_VALUES };
  if (q.type === 'yesno' || q.type === 'single' || q.type === 'multi')
    return { ref, allowed: q.values };
  return undefined;
}

/** Macros whose bound variable runs over the elements of a list (`answers.controls.exists(c, …)`). */
const ELEMENT_MACROS = new Set(['exists', 'all', 'exists_one', 'filter', 'map']);

/**
 * Comparisons with a literal that can never match (a value that is not a choice) are
 * author errors: `==`/`!=`, `'x' in answers.multi`, `answers.single in ['x', 'y']`, and
 * the same inside exists/all over a multi answer. Each wrong value of a list is reported:
 * one typo in a list leaves the condition valid but its branch silently dead.
 */
function checkLiterals(
  ast: ASTNode,
  questions: ReadonlyMap<string, ExprQuestion>,
  problems: ExprProblem[],
): void {
  const stack: { n: Node; bound: ReadonlyMap<string, ValueSet> }[] = [
    { n: ast as Node, bound: new Map() },
  ];
  while (stack.length) {
    const { n, bound } = stack.pop()!;
    const setOf = (x: Node): ValueSet | undefined =>
      x.op === 'id' && typeof x.args === 'string'
        ? bound.get(x.args)
        : valuesOf(refOf(x), questions);
    const args = n.args as unknown[];
    if (n.op === 'rcall' && Array.isArray(args) && typeof args[0] === 'string') {
      const [name, target, params] = args as [string, unknown, unknown];
      const [v, ...body] = Array.isArray(params) ? (params as unknown[]) : [];
      if (isNode(target)) stack.push({ n: target, bound });
      const inner = new Map(bound);
      if (isNode(v) && v.op === 'id' && typeof v.args === 'string') {
        const set = ELEMENT_MACROS.has(name) && isNode(target) ? setOf(target) : undefined;
        if (set) inner.set(v.args, set);
        // A bound name shadows an outer one even when its elements are not choices.
        else inner.delete(v.args);
      }
      for (const b of body) if (isNode(b)) stack.push({ n: b, bound: inner });
      continue;
    }
    for (const c of children(n)) stack.push({ n: c, bound });
    if (!Array.isArray(args) || args.length !== 2) continue;
    const [a, b] = args;
    if (!isNode(a) || !isNode(b)) continue;
    let set: ValueSet | undefined;
    let lits: Node[] = [];
    if (n.op === '==' || n.op === '!=') {
      set = setOf(a) ?? setOf(b);
      lits = [setOf(a) ? b : a];
    } else if (n.op === 'in') {
      set = setOf(b);
      lits = [a];
      if (!set && b.op === 'list' && Array.isArray(b.args)) {
        set = setOf(a);
        lits = (b.args as unknown[]).filter(isNode);
      }
    }
    if (!set) continue;
    for (const lit of lits) {
      if (lit.op !== 'value' || typeof lit.args !== 'string') continue;
      if (set.allowed.includes(lit.args)) continue;
      const hint = didYouMean(lit.args, set.allowed);
      problems.push({
        code: 'E_UNKNOWN_CHOICE_VALUE',
        message:
          set.ref.via === 'status'
            ? `status is answered, dont_know or declined, never '${lit.args}'`
            : `\`${set.ref.id}\` has no choice '${lit.args}' (choices: ${set.allowed.join(', ')})`,
        offset: lit.pos ?? 0,
        length: (lit.end ?? 0) - (lit.start ?? 0) || 1,
        ...(hint ? { hint } : {}),
      });
    }
  }
}

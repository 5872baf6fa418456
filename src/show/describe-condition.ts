/**
 * Turns a CEL condition into words for a reviewer who does not read YAML or CEL:
 * `answers.travelled == 'yes'` becomes “Did the person travel?” is Yes. Question ids
 * become question texts and choice values become choice texts. Shapes it does not
 * know (macros, arithmetic) are shown as the expression itself, never dropped.
 */
import { Environment, type ASTNode } from '@marcbachmann/cel-js';
import { resolveText } from '../questionnaire/text.js';
import type { Question, Questionnaire } from '../questionnaire/types.js';
import { joinAlternatives, wordsFor, type Words } from './words.js';

// Parsing only: the questionnaire's own compiler has already type-checked the expression.
const parser = new Environment({ unlistedVariablesAreDyn: true });

export interface DescribeOptions {
  readonly lang: string;
  /** Question texts longer than this are shortened with an ellipsis (diagrams). */
  readonly maxQuestionLength?: number;
}

interface Node {
  readonly op: string;
  readonly args: unknown;
  readonly start?: number;
  readonly end?: number;
}

interface Ctx {
  readonly source: string;
  readonly q: Questionnaire;
  readonly lang: string;
  readonly w: Words;
  readonly max: number;
}

type Literal = string | number | boolean | null;

export function describeCondition(source: string, q: Questionnaire, opts: DescribeOptions): string {
  const w = wordsFor(opts.lang);
  let ast: ASTNode;
  try {
    ast = parser.parse(source).ast;
  } catch {
    return `\`${source.trim()}\``;
  }
  const ctx: Ctx = { source, q, lang: opts.lang, w, max: opts.maxQuestionLength ?? Infinity };
  return describe(ast as unknown as Node, ctx, undefined);
}

function isNode(x: unknown): x is Node {
  return typeof x === 'object' && x !== null && 'op' in x;
}

function describe(n: Node, ctx: Ctx, parentOp: string | undefined): string {
  switch (n.op) {
    case '&&':
    case '||': {
      const parts =
        n.op === '||'
          ? foldNoAnswer(flatten(n, n.op), ctx)
          : flatten(n, n.op).map((c) => describe(c, ctx, n.op));
      const joined = parts.join(` ${n.op === '&&' ? ctx.w.and : ctx.w.or} `);
      return parentOp === '&&' || parentOp === '||' ? `(${joined})` : joined;
    }
    case '!_':
      return negate(n.args as Node, ctx);
    case 'call':
      return hasCall(n, ctx, true) ?? raw(n, ctx);
    case '==':
    case '!=':
    case '<':
    case '<=':
    case '>':
    case '>=':
      return comparison(n, ctx) ?? raw(n, ctx);
    case 'in':
      return membership(n, ctx, true) ?? raw(n, ctx);
    default:
      return raw(n, ctx);
  }
}

/**
 * `!has(answers.x) || answers.x != 'no'` is how authors keep asking after "don't know";
 * a reader wants one clause: “…” is not “No”, or has no answer.
 */
function foldNoAnswer(items: Node[], ctx: Ctx): string[] {
  const noAnswerId = (x: Node): string | undefined => {
    if (x.op !== '!_' || !isNode(x.args) || x.args.op !== 'call' || !Array.isArray(x.args.args))
      return undefined;
    const [name, params] = x.args.args as unknown[];
    if (name !== 'has' || !Array.isArray(params)) return undefined;
    const ref = refOf(params[0]);
    return ref?.via === 'answers' ? ref.id : undefined;
  };
  const subject = (x: Node): string | undefined => {
    const inner = x.op === '!_' && isNode(x.args) ? x.args : x;
    if (!Array.isArray(inner.args)) return undefined;
    const [a, b] = inner.args as unknown[];
    const ref = refOf(a) ?? refOf(b);
    return ref?.via === 'answers' ? ref.id : undefined;
  };
  const folded = new Set<string>();
  for (const x of items) {
    const id = noAnswerId(x);
    if (id && items.some((o) => noAnswerId(o) === undefined && subject(o) === id)) folded.add(id);
  }
  const out: string[] = [];
  for (const x of items) {
    const id = noAnswerId(x);
    if (id && folded.has(id)) continue;
    const s = subject(x);
    const text = describe(x, ctx, '||');
    out.push(s && folded.has(s) ? `${text}${ctx.w.orNoAnswer}` : text);
  }
  return out;
}

/** `a && b && c` parses as nested pairs; a reader wants one list. */
function flatten(n: Node, op: string): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [n];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (x.op === op && Array.isArray(x.args)) {
      const [a, b] = x.args as unknown[];
      if (isNode(b)) stack.push(b);
      if (isNode(a)) stack.push(a);
    } else out.push(x);
  }
  return out;
}

function negate(inner: Node, ctx: Ctx): string {
  if (inner.op === 'call') {
    const d = hasCall(inner, ctx, false);
    if (d) return d;
  }
  if (inner.op === 'in') {
    const d = membership(inner, ctx, false);
    if (d) return d;
  }
  if (inner.op === '==' || inner.op === '!=') {
    const d = comparison({ ...inner, op: inner.op === '==' ? '!=' : '==' }, ctx);
    if (d) return d;
  }
  return ctx.w.not(describe(inner, ctx, undefined));
}

function raw(n: Node, ctx: Ctx): string {
  const text =
    n.start !== undefined && n.end !== undefined
      ? ctx.source.slice(n.start, n.end)
      : ctx.source.trim();
  return `\`${text.replace(/\s+/g, ' ').trim()}\``;
}

/** answers.x, answers['x'], status.x or status['x']. */
function refOf(n: unknown): { via: 'answers' | 'status'; id: string } | undefined {
  if (!isNode(n) || (n.op !== '.' && n.op !== '[]') || !Array.isArray(n.args)) return undefined;
  const [obj, field] = n.args as unknown[];
  if (!isNode(obj) || obj.op !== 'id' || (obj.args !== 'answers' && obj.args !== 'status'))
    return undefined;
  const via = obj.args;
  if (n.op === '.' && typeof field === 'string') return { via, id: field };
  if (n.op === '[]' && isNode(field) && field.op === 'value' && typeof field.args === 'string')
    return { via, id: field.args };
  return undefined;
}

function literal(n: unknown): Literal | undefined {
  if (!isNode(n)) return undefined;
  if (n.op === 'value') {
    const v = n.args;
    if (typeof v === 'bigint') return Number(v);
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null)
      return v;
    return undefined;
  }
  if (n.op === '-_') {
    const v = literal(n.args);
    return typeof v === 'number' ? -v : undefined;
  }
  return undefined;
}

function literalList(n: unknown): Literal[] | undefined {
  if (!isNode(n) || n.op !== 'list' || !Array.isArray(n.args)) return undefined;
  const out: Literal[] = [];
  for (const item of n.args as unknown[]) {
    const v = literal(item);
    if (v === undefined) return undefined;
    out.push(v);
  }
  return out;
}

function questionLabel(id: string, ctx: Ctx): string {
  const question = ctx.q.questionById.get(id);
  let text = question ? plain(question.text, ctx) : id;
  if (text.length > ctx.max) text = `${text.slice(0, Math.max(1, ctx.max - 1)).trimEnd()}…`;
  return ctx.w.quote(text);
}

function plain(t: Question['text'], ctx: Ctx): string {
  return resolveText(t, ctx.lang, ctx.q.languages[0] ?? 'en')
    .text.replace(/\s+/g, ' ')
    .trim();
}

/** A compared value in the reader's terms: the choice's text where there is one. */
function valueLabel(id: string, v: Literal, ctx: Ctx): string {
  if (typeof v !== 'string') return String(v);
  const question = ctx.q.questionById.get(id);
  const choice = question?.choices.find((c) => c.value === v);
  if (!choice) return ctx.w.quote(v);
  if (question?.type === 'yesno') return plain(choice.text, ctx);
  return ctx.w.quote(plain(choice.text, ctx));
}

const FLIP: Readonly<Record<string, string>> = {
  '<': '>',
  '<=': '>=',
  '>': '<',
  '>=': '<=',
  '==': '==',
  '!=': '!=',
};

function comparison(n: Node, ctx: Ctx): string | undefined {
  if (!Array.isArray(n.args)) return undefined;
  const [a, b] = n.args as unknown[];
  let ref = refOf(a);
  let other = b;
  let op = n.op;
  if (!ref) {
    ref = refOf(b);
    other = a;
    op = FLIP[op] ?? op;
  }
  if (!ref) return undefined;
  const q = questionLabel(ref.id, ctx);
  const w = ctx.w;
  if (ref.via === 'status') {
    const v = literal(other);
    if (v !== 'answered' && v !== 'dont_know' && v !== 'declined') return undefined;
    if (op === '==') return w.status[v].is(q);
    if (op === '!=') return w.status[v].isNot(q);
    return undefined;
  }
  const list = literalList(other);
  if (list) {
    const values = list.map((v) => valueLabel(ref.id, v, ctx)).join(` ${w.and} `);
    if (op === '==') return w.isOnly(q, values);
    if (op === '!=') return w.isNotOnly(q, values);
    return undefined;
  }
  const v = literal(other);
  if (v === undefined) return undefined;
  const value = valueLabel(ref.id, v, ctx);
  switch (op) {
    case '==':
      return w.is(q, value);
    case '!=':
      return w.isNot(q, value);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return w.compare[op](q, value);
    default:
      return undefined;
  }
}

function membership(n: Node, ctx: Ctx, positive: boolean): string | undefined {
  if (!Array.isArray(n.args)) return undefined;
  const [a, b] = n.args as unknown[];
  const inAnswer = refOf(b);
  const v = literal(a);
  if (inAnswer?.via === 'answers' && v !== undefined) {
    const q = questionLabel(inAnswer.id, ctx);
    const value = valueLabel(inAnswer.id, v, ctx);
    return positive ? ctx.w.includes(q, value) : ctx.w.excludes(q, value);
  }
  const ref = refOf(a);
  const list = literalList(b);
  if (ref?.via === 'answers' && list) {
    const q = questionLabel(ref.id, ctx);
    const values = joinAlternatives(
      list.map((x) => valueLabel(ref.id, x, ctx)),
      ctx.w,
    );
    return positive ? ctx.w.isOneOf(q, values) : ctx.w.not(ctx.w.isOneOf(q, values));
  }
  return undefined;
}

function hasCall(n: Node, ctx: Ctx, positive: boolean): string | undefined {
  if (!Array.isArray(n.args)) return undefined;
  const [name, params] = n.args as unknown[];
  if (name !== 'has' || !Array.isArray(params) || params.length !== 1) return undefined;
  const ref = refOf(params[0]);
  if (ref?.via !== 'answers') return undefined;
  const q = questionLabel(ref.id, ctx);
  return positive ? ctx.w.hasAnswer(q) : ctx.w.hasNoAnswer(q);
}

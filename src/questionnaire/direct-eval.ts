/**
 * A direct evaluator for the shapes conditions are written in: comparisons of one
 * answer or status with a literal, `in`, `has()`, and `!`, `&&`, `||` over those. An
 * interview decides every condition of the questionnaire at every step, and most read
 * questions not answered yet; CEL's evaluator builds an error (with a highlighted
 * source excerpt) for each of those, a large part of what a scripted interview spent.
 * This gives what CEL gives (the tests compare the two on random answers) without
 * building anything. Any other shape is left to CEL, and so is any answer whose value
 * is not of the question's declared type, since CEL checks that itself.
 */
import type { ASTNode } from '@marcbachmann/cel-js';
import type { ExprContext } from './types.js';

/** The CEL type a question's answer is declared with (see ExpressionCompiler). */
export type AnswerType = 'string' | 'list<string>' | 'int' | 'double';

/** CEL's three outcomes: true, false, or an error (undefined), which a condition counts as false. */
type Tri = boolean | undefined;

/** The evaluator met a value CEL would type-check itself: ask CEL. */
export const ASK_CEL: unique symbol = Symbol('ask CEL');

export type DirectCondition = (ctx: ExprContext) => Tri | typeof ASK_CEL;

type Node = { op: string; args: unknown };
type Literal = string | bigint | number | readonly string[];
type Ref = { readonly via: 'answers' | 'status'; readonly id: string; readonly type: AnswerType };
type Term = { readonly lit: Literal; readonly type: AnswerType } | Ref;

/** Absent: the key is missing, which CEL reports as an error ("No such key"). */
const ABSENT = Symbol('absent');
/** Thrown on reading a value that is not of its declared type. */
const MISFIT = Symbol('misfit');

function isNode(x: unknown): x is Node {
  return typeof x === 'object' && x !== null && 'op' in x;
}

function isRef(t: Term): t is Ref {
  return 'via' in t;
}

/**
 * The direct evaluator of a parsed condition, or undefined when it has a shape this
 * does not handle. `typeOf(id)`: the declared type of a question's answer, undefined
 * for an unknown question or an information step.
 */
export function compileDirect(
  ast: ASTNode,
  typeOf: (id: string) => AnswerType | undefined,
): DirectCondition | undefined {
  /** Integer questions whose status is read: CEL is handed their answers too (as ints). */
  const statusInts = new Set<string>();

  const ref = (n: Node): Ref | undefined => {
    const args = n.args;
    if ((n.op !== '.' && n.op !== '[]') || !Array.isArray(args) || args.length !== 2)
      return undefined;
    const [obj, field] = args as [unknown, unknown];
    if (!isNode(obj) || obj.op !== 'id' || (obj.args !== 'answers' && obj.args !== 'status'))
      return undefined;
    let id: string | undefined;
    if (n.op === '.' && typeof field === 'string') id = field;
    else if (
      n.op === '[]' &&
      isNode(field) &&
      field.op === 'value' &&
      typeof field.args === 'string'
    )
      id = field.args;
    if (id === undefined) return undefined;
    const type = typeOf(id);
    if (type === undefined) return undefined;
    if (obj.args === 'status') {
      if (type === 'int') statusInts.add(id);
      return { via: 'status', id, type: 'string' };
    }
    return { via: 'answers', id, type };
  };

  const term = (n: unknown): Term | undefined => {
    if (!isNode(n)) return undefined;
    if (n.op === 'value') {
      const v = n.args;
      if (typeof v === 'string') return { lit: v, type: 'string' };
      if (typeof v === 'bigint') return { lit: v, type: 'int' };
      if (typeof v === 'number') return Number.isFinite(v) ? { lit: v, type: 'double' } : undefined;
      return undefined;
    }
    if (n.op === 'list') {
      const items = Array.isArray(n.args) ? (n.args as unknown[]) : [];
      const values: string[] = [];
      for (const x of items) {
        if (!isNode(x) || x.op !== 'value' || typeof x.args !== 'string') return undefined;
        values.push(x.args);
      }
      return { lit: values, type: 'list<string>' };
    }
    return ref(n);
  };

  // CEL checks each value it reads against the declared type; this reads the same
  // values in the same order (left to right, stopping where CEL stops), so a value of
  // another type is left to CEL (MISFIT, caught below).
  const read = (ctx: ExprContext, r: Ref): unknown => {
    const map = (r.via === 'answers' ? ctx.answers : ctx.status) as Record<string, unknown>;
    if (!Object.hasOwn(map, r.id)) return ABSENT;
    const v = map[r.id];
    if (!fits(v, r.type)) throw MISFIT;
    return v;
  };

  /** One reference and one literal of the same type, in either order. */
  const refAndLiteral = (args: unknown): [Ref, Literal, boolean] | undefined => {
    if (!Array.isArray(args) || args.length !== 2) return undefined;
    const a = term(args[0]);
    const b = term(args[1]);
    if (!a || !b) return undefined;
    if (isRef(a) && !isRef(b) && a.type === b.type) return [a, b.lit, false];
    if (!isRef(a) && isRef(b) && a.type === b.type) return [b, a.lit, true];
    return undefined;
  };

  const bool = (n: unknown): ((ctx: ExprContext) => Tri) | undefined => {
    if (!isNode(n)) return undefined;
    switch (n.op) {
      case 'value':
        return typeof n.args === 'boolean' ? constant(n.args) : undefined;
      case '!_': {
        const inner = bool(n.args);
        if (!inner) return undefined;
        return (ctx) => {
          const v = inner(ctx);
          return v === undefined ? undefined : !v;
        };
      }
      case '&&':
      case '||': {
        if (!Array.isArray(n.args) || n.args.length !== 2) return undefined;
        const l = bool(n.args[0]);
        const r = bool(n.args[1]);
        if (!l || !r) return undefined;
        // Commutative, as in CEL: one side decides even when the other is an error.
        const decides = n.op === '||';
        return (ctx) => {
          const a = l(ctx);
          if (a === decides) return decides;
          const b = r(ctx);
          if (b === decides) return decides;
          return a === !decides && b === !decides ? !decides : undefined;
        };
      }
      case 'call': {
        const args = n.args;
        if (!Array.isArray(args) || args[0] !== 'has' || !Array.isArray(args[1])) return undefined;
        const inner = args[1] as unknown[];
        if (inner.length !== 1 || !isNode(inner[0]) || inner[0].op !== '.') return undefined;
        const r = ref(inner[0]);
        if (!r) return undefined;
        return (ctx) => read(ctx, r) !== ABSENT;
      }
      case '==':
      case '!=': {
        const parts = refAndLiteral(n.args);
        if (!parts) return undefined;
        const [r, lit] = parts;
        const same = equality(r.type, lit);
        const negate = n.op === '!=';
        return (ctx) => {
          const v = read(ctx, r);
          return v === ABSENT ? undefined : same(v) !== negate;
        };
      }
      case 'in': {
        if (!Array.isArray(n.args) || n.args.length !== 2) return undefined;
        const a = term(n.args[0]);
        const b = term(n.args[1]);
        if (!a || !b) return undefined;
        // 'x' in answers.list
        if (!isRef(a) && isRef(b) && a.type === 'string' && b.type === 'list<string>') {
          const wanted = a.lit as string;
          return (ctx) => {
            const v = read(ctx, b);
            return v === ABSENT ? undefined : (v as readonly string[]).includes(wanted);
          };
        }
        // answers.choice in ['x', 'y']
        if (isRef(a) && !isRef(b) && a.type === 'string' && b.type === 'list<string>') {
          const within = b.lit as readonly string[];
          return (ctx) => {
            const v = read(ctx, a);
            return v === ABSENT ? undefined : within.includes(v as string);
          };
        }
        return undefined;
      }
      case '<':
      case '<=':
      case '>':
      case '>=': {
        const parts = refAndLiteral(n.args);
        if (!parts) return undefined;
        const [r, lit, swapped] = parts;
        if (r.type !== 'int' && r.type !== 'double') return undefined;
        const holds = ORDER[swapped ? FLIPPED[n.op]! : n.op]!;
        const num = r.type === 'int' ? intOf : (v: unknown) => v as number;
        return (ctx) => {
          const v = read(ctx, r);
          return v === ABSENT ? undefined : holds(num(v), lit as number | bigint);
        };
      }
      default:
        return undefined;
    }
  };

  const body = bool(ast);
  if (!body) return undefined;
  const ints = [...statusInts];
  return (ctx) => {
    // Integer answers are converted for CEL whenever their question is read at all
    // (makeCondition), and one that cannot be fails there: leave that to CEL too.
    for (let i = 0; i < ints.length; i++) {
      const id = ints[i]!;
      if (Object.hasOwn(ctx.answers, id) && !fits(ctx.answers[id], 'int')) return ASK_CEL;
    }
    try {
      return body(ctx);
    } catch (e) {
      if (e === MISFIT) return ASK_CEL;
      throw e;
    }
  };
}

function constant(v: boolean): () => boolean {
  return () => v;
}

/** Integer answers reach CEL truncated to an int (see makeCondition). */
function intOf(v: unknown): bigint {
  return typeof v === 'bigint' ? v : BigInt(Math.trunc(v as number));
}

function fits(v: unknown, type: AnswerType): boolean {
  switch (type) {
    case 'string':
      return typeof v === 'string';
    case 'list<string>': {
      if (!Array.isArray(v)) return false;
      for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
      return true;
    }
    case 'int':
      return typeof v === 'bigint' || (typeof v === 'number' && Number.isFinite(v));
    case 'double':
      return typeof v === 'number' && Number.isFinite(v);
  }
}

function equality(type: AnswerType, lit: Literal): (v: unknown) => boolean {
  switch (type) {
    case 'list<string>': {
      const want = lit as readonly string[];
      return (v) => {
        const have = v as readonly string[];
        return have.length === want.length && have.every((x, i) => x === want[i]);
      };
    }
    case 'int':
      return (v) => intOf(v) === lit;
    case 'string':
    case 'double':
      return (v) => v === lit;
  }
}

const FLIPPED: Readonly<Record<string, string>> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

const ORDER: Readonly<Record<string, (a: number | bigint, b: number | bigint) => boolean>> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

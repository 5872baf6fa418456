/**
 * Parsed conditions as JSON, for the build to store beside a shipped questionnaire
 * (precompiled.ts) so that starting an interview does not parse them again. Only the
 * syntax tree is kept (op, args, positions): enough for the refs, the shortcuts and
 * the direct evaluator; CEL's own evaluator, when a condition needs it, parses the
 * source again. An int literal (a BigInt) is written as { int: "18" }; a tree with any
 * other kind of literal is not stored.
 */
import type { ASTNode } from '@marcbachmann/cel-js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const NODE_KEYS = ['op', 'args', 'pos', 'start', 'end'] as const;

function isNode(x: unknown): x is Record<string, unknown> & { op: unknown } {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && 'op' in x;
}

/** The tree as JSON, or undefined when it holds a literal JSON cannot carry exactly. */
export function astToJson(ast: ASTNode): Json | undefined {
  const walk = (x: unknown): Json | undefined => {
    if (x === null || typeof x === 'string' || typeof x === 'boolean') return x;
    if (typeof x === 'number') return Number.isFinite(x) && !Object.is(x, -0) ? x : undefined;
    if (typeof x === 'bigint') return { int: x.toString() };
    if (Array.isArray(x)) {
      const out: Json[] = [];
      for (const v of x) {
        const j = walk(v);
        if (j === undefined) return undefined;
        out.push(j);
      }
      return out;
    }
    if (isNode(x)) {
      const out: { [k: string]: Json } = {};
      for (const k of NODE_KEYS) {
        if (x[k] === undefined) continue;
        const j = walk(x[k]);
        if (j === undefined) return undefined;
        out[k] = j;
      }
      return out;
    }
    return undefined;
  };
  return walk(ast);
}

/** The tree astToJson wrote (plain objects with the parser's fields). */
export function astFromJson(json: unknown): ASTNode {
  const walk = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(walk);
    if (typeof x === 'object' && x !== null) {
      const o = x as Record<string, unknown>;
      if (!('op' in o) && typeof o.int === 'string') return BigInt(o.int);
      const out: Record<string, unknown> = {};
      for (const k of NODE_KEYS) if (k in o) out[k] = walk(o[k]);
      return out;
    }
    return x;
  };
  return walk(json) as ASTNode;
}

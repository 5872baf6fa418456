/**
 * Seeded mutations of input files for the fuzz suite. Deterministic for a seed, so a
 * failure is reproducible: the test prints the seed and case number.
 */
import { stringify } from 'yaml';
import { mulberry32 } from '../helpers/rng.js';

export type Rng = () => number;

/** Seeded: the same seed gives the same mutations. */
export const rng = mulberry32;

export const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: Rng, n: number) => Math.floor(r() * n);

type Json = unknown;

/** Every path to a value inside a plain JSON-like value. */
function paths(
  v: Json,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...prefix, i], out));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) paths(x, [...prefix, k], out);
  return out;
}

function getAt(v: Json, p: (string | number)[]): Json {
  return p.reduce<Json>((acc, k) => (acc as Record<string | number, Json>)[k], v);
}

function setAt(v: Json, p: (string | number)[], value: Json | undefined): void {
  if (p.length === 0) return;
  const parent = getAt(v, p.slice(0, -1)) as Record<string | number, Json>;
  const key = p[p.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else parent[key] = value;
}

const BROKEN_EXPRESSIONS = [
  'answers.',
  'answers.nope == 1',
  "answers.age < 'x'",
  '((((((((((((((((((((((((((((((((((((((((((((((((true))))))))))))))))))))))))))))))))))))))))))))))',
  'process.exit(1)',
  'answers.constructor.constructor("return process")()',
  "answers['__proto__'] == 1",
  '1 + ',
  'true ? 1 : "x"',
  "size(answers) > 0 && '".repeat(3),
  '\u0000\u0001',
  'answers.age < 18 || '.repeat(200) + 'true',
];

const WRONG_VALUES: Json[] = [
  null,
  0,
  -1,
  1e308,
  true,
  'x',
  '',
  [],
  {},
  [[[]]],
  { a: { b: { c: 1 } } },
  'ÿ'.repeat(3),
  '__proto__',
];

/** One structural mutation of a parsed document, returned as YAML text. */
export function mutateStructure(r: Rng, doc: Json): { text: string; what: string } {
  const copy = structuredClone(doc);
  const all = paths(copy).filter((p) => p.length > 0);
  const p = pick(r, all);
  const kind = int(r, 7);
  let what: string;
  switch (kind) {
    case 0:
      setAt(copy, p, undefined);
      what = `delete ${p.join('.')}`;
      break;
    case 1: {
      const v = pick(r, WRONG_VALUES);
      setAt(copy, p, structuredClone(v));
      what = `set ${p.join('.')} = ${JSON.stringify(v)}`;
      break;
    }
    case 2: {
      const whens = all.filter((x) =>
        ['when', 'child_when', 'possible_minor_when'].includes(String(x[x.length - 1])),
      );
      const target = whens.length ? pick(r, whens) : p;
      const e = pick(r, BROKEN_EXPRESSIONS);
      setAt(copy, target, e);
      what = `expression ${target.join('.')} = ${JSON.stringify(e.slice(0, 40))}`;
      break;
    }
    case 3: {
      const huge = 'A'.repeat(100_000 + int(r, 500_000));
      setAt(copy, p, huge);
      what = `huge string at ${p.join('.')}`;
      break;
    }
    case 4: {
      let deep: Json = 'x';
      const depth = 50 + int(r, 2000);
      for (let i = 0; i < depth; i++) deep = r() < 0.5 ? [deep] : { k: deep };
      setAt(copy, p, deep);
      what = `nesting ${depth} at ${p.join('.')}`;
      break;
    }
    case 5: {
      const ids = all.filter((x) => x[x.length - 1] === 'id' || x[x.length - 1] === 'value');
      const a = pick(r, ids.length ? ids : all);
      const b = pick(r, ids.length ? ids : all);
      setAt(copy, a, structuredClone(getAt(copy, b)));
      what = `copy ${b.join('.')} to ${a.join('.')}`;
      break;
    }
    default: {
      const parent = p.slice(0, -1);
      const container = getAt(copy, parent);
      if (container && typeof container === 'object' && !Array.isArray(container)) {
        (container as Record<string, Json>)[
          pick(r, ['tpye', 'whne', 'raise', '__proto__', 'constructor', 'x'])
        ] = 'x';
      }
      what = `unknown key under ${parent.join('.')}`;
    }
  }
  let text: string;
  try {
    text = stringify(copy, { aliasDuplicateObjects: false, lineWidth: 0 });
  } catch {
    text = JSON.stringify(copy);
  }
  return { text, what };
}

/** One byte-level mutation of a file's bytes. */
export function mutateBytes(r: Rng, bytes: Buffer): { bytes: Buffer; what: string } {
  const b = Buffer.from(bytes);
  switch (int(r, 5)) {
    case 0: {
      const at = int(r, b.length);
      return { bytes: b.subarray(0, at), what: `truncate at ${at}` };
    }
    case 1: {
      const n = 1 + int(r, 20);
      for (let i = 0; i < n; i++) {
        const k = int(r, b.length);
        b[k] = b[k]! ^ (1 << int(r, 8));
      }
      return { bytes: b, what: `flip ${n} bits` };
    }
    case 2: {
      const at = int(r, b.length);
      const junk = Buffer.from(Array.from({ length: 1 + int(r, 64) }, () => int(r, 256)));
      return {
        bytes: Buffer.concat([b.subarray(0, at), junk, b.subarray(at)]),
        what: `insert ${junk.length} random bytes at ${at}`,
      };
    }
    case 3: {
      const junk = Buffer.from(Array.from({ length: int(r, 4096) }, () => int(r, 256)));
      return { bytes: junk, what: `${junk.length} random bytes` };
    }
    default: {
      const at = int(r, b.length);
      const chars = [
        '\t',
        '\r',
        '\n---\n',
        ': ',
        '- ',
        '&a ',
        '*a',
        '!!binary ',
        '{',
        '[',
        '"',
        "'",
        '%YAML 1.1\n',
        '\uFEFF',
      ];
      const ins = Buffer.from(pick(r, chars));
      return {
        bytes: Buffer.concat([b.subarray(0, at), ins, b.subarray(at)]),
        what: `insert ${JSON.stringify(ins.toString())} at ${at}`,
      };
    }
  }
}

/**
 * Answers files are read by js-yaml first (src/questionnaire/quick-yaml.ts), and its
 * value is used only where it cannot differ from the YAML library's. Checked here on
 * generated files full of YAML's corners (every core-schema number form, look-alikes
 * such as `1_000` and `0b1`, quoting and escapes, block scalars, flow collections,
 * comments, odd keys, CRLF, tabs) and on mutated copies of them and of the shipped
 * answers and scenario files: whenever the quick reader gives a value, the library
 * reads the file without a single diagnostic and gives the same value (Object.is for
 * every number, so -0 and NaN count). `npm run fuzz` multiplies the count (FUZZ_SCALE);
 * FUZZ_SEED picks another seed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { quickYamlValue } from '../../src/questionnaire/quick-yaml.js';
import { parseYamlText } from '../../src/questionnaire/yaml-source.js';
import { shippedScenarios } from '../../src/shipped.js';
import { ROOT } from '../helpers/run-cli.js';
import { mutateBytes, pick, rng, type Rng } from './mutate.js';

const SCALE = Number(process.env.FUZZ_SCALE ?? '1');
const SEED = Number(process.env.FUZZ_SEED ?? '20261128');

const KEYS = [
  'a',
  'b',
  'age',
  'work_hours',
  'x-y',
  'é',
  'a b',
  '__proto__',
  'constructor',
  '<<',
  '1',
  '01',
  '1.5',
  '.5',
  '0x1F',
  'true',
  'True',
  'yes',
  'null',
  'Null',
  '~',
  'NaN',
  'Infinity',
  '.inf',
  '"a"',
  "'b'",
  '"1"',
  "'true'",
  '"with: colon"',
  '""',
  '"\\u00e9t\\u00e9"',
  'k#x',
  'long_' + 'k'.repeat(1100),
];

const SCALARS = [
  // Every form the core schema reads as something other than text, and look-alikes it reads as text.
  '0',
  '-0',
  '+0',
  '12',
  '+12',
  '-12',
  '012',
  '0o17',
  '0o8',
  '0O17',
  '0x1F',
  '0X1F',
  '-0x1F',
  '0b101',
  '1_000',
  '1.',
  '.5',
  '-.5',
  '1.50',
  '1e3',
  '1E-3',
  '1.5e+3',
  '.5e3',
  '1e',
  '.inf',
  '-.Inf',
  '+.INF',
  '.nan',
  '.NaN',
  'nan',
  'inf',
  '12345678901234567890',
  'true',
  'True',
  'TRUE',
  'tRUE',
  'false',
  'FALSE',
  'yes',
  'no',
  'on',
  'off',
  'y',
  'null',
  'Null',
  'NULL',
  'nULL',
  '~',
  '',
  '2024-03-12',
  '2024-03-12T10:00:00Z',
  '12:30',
  '1:2:3',
  // Text in every quoting.
  'plain text',
  'Port Ellery',
  'Eastland, north (near Varn)',
  'a: b',
  'a #b',
  'a#b',
  "don't",
  '"double \\"quoted\\" \\t \\u00e9 \\x41 \\N \\_"',
  "'single ''quoted'''",
  '"# not a comment"',
  '"-"',
  "'- x'",
  '"%"',
  '50%',
  'é à ü ß 中文',
  '"\\uD83D\\uDE00"',
  'tab\there',
  'trailing  ',
  // Characters some readers take for line breaks or spaces.
  'next\u0085line',
  'line\u2028sep',
  'para\u2029sep',
  'no\u00a0break',
  '\u00a0lead',
  'zero\u200bwidth',
  'bom\ufeffinside',
  '"quoted\u0085next"',
];

/** Scalars that send the whole file to the library: used now and then. */
const RARE_SCALARS = [
  'R&D',
  'help!',
  '5 * 3',
  '"&a"',
  '"*b"',
  '"!x"',
  '"multi\n  line"',
  "'multi\n\n  line'",
  '"\\\n  escaped break"',
  '&anchor value',
  '*anchor',
  '!!str 12',
  '!!int "12"',
];

const BLOCKS = [
  '|\n  one\n  two\n',
  '|-\n  one\n  two\n',
  '|+\n  one\n\n',
  '>\n  folded\n  lines\n\n  para\n',
  '>-\n  folded\n',
  '|2\n    indented\n',
  '>\n\n  leading blank\n',
  '|\n  # not a comment\n',
];

const int = (r: Rng, n: number) => Math.floor(r() * n);

function scalar(r: Rng): string {
  return pick(r, r() < 0.02 ? RARE_SCALARS : SCALARS);
}

/** Mostly keys the quick reader keeps; now and then one it leaves to the library. */
function key(r: Rng): string {
  return r() < 0.85 ? pick(r, KEYS.slice(0, 9)) : pick(r, KEYS);
}

function flow(r: Rng, depth: number): string {
  const n = int(r, 4);
  if (r() < 0.5 || depth > 1) {
    const items = Array.from({ length: n }, () =>
      r() < 0.2 && depth < 2 ? flow(r, depth + 1) : scalar(r),
    );
    return `[${items.join(', ')}]`;
  }
  const pairs = Array.from({ length: n }, () => `${key(r)}: ${scalar(r)}`);
  return `{${pairs.join(', ')}}`;
}

function value(r: Rng, indent: string, depth: number): string[] {
  const k = int(r, 10);
  if (k < 5 || depth > 2) {
    const s = scalar(r);
    const comment = r() < 0.1 ? ' # note' : '';
    return [` ${s}${comment}`];
  }
  if (k === 5) return [` ${flow(r, 0)}`];
  if (k === 6) {
    const b = pick(r, BLOCKS).split('\n');
    return [` ${b[0]}`, ...b.slice(1, -1).map((l) => (l ? indent + l : l))];
  }
  if (k === 7) {
    const lines: string[] = [''];
    for (let i = 0, n = 1 + int(r, 3); i < n; i++) {
      const inner = value(r, `${indent}    `, depth + 1);
      lines.push(`${indent}  -${inner[0]}`, ...inner.slice(1));
    }
    return lines;
  }
  return ['', ...mapping(r, `${indent}  `, depth + 1)];
}

function mapping(r: Rng, indent: string, depth: number): string[] {
  const lines: string[] = [];
  const used = new Set<string>();
  for (let i = 0, n = 1 + int(r, 6); i < n; i++) {
    // Mostly distinct keys, so that most files are valid; a duplicate now and then.
    let k = key(r);
    if (used.has(k) && r() < 0.9) k = `${k.replace(/^["']|["']$/g, '')}_${i}`;
    used.add(k);
    if (r() < 0.05) lines.push(`${indent}# a comment`);
    if (r() < 0.05) lines.push('');
    const v = value(r, indent, depth);
    lines.push(`${indent}${k}:${v[0]}`, ...v.slice(1));
  }
  return lines;
}

/** An answers-like file: the contract's top keys, answers and notes, and now and then oddities. */
function generate(r: Rng): string {
  const lines = [
    'questionnaire: iom_screening',
    `lang: ${pick(r, ['en', 'fr', '"en"'])}`,
    'answers:',
  ];
  lines.push(...mapping(r, '  ', 1));
  if (r() < 0.3) lines.push('notes:', ...mapping(r, '  ', 2));
  if (r() < 0.1) lines.unshift('---');
  if (r() < 0.05) lines.push('...');
  let text = lines.join('\n') + '\n';
  if (r() < 0.1) text = text.replace(/\n/g, '\r\n');
  if (r() < 0.05) text = text.replace(/\n {2}/, '\n\t');
  return text;
}

function mutated(r: Rng, text: string): string {
  return mutateBytes(r, Buffer.from(text)).bytes.toString('utf8');
}

/** Deep equality with Object.is for every leaf, and the same keys in the same order. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null)
    return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  return ka.every((k) =>
    same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

interface Tally {
  quick: number;
  library: number;
}

/** The property, for one text; returns which reader took it. */
function check(text: string, label: string, tally: Tally): void {
  const quick = quickYamlValue(text);
  if (!quick) {
    tally.library++;
    return;
  }
  tally.quick++;
  const lib = parseYamlText('answers.yaml', text);
  const problems = lib.diagnostics.map((d) => `${d.line}:${d.col} ${d.code} ${d.message}`);
  if (problems.length > 0 || !same(quick.value, lib.source?.value)) {
    expect.fail(
      `${label}: the quick reader and the library differ\n${JSON.stringify(text)}\n` +
        `library: ${problems.join('; ') || JSON.stringify(lib.source?.value)}\n` +
        `quick:   ${JSON.stringify(quick.value)}`,
    );
  }
}

describe(`the quick YAML reader agrees with the library (seed ${SEED})`, () => {
  it(`on ${1500 * SCALE} generated answers files`, () => {
    const r = rng(SEED);
    const tally: Tally = { quick: 0, library: 0 };
    for (let i = 0; i < 1500 * SCALE; i++) check(generate(r), `generated #${i}`, tally);
    // The comparison means something only if the quick reader took many files.
    expect(tally.quick).toBeGreaterThan(tally.library / 4);
  });

  it(`on ${1500 * SCALE} mutated files`, () => {
    const r = rng(SEED + 1);
    const answers = readFileSync(
      join(ROOT, 'tests', 'fixtures', 'answers', 'bench-full-interview.yaml'),
      'utf8',
    );
    const sources = [answers, ...shippedScenarios().map((f) => readFileSync(f, 'utf8'))];
    const tally: Tally = { quick: 0, library: 0 };
    for (let i = 0; i < 1500 * SCALE; i++) {
      const base = r() < 0.5 ? pick(r, sources) : generate(r);
      check(mutated(r, base), `mutated #${i}`, tally);
    }
    expect(tally.quick).toBeGreaterThan(100 * SCALE);
  });
});

/**
 * Duplicate keys are found by one pass of our own (yaml-source.ts) instead of the YAML
 * library's check, which is quadratic in a mapping's size. Both must find the same
 * keys at the same places: compared here on generated documents (block and flow
 * mappings, nested, in sequences, quoted and plain keys), from a fixed seed.
 */
import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseYamlText } from '../../src/questionnaire/yaml-source.js';
import { mulberry32 } from '../helpers/rng.js';

const KEYS = ['a', 'b', 'c', 'id', '"a"', "'b'", '1', '"1"', 'yes', 'null'];

function generate(r: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const scalar = () => pick(['x', '1', 'yes', '"q"', 'null', 'two words']);
  const flowMap = () =>
    `{ ${Array.from({ length: 1 + Math.floor(r() * 4) }, () => `${pick(KEYS)}: ${scalar()}`).join(', ')} }`;
  const block = (indent: string, depth: number): string[] => {
    const lines: string[] = [];
    const n = 1 + Math.floor(r() * 6);
    for (let i = 0; i < n; i++) {
      const key = pick(KEYS);
      const kind = depth > 2 ? 0 : Math.floor(r() * 4);
      if (kind === 0) lines.push(`${indent}${key}: ${scalar()}`);
      else if (kind === 1) lines.push(`${indent}${key}: ${flowMap()}`);
      else if (kind === 2) lines.push(`${indent}${key}:`, ...block(`${indent}  `, depth + 1));
      else {
        lines.push(`${indent}${key}:`);
        const items = 1 + Math.floor(r() * 3);
        for (let j = 0; j < items; j++) {
          const inner = block(`${indent}    `, depth + 1);
          lines.push(`${indent}  - ${inner[0]!.trimStart()}`, ...inner.slice(1));
        }
      }
    }
    return lines;
  };
  return block('', 0).join('\n') + '\n';
}

/** Where the library's own check (uniqueKeys: true) finds duplicates, as line:col. */
function libraryDuplicates(text: string): string[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
    stringKeys: true,
    version: '1.2',
    merge: false,
  });
  return doc.errors
    .filter((e) => e.code === 'DUPLICATE_KEY')
    .map((e) => {
      const { line, col } = lineCounter.linePos(e.pos[0]);
      return `${line}:${col}`;
    });
}

function ourDuplicates(text: string): string[] {
  return parseYamlText('doc.yaml', text)
    .diagnostics.filter((d) => d.code === 'E_YAML_DUPLICATE_KEY')
    .map((d) => `${d.line}:${d.col}`);
}

describe('duplicate keys', () => {
  it('are found where the YAML library finds them, in 400 generated documents', () => {
    const r = mulberry32(20261128);
    let withDuplicates = 0;
    for (let i = 0; i < 400; i++) {
      const text = generate(r);
      const expected = libraryDuplicates(text).sort();
      if (expected.length > 0) withDuplicates++;
      expect(ourDuplicates(text).sort(), text).toEqual(expected);
    }
    // The generator does make duplicates, and documents without them.
    expect(withDuplicates).toBeGreaterThan(50);
    expect(withDuplicates).toBeLessThan(390);
  });

  it('are reported at the second key, and the document gives no value', () => {
    const text = 'answers:\n  age: 34\n  sex: male\n  age: 35\n';
    const r = parseYamlText('a.yaml', text);
    expect(r.source).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.line, d.col])).toEqual([
      ['E_YAML_DUPLICATE_KEY', 4, 3],
    ]);
  });

  it('name the key and the line of its first appearance', () => {
    const text = 'id: one\nanswers:\n  age: 34\n  sex: male\n  age: 35\nid: two\n';
    const r = parseYamlText('a.yaml', text);
    expect(r.diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`).sort()).toEqual([
      '5:3 `age` is already a key of this mapping, at line 3',
      '6:1 `id` is already a key of this mapping, at line 1',
    ]);
  });
});

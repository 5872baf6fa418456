/**
 * The quick reader for answers files (src/questionnaire/quick-yaml.ts): it reads the
 * files people write, gives exactly the YAML library's values, leaves everything else
 * to the library, and the positions of problems are still found.
 * (tests/fuzz/quick-yaml.fuzz.test.ts compares the two readers on generated files.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { quickYamlValue } from '../../src/questionnaire/quick-yaml.js';
import { locate, parseYamlText } from '../../src/questionnaire/yaml-source.js';
import { VALID } from '../answers/helpers.js';
import { ROOT } from '../helpers/run-cli.js';

const library = (text: string) => parseYamlText('a.yaml', text).source?.value;

describe('the quick YAML reader', () => {
  it('reads the answers files people write, with the library’s values', () => {
    const bench = readFileSync(
      join(ROOT, 'tests', 'fixtures', 'answers', 'bench-full-interview.yaml'),
      'utf8',
    );
    for (const text of [bench, VALID, VALID.replace(/\n/g, '\r\n')]) {
      const quick = quickYamlValue(text);
      expect(quick).toBeDefined();
      expect(quick!.value).toStrictEqual(library(text));
    }
  });

  it('resolves scalars by the YAML 1.2 core schema, as the library does', () => {
    const text = [
      'a: 1_000',
      'b: 0b101',
      'c: 0o17',
      'd: 0x1F',
      'e: +12',
      'f: 012',
      'g: .inf',
      'h: -.Inf',
      'i: 1.',
      'j: 1e3',
      'k: yes',
      'l: True',
      'm: ~',
      'n:',
      'o: 2024-03-12',
      'p: "12"',
      '',
    ].join('\n');
    const quick = quickYamlValue(text);
    expect(quick?.value).toStrictEqual({
      a: '1_000',
      b: '0b101',
      c: 15,
      d: 31,
      e: 12,
      f: 12,
      g: Infinity,
      h: -Infinity,
      i: 1,
      j: 1000,
      k: 'yes',
      l: true,
      m: null,
      n: null,
      o: '2024-03-12',
      p: '12',
    });
    expect(quick!.value).toStrictEqual(library(text));
    expect(Number.isNaN((quickYamlValue('x: .NaN\n')!.value as { x: number }).x)).toBe(true);
  });

  it.each([
    ['a tag', 'answers:\n  age: !!str 30\n'],
    ['an anchor and an alias', 'answers:\n  a: &x 1\n  b: *x\n'],
    ['a directive', '%YAML 1.2\n---\nanswers: {}\n'],
    ['a complex key', 'answers:\n  ? [a, b]\n  : 1\n'],
    ['a flow key', 'answers: {[a]: 1}\n'],
    ['a key that is a number', 'answers:\n  1: x\n'],
    ['a key that is null', 'answers:\n  ~: x\n'],
    ['a quoted text over two lines', 'answers:\n  a: "one\n    two"\n'],
    ['a tab', 'answers:\n\ta: 1\n'],
    ['a carriage return alone', 'answers:\r  a: 1\r'],
    ['a duplicate key', 'answers:\n  a: 1\n  a: 2\n'],
    ['a syntax error', 'answers:\n  a: [1\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
  ])('leaves %s to the library', (_what, text) => {
    expect(quickYamlValue(text)).toBeUndefined();
  });

  it('still refuses what the library refuses when asked to be quick, at the same place', () => {
    for (const [text, code] of [
      ['answers:\n  age: !!str 30\n', 'E_YAML_TAG'],
      ['answers:\n  a: 1\n  a: 2\n', 'E_YAML_DUPLICATE_KEY'],
      ['answers:\n  a: [1\n', 'E_YAML_SYNTAX'],
    ]) {
      const quick = parseYamlText('a.yaml', text!, { quick: quickYamlValue });
      expect(quick.source).toBeUndefined();
      expect(quick.diagnostics.map((d) => d.code)).toContain(code);
      expect(quick.diagnostics).toEqual(parseYamlText('a.yaml', text!).diagnostics);
    }
  });

  it('reads a file of comments only as the library does (no value)', () => {
    expect(quickYamlValue('# nothing\n')?.value).toBeNull();
    expect(library('# nothing\n')).toBeNull();
  });

  it('finds positions in a quickly read file (the library reads it when asked)', () => {
    const parsed = parseYamlText('a.yaml', VALID, { quick: quickYamlValue });
    const src = parsed.source!;
    expect(src.value).toStrictEqual(library(VALID));
    expect(locate(src, ['answers', 'age'])).toEqual({ line: 7, col: 8, length: 2 });
    expect(locate(src, ['answers', 'recruiter_name'], 'key')).toEqual({
      line: 12,
      col: 3,
      length: 14,
    });
    expect(src.lineCounter.linePos(0)).toEqual({ line: 1, col: 1 });
  });
});

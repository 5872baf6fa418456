import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astFromJson, astToJson } from '../../src/questionnaire/ast-json.js';
import { conditionTrees } from '../../src/questionnaire/lint.js';
import { loadQuestionnaire, loadTrusted } from '../../src/questionnaire/load.js';
import { writePrecompiled } from '../../src/questionnaire/precompile-shipped.js';
import { precompiled } from '../../src/questionnaire/precompiled.js';
import type { Condition, Questionnaire, QuestionnaireDoc } from '../../src/questionnaire/types.js';
import { exprQuestions, outcome, randomContext } from '../helpers/random-answers.js';
import { mulberry32 } from '../helpers/rng.js';
import { shippedQuestionnaires } from '../../src/shipped.js';
import { runCli } from '../helpers/run-cli.js';

/** Functions (conditions) compared by their source and what they read. */
function plain(q: Questionnaire): unknown {
  return JSON.parse(
    JSON.stringify(q, (_k, v: unknown) => {
      if (v instanceof Map) return Object.fromEntries(v);
      if (v && typeof v === 'object' && 'evaluate' in v) {
        const c = v as unknown as { source: string; refs: readonly string[] };
        return { source: c.source, refs: c.refs };
      }
      return v;
    }),
  );
}

describe('precompiled shipped questionnaires', () => {
  it.each(shippedQuestionnaires())(
    '%s compiles to the same questionnaire on the trusted path',
    (file) => {
      const checked = loadQuestionnaire(file);
      expect(checked.questionnaire).toBeDefined();
      const text = readFileSync(file, 'utf8');
      const trusted = loadTrusted(file, text, JSON.parse(JSON.stringify(checked.source!.value)));
      expect(plain(trusted!)).toEqual(plain(checked.questionnaire!));
    },
  );

  it('finds the very text the build checked, with its SHA-256, and nothing else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'screener-precompiled-'));
    try {
      expect(writePrecompiled(dir).length).toBe(shippedQuestionnaires().length);
      for (const file of shippedQuestionnaires()) {
        const text = readFileSync(file, 'utf8');
        const sha = createHash('sha256').update(text).digest('hex');
        const found = precompiled(text, dir);
        expect(found?.hash).toBe(sha);
        // The file's bytes, never decoded, find the same.
        expect(precompiled(readFileSync(file), dir)?.hash).toBe(sha);
        expect(found?.doc).toEqual(loadQuestionnaire(file).source!.value);
        // One character changed, same length: another text, not found.
        const at = text.indexOf('version:') + 'version:'.length + 1;
        const edited = text.slice(0, at) + (text[at] === '9' ? '8' : '9') + text.slice(at + 1);
        expect(edited.length).toBe(text.length);
        expect(precompiled(edited, dir)).toBeUndefined();
        expect(precompiled(Buffer.from(edited, 'utf8'), dir)).toBeUndefined();
        // A byte-order mark in front: other bytes, so the checked path reads the file.
        expect(
          precompiled(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(file)]), dir),
        ).toBeUndefined();
        expect(precompiled(text + ' ', dir)).toBeUndefined();
      }
      // Without the index (a build stopped half-way), nothing is trusted.
      unlinkSync(join(dir, 'index.json'));
      expect(precompiled(readFileSync(shippedQuestionnaires()[0]!, 'utf8'), dir)).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it("the build's index holds each shipped text under its length in bytes and true SHA-256", () => {
    // The built CLI takes these hashes without hashing again: each must be the hash of
    // its stored text, and that text the shipped file's.
    const dist = join(import.meta.dirname, '..', '..', 'dist', 'precompiled');
    const index = JSON.parse(readFileSync(join(dist, 'index.json'), 'utf8')) as Record<
      string,
      string[]
    >;
    const listed = Object.entries(index).flatMap(([length, hashes]) =>
      hashes.map((hash) => ({ length: Number(length), hash })),
    );
    for (const { length, hash } of listed) {
      const text = readFileSync(join(dist, `${hash}.source.yaml`), 'utf8');
      expect(Buffer.byteLength(text, 'utf8')).toBe(length);
      expect(createHash('sha256').update(text).digest('hex')).toBe(hash);
    }
    for (const file of shippedQuestionnaires()) {
      const text = readFileSync(file, 'utf8');
      const hash = createHash('sha256').update(text).digest('hex');
      expect(listed).toContainEqual({ length: Buffer.byteLength(text, 'utf8'), hash });
    }
  });

  it('an edited copy of a shipped questionnaire is checked, not trusted', () => {
    // The built CLI has the cache; a changed text has another hash, so its error shows.
    const file = shippedQuestionnaires()[0]!;
    const broken = readFileSync(file, 'utf8').replace(/^languages:.*$/m, 'languages: 7');
    const dir = mkdtempSync(join(tmpdir(), 'screener-precompiled-'));
    const tmp = join(dir, 'edited.yaml');
    writeFileSync(tmp, broken);
    try {
      const r = runCli(['show', tmp]);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain('E_SCHEMA_TYPE');
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

/** Every condition of a questionnaire, by where it is used. */
function conditionsOf(q: Questionnaire): [string, Condition][] {
  const out: [string, Condition | undefined][] = [
    ...q.sections.map((x) => [`section ${x.id}`, x.when] as [string, Condition | undefined]),
    ...q.questions.map((x) => [`question ${x.id}`, x.when] as [string, Condition | undefined]),
    ...q.rules.map((x) => [`rule ${x.id}`, x.when] as [string, Condition | undefined]),
    ['child_when', q.scoring.childWhen],
    ['possible_minor_when', q.scoring.possibleMinorWhen],
  ];
  return out.filter((x): x is [string, Condition] => x[1] !== undefined);
}

describe('stored syntax trees of the shipped conditions', () => {
  it.each(shippedQuestionnaires())('%s: the build stores a tree for every condition', (file) => {
    const checked = loadQuestionnaire(file);
    const doc = checked.source!.value as QuestionnaireDoc;
    const trees = conditionTrees(doc);
    expect(trees.size).toBeGreaterThan(0);
    const stored = new Map(
      [...trees].map(([at, ast]) => [at, astFromJson(JSON.parse(JSON.stringify(astToJson(ast))))]),
    );
    // The build's file for this text holds exactly these trees (not stale).
    const dist = join(import.meta.dirname, '..', '..', 'dist', 'precompiled');
    const file2 = join(dist, `${checked.questionnaire!.hash}.conditions.json`);
    const written = JSON.parse(readFileSync(file2, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(written).sort()).toEqual([...trees.keys()].sort());
    for (const [at, ast] of trees) expect(written[at]).toEqual(astToJson(ast));

    // Compiled from the stored trees, conditions are the same and decide the same.
    const text = readFileSync(file, 'utf8');
    const fromTrees = loadTrusted(file, text, JSON.parse(JSON.stringify(doc)), stored)!;
    const parsed = loadTrusted(file, text, JSON.parse(JSON.stringify(doc)))!;
    expect(plain(fromTrees)).toEqual(plain(parsed));
    const a = conditionsOf(fromTrees);
    const b = conditionsOf(parsed);
    const questions = exprQuestions(parsed);
    const r = mulberry32(20311128);
    for (let i = 0; i < 300; i++) {
      const ctx = randomContext(questions, r);
      a.forEach(([where, c], k) =>
        expect({ where, got: outcome(c, ctx) }).toEqual({ where, got: outcome(b[k]![1], ctx) }),
      );
    }
  });

  it('keeps int literals exactly and refuses literals JSON cannot carry', () => {
    const tree = { op: 'value', args: 18n, pos: 0, start: 0, end: 2 };
    expect(astToJson(tree as never)).toEqual({
      op: 'value',
      args: { int: '18' },
      pos: 0,
      start: 0,
      end: 2,
    });
    expect(astFromJson(astToJson(tree as never))).toEqual(tree);
    expect(astToJson({ op: 'value', args: new Uint8Array([1]) } as never)).toBeUndefined();
    expect(astToJson({ op: 'value', args: Number.NaN } as never)).toBeUndefined();
  });
});

/**
 * Fuzzing answers files and scenario files: mutated copies of a whole scripted
 * interview and of the shipped scenarios give diagnostics, never an exception; through
 * the real CLI (`run --answers --practice`, `validate`, `rehearse --auto`), exit 0 or 3,
 * never a stack trace, and nothing written anywhere. Same seed and scale as the
 * questionnaire fuzzing (FUZZ_SEED, FUZZ_SCALE).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { playAnswers } from '../../src/answers/index.js';
import { DIAGNOSTIC_CODES } from '../../src/questionnaire/diagnostics.js';
import { requireQuestionnaire } from '../../src/questionnaire/load.js';
import { parseYamlText } from '../../src/questionnaire/yaml-source.js';
import { defaultQuestionnairePath, shippedScenarios } from '../../src/shipped.js';
import { validateFile } from '../../src/validate-file.js';
import { ROOT, runCli, STACK_TRACE } from '../helpers/run-cli.js';
import { mutateBytes, mutateStructure, pick, rng } from './mutate.js';

const SCALE = Number(process.env.FUZZ_SCALE ?? '1');
const SEED = Number(process.env.FUZZ_SEED ?? '20261128');
const TIMEOUT = 180_000 * SCALE;
const CODES = new Set(Object.keys(DIAGNOSTIC_CODES));

const ANSWERS = join(ROOT, 'tests', 'fixtures', 'answers', 'bench-full-interview.yaml');
const answersText = readFileSync(ANSWERS, 'utf8');
const scenarios = shippedScenarios().map((file) => ({ file, text: readFileSync(file, 'utf8') }));

function mutate(r: () => number, text: string): { text: string; what: string } {
  if (r() < 0.7) return mutateStructure(r, parse(text) as unknown);
  const m = mutateBytes(r, Buffer.from(text));
  return { text: m.bytes.toString('utf8'), what: m.what };
}

function sandbox() {
  const home = mkdtempSync(join(tmpdir(), 'screener-fuzz-home-'));
  const cwd = mkdtempSync(join(tmpdir(), 'screener-fuzz-cwd-'));
  const data = join(home, 'data');
  mkdirSync(data);
  const env = { HOME: home, SCREENER_HOME: data, XDG_DATA_HOME: join(home, 'xdg') };
  const untouched = (inputs: string[]) => {
    expect(readdirSync(cwd).sort()).toEqual(inputs.sort());
    expect(readdirSync(home)).toEqual(['data']);
    expect(readdirSync(data)).toEqual([]);
  };
  return { cwd, env, untouched };
}

describe(`fuzzing answers files (seed ${SEED})`, () => {
  const q = requireQuestionnaire(defaultQuestionnairePath());

  it(
    `${60 * SCALE} mutations played in process: a record or diagnostics, never an exception`,
    async () => {
      const r = rng(SEED + 10);
      let refused = 0;
      for (let i = 0; i < 60 * SCALE; i++) {
        const m = mutate(r, answersText);
        const label = `case ${i} (${m.what})`;
        const parsed = parseYamlText('answers.yaml', m.text);
        if (!parsed.source) continue;
        let played;
        try {
          played = await playAnswers(q, parsed.source, {
            id: 'R-FUZZ-0001',
            mode: 'practice',
            lang: undefined,
            now: () => '2026-01-01T00:00:00.000Z',
          });
        } catch (e) {
          throw new Error(`${label} threw: ${(e as Error).stack}`, { cause: e });
        }
        for (const d of played.diagnostics) {
          expect(CODES.has(d.code), `${label}: ${d.code}`).toBe(true);
          expect(d.line >= 1 && d.col >= 1, label).toBe(true);
        }
        expect(Boolean(played.record), label).toBe(
          !played.diagnostics.some((d) => d.severity === 'error'),
        );
        if (!played.record) refused++;
      }
      expect(refused).toBeGreaterThan(0);
    },
    TIMEOUT,
  );

  it(
    `${10 * SCALE} mutations through run --answers --practice: exit 0 or 3, nothing written`,
    () => {
      const r = rng(SEED + 11);
      const box = sandbox();
      for (let i = 0; i < 10 * SCALE; i++) {
        const m = mutate(r, answersText);
        const file = join(box.cwd, 'answers.yaml');
        writeFileSync(file, m.text);
        const res = runCli(['run', '--answers', file, '--practice'], {
          cwd: box.cwd,
          env: box.env,
        });
        const label = `case ${i} (${m.what})`;
        expect([0, 3], `${label}: exit ${res.code}\n${res.stderr}`).toContain(res.code);
        expect(res.stderr, label).not.toMatch(STACK_TRACE);
      }
      box.untouched(['answers.yaml']);
    },
    TIMEOUT,
  );
});

describe(`fuzzing scenario files (seed ${SEED})`, () => {
  it(
    `${40 * SCALE} mutations validated in process: diagnostics, never an exception`,
    async () => {
      const r = rng(SEED + 20);
      const dir = mkdtempSync(join(tmpdir(), 'screener-fuzz-scenario-'));
      for (let i = 0; i < 40 * SCALE; i++) {
        const s = pick(r, scenarios);
        const m = mutate(r, s.text);
        const file = join(dir, 'scenario.yaml');
        writeFileSync(file, m.text);
        const label = `case ${i} (${m.what} of ${s.file})`;
        let v;
        try {
          v = await validateFile(file);
        } catch (e) {
          throw new Error(`${label} threw: ${(e as Error).stack}`, { cause: e });
        }
        for (const d of v.diagnostics) {
          expect(CODES.has(d.code), `${label}: ${d.code}`).toBe(true);
          expect(d.line >= 1 && d.col >= 1, label).toBe(true);
        }
      }
    },
    TIMEOUT,
  );

  it(
    `${8 * SCALE} mutations through validate and rehearse --auto: exit 0 or 3, nothing written`,
    () => {
      const r = rng(SEED + 21);
      const box = sandbox();
      for (let i = 0; i < 8 * SCALE; i++) {
        const s = pick(r, scenarios);
        const m = mutate(r, s.text);
        const file = join(box.cwd, 'scenario.yaml');
        writeFileSync(file, m.text);
        for (const args of [
          ['validate', file],
          ['rehearse', file, '--auto'],
        ]) {
          const res = runCli(args, { cwd: box.cwd, env: box.env });
          const label = `case ${i} ${args[0]} (${m.what} of ${s.file})`;
          expect([0, 3], `${label}: exit ${res.code}\n${res.stderr}`).toContain(res.code);
          expect(res.stderr, label).not.toMatch(STACK_TRACE);
        }
      }
      box.untouched(['scenario.yaml']);
    },
    TIMEOUT,
  );
});

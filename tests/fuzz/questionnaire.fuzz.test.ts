/**
 * Fuzzing questionnaires: mutated copies of every shipped questionnaire must give
 * diagnostics, never an exception; through the real CLI, exit 0 or 3, never a stack
 * trace, and nothing written anywhere. Fixed seed and bounded count in CI;
 * `npm run fuzz` multiplies the count (FUZZ_SCALE) and FUZZ_SEED picks another seed.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../src/questionnaire/diagnostics.js';
import { loadQuestionnaireText } from '../../src/questionnaire/load.js';
import { parseYamlText } from '../../src/questionnaire/yaml-source.js';
import { shippedQuestionnaires } from '../../src/shipped.js';
import { runCli, STACK_TRACE } from '../helpers/run-cli.js';
import { mutateBytes, mutateStructure, pick, rng } from './mutate.js';

const SCALE = Number(process.env.FUZZ_SCALE ?? '1');
const SEED = Number(process.env.FUZZ_SEED ?? '20261128');
const IN_PROCESS = 150 * SCALE;
const THROUGH_CLI = 16 * SCALE;
// Generous bounds that only catch a hang; speed is measured by `npm run bench`, not here.
const TIMEOUT = 180_000 * SCALE;

const sources = shippedQuestionnaires().map((file) => ({ file, text: readFileSync(file, 'utf8') }));
const docs = sources.map((s) => ({ ...s, doc: parse(s.text) as unknown }));

function mutated(r: () => number): { text: string | Buffer; what: string; from: string } {
  const s = pick(r, docs);
  if (r() < 0.6) {
    const m = mutateStructure(r, s.doc);
    return { text: m.text, what: m.what, from: s.file };
  }
  const m = mutateBytes(r, Buffer.from(s.text));
  return { text: m.bytes, what: m.what, from: s.file };
}

describe(`fuzzing questionnaires (seed ${SEED})`, () => {
  it(
    `${IN_PROCESS} mutations in process: diagnostics, never an exception`,
    () => {
      const r = rng(SEED);
      const codes = new Set(Object.keys(DIAGNOSTIC_CODES));
      let invalid = 0;
      for (let i = 0; i < IN_PROCESS; i++) {
        const m = mutated(r);
        const text = typeof m.text === 'string' ? m.text : m.text.toString('utf8');
        let result;
        try {
          const parsed = parseYamlText('fuzz.yaml', text);
          result = parsed.source
            ? loadQuestionnaireText('fuzz.yaml', text)
            : { diagnostics: parsed.diagnostics, questionnaire: undefined };
        } catch (e) {
          throw new Error(`case ${i} (${m.what} of ${m.from}) threw: ${(e as Error).stack}`, {
            cause: e,
          });
        }
        for (const d of result.diagnostics) {
          expect(codes.has(d.code), `case ${i}: unknown code ${d.code}`).toBe(true);
          expect(d.line >= 1 && d.col >= 1, `case ${i}: position ${d.line}:${d.col}`).toBe(true);
        }
        const hasError = result.diagnostics.some((d) => d.severity === 'error');
        expect(Boolean(result.questionnaire), `case ${i} (${m.what}): loaded iff no error`).toBe(
          !hasError,
        );
        if (hasError) invalid++;
      }
      // The mutations must actually exercise the error paths.
      expect(invalid).toBeGreaterThan(IN_PROCESS / 3);
    },
    TIMEOUT,
  );

  it(
    `${THROUGH_CLI} mutations through the CLI: exit 0 or 3, no stack trace, nothing written`,
    () => {
      const r = rng(SEED + 1);
      const home = mkdtempSync(join(tmpdir(), 'screener-fuzz-home-'));
      const cwd = mkdtempSync(join(tmpdir(), 'screener-fuzz-cwd-'));
      const data = join(home, 'data');
      mkdirSync(data);
      for (let i = 0; i < THROUGH_CLI; i++) {
        const m = mutated(r);
        const file = join(cwd, 'q.yaml');
        writeFileSync(file, m.text);
        const res = runCli(['validate', file], {
          cwd,
          env: { HOME: home, SCREENER_HOME: data, XDG_DATA_HOME: join(home, 'xdg') },
        });
        const label = `case ${i} (${m.what} of ${m.from})`;
        expect([0, 3], `${label}: exit ${res.code}\n${res.stderr}`).toContain(res.code);
        expect(res.stderr, label).not.toMatch(STACK_TRACE);
        expect(res.stderr, label).not.toContain('E_UNEXPECTED');
      }
      expect(readdirSync(cwd)).toEqual(['q.yaml']);
      expect(readdirSync(home)).toEqual(['data']);
      expect(readdirSync(data)).toEqual([]);
    },
    TIMEOUT,
  );
});

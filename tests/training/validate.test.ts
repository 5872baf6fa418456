/**
 * `screener validate` on scenarios: each invalid fixture is small.yaml with one defect,
 * and its first line says which code it must produce and where
 * (`# expect: CODE line:col (why)`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../src/questionnaire/diagnostics.js';
import { loadScenario } from '../../src/training/index.js';
import { ROOT, runCli, STACK_TRACE } from '../helpers/run-cli.js';
import { FIXTURES } from './helpers.js';

const INVALID = join(FIXTURES, 'invalid');
const fixtures = readdirSync(INVALID)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => {
    const m = /^# expect: (\S+) (\d+):(\d+)/.exec(readFileSync(join(INVALID, f), 'utf8'));
    if (!m) throw new Error(`${f}: first line must be "# expect: CODE line:col"`);
    return { file: f, code: m[1]!, line: Number(m[2]), col: Number(m[3]) };
  });

describe('scenario validation', () => {
  it('the base fixture is valid, with no warning', async () => {
    const r = await loadScenario(join(FIXTURES, 'small.yaml'));
    expect(r.diagnostics).toEqual([]);
    expect(r.scenario?.expected.assessment.outcome.id).toBe('indicators_partial');
  });

  it.each(fixtures)('$file reports $code at $line:$col', async ({ file, code, line, col }) => {
    const r = await loadScenario(join(INVALID, file));
    expect(r.scenario).toBeUndefined();
    expect(r.diagnostics.map((d) => `${d.code} ${d.line}:${d.col}`)).toEqual([
      `${code} ${line}:${col}`,
    ]);
  });

  it('has a fixture for every scenario code', () => {
    const codes = Object.keys(DIAGNOSTIC_CODES).filter((c) => c.startsWith('E_SCENARIO_'));
    expect(codes.length).toBeGreaterThan(0);
    for (const c of codes) expect(fixtures.map((f) => f.code)).toContain(c);
  });

  it('an inconsistent scenario fails `screener validate` with exit 3 at the expected outcome', () => {
    const file = join(INVALID, 'E_SCENARIO_OUTCOME.yaml');
    const r = runCli(['validate', file]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('E_SCENARIO_OUTCOME.yaml: invalid, 1 error');
    expect(r.stderr).toContain(
      `${file}:41:12 E_SCENARIO_OUTCOME the expected coding reaches \`indicators_partial\`, not \`indicators_met\``,
    );
    // The caret sits under the value, and the hint says why.
    expect(r.stderr).toContain(
      '  41 |   outcome: indicators_met\n     |            ^^^^^^^^^^^^^^',
    );
    expect(r.stderr).toContain('positive dimensions: coercion_at_destination');
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('--json gives the code and position of each problem', () => {
    const file = join(INVALID, 'E_SCENARIO_INDICATOR_NOT_RAISED.yaml');
    const r = runCli(['validate', '--json', file]);
    expect(r.code).toBe(3);
    const [result] = JSON.parse(r.stdout) as {
      kind: string;
      diagnostics: { code: string; line: number; col: number; path: string; hint: string }[];
    }[];
    expect(result!.kind).toBe('scenario');
    expect(result!.diagnostics).toEqual([
      expect.objectContaining({
        code: 'E_SCENARIO_INDICATOR_NOT_RAISED',
        line: 43,
        col: 40,
        path: '/expected/indicators/1',
        hint: expect.stringContaining('`job_as_promised`: lower_pay'),
      }),
    ]);
  });

  it('a misspelt question, value or key gets a did-you-mean', async () => {
    const hint = async (f: string) => (await loadScenario(join(INVALID, f))).diagnostics[0]?.hint;
    expect(await hint('E_SCENARIO_UNKNOWN_QUESTION.yaml')).toBe('did you mean `recruiter_name`?');
    expect(await hint('E_ANSWER_NOT_A_CHOICE.yaml')).toBe('did you mean `different_job`?');
    expect(await hint('E_SCHEMA_UNKNOWN_KEY.yaml')).toBe('did you mean `says`?');
    expect(await hint('E_SCENARIO_QUESTIONNAIRE.yaml')).toBe('did you mean `example`?');
  });

  it('rehearsing an invalid scenario exits 3 with its problems, not a stack trace', () => {
    const r = runCli(['rehearse', join(INVALID, 'E_SCENARIO_OUTCOME.yaml'), '--auto']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('[E_INVALID_SCENARIO]');
    expect(r.stderr).toContain(':41:12 E_SCENARIO_OUTCOME');
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('an unknown scenario name exits 2 and suggests the nearest shipped one', () => {
    const r = runCli(['rehearse', 'child-street-seling', '--auto']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[E_SCENARIO_NOT_FOUND]');
    expect(r.stderr).toContain('did you mean `child-street-selling`?');
  });

  it('a questionnaire or a referral directory given as the scenario is named for what it is (exit 2)', () => {
    for (const [file, kind] of [
      ['iom-screening.yaml', 'a questionnaire'],
      ['referrals.example.yaml', 'a referral directory'],
    ]) {
      const path = join(ROOT, 'questionnaires', file!);
      const r = runCli(['rehearse', path, '--auto']);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`${path} is ${kind}, not a scenario`);
      expect(r.stderr).toContain('[E_NOT_A_SCENARIO]');
      expect(r.stderr).toContain('Shipped scenarios: ');
      expect(r.stderr).not.toContain('E_SCHEMA_MISSING_KEY');
    }
  });
});

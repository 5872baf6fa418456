import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, STACK_TRACE } from '../helpers/run-cli.js';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'questionnaires');
const COMMANDS = [
  'interview',
  'resume',
  'list',
  'run',
  'report',
  'validate',
  'show',
  'rehearse',
  'export',
  'keys',
];

describe('screener --help and --version', () => {
  it('lists every command with a one-line purpose, and the exit codes', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${c}\\b.*\\S+.*\\w`, 'm'));
    expect(r.stdout).toContain('--data-dir');
    expect(r.stdout).toContain('--no-color');
    expect(r.stdout).toContain('130 interrupted');
    expect(r.stderr).toBe('');
  });

  it('the fast --help of the shim is exactly what the CLI itself prints', () => {
    const fast = runCli(['--help']);
    const full = runCli(['--no-color', '--help']); // not a fast path: loads the bundle
    expect(full.code).toBe(0);
    expect(fast.stdout).toBe(full.stdout);
    expect(readFileSync(join(ROOT, 'dist', 'help.txt'), 'utf8')).toBe(full.stdout);
  });

  it('prints the package version', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
    expect(runCli(['--no-color', '--version']).stdout.trim()).toBe(pkg.version);
  });

  it('gives help for a command', () => {
    const r = runCli(['validate', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--json');
  });

  it('an unknown command or flag is a usage error (exit 2) with a suggestion', () => {
    const r = runCli(['valdate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('validate');
    const f = runCli(['validate', '--jsn']);
    expect(f.code).toBe(2);
    expect(f.stderr).toContain('--json');
  });
});

describe('screener validate', () => {
  it('with no file validates every shipped questionnaire and exits 0', () => {
    const r = runCli(['validate']);
    expect(r.stderr).not.toMatch(/ E_/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/questionnaires\/example\.yaml: valid/);
    expect(r.stdout).toMatch(/questionnaires\/iom-screening\.yaml: valid \(questionnaire\)/);
    expect(r.stdout).toMatch(/questionnaires\/referrals\.example\.yaml: valid \(referrals\)/);
    expect(r.stdout).toMatch(/scenarios\/.+\.yaml: valid \(scenario\)/);
  });

  it('reports every problem of an invalid file at once, with excerpt and hint, exit 3', () => {
    const r = runCli([
      'validate',
      join(FIXTURES, 'invalid', 'E_SCHEMA_UNKNOWN_KEY.yaml'),
      join(FIXTURES, 'invalid', 'E_UNKNOWN_QUESTION.yaml'),
    ]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(
      'E_SCHEMA_UNKNOWN_KEY.yaml:11:9 E_SCHEMA_UNKNOWN_KEY unknown key `tpye`',
    );
    expect(r.stderr).toContain(
      '  11 |         tpye: yesno\n     |         ^^^^\n  did you mean `type`?',
    );
    expect(r.stderr).toContain('E_UNKNOWN_QUESTION.yaml:41:19 E_UNKNOWN_QUESTION');
    expect(r.stdout).toMatch(/E_SCHEMA_UNKNOWN_KEY\.yaml: invalid, 1 error/);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('a valid file among invalid ones still says valid; the exit code is 3', () => {
    const r = runCli([
      'validate',
      join(FIXTURES, 'minimal.yaml'),
      join(FIXTURES, 'invalid', 'E_DUPLICATE_ID.yaml'),
    ]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/minimal\.yaml: valid/);
  });

  it('warnings do not fail validation', () => {
    const r = runCli(['validate', join(FIXTURES, 'invalid', 'W_MISSING_TRANSLATION.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('W_MISSING_TRANSLATION warning:');
    expect(r.stdout).toMatch(/valid \(questionnaire, \d+ warnings?\)/);
  });

  it('--json prints the diagnostics as data', () => {
    const r = runCli([
      'validate',
      '--json',
      join(FIXTURES, 'invalid', 'E_UNKNOWN_QUESTION.yaml'),
      join(FIXTURES, 'minimal.yaml'),
    ]);
    expect(r.code).toBe(3);
    const data = JSON.parse(r.stdout) as {
      file: string;
      kind: string;
      valid: boolean;
      diagnostics: {
        code: string;
        severity: string;
        line: number;
        col: number;
        message: string;
        hint?: string;
        path?: string;
      }[];
    }[];
    expect(data).toHaveLength(2);
    expect(data[0]).toMatchObject({ valid: false, kind: 'questionnaire' });
    expect(data[0]!.diagnostics[0]).toEqual({
      code: 'E_UNKNOWN_QUESTION',
      severity: 'error',
      message: 'no question has the id `hour`',
      file: join(FIXTURES, 'invalid', 'E_UNKNOWN_QUESTION.yaml'),
      line: 41,
      col: 19,
      hint: 'did you mean `hours`?',
      path: '/rules/1/when',
    });
    expect(data[1]).toMatchObject({ valid: true, diagnostics: [] });
  });

  it('colour only when asked for and on a terminal; NO_COLOR and --no-color give plain text', () => {
    const bad = join(FIXTURES, 'invalid', 'E_DUPLICATE_ID.yaml');
    for (const args of [
      ['validate', bad],
      ['--no-color', 'validate', bad],
    ]) {
      const r = runCli(args, { env: { NO_COLOR: undefined, FORCE_COLOR: undefined } });
      expect(r.stderr).not.toContain('\u001b[');
      expect(r.stdout).not.toContain('\u001b[');
    }
  });
});

describe('failures never show a stack trace', () => {
  it('an invalid questionnaire given to a command that needs one is exit 3 with a pointer to validate', () => {
    const r = runCli(['show', join(FIXTURES, 'invalid', 'E_EXPR_TYPE.yaml')]);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect([2, 3]).toContain(r.code);
  });
});

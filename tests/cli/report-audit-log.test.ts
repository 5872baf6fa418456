/**
 * Every report made from a stored record is noted in its audit log, `run --report`'s
 * too. A log whose first bytes were damaged is said to be damaged (E_AUDIT_TAMPERED,
 * "the record itself is not affected"), once the report is out, not as a corrupt
 * record.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, STACK_TRACE } from '../helpers/run-cli.js';
import { CLI_ENV, PASSPHRASE } from '../store/helpers.js';

const ANSWERS = join(ROOT, 'tests', 'fixtures', 'answers', 'bench-full-interview.yaml');
const home = mkdtempSync(join(tmpdir(), 'screener-report-log-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));
const env = { ...CLI_ENV, SCREENER_PASSPHRASE: PASSPHRASE, SCREENER_HOME: join(home, 'd') };

function auditTypes(id: string): string[] {
  const r = runCli(['report', id, '--audit', '--format', 'json'], { env });
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { type: string }[]).map((e) => e.type);
}

describe('reports in the audit log', () => {
  it('run --report notes its report, as report does', () => {
    expect(runCli(['keys', 'init'], { env }).code).toBe(0);
    const out = join(home, 'run-report.md');
    const run = runCli(['run', '--answers', ANSWERS, '--report', out], { env });
    expect(run.code, run.stderr).toBe(0);
    const id = run.stdout.trim();
    expect(auditTypes(id)).toEqual(['completed', 'report']);
    expect(runCli(['report', id], { env }).code).toBe(0);
    expect(auditTypes(id)).toEqual(['completed', 'report', 'report']);
  });

  it('a log whose header was damaged: the report is written, then E_AUDIT_TAMPERED (exit 4)', () => {
    const run = runCli(['run', '--answers', ANSWERS], { env });
    expect(run.code, run.stderr).toBe(0);
    const id = run.stdout.trim();
    const log = join(home, 'd', 'records', `${id}.audit`);
    const bytes = readFileSync(log);
    bytes[0] = bytes[0]! ^ 0x20;
    writeFileSync(log, bytes);

    const out = join(home, 'after-damage.md');
    const r = runCli(['report', id, '--out', out], { env });
    expect(r.code).toBe(4);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.stderr).toContain(
      `The report was written to ${out}, but it could not be noted in the audit log of record ${id}: the audit log of record ${id} cannot be read: it is not a screener audit log. [E_AUDIT_TAMPERED]`,
    );
    expect(r.stderr).toContain('The record itself is not affected.');
    expect(readFileSync(out, 'utf8')).toContain(`\`${id}\``);
    // Nothing was appended to the damaged log.
    expect(readFileSync(log)).toEqual(bytes);
  });
});

/**
 * One rule for the record id of `report`, `resume` and `delete`: case and spaces do
 * not matter, and a malformed id is E_BAD_RECORD_ID (exit 2) before any passphrase.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, FIXTURE, ROOT, Term, cliEnv, initDataDir, tempDir } from './pty.js';

const ANSWERS = `answers:
  venue_private: yes
  consent_given: yes
  age: 30
  arrived_on: 2023-04-30
  job_as_promised: same
  hours_per_day: 9
  controls: [none]
`;

function cli(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env, encoding: 'utf8' });
}

describe('record ids', () => {
  it('are taken in any case by report, resume and delete; a malformed one is refused before the passphrase', async () => {
    const dir = tempDir('ids');
    const data = join(dir, 'data');
    initDataDir(data);
    const env = cliEnv(data);
    const file = join(dir, 'answers.yaml');
    writeFileSync(file, ANSWERS);
    const made = cli(['run', '--answers', file, '-q', FIXTURE], env);
    expect(made.status).toBe(0);
    const id = made.stdout.trim();
    const lower = ` ${id.toLowerCase()} `;

    const report = cli(['report', lower, '-q', FIXTURE], env);
    expect(report.stderr).toBe('');
    expect(report.status).toBe(0);
    expect(report.stdout).toContain(id);

    // Found in lower case: it is completed, so not resumable (not "not a record id").
    const resume = new Term(['resume', lower, '-q', FIXTURE], env);
    expect(await resume.exited).toBe(2);
    expect(resume.screen()).toContain(`interview ${id} is completed`);

    // Malformed: exit 2 before the passphrase is asked (none is given here).
    const { SCREENER_PASSPHRASE: _none, ...noPassphrase } = env;
    for (const args of [
      ['report', 'R-P7K1'],
      ['delete', 'R-P7K1', '--yes'],
    ]) {
      const r = cli(args, noPassphrase);
      expect(r.stderr).toContain('"R-P7K1" is not a record id. [E_BAD_RECORD_ID]');
      expect(r.status).toBe(2);
    }
    const bad = new Term(['resume', 'r-p7k1'], noPassphrase);
    expect(await bad.exited).toBe(2);
    expect(bad.screen()).toContain('"r-p7k1" is not a record id. [E_BAD_RECORD_ID]');
    expect(bad.screen()).not.toMatch(/passphrase/i);

    const deleted = cli(['delete', lower, '--yes'], env);
    expect(deleted.status).toBe(0);
    expect(cli(['report', id, '-q', FIXTURE], env).stderr).toContain('E_RECORD_NOT_FOUND');
  });
});

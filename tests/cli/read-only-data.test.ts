/**
 * A data folder that cannot be written (a read-only copy, a write-protected stick), on a
 * real read-only tmpfs. A report is still made, and the failure to log it in the
 * record's audit log is said for what it is (E_REPORT_NOT_LOGGED, exit 1), not as a bare
 * store error that reads as if the report had failed. A first export, which would create
 * the folder's export secret, says what to do instead (E_EXPORT_SECRET_NOT_CREATED), and
 * with --secret-file it works. `delete` says nothing was deleted (E_RECORD_NOT_DELETED),
 * not that a record could not be saved.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, STACK_TRACE } from '../helpers/run-cli.js';
import { canMountTmpfs, mountTmpfs, unmountAll } from '../helpers/tmpfs.js';
import { CLI_ENV, PASSPHRASE } from '../store/helpers.js';

const ANSWERS = join(ROOT, 'tests', 'fixtures', 'answers', 'bench-full-interview.yaml');
const made: string[] = [];
afterAll(() => {
  unmountAll();
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A data folder on its own tmpfs with one stored interview, then made read-only. */
function readOnlyDataFolder() {
  const home = mkdtempSync(join(tmpdir(), 'screener-ro-'));
  made.push(home);
  const disk = join(home, 'disk');
  mkdirSync(disk);
  mountTmpfs(disk, 1024);
  const env = { ...CLI_ENV, SCREENER_PASSPHRASE: PASSPHRASE, SCREENER_HOME: join(disk, 'd') };
  expect(runCli(['keys', 'init'], { env }).code).toBe(0);
  const run = runCli(['run', '--answers', ANSWERS], { env });
  expect(run.code, run.stderr).toBe(0);
  expect(spawnSync('mount', ['-o', 'remount,ro', disk]).status).toBe(0);
  return { home, disk, env, id: run.stdout.trim() };
}

describe.skipIf(!canMountTmpfs)('a read-only data folder', () => {
  it('a report is written or printed, then says it could not be logged (exit 1)', () => {
    const { home, disk, env, id } = readOnlyDataFolder();
    try {
      const out = join(home, 'report.md');
      const written = runCli(['report', id, '--out', out], { env });
      expect(written.code).toBe(1);
      expect(written.stderr).not.toMatch(STACK_TRACE);
      expect(written.stderr).toContain(
        `screener: The report was written to ${out}, but it could not be noted in the audit log of record ${id}. [E_REPORT_NOT_LOGGED]`,
      );
      expect(written.stderr).toContain('the file system is read-only');
      expect(readFileSync(out, 'utf8')).toContain(`\`${id}\``);

      const printed = runCli(['report', id], { env });
      expect(printed.code).toBe(1);
      expect(printed.stdout).toContain(`\`${id}\``);
      expect(printed.stderr).toContain('The report was printed, but it could not be noted');
    } finally {
      spawnSync('mount', ['-o', 'remount,rw', disk]);
    }
  });

  it('a first export says it cannot create the export secret and what to do; with --secret-file it works', () => {
    const { home, disk, env } = readOnlyDataFolder();
    try {
      const out = join(home, 'dataset.csv');
      const refused = runCli(['export', '--out', out, '--k', '1'], { env });
      expect(refused.code).toBe(1);
      expect(refused.stderr).not.toMatch(STACK_TRACE);
      expect(refused.stderr).toContain(
        `screener: Could not create the export secret ${join(disk, 'd', 'export-secret')}; nothing was exported. [E_EXPORT_SECRET_NOT_CREATED]`,
      );
      expect(refused.stderr).toContain('give --secret-file the secret of earlier exports');
      const secret = join(home, 'secret');
      writeFileSync(secret, `${'ab'.repeat(32)}\n`);
      const done = runCli(['export', '--out', out, '--k', '1', '--secret-file', secret], { env });
      expect(done.code, done.stderr).toBe(0);
      expect(done.stderr).toContain('Exported 1 of 1 record');
    } finally {
      spawnSync('mount', ['-o', 'remount,rw', disk]);
    }
  });

  it('delete says nothing was deleted, for the reason given, and the record still opens', () => {
    const { disk, env, id } = readOnlyDataFolder();
    try {
      const refused = runCli(['delete', id, '--yes'], { env });
      expect(refused.code).toBe(1);
      expect(refused.stderr).not.toMatch(STACK_TRACE);
      expect(refused.stderr).toContain(
        `screener: Could not delete record ${id}: the file system is read-only (EROFS). [E_RECORD_NOT_DELETED]`,
      );
      expect(refused.stderr).toContain(`Nothing was deleted: record ${id} is intact.`);
      expect(refused.stderr).not.toContain('save');
    } finally {
      spawnSync('mount', ['-o', 'remount,rw', disk]);
    }
    const shown = runCli(['report', id], { env });
    expect(shown.code, shown.stderr).toBe(0);
  });
});

/**
 * The same interview open in two terminal windows, with the built CLI in real
 * pseudo-terminals. Both windows would save their own copy of the record after every
 * answer, and each save would erase what the other took down. So while one window has
 * the interview open, the other is refused with the reason, as are deleting it, a
 * redaction review (which saves the record) and re-keying the folder. A plain report
 * from the other window is allowed, and its audit event does not break the log the
 * open session goes on writing. Once the first window quits, the interview resumes
 * where it stopped. A window that was killed leaves a lock that the next session takes
 * over.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadOnly, openTestStore } from './store-access.js';
import { FIXTURE, KEY, Term, answerToAge, cliEnv, initDataDir, tempDir } from './pty.js';
import { runCli } from '../helpers/run-cli.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function dataFolder(): string {
  const dir = tempDir('two-windows');
  made.push(dir);
  const dataDir = join(dir, 'data');
  initDataDir(dataDir);
  return dataDir;
}

const sessionFiles = (dataDir: string) =>
  readdirSync(join(dataDir, 'records')).filter((f) => f.endsWith('.session'));

describe('one interview, two windows', () => {
  it('the second window is refused while the first has it open; afterwards it resumes where it stopped', async () => {
    const dataDir = dataFolder();
    const first = new Term(['interview', '-q', FIXTURE], cliEnv(dataDir));
    await answerToAge(first, 'Ana Fictional');
    const { id } = await loadOnly(dataDir);

    // `resume` picks the most recent interview in progress: the one open in the first window.
    const second = new Term(['resume', '-q', FIXTURE], cliEnv(dataDir));
    expect(await second.exited).toBe(2);
    expect(second.screen()).toContain(
      `screener: interview ${id} is open in another screener window (process ${first.pid}). [E_RECORD_IN_USE]`,
    );
    const byId = new Term(['resume', id, '-q', FIXTURE], cliEnv(dataDir));
    expect(await byId.exited).toBe(2);
    expect(byId.screen()).toContain('[E_RECORD_IN_USE]');

    // Deleting it, or re-keying the folder under it, waits too.
    const env = cliEnv(dataDir);
    const deleted = runCli(['delete', id, '--yes'], { env });
    expect(deleted.code).toBe(2);
    expect(deleted.stderr).toContain(`interview ${id} is open in another screener window`);
    const rekeyed = runCli(['keys', 'change-passphrase'], {
      env: { ...env, SCREENER_NEW_PASSPHRASE: 'another fictional passphrase' },
    });
    expect(rekeyed.code).toBe(2);
    expect(rekeyed.stderr).toContain(
      `an interview is open in another screener window (${id}); finish or quit it first, then change the passphrase. [E_RECORD_IN_USE]`,
    );
    expect(rekeyed.stderr).toContain('Nothing was changed.');

    // A redaction review saves the record too: it waits as well.
    const review = new Term(['report', id, '-q', FIXTURE, '--review'], cliEnv(dataDir));
    expect(await review.exited).toBe(2);
    expect(review.screen()).toContain(`interview ${id} is open in another screener window`);

    // A report may still be made from the other window: reading is harmless, and the
    // event it logs must not break the log the open session goes on writing.
    const report = runCli(['report', id, '-q', FIXTURE], { env });
    expect(report.code, report.stderr).toBe(0);

    // The first window goes on as if nothing happened, then quits.
    await first.at('? Age (years)', '30' + KEY.enter);
    await first.waitFor('? Date of arrival');
    first.write(KEY.ctrlQ);
    expect(await first.exited).toBe(130);
    expect(sessionFiles(dataDir)).toEqual([]);

    // Now the interview resumes, with every answer the first window took down.
    const later = new Term(['resume', '-q', FIXTURE], cliEnv(dataDir));
    await later.waitFor('? Date of arrival');
    later.write(KEY.ctrlQ);
    expect(await later.exited).toBe(130);
    const record = await loadOnly(dataDir);
    expect(record.answers.name).toMatchObject({ kind: 'value', value: 'Ana Fictional' });
    expect(record.answers.age).toMatchObject({ kind: 'value', value: 30 });
    const audit = await (await openTestStore(dataDir)).readAudit(id);
    expect(audit.map((e) => e.type)).toContain('report');
    expect(audit.filter((e) => e.type === 'answered').length).toBeGreaterThanOrEqual(5);
  });

  it('a window that was killed leaves a lock the next session takes over', async () => {
    const dataDir = dataFolder();
    const first = new Term(['interview', '-q', FIXTURE], cliEnv(dataDir));
    await answerToAge(first, 'Ana Fictional');
    first.kill('SIGKILL');
    await first.exited;
    expect(sessionFiles(dataDir)).toHaveLength(1);

    const later = new Term(['resume', '-q', FIXTURE], cliEnv(dataDir));
    await later.waitFor('? Age (years)');
    later.write(KEY.ctrlQ);
    expect(await later.exited).toBe(130);
    expect(sessionFiles(dataDir)).toEqual([]);
  });
});

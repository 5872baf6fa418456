/**
 * The terminal closed in the middle of an interview (its window shut, a connection
 * dropped), in a real pseudo-terminal: the session ends as a quick exit does. Every
 * answer given is saved, the audit log ends with the quick exit, and the process
 * leaves with 130, not with Node 20's abort on a terminal that is gone (which with
 * core dumps on would write a core) nor with a stack trace (src/cli/terminal-gone.ts).
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadOnly, openTestStore } from './store-access.js';
import { FIXTURE, KEY, ROOT, Term, cliEnv, tempDir, initDataDir, answerToAge } from './pty.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('the terminal closed mid-interview', () => {
  it('saves what was answered, notes the exit, and leaves with 130: no abort, no stack trace', async () => {
    const dir = tempDir('hangup');
    made.push(dir);
    const dataDir = join(dir, 'data');
    initDataDir(dataDir);
    const errors = join(dir, 'stderr.txt');
    // stderr to a file, to read what the process said after its terminal was gone; core
    // dumps on, so an abort would leave a core in this folder (where the pattern allows).
    const t = new Term(
      ['interview', '-q', FIXTURE],
      cliEnv(dataDir),
      undefined,
      dir,
      `ulimit -c unlimited 2>/dev/null; exec 2>"${errors}"; true`,
    );
    await answerToAge(t, 'Ana Fictional');
    t.hangUp();
    expect(await t.exited).toBe(130);

    expect(readFileSync(errors, 'utf8')).toBe('Session closed.\n');
    expect(readdirSync(dir).filter((f) => f.startsWith('core'))).toEqual([]);
    const record = await loadOnly(dataDir);
    expect(record.status).toBe('in_progress');
    expect(record.answers.name).toMatchObject({ kind: 'value', value: 'Ana Fictional' });
    const audit = await (await openTestStore(dataDir)).readAudit(record.id);
    expect(audit.at(-1)?.type).toBe('quick_exit');
  });

  it('a rehearsal too: exit 130 and the neutral line, no stack trace', async () => {
    const dir = tempDir('hangup-rehearse');
    made.push(dir);
    const errors = join(dir, 'stderr.txt');
    const scenario = join(ROOT, 'tests', 'training', 'fixtures', 'small.yaml');
    const t = new Term(
      ['rehearse', scenario],
      cliEnv(join(dir, 'data')),
      undefined,
      dir,
      `exec 2>"${errors}"; true`,
    );
    await t.waitFor('Is the room private');
    t.hangUp();
    expect(await t.exited).toBe(130);
    expect(readFileSync(errors, 'utf8')).toBe('Session closed.\n');
  });

  it('a hang-up signal while the terminal is still there (kill -HUP): a quick exit, 130', async () => {
    const dir = tempDir('hangup-signal');
    made.push(dir);
    const dataDir = join(dir, 'data');
    initDataDir(dataDir);
    const t = new Term(['interview', '-q', FIXTURE], cliEnv(dataDir));
    await t.at('? Is the room private', KEY.enter);
    await t.waitFor('? Tell the person they may stop');
    t.kill('SIGHUP');
    expect(await t.exited).toBe(130);
    expect(t.screen()).toContain('Session closed.');
    const record = await loadOnly(dataDir);
    const audit = await (await openTestStore(dataDir)).readAudit(record.id);
    expect(audit.at(-1)?.type).toBe('quick_exit');
  });
});

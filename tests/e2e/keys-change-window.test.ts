/**
 * A key change typed in one window while an interview starts in another, with the
 * built CLI in real pseudo-terminals. Re-keying rewrites every record's key slots, and
 * an open interview keeps saving its record with the slots it unlocked: a record saved
 * after the change opened only with a passphrase the folder no longer had, and its
 * answers were lost to the screener (`list` said E_RECORD_KEY_MISSING). So once the
 * current passphrase is verified, the key change holds the folder to its last write:
 * an interview (or a resume, a delete, a second key change) started meanwhile is
 * refused. An interview that started before that point refuses the key change
 * instead. A key change whose window was killed leaves a lock the next command takes
 * over.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileStore, unlockDataDir } from '../../src/store/index.js';
import { runCli } from '../helpers/run-cli.js';
import { loadOnly } from './store-access.js';
import {
  FIXTURE,
  KEY,
  PASSPHRASE,
  Term,
  answerToAge,
  cliEnv,
  initDataDir,
  tempDir,
} from './pty.js';

const NEW_PASSPHRASE = 'another fictional passphrase';
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function dataFolder(): string {
  const dir = tempDir('keys-window');
  made.push(dir);
  const dataDir = join(dir, 'data');
  initDataDir(dataDir);
  return dataDir;
}

/** The environment of a window where the passphrase is typed, not given. */
function typingEnv(dataDir: string): Record<string, string> {
  const env = cliEnv(dataDir);
  delete env.SCREENER_PASSPHRASE;
  return env;
}

const lockFiles = (dataDir: string) =>
  readdirSync(join(dataDir, 'records')).filter((f) => f.startsWith('.'));

describe('a key change in one window, an interview in another', () => {
  it('an interview, a resume, a delete and a second key change wait while the new passphrase is being typed; the change then completes', async () => {
    const dataDir = dataFolder();
    // A record from before, so the change has something to re-key.
    const before = new Term(['interview', '-q', FIXTURE], cliEnv(dataDir));
    await answerToAge(before, 'Ana Fictional');
    before.write(KEY.ctrlQ);
    expect(await before.exited).toBe(130);

    const keys = new Term(['keys', 'change-passphrase'], typingEnv(dataDir));
    await keys.at('Current passphrase:', PASSPHRASE + KEY.enter);
    await keys.waitFor('New passphrase:');

    const interview = new Term(['interview', '-q', FIXTURE], cliEnv(dataDir));
    // Refused, or (as before) at its first question: either shows promptly.
    await interview.waitFor((s) => s.includes('[E_KEYS_CHANGING]') || s.includes('? Is the room'));
    expect(interview.screen()).toContain(
      `screener: the passphrase or organisation key of this data folder is being changed in another screener window (process ${keys.pid}). [E_KEYS_CHANGING]`,
    );
    expect(await interview.exited).toBe(2);
    // Where the passphrase is typed, the refusal comes before the passphrase prompt.
    const typing = new Term(['interview', '-q', FIXTURE], typingEnv(dataDir));
    await typing.waitFor((s) => s.includes('[E_KEYS_CHANGING]') || s.includes('Passphrase:'));
    expect(typing.screen()).not.toContain('Passphrase:');
    expect(await typing.exited).toBe(2);
    const resumed = new Term(['resume', '-q', FIXTURE], cliEnv(dataDir));
    expect(await resumed.exited).toBe(2);
    expect(resumed.screen()).toContain('[E_KEYS_CHANGING]');
    const env = cliEnv(dataDir, { SCREENER_NEW_PASSPHRASE: 'a third fictional passphrase' });
    const second = runCli(['keys', 'change-passphrase'], { env });
    expect(second.code).toBe(2);
    expect(second.stderr).toContain('[E_KEYS_CHANGING]');
    const { id } = await loadOnly(dataDir);
    const deleted = runCli(['delete', id, '--yes'], { env });
    expect(deleted.code).toBe(2);
    expect(deleted.stderr).toContain('[E_KEYS_CHANGING]');

    keys.write(NEW_PASSPHRASE + KEY.enter);
    await keys.at('Type it again to confirm:', NEW_PASSPHRASE + KEY.enter);
    expect(await keys.exited).toBe(0);
    expect(keys.screen()).toContain('Passphrase changed. 1 record re-keyed');
    expect(lockFiles(dataDir)).toEqual([]);

    // Now an interview starts, with the new passphrase, and every record opens with it.
    const after = new Term(
      ['interview', '-q', FIXTURE],
      cliEnv(dataDir, { SCREENER_PASSPHRASE: NEW_PASSPHRASE }),
    );
    await answerToAge(after, 'Bea Fictional');
    await after.at('? Age (years)', '30' + KEY.enter);
    await after.waitFor('? Date of arrival');
    after.write(KEY.ctrlQ);
    expect(await after.exited).toBe(130);
    const list = runCli(['list'], {
      env: cliEnv(dataDir, { SCREENER_PASSPHRASE: NEW_PASSPHRASE }),
    });
    expect(list.code, list.stderr).toBe(0);
    const store = (await FileStore.open(await unlockDataDir(dataDir, NEW_PASSPHRASE))).store;
    const records = await Promise.all((await store.list()).map((r) => store.load(r.id)));
    const names = records.map((r) =>
      r.answers.name?.kind === 'value' ? r.answers.name.value : '',
    );
    expect(names.sort()).toEqual(['Ana Fictional', 'Bea Fictional']);
  });

  it('an interview open before the passphrase was verified refuses the key change; its answers stay readable', async () => {
    const dataDir = dataFolder();
    const keys = new Term(['keys', 'change-passphrase'], typingEnv(dataDir));
    await keys.waitFor('Current passphrase:');
    const interview = new Term(['interview', '-q', FIXTURE], cliEnv(dataDir));
    await answerToAge(interview, 'Ana Fictional');

    keys.write(PASSPHRASE + KEY.enter);
    // Refused, or (as before) asking for the new passphrase: either shows promptly.
    await keys.waitFor((s) => s.includes('[E_RECORD_IN_USE]') || s.includes('New passphrase:'));
    expect(keys.screen()).toContain('[E_RECORD_IN_USE]');
    expect(await keys.exited).toBe(2);
    const { id } = await loadOnly(dataDir);
    expect(keys.screen()).toContain(
      `an interview is open in another screener window (${id}); finish or quit it first, then change the passphrase. [E_RECORD_IN_USE]`,
    );
    expect(lockFiles(dataDir)).toEqual([`.${id}.session`]);

    await interview.at('? Age (years)', '30' + KEY.enter);
    await interview.waitFor('? Date of arrival');
    interview.write(KEY.ctrlQ);
    expect(await interview.exited).toBe(130);
    const record = await loadOnly(dataDir);
    expect(record.answers.age).toMatchObject({ kind: 'value', value: 30 });
  });

  it('a key change whose window was killed leaves a lock the next interview takes over', async () => {
    const dataDir = dataFolder();
    const killed = new Term(['keys', 'change-passphrase'], typingEnv(dataDir));
    // Nothing is held until the current passphrase is verified (a wrong one leaves no trace).
    await killed.waitFor('Current passphrase:');
    expect(lockFiles(dataDir)).toEqual([]);
    killed.write(PASSPHRASE + KEY.enter);
    await killed.waitFor('New passphrase:');
    expect(lockFiles(dataDir)).toEqual(['.keys-change.lock']);
    killed.kill('SIGKILL');
    await killed.exited;

    const interview = new Term(['interview', '-q', FIXTURE], cliEnv(dataDir));
    await answerToAge(interview, 'Ana Fictional');
    interview.write(KEY.ctrlQ);
    expect(await interview.exited).toBe(130);
  });
});

/**
 * Resuming with a questionnaire file that changed since the interview began (same id
 * and version): the warning used to be printed and then wiped by the session's first
 * screen. Now it is asked about first, in a real pseudo-terminal: Enter continues,
 * "n" leaves the interview as it was.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOnly } from './store-access.js';
import { FIXTURE, KEY, Term, answerToAge, cliEnv, initDataDir, tempDir } from './pty.js';

describe('resume with a changed questionnaire', () => {
  it('says so and asks before the session; n changes nothing, Enter continues', async () => {
    const dataDir = tempDir('changed-q');
    initDataDir(dataDir);
    const env = cliEnv(dataDir);
    const file = join(dataDir, 'questionnaire.yaml');
    copyFileSync(FIXTURE, file);
    const t = new Term(['interview', '-q', file], env);
    await answerToAge(t, 'Ana Fictional');
    t.write(KEY.ctrlQ);
    expect(await t.exited).toBe(130);
    const before = await loadOnly(dataDir);

    // Same id and version, another text: a different file by its hash.
    writeFileSync(file, readFileSync(file, 'utf8').replace('en: Age, fr', 'en: Age now, fr'));

    const no = new Term(['resume', '-q', file], env);
    await no.waitFor('Continue the interview with the changed questionnaire?');
    expect(no.screen()).toContain('has changed since this interview began');
    no.write('n' + KEY.enter);
    expect(await no.exited).toBe(0);
    expect(no.screen()).toContain('Nothing was changed.');
    expect(await loadOnly(dataDir)).toEqual(before);

    const yes = new Term(['resume', '-q', file], env);
    await yes.at('Continue the interview with the changed questionnaire?', KEY.enter);
    await yes.waitFor('? Age now (years)');
    yes.write(KEY.ctrlQ);
    expect(await yes.exited).toBe(130);
  });
});

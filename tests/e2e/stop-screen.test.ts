/**
 * The stop screen in a real pseudo-terminal: a refused consent discards nothing until
 * the screener confirms it, and Ctrl-B or an interruption there keeps every answer.
 */
import { describe, expect, it } from 'vitest';
import { loadOnly } from './store-access.js';
import { FIXTURE, KEY, Term, answerToAge, cliEnv, initDataDir, tempDir } from './pty.js';

/** From the age question back to consent, then "No": the stop screen. */
async function refuseConsent(t: Term): Promise<void> {
  await t.at('? Age (years)', '30' + KEY.enter);
  await t.at('? Date of arrival', KEY.ctrlB);
  await t.at('? Age (years)', KEY.ctrlB);
  await t.at('? Name the person wishes', KEY.ctrlB);
  await t.at('? Does the person agree', KEY.down + KEY.enter);
  await t.waitFor('End the interview');
}

describe('a stop screen not yet confirmed', () => {
  it('Ctrl-B reopens the consent question with every answer kept; Ctrl-C there resumes at it', async () => {
    const dataDir = tempDir('stop-back');
    initDataDir(dataDir);
    const env = cliEnv(dataDir);
    const t = new Term(['interview', '-q', FIXTURE], env);
    await answerToAge(t, 'Ana Fictional');
    await refuseConsent(t);
    t.write(KEY.ctrlB);
    await t.waitFor('? Does the person agree');
    expect(t.screen()).toContain('4 / ');

    // Stopped again, then interrupted at the stop screen: nothing discarded.
    t.write(KEY.enter);
    await t.waitFor('End the interview');
    t.write(KEY.ctrlC);
    expect(await t.exited).toBe(130);
    const saved = await loadOnly(dataDir);
    expect(saved.status).toBe('in_progress');
    expect(saved.answers.name).toMatchObject({ value: 'Ana Fictional' });
    expect(saved.answers.age).toMatchObject({ value: 30 });

    // Resumed at the consent question; Yes goes on after the answers kept.
    const r = new Term(['resume', '-q', FIXTURE], env);
    await r.at('? Does the person agree', KEY.up + KEY.enter);
    await r.waitFor('? Date of arrival');
    r.write(KEY.ctrlQ);
    expect(await r.exited).toBe(130);
    const after = await loadOnly(dataDir);
    expect(after.answers.consent_given).toMatchObject({ value: 'yes' });
    expect(after.answers.name).toMatchObject({ value: 'Ana Fictional' });
  });

  it('"End the interview" confirmed discards what identifies the person', async () => {
    const dataDir = tempDir('stop-end');
    initDataDir(dataDir);
    const t = new Term(['interview', '-q', FIXTURE], cliEnv(dataDir));
    await answerToAge(t, 'Ana Fictional');
    await refuseConsent(t);
    t.write(KEY.enter);
    expect(await t.exited).toBe(0);
    const saved = await loadOnly(dataDir);
    expect(saved.status).toBe('stopped');
    expect(saved.answers.name).toBeUndefined();
    expect(saved.answers.age).toBeUndefined();
  });
});

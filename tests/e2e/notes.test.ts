/**
 * A note confirmed at a question not yet answered, in a real pseudo-terminal: it is
 * saved at once and survives a quick exit, `resume` and going back.
 */
import { describe, expect, it } from 'vitest';
import { loadOnly, openTestStore } from './store-access.js';
import { FIXTURE, KEY, Term, answerToAge, cliEnv, initDataDir, tempDir } from './pty.js';

describe('a note at a question not answered yet', () => {
  it('is saved at once: kept after Ctrl-C and resume, and after going back and coming again', async () => {
    const dataDir = tempDir('note');
    initDataDir(dataDir);
    const env = cliEnv(dataDir);
    const t = new Term(['interview', '-q', FIXTURE], env);
    await answerToAge(t, 'Ana Fictional');
    t.write(KEY.ctrlN);
    await t.at('Note for this question', 'Looked younger' + KEY.enter);
    await t.waitFor('Note: Looked younger');
    t.write(KEY.ctrlC);
    expect(await t.exited).toBe(130);
    const saved = await loadOnly(dataDir);
    expect(saved.pendingNotes).toEqual({ age: 'Looked younger' });
    const store = await openTestStore(dataDir);
    const events = await store.readAudit(saved.id);
    expect(events.map((e) => e.type)).toContain('note');

    // Resumed: the note is on screen; back one question and forward again, still there.
    const r = new Term(['resume', '-q', FIXTURE], env);
    await r.waitFor('Note: Looked younger');
    r.write(KEY.ctrlB);
    await r.at('? Name the person wishes', KEY.enter);
    await r.waitFor('? Age (years)');
    expect(r.screen()).toContain('Note: Looked younger');
    r.write('30' + KEY.enter);
    await r.at('? Date of arrival', KEY.ctrlQ);
    expect(await r.exited).toBe(130);
    const after = await loadOnly(dataDir);
    expect(after.answers.age).toMatchObject({ value: 30, note: 'Looked younger' });
    expect(after.pendingNotes).toBeUndefined();
  });
});

/**
 * `resume` without an id when several interviews are in progress (one quit at its
 * first question, say): it asks which, most recent first, showing ids and times only,
 * instead of opening the most recent, which may be the wrong one.
 */
import { describe, expect, it } from 'vitest';
import { FIXTURE, KEY, Term, answerToAge, cliEnv, initDataDir, tempDir } from './pty.js';

describe('resume with several interviews in progress', () => {
  it('asks which one; the older interview chosen continues at its question', async () => {
    const dataDir = tempDir('resume-choice');
    initDataDir(dataDir);
    const env = cliEnv(dataDir);
    const first = new Term(['interview', '-q', FIXTURE], env);
    await answerToAge(first, 'Ana Fictional');
    first.write(KEY.ctrlQ);
    expect(await first.exited).toBe(130);
    const second = new Term(['interview', '-q', FIXTURE], env);
    await second.at('? Is the room private', KEY.ctrlQ);
    expect(await second.exited).toBe(130);

    const r = new Term(['resume', '-q', FIXTURE], env);
    await r.waitFor('2 interviews are in progress. Which one? (most recent first)');
    const ids = [...r.screen().matchAll(/R-[0-9A-Z]{4}-[0-9A-Z]{4}/g)].map((m) => m[0]);
    expect(new Set(ids).size).toBe(2);
    expect(r.screen()).not.toContain('Ana Fictional');
    r.write(KEY.down + KEY.enter);
    await r.waitFor('? Age (years)');
    r.write(KEY.ctrlQ);
    expect(await r.exited).toBe(130);
  });
});

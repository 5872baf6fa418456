/** A required multiple-choice question in a real pseudo-terminal: nothing ticked is refused. */
import { describe, expect, it } from 'vitest';
import { FIXTURE, KEY, Term, cliEnv, tempDir } from './pty.js';

describe('a required multiple choice', () => {
  it('refuses Enter with no box ticked, says how to answer, and takes a ticked box', async () => {
    const t = new Term(['interview', '--practice', '-q', FIXTURE], cliEnv(tempDir('multi')));
    await t.at('? Is the room private', KEY.enter);
    await t.at('? Tell the person they may stop', KEY.enter);
    await t.at('? Does the person agree', KEY.enter);
    await t.at('? Name the person wishes', KEY.enter);
    await t.at('? Age (years)', '30' + KEY.enter);
    await t.at('? Date of arrival', '2023-04-30' + KEY.enter);
    await t.at('? Was the work as promised?', KEY.down + KEY.enter);
    await t.at('? Usual hours of work per day', '8' + KEY.enter);
    await t.at('? Which of these happened?', KEY.enter);
    await t.waitFor('Tick at least one with Space (or Ctrl-K don’t know, Ctrl-X declined).');
    expect(t.screen()).toContain('? Which of these happened?');
    t.write(KEY.space + KEY.enter);
    await t.at('? Name of the recruiter', KEY.ctrlQ);
    expect(await t.exited).toBe(130);
  });
});

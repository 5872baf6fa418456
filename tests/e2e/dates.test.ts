/** Typing a date in a real pseudo-terminal: a day that does not exist, and a date after today. */
import { describe, expect, it } from 'vitest';
import { FIXTURE, KEY, Term, cliEnv, tempDir } from './pty.js';

const ERASE = '\x7f'.repeat(12);

describe('a date question', () => {
  it('says a date is not real or is after today, and takes a real past date', async () => {
    const t = new Term(['interview', '--practice', '-q', FIXTURE], cliEnv(tempDir('dates')));
    await t.at('? Is the room private', KEY.enter);
    await t.at('? Tell the person they may stop', KEY.enter);
    await t.at('? Does the person agree', KEY.enter);
    await t.at('? Name the person wishes', KEY.enter);
    await t.at('? Age (years)', '30' + KEY.enter);
    await t.at('? Date of arrival', '2023-02-30' + KEY.enter);
    await t.waitFor('This is not a real date: that month has no such day.');
    t.write(ERASE + '2099-01-01' + KEY.enter);
    await t.waitFor(
      'This date is after today: the question asks about something that has happened.',
    );
    t.write(ERASE + '2023-04-3' + KEY.enter);
    await t.waitFor('Write the date as YYYY-MM-DD, e.g. 2023-04-30.');
    t.write('0' + KEY.enter);
    await t.at('? Was the work as promised?', KEY.ctrlQ);
    expect(await t.exited).toBe(130);
  });
});

/**
 * Terminal edge cases in a real pseudo-terminal: a 40-column terminal resized in the
 * middle of a question, a non-UTF-8 locale, pasted multi-line text and a very long
 * answer. Nothing may break and nothing may be lost: the saved record holds exactly
 * what was typed.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadOnly } from './store-access.js';
import { BIN, FIXTURE, KEY, ROOT, Term, cliEnv, tempDir } from './pty.js';

describe('terminal edge cases', () => {
  it('40 columns, resizing mid-question, C locale, pasted lines and a 1 000-character answer', async () => {
    const dataDir = tempDir('edges');
    const env = cliEnv(dataDir, { LANG: 'C', LC_ALL: 'C' });
    const init = spawnSync(process.execPath, [BIN, 'keys', 'init'], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });
    expect(init.status, init.stderr).toBe(0);

    // An obviously fictional, very long name: it must be kept whole, character for character.
    const longName = 'Zed Fictional-' + 'Invented'.repeat(124) + '-End';
    const pasted = [
      'First pasted line, café über naïve.',
      'Second line: 14 hours a day.',
      'Third line.',
    ];

    const t = new Term(['interview', '-q', FIXTURE], env, { cols: 40, rows: 20 });
    await t.at('? Is the room', KEY.enter);
    await t.at('? Tell the person', KEY.enter);
    await t.at('? Does the person', KEY.enter);
    await t.at('? Name the person', longName + KEY.enter);
    await t.waitFor('? Age', 120_000);
    // Resize twice while the question is on screen, then answer it.
    t.resize(28, 12);
    t.resize(120, 40);
    await t.at('? Age', '30' + KEY.enter);
    await t.at('? Date of arrival', '2023-04-30' + KEY.enter);
    await t.at('? Was the work as promised?', KEY.enter);
    await t.at('? Usual hours of work', '14' + KEY.enter);
    await t.at('? Which of these happened?', KEY.space + KEY.enter);
    await t.waitFor("Screener's notes");
    // A paste arrives as one burst of characters with line breaks; an empty line ends the answer.
    t.write(pasted.join('\r') + '\r\r');
    await t.at('? All questions on this path are done', KEY.enter);
    expect(await t.exited).toBe(0);

    const record = await loadOnly(dataDir);
    expect(record.status).toBe('completed');
    expect(record.answers.name).toMatchObject({ kind: 'value', value: longName });
    expect(record.answers.age).toMatchObject({ kind: 'value', value: 30 });
    expect(record.answers.arrived_on).toMatchObject({ kind: 'value', value: '2023-04-30' });
    expect(record.answers.notes).toMatchObject({ kind: 'value', value: pasted.join('\n') });
  });
});

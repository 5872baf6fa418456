/**
 * `screener rehearse` at a real terminal (node-pty, built CLI): REHEARSAL on every
 * screen, the persona's reply above each question, the trainee's answers through the
 * normal prompts, the debrief at the end, the debrief saved on request, and nothing in
 * the data folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyDataDir, FIXTURES, terminal } from './helpers.js';

const ENTER = '\r';
const DOWN = '\x1b[B';
const SPACE = ' ';

let data: ReturnType<typeof emptyDataDir>;
beforeEach(() => {
  data = emptyDataDir();
});
afterEach(() => data.remove());

describe('rehearse in a terminal', () => {
  it('a trainee interviews the persona and takes the debrief away', async () => {
    const debrief = join(data.dir, '..', 'my-debrief.md');
    const t = terminal(['rehearse', join(FIXTURES, 'small.yaml')], { SCREENER_HOME: data.dir });
    const screens: string[] = [];
    const step = async (question: string, keys: string) =>
      screens.push(await t.after(question, keys));

    await step('Is the room private', ENTER); // yes
    await step('Tell the person they may stop', ENTER); // continue
    await step('Does the person agree to continue', ENTER); // yes
    await step('Name the person wishes', ENTER); // optional: skipped
    await step('Age', `30${ENTER}`);
    await step('Date of arrival', `2023-03-01${ENTER}`);
    await step('Was the work as promised', ENTER); // "The same work": wrong
    await step('Usual hours of work per day', `14${ENTER}`);
    // Documents taken (first), Threats (third): misses the debt, adds threats.
    await step('Which of these happened', `${SPACE}${DOWN}${DOWN}${SPACE}${ENTER}`);
    await step('Dealt with', ENTER); // the urgent notice the threats raise
    await step("Screener's notes", ENTER); // optional multi-line: empty line finishes
    await step('Finish the interview', ENTER);
    const end = await t.after('File name (Enter to skip)', `${debrief}${ENTER}`);
    expect(await t.exited).toBe(0);

    // Every screen of the interview says REHEARSAL; each question shows the persona.
    for (const s of screens.slice(0, -1)) expect(s).toContain('REHEARSAL');
    expect(screens[0]).toContain('Persona: Testa Placeholder (fictional), 30');
    expect(screens[0]).toContain('Situation: The office door is closed; nobody came with Testa.');
    expect(screens[6]).toContain(
      'Testa Placeholder: “They told me kitchen work. It was the fields, all day.”',
    );
    expect(screens[3]).toContain('(No scripted reply for this question: code it as you judge.)');

    // The debrief on screen, then saved where the trainee asked.
    expect(end).toContain('- Questions coded as expected: **4 of 6** (67 %)');
    expect(end).toContain('- Indicators found: **2 of 4**; raised wrongly: **1**');
    expect(end).toContain('## Indicators missed (2)');
    expect(t.text()).toContain(`Debrief saved to ${debrief}.`);
    const saved = readFileSync(debrief, 'utf8');
    expect(saved).toContain('| 5 | `job_as_promised` | different_job | same | ✗ |');
    expect(saved).toContain(
      '- **Threats of violence** (`threats_of_violence`) — Coercion at destination, medium.',
    );

    expect(data.files()).toEqual([]);
  });

  it('Ctrl-Q leaves at once, clears the screen, exits 130, and leaves nothing behind', async () => {
    const t = terminal(['rehearse', join(FIXTURES, 'small.yaml')], { SCREENER_HOME: data.dir });
    await t.after('Is the room private', ENTER);
    await t.after('Tell the person they may stop', '\x11');
    expect(await t.exited).toBe(130);
    expect(t.text()).toContain('Session closed.');
    expect(data.files()).toEqual([]);
    expect(existsSync(join(data.dir, '..', 'my-debrief.md'))).toBe(false);
  });
});

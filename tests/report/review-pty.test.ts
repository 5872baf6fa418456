/** `screener report ID --review` in a real terminal: remove a word, restore one, the choices kept with the record. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliEnv, KEY, PASSPHRASE, ROOT, Term, tempDir } from '../e2e/pty.js';
import { newStore, openFileStore, removeDir, testId } from '../store/helpers.js';
import { nodeFs } from '../../src/store/fs-layer.js';
import { canaryQuestionnaire, canaryRecord } from './helpers.js';

const FIXTURE = join(ROOT, 'tests', 'report', 'fixtures', 'canary.yaml');
const dir = tempDir('report-review');
afterAll(() => removeDir(dir));

describe('redaction review', () => {
  it('shows each passage with what will go, and keeps the choices with the record', async () => {
    const data = join(dir, 'data');
    const store = await newStore(data, nodeFs, PASSPHRASE);
    const id = testId();
    await store.save({ ...canaryRecord(canaryQuestionnaire()), id });
    const out = join(dir, 'report.md');

    const t = new Term(['report', id, '-q', FIXTURE, '--review', '--out', out], cliEnv(data));
    // The consent limits come first; remove the word "police" from them.
    await t.waitFor('Passage 1 of 3: What limits?');
    await t.at('What now?', KEY.down + KEY.enter);
    await t.at('Words to remove', 'police' + KEY.enter);
    await t.at('Replace it with:', KEY.enter);
    // The passage again with "police" marked: on to the next one.
    await t.waitFor((s) => s.split('Passage 1 of 3').length > 2 && s.trimEnd().endsWith('select'));
    t.write(KEY.enter);
    // The note on working hours: restore the cousin's first name (found by a rule, not a field).
    await t.waitFor(
      (s) => s.includes('Passage 2 of 3: Hours a day') && s.trimEnd().endsWith('select'),
    );
    t.write(KEY.down + KEY.down + KEY.enter);
    await t.at('Which removal was wrong?', KEY.enter);
    await t.waitFor((s) => s.split('Passage 2 of 3').length > 2 && s.trimEnd().endsWith('select'));
    t.write(KEY.down + KEY.down + KEY.down + KEY.enter);
    expect(await t.exited).toBe(0);
    expect(t.screen()).toContain(`Report written to ${out}.`);

    const report = readFileSync(out, 'utf8');
    expect(report).toContain(
      '- What limits?: **Not to be shared with the [name]; her brother [name] must not learn of it.**',
    );
    expect(report).toContain('> [name] worked 14 hours; Tamsin confirmed it ([phone]).');
    const saved = await (await openFileStore(data, nodeFs, PASSPHRASE)).load(id);
    expect(saved.redactionReview).toMatchObject({
      remove: [{ text: 'police', kind: 'name' }],
      restore: ['Tamsin'],
    });
    const audit = await (await openFileStore(data, nodeFs, PASSPHRASE)).readAudit(id);
    expect(audit.map((e) => e.type)).toEqual(['redaction_review', 'report']);
  });
});

describe('redaction review and the screen', () => {
  const reviewOf = async (name: string) => {
    const data = join(dir, name);
    const store = await newStore(data, nodeFs, PASSPHRASE);
    const id = testId();
    await store.save({ ...canaryRecord(canaryQuestionnaire()), id });
    const out = join(dir, `${name}.md`);
    const t = new Term(['report', id, '-q', FIXTURE, '--review', '--out', out], cliEnv(data));
    await t.waitFor((s) => s.includes('Passage 1 of 3') && s.trimEnd().endsWith('select'));
    return t;
  };
  /** Nothing of the passages after the last clearing of screen and scrollback. */
  const cleared = (t: Term) => {
    const at = t.raw.lastIndexOf('\x1b[3J\x1b[2J\x1b[H');
    expect(at).toBeGreaterThan(t.raw.indexOf('Passage 1 of 3'));
    expect(t.raw.slice(at)).not.toMatch(/Passage|police|brother/);
  };

  for (const [key, name] of [
    [KEY.ctrlQ, 'Ctrl-Q'],
    ['\x1b[24~', 'F12'],
    [KEY.ctrlC, 'Ctrl-C'],
  ] as const)
    it(`${name} clears the screen and the scrollback and ends the review unsaved (130)`, async () => {
      const t = await reviewOf(`quick-${name}`);
      t.write(key);
      expect(await t.exited).toBe(130);
      cleared(t);
    });

  it('a finished review leaves no passage on the screen', async () => {
    const t = await reviewOf('finish');
    // The last choice: finish the review.
    t.write(KEY.up + KEY.enter);
    expect(await t.exited).toBe(0);
    cleared(t);
    expect(t.screen()).toContain('Report written to');
  });
});

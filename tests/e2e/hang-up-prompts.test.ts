/**
 * The terminal closed at a prompt outside an interview (a passphrase, `delete`'s
 * confirmation, `report --review`, the debrief's file name), in a real pseudo-terminal:
 * the command ends as an interruption does, exit 130 with its one line, nothing
 * written; not with a stack trace and Node 20's abort (src/cli/terminal-gone.ts).
 * And Ctrl-C at the debrief's file name, the one prompt not drawn by the prompt library.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliEnv, initDataDir, KEY, PASSPHRASE, ROOT, Term, tempDir } from './pty.js';
import { newStore, testId } from '../store/helpers.js';
import { nodeFs } from '../../src/store/fs-layer.js';
import { canaryQuestionnaire, canaryRecord } from '../report/helpers.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function folder(name: string): string {
  const dir = tempDir(`hangup-${name}`);
  made.push(dir);
  return dir;
}

/**
 * Runs the CLI with core dumps on (an abort would leave a core in `dir`, where the
 * pattern allows) and stderr kept in a file, to read what it said once its terminal
 * was gone; unless the prompt itself is on stderr (the review), which then stays on
 * the terminal.
 */
function term(dir: string, args: string[], env: Record<string, string>, keepStderr = true): Term {
  const errors = join(dir, 'stderr.txt');
  const redirect = keepStderr ? `exec 2>"${errors}"; ` : '';
  return new Term(args, env, undefined, dir, `ulimit -c unlimited 2>/dev/null; ${redirect}true`);
}

/** Closes the terminal; returns what the command wrote on stderr, for the caller to check. */
async function hangUp(t: Term, dir: string): Promise<string> {
  t.hangUp();
  expect(await t.exited).toBe(130);
  expect(t.exitSignal).toBe(0);
  expect(readdirSync(dir).filter((f) => f.startsWith('core'))).toEqual([]);
  const errors = join(dir, 'stderr.txt');
  if (!existsSync(errors)) return '';
  const stderr = readFileSync(errors, 'utf8');
  expect(stderr).not.toMatch(/Error|node:|\n\s+at /);
  return stderr;
}

async function storeWithRecord(dataDir: string): Promise<string> {
  const store = await newStore(dataDir, nodeFs, PASSPHRASE);
  const id = testId();
  await store.save({ ...canaryRecord(canaryQuestionnaire()), id });
  return id;
}

describe('the terminal closed at a prompt', () => {
  it('at the passphrase prompt: interrupted, 130, no abort', async () => {
    const dir = folder('passphrase');
    const dataDir = join(dir, 'data');
    initDataDir(dataDir);
    const env = cliEnv(dataDir);
    delete env.SCREENER_PASSPHRASE;
    const t = term(dir, ['list'], env);
    await t.waitFor('Passphrase:');
    expect(await hangUp(t, dir)).toBe('Interrupted.\n');
  });

  it("at delete's confirmation: nothing deleted, 130, no abort", async () => {
    const dir = folder('delete');
    const dataDir = join(dir, 'data');
    const id = await storeWithRecord(dataDir);
    const t = term(dir, ['delete', id], cliEnv(dataDir));
    await t.waitFor('This cannot be undone');
    expect(await hangUp(t, dir)).toBe('Interrupted; nothing was deleted.\n');
    expect(readdirSync(join(dataDir, 'records')).some((f) => f.startsWith(id))).toBe(true);
  });

  it('during a redaction review: no report, the review not saved, 130, no abort', async () => {
    const dir = folder('review');
    const dataDir = join(dir, 'data');
    const id = await storeWithRecord(dataDir);
    const out = join(dir, 'report.md');
    const fixture = join(ROOT, 'tests', 'report', 'fixtures', 'canary.yaml');
    const t = term(
      dir,
      ['report', id, '-q', fixture, '--review', '--out', out],
      cliEnv(dataDir),
      false,
    );
    await t.waitFor('What now?');
    // Its last words go to the terminal that is gone: writing them must not change the exit.
    await hangUp(t, dir);
    expect(existsSync(out)).toBe(false);
  });

  it("at the debrief's file name after a rehearsal: no file, 130, no abort", async () => {
    const { dir, t } = await atDebriefFileName('debrief');
    const stderr = await hangUp(t, dir);
    expect(stderr).toBe('Interrupted; the debrief was not saved.\n');
    expect(readdirSync(dir).sort()).toEqual(['stderr.txt']);
  });
});

describe("Ctrl-C at the debrief's file name", () => {
  it('leaves as at every prompt: no file, 130', async () => {
    const { dir, t } = await atDebriefFileName('debrief-ctrl-c');
    t.write('half-typed-name' + KEY.ctrlC);
    expect(await t.exited).toBe(130);
    expect(readFileSync(join(dir, 'stderr.txt'), 'utf8')).toBe(
      'Interrupted; the debrief was not saved.\n',
    );
    expect(readdirSync(dir).sort()).toEqual(['stderr.txt']);
  });
});

/** A rehearsal of the small scenario played to its end, waiting at the debrief's file name. */
async function atDebriefFileName(name: string): Promise<{ dir: string; t: Term }> {
  const dir = folder(name);
  const t = term(
    dir,
    ['rehearse', join(ROOT, 'tests', 'training', 'fixtures', 'small.yaml')],
    cliEnv(join(dir, 'data')),
  );
  await rehearseToTheEnd(t);
  await t.waitFor('File name (Enter to skip)');
  return { dir, t };
}

/** Answers the small rehearsal scenario to its end, as the rehearsal test does. */
async function rehearseToTheEnd(t: Term): Promise<void> {
  await t.at('? Is the room private', KEY.enter);
  await t.at('? Tell the person they may stop', KEY.enter);
  await t.at('? Does the person agree to continue', KEY.enter);
  await t.at('? Name the person wishes', KEY.enter);
  await t.at('? Age', `30${KEY.enter}`);
  await t.at('? Date of arrival', `2023-03-01${KEY.enter}`);
  await t.at('? Was the work as promised', KEY.enter);
  await t.at('? Usual hours of work per day', `14${KEY.enter}`);
  await t.at(
    '? Which of these happened',
    `${KEY.space}${KEY.down}${KEY.down}${KEY.space}${KEY.enter}`,
  );
  await t.at('Dealt with', KEY.enter);
  await t.at('One line at a time', KEY.enter);
  await t.at('Finish the interview', KEY.enter);
}

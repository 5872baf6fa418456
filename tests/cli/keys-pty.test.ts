/** Passphrases typed on a real terminal: hidden, confirmed, and Ctrl-C leaves cleanly. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node-pty';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { BIN, ROOT } from '../helpers/run-cli.js';
import { unlockDataDir } from '../../src/store/index.js';
import { PASSPHRASE, removeDir, snapshot, tempDir } from '../store/helpers.js';

let dir: string;
let data: string;
beforeEach(() => {
  dir = tempDir('cli-pty');
  data = join(dir, 'data');
});
afterEach(() => removeDir(dir));

function env(): Record<string, string> {
  const e: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) e[k] = v;
  delete e.SCREENER_PASSPHRASE;
  return { ...e, SCREENER_SCRYPT_N: '1024', TERM: 'xterm-256color', NO_COLOR: '1' };
}

/** Drives one CLI run in a pseudo-terminal: type after a prompt appears, read the screen. */
function terminal(args: string[]) {
  const pty = spawn(process.execPath, [BIN, '--data-dir', data, ...args], {
    name: 'xterm-256color',
    cols: 100,
    rows: 30,
    cwd: ROOT,
    env: env(),
  });
  let raw = '';
  let wake: (() => void) | undefined;
  pty.onData((d) => {
    raw += d;
    wake?.();
  });
  const exited = new Promise<number>((resolve) => pty.onExit(({ exitCode }) => resolve(exitCode)));
  const text = () => stripVTControlCharacters(raw);
  return {
    exited,
    text,
    raw: () => raw,
    /**
     * Waits for the text to appear after `since` (prompts are redrawn at every key,
     * so a prompt's text appears many times), then types. No time limit of its own:
     * vitest's test timeout reports a hang.
     */
    async after(what: string, keys: string, since?: string) {
      const shown = () => {
        const all = text();
        const from = since === undefined ? 0 : all.lastIndexOf(since);
        return from >= 0 && all.slice(from).includes(what);
      };
      while (!shown()) await new Promise<void>((resolve) => (wake = resolve));
      pty.write(keys);
    },
  };
}

describe('passphrase on a terminal', () => {
  it('keys init asks twice with hidden input; the passphrase never appears on screen', async () => {
    const t = terminal(['keys', 'init']);
    await t.after('Choose a passphrase', `${PASSPHRASE}\r`);
    await t.after('Type it again', `${PASSPHRASE}\r`);
    expect(await t.exited).toBe(0);
    expect(t.text()).toContain('Passphrase set up');
    expect(t.raw()).not.toContain('violet');
    expect(t.raw()).not.toContain('*****');
    await expect(unlockDataDir(data, PASSPHRASE)).resolves.toBeDefined();
  });

  it('two different entries are not accepted: it asks again', async () => {
    const t = terminal(['keys', 'init']);
    await t.after('Choose a passphrase', `${PASSPHRASE}\r`);
    await t.after('Type it again', 'something else entirely\r');
    const differ = 'The two passphrases differ.';
    await t.after('Choose a passphrase', `${PASSPHRASE}\r`, differ);
    await t.after('Type it again', `${PASSPHRASE}\r`, differ);
    expect(await t.exited).toBe(0);
    expect(t.text()).toContain('The two passphrases differ.');
    await expect(unlockDataDir(data, PASSPHRASE)).resolves.toBeDefined();
  });

  it('three too-short passphrases: the reason given is that they are too short (exit 2)', async () => {
    const t = terminal(['keys', 'init']);
    const refusals = () => t.text().split('At least 8 characters, please.').length - 1;
    for (let i = 0; i < 3; i++) {
      // Each prompt after the refusal of the one before.
      while (refusals() < i) await new Promise((resolve) => setTimeout(resolve, 20));
      await t.after('Choose a passphrase', 'short\r', i === 0 ? undefined : 'At least 8');
    }
    expect(await t.exited).toBe(2);
    expect(t.text()).toContain('[E_PASSPHRASE_TOO_SHORT]');
    expect(t.text()).not.toContain('E_PASSPHRASE_MISMATCH');
    expect(existsSync(join(data, 'keys.json'))).toBe(false);
  });

  it('Ctrl-C at the prompt exits 130 and changes nothing', async () => {
    const init = terminal(['keys', 'init']);
    await init.after('Choose a passphrase', '\x03');
    expect(await init.exited).toBe(130);
    expect(existsSync(data)).toBe(false);

    const setup = terminal(['keys', 'init']);
    await setup.after('Choose a passphrase', `${PASSPHRASE}\r`);
    await setup.after('Type it again', `${PASSPHRASE}\r`);
    expect(await setup.exited).toBe(0);
    const before = snapshot(data);
    const list = terminal(['list']);
    await list.after('Passphrase:', '\x03');
    expect(await list.exited).toBe(130);
    expect(snapshot(data)).toEqual(before);
  });
});

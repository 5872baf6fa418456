/**
 * A real pseudo-terminal around the built CLI. The screen is modelled simply: the
 * session clears the screen before every step, so what is "on screen" is the output
 * since the last clear, with the control sequences stripped.
 */
import { spawn, type IPty } from 'node-pty';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'screener.js');
export const FIXTURE = join(ROOT, 'tests', 'engine', 'fixtures', 'interview.yaml');
export const PASSPHRASE = 'fictional test passphrase';

export const KEY = {
  enter: '\r',
  up: '\x1b[A',
  down: '\x1b[B',
  space: ' ',
  ctrlB: '\x02',
  ctrlC: '\x03',
  ctrlG: '\x07',
  ctrlK: '\x0b',
  ctrlN: '\x0e',
  ctrlQ: '\x11',
  ctrlX: '\x18',
} as const;

const CLEAR = '\x1b[2J';

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `screener-${prefix}-`));
}

/** The environment for a CLI run: a cheap scrypt (tests only) and the passphrase for scripts. */
export function cliEnv(
  dataDir: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  delete env.NO_COLOR;
  return {
    ...env,
    SCREENER_HOME: dataDir,
    SCREENER_PASSPHRASE: PASSPHRASE,
    SCREENER_SCRYPT_N: '1024',
    TERM: 'xterm-256color',
    ...extra,
  };
}

export class Term {
  raw = '';
  exitCode: number | undefined;
  /** The signal that ended the process, if one did (an abort is SIGABRT, 6); 0 when none. */
  exitSignal: number | undefined;
  readonly exited: Promise<number>;
  private readonly pty: IPty;
  private waiters: (() => void)[] = [];

  constructor(
    args: string[],
    env: Record<string, string>,
    size: { cols: number; rows: number } = { cols: 100, rows: 40 },
    /** The folder relative paths in `args` are read from. */
    cwd = ROOT,
    /** A shell command run first, in the same process (e.g. `ulimit -c unlimited`). */
    prelude?: string,
  ) {
    const [file, argv] = prelude
      ? ['/bin/sh', ['-c', `${prelude} && exec "$@"`, 'sh', process.execPath, BIN, ...args]]
      : [process.execPath, [BIN, ...args]];
    this.pty = spawn(file, argv, {
      name: 'xterm-256color',
      cols: size.cols,
      rows: size.rows,
      cwd,
      env,
    });
    this.pty.onData((d) => {
      this.raw += d;
      for (const w of this.waiters.splice(0)) w();
    });
    this.exited = new Promise((resolve) =>
      this.pty.onExit(({ exitCode, signal }) => {
        this.exitCode = exitCode;
        this.exitSignal = signal ?? 0;
        for (const w of this.waiters.splice(0)) w();
        resolve(exitCode);
      }),
    );
  }

  get pid(): number {
    return this.pty.pid;
  }

  /** What is on the screen now: the output since the last clear, as text. */
  screen(): string {
    const at = this.raw.lastIndexOf(CLEAR);
    return stripVTControlCharacters(at < 0 ? this.raw : this.raw.slice(at));
  }

  write(keys: string): void {
    this.pty.write(keys);
  }

  /** Waits until the screen shows the text (a pty is asynchronous; the timeout only reports a hang). */
  async waitFor(
    what: string | RegExp | ((screen: string) => boolean),
    timeoutMs = 20_000,
  ): Promise<string> {
    const test = (s: string) =>
      typeof what === 'string' ? s.includes(what) : what instanceof RegExp ? what.test(s) : what(s);
    const deadline = Date.now() + timeoutMs;
    while (!test(this.screen())) {
      const left = deadline - Date.now();
      if (this.exitCode !== undefined)
        throw new Error(
          `exited ${this.exitCode} before showing ${String(what)}; screen:\n${this.screen()}`,
        );
      if (left <= 0)
        throw new Error(`timed out waiting for ${String(what)}; screen:\n${this.screen()}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 500));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    return this.screen();
  }

  /** Types keys once the prompt `what` is on screen (keys typed before a prompt is drawn are dropped by design). */
  async at(what: string | RegExp, keys: string): Promise<void> {
    await this.waitFor(what);
    this.write(keys);
  }

  /** Resizes the terminal, as a user dragging the window does (SIGWINCH). */
  resize(cols: number, rows: number): void {
    this.pty.resize(cols, rows);
  }

  kill(signal = 'SIGKILL'): void {
    this.pty.kill(signal);
  }

  /**
   * Closes the terminal itself, as closing its window does: the kernel hangs the
   * terminal up and sends the command (the session leader) its hang-up signal at once.
   * node-pty's destroy() then sends one more of its own, but only once its socket has
   * closed, which on a loaded machine is tens of milliseconds later: late enough to land
   * while Node is tearing the process down after its last exit handler (its signal
   * handlers gone), and kill it with the exit status already decided. No terminal does
   * that, so that extra signal is not sent.
   */
  hangUp(): void {
    const pty = this.pty as unknown as { destroy(): void; kill(signal?: string): void };
    pty.kill = () => undefined;
    pty.destroy();
  }
}

/** Sets up the keys of a data folder with the built CLI (`keys init`, the test passphrase). */
export function initDataDir(dataDir: string): void {
  const r = spawnSync(process.execPath, [BIN, 'keys', 'init'], {
    cwd: ROOT,
    env: cliEnv(dataDir),
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`keys init failed: ${r.stderr}`);
}

/** Answers the fixture interview's opening questions, the person's name `name`, up to the age question. */
export async function answerToAge(t: Term, name: string): Promise<void> {
  await t.at('? Is the room private', KEY.enter);
  await t.at('? Tell the person they may stop', KEY.enter);
  await t.at('? Does the person agree', KEY.enter);
  await t.at('? Name the person wishes', name + KEY.enter);
  await t.waitFor('? Age (years)');
}

/** Shared by the training tests: paths, a data folder that must stay empty, the CLI in a pty. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { spawn } from 'node-pty';
import { parse } from 'yaml';
import { BIN, ROOT, runCli, type CliResult } from '../helpers/run-cli.js';

export const FIXTURES = join(import.meta.dirname, 'fixtures');
export const SCENARIOS = join(ROOT, 'questionnaires', 'scenarios');

export function shippedScenarioFiles(): string[] {
  return readdirSync(SCENARIOS)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(SCENARIOS, f));
}

export function nameOf(file: string): string {
  return basename(file, '.yaml');
}

export interface ScenarioYaml {
  scenario: string;
  lang: string;
  questionnaire: string;
  persona: { name: string };
  interview: Record<string, { code?: unknown; says?: string }>;
  expected: { outcome: string; indicators: string[]; population?: string; dimensions?: string[] };
}

export function readScenario(file: string): ScenarioYaml {
  return parse(readFileSync(file, 'utf8'), { version: '1.2' }) as ScenarioYaml;
}

/** A fresh data folder (SCREENER_HOME) that a rehearsal must leave empty. */
export function emptyDataDir(): { dir: string; files: () => string[]; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'screener-training-'));
  const dir = join(root, 'data');
  mkdirSync(dir);
  const files = () => readdirSync(dir, { recursive: true }).map(String);
  return { dir, files, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export function rehearseCli(args: readonly string[], dataDir: string): CliResult {
  return runCli(['rehearse', ...args], { env: { SCREENER_HOME: dataDir } });
}

/** One CLI run in a pseudo-terminal: wait for text on screen, then type. */
export function terminal(args: string[], env: Record<string, string>) {
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) base[k] = v;
  const pty = spawn(process.execPath, [BIN, ...args], {
    name: 'xterm-256color',
    cols: 120,
    rows: 50,
    cwd: ROOT,
    env: { ...base, TERM: 'xterm-256color', NO_COLOR: '1', ...env },
  });
  let raw = '';
  let wake: (() => void) | undefined;
  pty.onData((d) => {
    raw += d;
    wake?.();
  });
  const exited = new Promise<number>((resolve) => pty.onExit(({ exitCode }) => resolve(exitCode)));
  const text = () => stripVTControlCharacters(raw);
  let mark = 0;
  return {
    exited,
    text,
    /**
     * Waits until `what` appears after everything already consumed, then types `keys`.
     * No time limit of its own: vitest's test timeout reports a hang.
     */
    async after(what: string, keys: string): Promise<string> {
      const found = () => text().indexOf(what, mark);
      while (found() < 0) await new Promise<void>((resolve) => (wake = resolve));
      const at = found();
      // Everything drawn since the last keys were typed: the screen the trainee answers.
      const screen = text().slice(mark, at + what.length);
      mark = at + what.length;
      pty.write(keys);
      return screen;
    },
  };
}

// Trains the code caches for the build (scripts/post-build.mjs), one process per kind of
// command (scripts/train-code-cache.cjs). The interview needs a terminal: it runs in a
// pseudo-terminal when node-pty is installed (a development checkout), waits for the
// first question and quick-exits. A cache that could not be trained only costs start-up
// time, so this warns and does not fail the build.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const script = join(root, 'scripts', 'train-code-cache.cjs');
const { cacheFile } = createRequire(import.meta.url)('../bin/load-bundle.js');
// The first question of the shipped questionnaire, as the interview shows it.
const FIRST_QUESTION = 'Is the place private';
const QUICK_EXIT = '\x03';

/** The environment of a plain `screener` run: V8 rejects a cache made under other flags. */
function plainEnv() {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  return env;
}

function warn(kind, detail) {
  process.stderr.write(
    `post-build: no ${kind} code cache (its start-up will be slower): ${detail}\n`,
  );
}

function trainPlain(kind) {
  const r = spawnSync(process.execPath, [script, kind], {
    cwd: root,
    env: plainEnv(),
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (r.status !== 0 || !existsSync(cacheFile(kind))) warn(kind, r.stderr || `exit ${r.status}`);
}

async function trainInterview() {
  let pty;
  try {
    const m = await import('node-pty');
    pty = m.default ?? m;
  } catch {
    warn('interview', 'node-pty is not installed');
    return;
  }
  const failure = await new Promise((resolve) => {
    const p = pty.spawn(process.execPath, [script, 'interview'], {
      cols: 100,
      rows: 30,
      cwd: root,
      env: plainEnv(),
    });
    let screen = '';
    let asked = false;
    const timer = setTimeout(() => p.kill('SIGKILL'), 60_000);
    p.onData((d) => {
      screen += d;
      if (!asked && screen.includes(FIRST_QUESTION)) {
        asked = true;
        p.write(QUICK_EXIT);
      }
    });
    p.onExit(({ exitCode }) => {
      clearTimeout(timer);
      resolve(asked && exitCode === 0 ? '' : `exit ${exitCode}:\n${screen.slice(-1500)}`);
    });
  });
  if (failure !== '' || !existsSync(cacheFile('interview'))) warn('interview', failure);
}

export async function trainCodeCache() {
  for (const kind of ['run', 'validate', 'interview']) rmSync(cacheFile(kind), { force: true });
  trainPlain('run');
  trainPlain('validate');
  await trainInterview();
}

// `npm run bench`: start-up and whole-command timings of the built CLI, each as a
// ratio against `node -e 0` measured in the same run (interleaved, so machine load
// affects both alike), with peak memory. Then the store and export benchmarks, when
// present. Usage: node scripts/bench.mjs [--runs N] [--json FILE]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import os from 'node:os';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(root, 'bin', 'screener.js');
const node = process.execPath;
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const RUNS = Number(arg('--runs', '21'));
const WARMUP = 3;

if (!existsSync(join(root, 'dist', 'cli.cjs')))
  spawnSync('npx', ['tsup'], { cwd: root, stdio: 'inherit' });

const work = mkdtempSync(join(tmpdir(), 'screener-bench-'));
const rssFile = join(work, 'rss.txt');
const shipped = existsSync(join(root, 'questionnaires', 'iom-screening.yaml'))
  ? join(root, 'questionnaires', 'iom-screening.yaml')
  : join(root, 'questionnaires', 'example.yaml');
// NODE_EXTRA_CA_CERTS makes every node process, the baseline too, parse a CA bundle at
// start (about 80 ms on the development machine), which would shrink every ratio. A
// screener's laptop does not set it, so the benchmark never does.
const { NODE_EXTRA_CA_CERTS: _ignoredCaCerts, ...inherited } = process.env;
const env = {
  ...inherited,
  NO_COLOR: '1',
  SCREENER_HOME: join(work, 'data'),
  SCREENER_BENCH_RSS: rssFile,
  NODE_OPTIONS: `--require ${join(root, 'scripts', 'bench-rss.cjs')}`,
};

/** Cases: a command line, or a terminal session timed until a pattern is on screen. */
const cases = [
  { name: 'node -e 0 (baseline)', args: ['-e', '0'], baseline: true },
  { name: 'screener --version', args: [BIN, '--version'], target: 1.3 },
  { name: 'screener --help', args: [BIN, '--help'], target: 1.3 },
  { name: `screener validate ${shipped.split('/').pop()}`, args: [BIN, 'validate', shipped] },
];

// Added by the interview work: the first question in a real terminal, and a whole
// scripted interview with its report. Each is present only when its inputs exist.
const answersFile = join(root, 'tests', 'fixtures', 'answers', 'bench-full-interview.yaml');
if (existsSync(answersFile)) {
  cases.push({
    name: 'run --answers --practice (full) + report',
    args: [BIN, 'run', '--answers', answersFile, '--practice', '--report', join(work, 'report.md')],
    target: 3,
  });
}
let pty;
try {
  pty = (await import('node-pty')).default ?? (await import('node-pty'));
} catch {
  pty = undefined;
}
// The first question of the shipped questionnaire (English), as it appears on screen.
const firstQuestion = process.env.SCREENER_BENCH_FIRST_QUESTION ?? 'Is the place private';
if (pty) {
  // The same baseline started the same way: spawning through a pseudo-terminal costs
  // a few milliseconds that plain `node -e 0` does not pay. The pty case is judged
  // against it, and its ratio to plain `node -e 0` is shown too.
  const ptyBaseline = { name: 'node -e 0 in a pty (baseline of the pty case)', pty: ['-e', '0'] };
  cases.push(ptyBaseline);
  cases.push({
    name: 'interview: first question on screen (pty)',
    pty: [BIN, 'interview', '--practice'],
    until: firstQuestion,
    target: 2.5,
    baselineCase: ptyBaseline,
  });
}

function runOnce(c) {
  rmSync(rssFile, { force: true });
  if (c.pty) return runPty(c);
  const t0 = performance.now();
  const r = spawnSync(node, c.args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t0;
  if (r.status !== 0 && !c.baseline) throw new Error(`${c.name} exited ${r.status}: ${r.stderr}`);
  return Promise.resolve({ ms, rss: readRss() });
}

function runPty(c) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = pty.spawn(node, c.pty, { cols: 100, rows: 30, env, cwd: work });
    let screen = '';
    let done = false;
    const timer = setTimeout(() => {
      if (!done) {
        p.kill();
        reject(new Error(`${c.name}: "${c.until}" never appeared:\n${screen.slice(-2000)}`));
      }
    }, 20000);
    p.onData((d) => {
      screen += d;
      if (!done && c.until !== undefined && screen.includes(c.until)) {
        done = true;
        const ms = performance.now() - t0;
        clearTimeout(timer);
        p.kill('SIGKILL');
        resolve({ ms, rss: undefined });
      }
    });
    p.onExit(() => {
      if (done) return;
      clearTimeout(timer);
      if (c.until === undefined) {
        done = true;
        resolve({ ms: performance.now() - t0, rss: undefined });
        return;
      }
      reject(new Error(`${c.name}: exited before "${c.until}":\n${screen.slice(-2000)}`));
    });
  });
}

function readRss() {
  if (!existsSync(rssFile)) return undefined;
  const values = readFileSync(rssFile, 'utf8').trim().split('\n').map(Number);
  return Math.max(...values);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const samples = new Map(cases.map((c) => [c, { ms: [], rss: [] }]));
for (let i = 0; i < WARMUP + RUNS; i++) {
  for (const c of cases) {
    const r = await runOnce(c);
    if (i >= WARMUP) {
      samples.get(c).ms.push(r.ms);
      if (r.rss !== undefined) samples.get(c).rss.push(r.rss);
    }
  }
}

const base = median(samples.get(cases[0]).ms);
const rows = cases.map((c) => {
  const s = samples.get(c);
  const ms = median(s.ms);
  const ratio = ms / (c.baselineCase ? median(samples.get(c.baselineCase).ms) : base);
  return {
    case: c.name,
    median_ms: Number(ms.toFixed(1)),
    ratio: Number(ratio.toFixed(2)),
    ratio_to_node: Number((ms / base).toFixed(2)),
    target: c.target ?? null,
    met: c.target ? ratio <= c.target : null,
    peak_rss_mib: s.rss.length ? Number((Math.max(...s.rss) / 1024).toFixed(1)) : null,
  };
});

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
console.log(
  `Start-up and whole commands (median of ${RUNS} runs after ${WARMUP} warm-up, interleaved; NODE_EXTRA_CA_CERTS unset) on ${machine}`,
);
console.log('');
console.log('| case | median ms | × node -e 0 | × its baseline | target | peak RSS MiB |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const target = r.target ? `≤ ${r.target}× ${r.met ? 'met' : 'MISSED'}` : '';
  console.log(
    `| ${r.case} | ${r.median_ms} | ${r.ratio_to_node.toFixed(2)} | ${r.ratio.toFixed(2)} | ${target} | ${r.peak_rss_mib ?? '–'} |`,
  );
}

const json = arg('--json');
if (json) writeFileSync(json, JSON.stringify({ machine, runs: RUNS, rows }, null, 2));

// The store and export benchmarks report their own tables (ratios against their own
// baselines, measured in their own runs).
for (const [script, extra] of [
  ['bench-store.mjs', []],
  ['bench-export.mjs', ['--quick']],
]) {
  const p = join(root, 'scripts', script);
  if (!existsSync(p) || process.argv.includes('--startup-only')) continue;
  console.log('');
  await new Promise((resolve) =>
    spawn(node, [p, ...extra], { stdio: 'inherit', cwd: root }).on('exit', resolve),
  );
}
rmSync(work, { recursive: true, force: true });
process.exitCode = rows.every((r) => r.met !== false) ? 0 : 1;

// Benchmark of the encrypted record store (issue 6): the time to autosave one
// answer and to open one record, with 10 and with 1000 records stored, each as a
// ratio against a baseline measured in the same run on the same disk:
//   autosave  vs  fs.writeFileSync + fsync of the same number of bytes (no temp, no rename, no crypto)
//   open      vs  fs.readFileSync + JSON.parse of the same record in plaintext
// Ratios, not milliseconds: the machine and its load change, the ratios much less.
// Also shown: an append-only journal write (append + fdatasync), the design the
// issue suggested measuring, and the one-off scrypt cost of opening the store.
//
//   npm run bench:store            (about a minute; BENCH_ROUNDS=N to change the rounds)
import { buildSync } from 'esbuild';
import {
  closeSync,
  fsyncSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
  fdatasyncSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const work = mkdtempSync(join(tmpdir(), 'screener-bench-'));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const PASSPHRASE = 'bench passphrase not secret';

// The store is TypeScript; bundle it once so this script needs nothing but Node.
buildSync({
  entryPoints: [join(root, 'src', 'store', 'index.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: join(work, 'store.mjs'),
  logLevel: 'error',
});
const store = await import(join(work, 'store.mjs'));

/** A realistic completed interview: 60 answers, some free text (fictional). */
function record(id, answers = 60) {
  const at = '2025-03-14T10:00:00.000Z';
  const a = {};
  const path = [];
  for (let i = 0; i < answers; i++) {
    const q = `question_${i}`;
    a[q] =
      i % 10 === 0
        ? {
            kind: 'value',
            value: `Fictional free-text answer number ${i}, a sentence or two long.`,
            at,
          }
        : { kind: 'value', value: i % 2 ? 'yes' : 'no', at };
    path.push(q);
  }
  return {
    formatVersion: 1,
    id,
    questionnaire: { id: 'iom_screening', version: '1.0.0', hash: 'sha256-bench' },
    lang: 'en',
    mode: 'real',
    status: 'in_progress',
    startedAt: at,
    updatedAt: at,
    answers: a,
    path,
    shown: [],
  };
}

function idOf(n) {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let s = '';
  for (let i = 0; i < 8; i++) {
    s += alphabet[n & 31];
    n = Math.floor(n / 32);
  }
  return `R-${s.slice(0, 4)}-${s.slice(4)}`;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Medians of the subject and its baseline, measured in alternating rounds so a
 * change in the machine's load hits both alike.
 */
async function pair(subject, baseline, prepare = async () => undefined) {
  const a = [];
  const b = [];
  for (let i = 0; i < ROUNDS; i++) {
    const ready = await prepare();
    const steps = [
      [() => subject(i, ready), a],
      [() => baseline(i), b],
    ];
    if (i % 2) steps.reverse();
    for (const [fn, out] of steps) {
      const t = performance.now();
      await fn();
      out.push(performance.now() - t);
    }
  }
  return [median(a), median(b)];
}

async function scenario(count) {
  const dir = join(work, `data-${count}`);
  const kdf = { name: 'scrypt', N: 1024, r: 8, p: 1 };
  await store.initKeys(dir, PASSPHRASE, kdf);
  const unlocked = await store.unlockDataDir(dir, PASSPHRASE);
  const { store: s } = await store.FileStore.open(unlocked);
  for (let i = 0; i < count; i++) await s.save(record(idOf(i + 1)));
  const target = idOf(Math.floor(count / 2) + 1);
  const base = record(target);
  const file = join(dir, 'records', `${target}.rec`);
  const size = readFileSync(file).length;
  const plainJson = JSON.stringify(base);

  const baselinePath = join(dir, 'baseline.bin');
  const bytes = Buffer.alloc(size, 7);
  const plainWrite = () => {
    const fd = openSync(baselinePath, 'w');
    writeSync(fd, bytes);
    fsyncSync(fd);
    closeSync(fd);
  };
  // Autosave: the record with one more answer, as after each answer in an interview.
  const [autosave, baselineWrite] = await pair(
    (i) =>
      s.save({
        ...base,
        answers: { ...base.answers, extra: { kind: 'value', value: i, at: base.startedAt } },
      }),
    plainWrite,
  );
  // Open: the first load of the record by a store that has not seen it (a new
  // command), the passphrase already checked. Opening the store itself (tidying
  // temp files, one readdir) is timed separately below.
  const plainPath = join(dir, 'plain.json');
  writeFileSync(plainPath, plainJson);
  const [open, baselineRead] = await pair(
    (_i, fresh) => fresh.load(target),
    () => JSON.parse(readFileSync(plainPath, 'utf8')),
    async () => (await store.FileStore.open(unlocked)).store,
  );
  const openStoreStart = performance.now();
  for (let i = 0; i < 20; i++) await store.FileStore.open(unlocked);
  const openStore = (performance.now() - openStoreStart) / 20;
  // The alternative design: an append-only journal, one fdatasync per answer.
  const journalPath = join(dir, 'journal.bin');
  const frame = Buffer.alloc(284, 1);
  const [journal, baselineWrite2] = await pair(() => {
    const fd = openSync(journalPath, 'a');
    writeSync(fd, frame);
    fdatasyncSync(fd);
    closeSync(fd);
  }, plainWrite);
  const listStart = performance.now();
  await s.list();
  const list = performance.now() - listStart;
  return {
    count,
    size,
    autosave,
    baselineWrite,
    open,
    baselineRead,
    journal: journal / baselineWrite2,
    list,
    openStore,
  };
}

const results = [];
for (const count of [10, 1000]) results.push(await scenario(count));

const scryptStart = performance.now();
await store.initKeys(join(work, 'default-kdf'), PASSPHRASE, store.DEFAULT_SCRYPT);
const scryptMs = performance.now() - scryptStart;

const f = (x) => x.toFixed(2);
console.log(
  `screener store benchmark (${ROUNDS} rounds each, medians; record file ${results[0].size} bytes)`,
);
console.log('');
console.log(
  'records | autosave / plain write+fsync | open / plain read+parse | journal append / plain write+fsync | list all',
);
for (const r of results)
  console.log(
    `${String(r.count).padStart(7)} | ${f(r.autosave / r.baselineWrite).padStart(28)} | ${f(r.open / r.baselineRead).padStart(23)} | ${f(r.journal).padStart(34)} | ${f(r.list)} ms`,
  );
const [small, large] = results;
console.log('');
console.log(
  `scaling 10 → 1000 records: autosave ×${f(large.autosave / small.autosave)}, open ×${f(large.open / small.open)}`,
);
console.log(
  `opening the store (no passphrase cost): ${f(small.openStore)} ms at 10, ${f(large.openStore)} ms at 1000 records`,
);
console.log(
  `absolute (this machine, now): autosave ${f(small.autosave)} ms, open ${f(small.open)} ms, ` +
    `plain write+fsync ${f(small.baselineWrite)} ms, plain read ${f(small.baselineRead)} ms`,
);
console.log(
  `passphrase check at the default scrypt cost (N=2^17, r=8): ${scryptMs.toFixed(0)} ms, once per command`,
);
rmSync(work, { recursive: true, force: true });

#!/usr/bin/env node
/**
 * npm run bench:export [-- --full] [-- --sizes 1000,10000] [-- --shipped N] [-- --kanon-only] [-- --keep]
 *
 * Times `screener export` on N synthetic, fictional records with a realistic shape
 * (ages 10–70, 8 % under 18, most 18–35; sex f/m/x ≈ 60/38/2; 40 nationalities with
 * a Zipf-like skew; 24 interview months; 10 regions; three outcomes), for N = 1 000,
 * 10 000 and 100 000 (and 1 000 000 with --full). Records are encrypted with the real
 * store code (record file format 1, an organisation key slot each, written as by 50
 * laptops with a passphrase key each), and the export
 * runs as the built CLI in a fresh process under GNU time (wall and CPU time, peak
 * RSS). Reported beside it:
 *   - the floor: reading and parsing the same records as plaintext JSON files, in
 *     this process, measured in the same run; the export's ratio to it;
 *   - the opening: only opening every record file with the store's own code (read,
 *     unwrap the key, check the header, decrypt, parse), one thread, in this process:
 *     what any export of these files costs before it does anything of its own;
 *   - the k-anonymity step alone (count the combinations, search, publish every row),
 *     in this process, from rows already de-identified: the median of 5 runs after 2
 *     warm-up runs (the JIT compiles it over the first ones), their range, and its
 *     ratio to a plain count of the same rows' combinations (one Map, one key per
 *     row) run alternately with it: this machine's speed drifts by a third from one
 *     minute to the next, the ratio much less;
 *   - what the anonymisation did: levels chosen, share of quasi-identifier cells blanked.
 * Then the same for 10 000 records made with the shipped questionnaire (--shipped N):
 * the interview of tests/fixtures/answers/bench-full-interview.yaml played through the
 * engine once, then age, sex, nationality (typed as a name or a nationality) and the
 * dates varied per record; exported with the shipped questionnaire's own export section.
 * Needs a build (npm run build) and GNU time (/usr/bin/time). Checks first that the
 * temporary folder (TMPDIR) has room: each record is two small files, and a million of
 * them take about 8 GB on disk.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const FIXTURE = join(ROOT, 'tests', 'export', 'fixtures', 'export-fixture.yaml');
const ORG_PASSPHRASE = 'bench only: fictional coordinator passphrase';
const K = 5;
/** Laptops the records were written on (one passphrase key each). */
const LAPTOPS = 50;

const argv = process.argv.slice(2);
const full = argv.includes('--full');
/** Keep the generated files (for profiling the export by hand); prints where they are. */
const keep = argv.includes('--keep');
/** Only the in-process k-anonymity step (no files, no export process): for profiling it. */
const kanonOnly = argv.includes('--kanon-only');
const sizesArg = argv.find((a, i) => argv[i - 1] === '--sizes');
/**
 * Records made with the shipped questionnaire, after the fixture's sizes: a whole
 * interview (about 80 answers, 9.5 KB a file, the rules of the IOM screening to score)
 * rather than the fixture's dozen answers. `--shipped 0` leaves them out.
 */
const shippedArg = argv.find((a, i) => argv[i - 1] === '--shipped');
const SHIPPED = shippedArg === undefined ? 10_000 : Number(shippedArg);
const SIZES = sizesArg
  ? sizesArg.split(',').map(Number)
  : [1_000, 10_000, 100_000, ...(full ? [1_000_000] : [])];

// ---- the real code, bundled once --------------------------------------------------

async function loadLibrary(work) {
  const { build } = await import('esbuild');
  const entry = join(work, 'bench-entry.ts');
  const src = (p) => JSON.stringify(join(ROOT, 'src', p));
  writeFileSync(
    entry,
    [
      `export { requireQuestionnaire } from ${src('questionnaire/load.ts')};`,
      `export { assess } from ${src('scoring/index.ts')};`,
      `export { encodeRecordFile } from ${src('store/record-file.ts')};`,
      `export { orgSlot } from ${src('store/key-slots.ts')};`,
      `export { randomKey } from ${src('store/crypto.ts')};`,
      `export { generateOrgKeyFiles, readOrgPublicKeyFile, readOrgPrivateKeyFile, exportUnlocker, openRecordFileSync } from ${src('store/index.ts')};`,
      `export { readExportConfig } from ${src('export/config.ts')};`,
      `export { Deidentifier } from ${src('export/deidentify.ts')};`,
      `export { mergeQiColumns } from ${src('export/qi-columns.ts')};`,
      `export { ComboCounter } from ${src('export/kanon/counter.ts')};`,
      `export { anonymise, PlanApplier } from ${src('export/kanon/anonymise.ts')};`,
      `export { playAnswers } from ${src('answers/play.ts')};`,
      `export { loadYamlFile } from ${src('questionnaire/yaml-source.ts')};`,
    ].join('\n'),
  );
  const out = join(work, 'bench-lib.mjs');
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: out,
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
  return import(out);
}

// ---- synthetic, fictional records ---------------------------------------------------

/** Deterministic PRNG (mulberry32): the same records on every run. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NATIONALITIES =
  'ng gh sn ml ci bf ne tg bj gn th vn kh la mm ph id in bd np pk lk ro bg ua md al rs br co ve pe bo hn gt sv et er so sd'.split(
    ' ',
  );
const ZIPF = NATIONALITIES.map((_, i) => 1 / (i + 1));
const ZIPF_SUM = ZIPF.reduce((a, b) => a + b, 0);
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function recordId(i) {
  let s = '';
  let n = i * 2654435761 + 12345;
  for (let j = 0; j < 8; j++) {
    s += ALPHABET[Math.floor(n) % 32];
    n = Math.floor(n / 32);
  }
  return `R-${s.slice(0, 4)}-${s.slice(4)}`;
}

function syntheticRecord(i, rand, q) {
  const u = rand();
  const age =
    u < 0.08
      ? 10 + Math.floor(rand() * 8)
      : u < 0.78
        ? 18 + Math.floor(rand() * 18)
        : 36 + Math.floor(rand() * 35);
  const s = rand();
  const sex = s < 0.6 ? 'f' : s < 0.98 ? 'm' : 'x';
  let z = rand() * ZIPF_SUM;
  let n = 0;
  while (n < NATIONALITIES.length - 1 && z > ZIPF[n]) z -= ZIPF[n++];
  const m = Math.floor(rand() * 24);
  const month = `${2023 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  const region = `r${String(1 + Math.floor(rand() * 10)).padStart(2, '0')}`;
  const o = rand();
  const outcome = o < 0.3 ? 'met' : o < 0.7 ? 'partial' : 'not_met';
  const at = `${month}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}T10:00:00.000Z`;
  const v = (value) => ({ kind: 'value', value, at });
  const answers = {
    consent_given: v('yes'),
    full_name: v(`Fictional Person ${i}`),
    age: v(age),
    sex: v(sex),
    nationality: v(NATIONALITIES[n]),
    region: v(region),
    job_as_promised: v(outcome === 'not_met' ? 'same' : 'different_job'),
    conditions_lied: v(outcome === 'met' ? 'yes' : 'no'),
    hours_per_day: v(outcome === 'met' ? 14 : 8),
    rest_days: v(outcome === 'met' ? 'no' : 'yes'),
    controls: v(outcome === 'met' ? ['documents_taken', 'debt'] : ['none']),
    notes: v('Fictional benchmark record; no real person.'),
  };
  return {
    formatVersion: 1,
    id: recordId(i),
    questionnaire: { id: q.id, version: q.version, hash: q.hash },
    lang: 'en',
    mode: 'real',
    status: 'completed',
    startedAt: at,
    updatedAt: at,
    answers,
    path: Object.keys(answers),
    shown: [],
  };
}

// ---- records made with the shipped questionnaire ----------------------------------

const SHIPPED_QUESTIONNAIRE = join(ROOT, 'questionnaires', 'iom-screening.yaml');
const FULL_INTERVIEW = join(ROOT, 'tests', 'fixtures', 'answers', 'bench-full-interview.yaml');
/** Nationality as screeners type it: names and nationalities, English and French. */
const NATIONALITY_TEXT = [
  'Nigerian',
  'Nigeria',
  'Nigériane',
  'Ghanaian',
  'Vietnamese',
  'Romanian',
  'Roumaine',
  'Albanian',
  'Eritrean',
  'Ukrainian',
  'Filipino',
  'Thai',
  'Chinese',
  'Moroccan',
  'Syrian',
  'Pakistani',
  'Bangladeshi',
  'Indian',
  'Cameroonian',
  'Ivoirienne',
  'Guinean',
  'Senegalese',
];
const TEXT_ZIPF = NATIONALITY_TEXT.map((_, i) => 1 / (i + 1));
const TEXT_ZIPF_SUM = TEXT_ZIPF.reduce((a, b) => a + b, 0);

/** The whole interview of the answers fixture, played through the engine once. */
async function shippedTemplate(lib) {
  const q = lib.requireQuestionnaire(SHIPPED_QUESTIONNAIRE);
  const loaded = lib.loadYamlFile(FULL_INTERVIEW);
  const played = loaded.source
    ? await lib.playAnswers(q, loaded.source, {
        id: 'R-0000-0000',
        mode: 'real',
        lang: undefined,
        now: () => '2024-03-12T10:00:00.000Z',
      })
    : undefined;
  if (!played?.record) throw new Error(`${FULL_INTERVIEW} does not play through`);
  return { q, record: played.record };
}

const day = (y, m, d) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The template with another person's age, sex, nationality and dates. */
function shippedRecord(i, rand, template) {
  const r = JSON.parse(JSON.stringify(template.record));
  const u = rand();
  const age = u < 0.75 ? 18 + Math.floor(rand() * 18) : 36 + Math.floor(rand() * 30);
  const s = rand();
  let z = rand() * TEXT_ZIPF_SUM;
  let n = 0;
  while (n < NATIONALITY_TEXT.length - 1 && z > TEXT_ZIPF[n]) z -= TEXT_ZIPF[n++];
  const m = Math.floor(rand() * 24);
  const year = 2023 + Math.floor(m / 12);
  const month = (m % 12) + 1;
  const interview = day(year, month, 1 + Math.floor(rand() * 28));
  const left = m + 24 - 1 - Math.floor(rand() * 36);
  const exit = Math.max(0, m + 24 - Math.floor(rand() * 3));
  const at = `${interview}T10:00:00.000Z`;
  const set = (id, value) => {
    if (r.answers[id]) r.answers[id] = { ...r.answers[id], value };
  };
  set('age', age);
  set('sex', s < 0.6 ? 'female' : s < 0.98 ? 'male' : 'other');
  set('nationality', NATIONALITY_TEXT[n]);
  set('interview_date', interview);
  set('departure_date', day(2021 + Math.floor(left / 12), (left % 12) + 1, 15));
  set('exit_date', day(2021 + Math.floor(exit / 12), (exit % 12) + 1, 1));
  set('person_name', `Fictional Person ${i}`);
  for (const a of Object.values(r.answers)) a.at = at;
  return { ...r, id: recordId(i), startedAt: at, updatedAt: at };
}

/**
 * Writes records into `dir`: encrypted in records/ with an organisation key slot each,
 * and as plaintext JSON in plain/ for the floor. Records come from many laptops; each
 * data folder has its own passphrase key, which fixes the sending key of its
 * organisation slots (src/store/key-slots.ts).
 */
function recordWriter(lib, org, dir) {
  const recDir = join(dir, 'records');
  const jsonDir = join(dir, 'plain');
  mkdirSync(recDir, { recursive: true });
  mkdirSync(jsonDir, { recursive: true });
  const laptops = Array.from({ length: LAPTOPS }, () => lib.randomKey());
  const recFiles = [];
  const jsonFiles = [];
  return {
    recDir,
    recFiles,
    jsonFiles,
    /** Writes record `r` as the i-th of its set; returns the encrypted file's size. */
    write(i, r, questionnaireHash) {
      const dataKey = lib.randomKey();
      const bytes = lib.encodeRecordFile(
        dataKey,
        {
          id: r.id,
          recordFormat: 1,
          questionnaireHash,
          slots: [lib.orgSlot(dataKey, r.id, org, laptops[i % LAPTOPS])],
        },
        { record: r, auditCount: 0 },
      );
      const rec = join(recDir, `${r.id}.rec`);
      writeFileSync(rec, bytes);
      recFiles.push(rec);
      const jf = join(jsonDir, `${r.id}.json`);
      writeFileSync(jf, JSON.stringify(r));
      jsonFiles.push(jf);
      return bytes.length;
    },
  };
}

// ---- measurements -----------------------------------------------------------------

function mib(bytes) {
  return (bytes / 1024 / 1024).toFixed(0);
}

function floorOf(files) {
  const t0 = performance.now();
  let n = 0;
  for (const f of files) {
    const r = JSON.parse(readFileSync(f, 'utf8'));
    if (r.id) n++;
  }
  return { seconds: (performance.now() - t0) / 1000, n };
}

/**
 * Opening every record file with the store's own code, one after the other in this
 * thread, and nothing else: read, unwrap the data key, check the header MAC, decrypt
 * and parse the body. Every export of these files pays this (in one or more threads).
 */
function openingOf(lib, files, unlocker) {
  const t0 = performance.now();
  let n = 0;
  for (const f of files) if (lib.openRecordFileSync(f, unlocker).id) n++;
  return { seconds: (performance.now() - t0) / 1000, n };
}

/** What the k-anonymity step starts from: each record's quasi-identifiers, de-identified. */
function deidentifiedRows(lib, q, records) {
  const config = lib.readExportConfig(q);
  if (!config.ok) throw new Error('fixture export section is invalid');
  const deid = new lib.Deidentifier(q, config.config, Buffer.alloc(32, 7));
  const rows = records.map((r) => deid.row(r, lib.assess(q, r)).qi);
  const columns = lib.mergeQiColumns([{ questionnaire: q, config: config.config }]);
  return { rows, columns };
}

/**
 * The k-anonymity step alone: the median of 5 runs after 2 warm-up runs (the JIT
 * compiles it over the first ones), and its ratio to a plain count of the same rows,
 * each run beside one plain count so that both see the machine alike (the median of
 * the five ratios). The caller no longer holds the whole records: a heap of a hundred
 * thousand of them made every full collection during a run slow, which an export,
 * whose heap holds a bucket of rows at a time, does not pay.
 */
function kanonAlone(lib, { rows, columns }) {
  const names = columns.map((c) => c.column);
  for (let i = 0; i < 2; i++) {
    kanonOnce(lib, rows, columns);
    plainCount(rows, names);
  }
  const runs = [0, 1, 2, 3, 4].map(() => {
    const run = kanonOnce(lib, rows, columns);
    return { ...run, ratio: run.seconds / plainCount(rows, names) };
  });
  const ratios = runs.map((r) => r.ratio).sort((a, b) => a - b);
  runs.sort((a, b) => a.seconds - b.seconds);
  return { ...runs[2], min: runs[0].seconds, max: runs[4].seconds, ratio: ratios[2] };
}

/** Seconds to count the rows' raw combinations in one Map: the least any k-anonymity step does. */
function plainCount(rows, names) {
  const t0 = performance.now();
  const counts = new Map();
  for (const qi of rows) {
    let key = '';
    for (const name of names) key += `${qi[name]}\u0000`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const seconds = (performance.now() - t0) / 1000;
  let total = 0;
  for (const c of counts.values()) total += c;
  if (total !== rows.length) throw new Error('the plain count lost rows');
  return seconds;
}

function ms(seconds) {
  return (seconds * 1000).toFixed(0);
}

/** The k-anonymity step's figures in words: median, range, CPU, rate, ratio to a plain count. */
function kanonText(n, alone) {
  return (
    `${ms(alone.seconds)} ms (5 runs ${ms(alone.min)}–${ms(alone.max)} ms; ${ms(alone.cpuSeconds)} ms CPU) = ` +
    `${Math.round(n / alone.seconds).toLocaleString('en')} records/s, ×${alone.ratio.toFixed(2)} a plain count of its combinations`
  );
}

function kanonOnce(lib, rows, columns) {
  const names = columns.map((c) => c.column);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const counter = new lib.ComboCounter(names);
  for (const qi of rows) counter.add(qi);
  const result = lib.anonymise(
    counter.finish(names),
    columns.map((c) => c.hierarchy),
    { k: K },
  );
  const applier = new lib.PlanApplier(result.plan);
  for (const qi of rows) applier.applyRecord(qi);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  if (applier.violations() !== 0) throw new Error('k-anonymity violated in the benchmark');
  return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, report: result.plan.report };
}

function timedExport(work, recDir, orgKey, questionnaireArgs = ['--questionnaire', FIXTURE]) {
  const out = join(work, 'out.csv');
  const summary = join(work, 'summary.json');
  const r = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      'BENCH %e %U %S %M',
      process.execPath,
      join(ROOT, 'bin', 'screener.js'),
      '--data-dir',
      join(work, 'coordinator'),
      'export',
      recDir,
      '--key',
      orgKey,
      ...questionnaireArgs,
      '--k',
      String(K),
      '--out',
      out,
      '--summary',
      summary,
    ],
    {
      env: {
        ...process.env,
        SCREENER_ORG_PASSPHRASE: ORG_PASSPHRASE,
        NO_COLOR: '1',
      },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const line = r.stderr.split('\n').find((l) => l.startsWith('BENCH '));
  if (r.status !== 0 || !line)
    throw new Error(`export failed (exit ${r.status}):\n${r.stderr.slice(-2000)}`);
  const [, wall, user, sys, maxKb] = line.split(' ').map(Number);
  return {
    wall,
    cpu: user + sys,
    maxRss: maxKb * 1024,
    summary: JSON.parse(readFileSync(summary, 'utf8')),
  };
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'screener-bench-export-'));
  try {
    const lib = await loadLibrary(work);
    const q = lib.requireQuestionnaire(FIXTURE);
    const keys = await lib.generateOrgKeyFiles(join(work, 'org'), ORG_PASSPHRASE, {
      name: 'scrypt',
      N: 1 << 15,
      r: 8,
      p: 1,
    });
    const org = await lib.readOrgPublicKeyFile(keys.publicFile);
    const unlocker = lib.exportUnlocker(
      await lib.readOrgPrivateKeyFile(keys.privateFile, ORG_PASSPHRASE),
    );
    const rows = [];
    console.log(
      `screener export benchmark · k = ${K} · node ${process.version} · ${new Date().toISOString().slice(0, 10)}\n`,
    );
    if (kanonOnly) {
      for (const n of SIZES) {
        const rand = prng(20240514);
        const alone = kanonAlone(
          lib,
          deidentifiedRows(
            lib,
            q,
            Array.from({ length: n }, (_, i) => syntheticRecord(i, rand, q)),
          ),
        );
        console.log(
          `N = ${n.toLocaleString('en')}: k-anonymity step ${kanonText(n, alone)}; ${alone.report.nodesVisited} nodes visited, ${alone.report.nodesCosted} costed, ${alone.report.combinations} combinations`,
        );
      }
      return;
    }
    // Each size's files are removed after its run, unless they are kept.
    checkDiskSpace(work, keep ? SIZES.reduce((a, b) => a + b, 0) : Math.max(...SIZES));
    for (const n of SIZES) {
      const dir = join(work, `n${n}`);
      const out = recordWriter(lib, org, dir);
      const rand = prng(20240514);
      const records = [];
      for (let i = 0; i < n; i++) {
        const r = syntheticRecord(i, rand, q);
        out.write(i, r, q.hash);
        // The in-process k-anonymity measurement needs the records; 1 M would not fit comfortably.
        if (n <= 100_000) records.push(r);
      }
      const kanonInput = records.length ? deidentifiedRows(lib, q, records) : undefined;
      records.length = 0;
      const { recDir } = out;
      const floor = floorOf(out.jsonFiles);
      const opening = openingOf(lib, out.recFiles, unlocker);
      const exp = timedExport(dir, recDir, keys.privateFile);
      const alone = kanonInput ? kanonAlone(lib, kanonInput) : undefined;
      const s = exp.summary;
      rows.push({ n, floor, opening, exp, alone, s });
      console.log(
        `N = ${n.toLocaleString('en')}: export ${exp.wall.toFixed(2)} s wall (${exp.cpu.toFixed(2)} s CPU), ` +
          `${Math.round(n / exp.wall).toLocaleString('en')} records/s, peak RSS ${mib(exp.maxRss)} MiB; ` +
          `floor ${floor.seconds.toFixed(2)} s (×${(exp.wall / floor.seconds).toFixed(1)}); ` +
          `opening alone ${opening.seconds.toFixed(2)} s in one thread (×${(exp.wall / opening.seconds).toFixed(2)}); ` +
          (alone ? `k-anonymity step ${kanonText(n, alone)}; ` : '') +
          `blanked ${(s.suppressed_share * 100).toFixed(2)} % of quasi-identifier cells; ` +
          `levels ${s.generalisation.map((g) => `${g.column}=${g.level}`).join(', ')}`,
      );
      if (keep) console.log(`  kept: ${recDir} (organisation key ${keys.privateFile})`);
      else rmSync(dir, { recursive: true, force: true });
    }

    console.log(
      '\n| N | export wall (CPU) | records/s | peak RSS | floor | ratio | opening, 1 thread | ratio | k-anon step wall (CPU) | 5 runs | k-anon records/s | × plain count | blanked cells | information loss |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const { n, floor, opening, exp, alone, s } of rows)
      console.log(
        `| ${n.toLocaleString('en')} | ${exp.wall.toFixed(2)} s (${exp.cpu.toFixed(2)} s) | ${Math.round(n / exp.wall).toLocaleString('en')} | ${mib(exp.maxRss)} MiB | ${floor.seconds.toFixed(2)} s | ×${(exp.wall / floor.seconds).toFixed(1)} | ${opening.seconds.toFixed(2)} s | ×${(exp.wall / opening.seconds).toFixed(2)} | ${alone ? `${ms(alone.seconds)} ms (${ms(alone.cpuSeconds)} ms CPU)` : '–'} | ${alone ? `${ms(alone.min)}–${ms(alone.max)} ms` : '–'} | ${alone ? Math.round(n / alone.seconds).toLocaleString('en') : '–'} | ${alone ? `×${alone.ratio.toFixed(2)}` : '–'} | ${(s.suppressed_share * 100).toFixed(2)} % | ${s.information_loss.toFixed(3)} |`,
      );
    console.log('\nGeneralisation levels chosen:');
    for (const { n, s } of rows)
      console.log(
        `  N = ${n.toLocaleString('en')}: ${s.generalisation.map((g) => `${g.column} → ${g.level}${g.suppressed_cells ? ` (${g.suppressed_cells} blanked)` : ''}`).join('; ')}`,
      );
    if (!sizesArg && !full)
      console.log(
        '\nN = 1,000,000 was not run: add `-- --full` (about 10 minutes here, and 8 GB of temporary files for a million small files).',
      );
    if (SHIPPED > 0) await shippedRun(lib, work, org, keys.privateFile, unlocker, SHIPPED);
  } finally {
    if (!keep) rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The export of records made with the shipped questionnaire, beside the opening alone
 * and the plaintext floor of the same records: what a coordinator's export of real
 * interviews costs per record, where the fixture's dozen answers cost less.
 */
async function shippedRun(lib, work, org, orgKeyFile, unlocker, n) {
  checkDiskSpace(work, n * 5);
  const template = await shippedTemplate(lib);
  const { q } = template;
  const dir = join(work, `shipped${n}`);
  const out = recordWriter(lib, org, dir);
  const { recDir } = out;
  const rand = prng(20241112);
  let bytes = 0;
  for (let i = 0; i < n; i++) bytes += out.write(i, shippedRecord(i, rand, template), q.hash);
  const floor = floorOf(out.jsonFiles);
  const opening = openingOf(lib, out.recFiles, unlocker);
  // No --questionnaire: the shipped one is found by the hash the records carry.
  const exp = timedExport(dir, recDir, orgKeyFile, []);
  const s = exp.summary;
  console.log(
    `\nRecords made with the shipped questionnaire (${Object.keys(template.record.answers).length} answers, ` +
      `${(bytes / n / 1024).toFixed(1)} KiB a file): N = ${n.toLocaleString('en')}: export ${exp.wall.toFixed(2)} s wall ` +
      `(${exp.cpu.toFixed(2)} s CPU), ${Math.round(n / exp.wall).toLocaleString('en')} records/s, peak RSS ${mib(exp.maxRss)} MiB; ` +
      `floor ${floor.seconds.toFixed(2)} s (×${(exp.wall / floor.seconds).toFixed(1)}); ` +
      `opening alone ${opening.seconds.toFixed(2)} s in one thread (×${(exp.wall / opening.seconds).toFixed(2)}); ` +
      `blanked ${(s.suppressed_share * 100).toFixed(2)} % of quasi-identifier cells; ` +
      `levels ${s.generalisation.map((g) => `${g.column}=${g.level}`).join(', ')}; ` +
      `nationality read as unknown in ${unknownNationalities(join(dir, 'out.csv'))} of ${s.records_out} rows`,
  );
  if (keep) console.log(`  kept: ${recDir} (organisation key ${orgKeyFile})`);
  else rmSync(dir, { recursive: true, force: true });
}

/** Rows whose nationality column is `unknown` (its cells hold no comma, so a split will do). */
function unknownNationalities(csvFile) {
  const [header, ...rows] = readFileSync(csvFile, 'utf8').trimEnd().split('\n');
  const col = header.split(',').indexOf('nationality');
  return rows.filter((row) => row.split(',')[col] === 'unknown').length;
}

/** Thrown for a condition the user can fix: printed as a message, without a stack. */
class BenchStop extends Error {}

/**
 * Each record is two small files (encrypted, and plaintext JSON for the floor), a few
 * KiB on disk each with the file system's blocks; a million of them fill gigabytes.
 * Better to say so before writing than to fail with a full disk halfway.
 */
function checkDiskSpace(work, n) {
  const fsStat = statfsSync(work);
  const block = Math.max(fsStat.bsize, 512);
  const onDisk = (bytes) => Math.ceil(bytes / block) * block;
  // About 2.2 KB an encrypted record, 1.3 KB its JSON, 0.4 KB its output row.
  const needed = Math.ceil(n * (onDisk(2300) + onDisk(1300) + 400) * 1.1) + 64 * 2 ** 20;
  const free = fsStat.bavail * fsStat.bsize;
  if (free < needed)
    throw new BenchStop(
      `${n.toLocaleString('en')} records need about ${size(needed)} of temporary files in ${work}, and ${size(free)} are free. ` +
        'Free some space, or set TMPDIR to a folder on a larger disk.',
    );
}

function size(bytes) {
  return bytes < 1e9 ? `${Math.ceil(bytes / 1e6)} MB` : `${(bytes / 1e9).toFixed(1)} GB`;
}

main().catch((error) => {
  console.error(error instanceof BenchStop ? `bench:export: ${error.message}` : error);
  process.exitCode = 1;
});

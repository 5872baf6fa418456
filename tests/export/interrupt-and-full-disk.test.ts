/**
 * What the coordinator meets when an export cannot finish, on the real path: the built
 * CLI in a real terminal stopped while its threads read (Ctrl-C typed, a hang-up, a
 * shutdown's SIGTERM), and a real full disk (a small tmpfs) under the dataset and
 * under the working file. Each time: the right exit code and message, no output file,
 * no temporary file, no working folder left behind, and an earlier dataset of that
 * name untouched.
 *
 * The full-disk cases mount a tmpfs, which needs root with the right to mount (as CI
 * runs); where a tmpfs cannot be mounted they are reported as skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { stripVTControlCharacters } from 'node:util';
import { cliEnv, Term } from '../e2e/pty.js';
import { BIN, runCli } from '../helpers/run-cli.js';
import { canMountTmpfs, mountTmpfs, unmountAll } from '../helpers/tmpfs.js';
import {
  craftRecordFile,
  FIXTURE,
  makeRecord,
  newId,
  ORG_PASSPHRASE,
  orgKeys,
  removeDir,
  tempDir,
  variedPerson,
} from './helpers/records.js';

let root: string;
let orgKeyFile: string;
/** Distinct records on one laptop; the copies folder holds them many times over. */
const RECORDS = 200;
/** Copies of the laptop's files (hard links, in folders of their own): enough reading for a person to press Ctrl-C during it. */
const COPIES = 150;

beforeAll(async () => {
  root = tempDir('stop');
  const keys = await orgKeys(join(root, 'org'));
  orgKeyFile = keys.privateFile;
  const lap = join(root, 'lap');
  for (let i = 0; i < RECORDS; i++)
    await craftRecordFile(lap, makeRecord(newId(), variedPerson(i)), keys.publicFile);
  const files = readdirSync(join(lap, 'records'));
  for (let c = 0; c < COPIES; c++) {
    const dir = join(root, 'copies', `laptop-${c}`);
    mkdirSync(dir, { recursive: true });
    for (const f of files) linkSync(join(lap, 'records', f), join(dir, f));
  }
}, 120_000);

afterAll(() => removeDir(root));

function exportArgs(path: string, out: string, summary: string): string[] {
  return [
    '--data-dir',
    'coord',
    'export',
    path,
    '--key',
    orgKeyFile,
    '--questionnaire',
    FIXTURE,
    '--k',
    '5',
    '--out',
    out,
    '--summary',
    summary,
  ];
}

/** What is left in a folder that the export may write into: nothing, or only what the test put there. */
const left = (dir: string) => readdirSync(dir).sort();

/**
 * Starts an export of the copies in a real terminal and returns once the progress bar
 * shows some files read, not all: the export's threads are reading.
 */
async function exportReading(name: string) {
  const out = join(root, `${name}-out`);
  const scratch = join(root, `${name}-tmp`);
  mkdirSync(out);
  mkdirSync(scratch);
  const t = new Term(
    exportArgs('copies', join(out, 'dataset.csv'), join(out, 'summary.json')),
    {
      ...cliEnv(join(root, 'coord'), { NO_COLOR: '1' }),
      SCREENER_ORG_PASSPHRASE: ORG_PASSPHRASE,
      TMPDIR: scratch,
    },
    { cols: 100, rows: 30 },
    root,
  );
  const total = RECORDS * COPIES;
  const reading = new RegExp(`Reading records .*\\| ([1-9]\\d*)/${total}`);
  await t.waitFor((screen) => {
    const m = reading.exec(screen.split('\n').filter(Boolean).at(-1) ?? '');
    return m !== null && Number(m[1]) < total;
  }, 60_000);
  // The working folder exists while it reads: its absence afterwards means something.
  expect(readdirSync(scratch)).toHaveLength(1);
  return { t, out, scratch };
}

describe('an export stopped while its threads read', () => {
  it('by Ctrl-C in the terminal: exit 130, no dataset, no summary, no temporary or working file', async () => {
    const { t, out, scratch } = await exportReading('ctrl-c');
    t.write('\x03');
    expect(await t.exited).toBe(130);
    const shown = stripVTControlCharacters(t.raw);
    expect(shown).toContain('Export interrupted: no output file was written.');
    expect(shown).not.toContain('Exported ');
    expect(left(out)).toEqual([]);
    expect(left(scratch)).toEqual([]);
  });

  it('by the terminal window closing (a hang-up) or a shutdown: nothing left behind either', async () => {
    for (const signal of ['SIGHUP', 'SIGTERM']) {
      const { t, out, scratch } = await exportReading(signal);
      t.kill(signal);
      expect(await t.exited).toBe(130);
      expect(left(out)).toEqual([]);
      expect(left(scratch)).toEqual([]);
    }
  });
});

/** Whether strace is installed: it can send a signal at an exact system call. */
const hasStrace = spawnSync('strace', ['-V']).status === 0;

describe('an export stopped while it cleans up or puts its files in place', () => {
  /** An earlier dataset and summary, to be found as they were. */
  function earlierPair(name: string) {
    const out = join(root, `${name}-out`);
    const scratch = join(root, `${name}-tmp`);
    mkdirSync(out);
    mkdirSync(scratch);
    writeFileSync(join(out, 'dataset.csv'), 'last month\n');
    writeFileSync(join(out, 'summary.json'), '{"last": "month"}\n');
    const kept = () => {
      expect(left(out)).toEqual(['dataset.csv', 'summary.json']);
      expect(readFileSync(join(out, 'dataset.csv'), 'utf8')).toBe('last month\n');
      expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe('{"last": "month"}\n');
      expect(left(scratch)).toEqual([]);
    };
    const env = {
      ...process.env,
      SCREENER_SCRYPT_N: '1024',
      SCREENER_ORG_PASSPHRASE: ORG_PASSPHRASE,
      NO_COLOR: '1',
      TMPDIR: scratch,
    };
    return { out, scratch, kept, env };
  }

  it('Ctrl-C pressed again and again (and SIGTERM, SIGHUP): stopped as interrupted, the earlier pair kept, nothing left', async () => {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      const { out, scratch, kept, env } = earlierPair(`again-${signal}`);
      const child = spawn(
        process.execPath,
        [BIN, ...exportArgs('copies', join(out, 'dataset.csv'), join(out, 'summary.json'))],
        { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<{ code: number | null; signal: string | null }>((r) =>
        child.on('exit', (code, sig) => r({ code, signal: sig })),
      );
      let done = false;
      void exited.then(() => (done = true));
      // Its working folder exists once it reads (and takes signals).
      while (!done && readdirSync(scratch).length === 0) await sleep(5);
      // A signal, then more while it stops: each one arriving during the clean-up.
      while (!done) {
        child.kill(signal);
        await sleep(1);
      }
      // Exit 130; or, for a signal that lands while Node itself is ending the process
      // after the clean-up, that signal (which a shell shows as 128 + its number).
      const end = await exited;
      if (end.signal === null) expect(end.code, stderr).toBe(130);
      else expect(end.signal).toBe(signal);
      // Said only once the clean-up is over: a process ended during it never says it.
      expect(stderr).toContain('Export interrupted: no output file was written.');
      kept();
    }
  });

  it.skipIf(!hasStrace)(
    'Ctrl-C while the dataset is made durable: exit 130, the earlier dataset and summary both kept',
    () => {
      const { out, kept, env } = earlierPair('at-sync');
      // The first fsync of the export is the dataset's, once every row is written.
      const r = spawnSync(
        'strace',
        [
          '-f',
          '-o',
          '/dev/null',
          '-e',
          'trace=fsync',
          '-e',
          'inject=fsync:signal=SIGINT:when=1',
          process.execPath,
          BIN,
          ...exportArgs('lap', join(out, 'dataset.csv'), join(out, 'summary.json')),
        ],
        { cwd: root, env, encoding: 'utf8' },
      );
      expect(r.status, r.stderr).toBe(130);
      expect(r.stderr).toContain('Export interrupted: no output file was written.');
      kept();
    },
  );
});

/** A small real disk on a new folder of the test's. */
function smallDisk(name: string, kib: number): string {
  const dir = join(root, name);
  mkdirSync(dir);
  return mountTmpfs(dir, kib);
}

describe.skipIf(!canMountTmpfs)('an export on a full disk (a real tmpfs)', () => {
  afterAll(unmountAll);

  /** The summary goes to a folder with room, so only the dataset or the working file can fail. */
  const summaryOf = (out: string) => join(root, 'summaries', `${out.replaceAll('/', '_')}.json`);
  function exportTo(out: string, env: Record<string, string> = {}) {
    mkdirSync(join(root, 'summaries'), { recursive: true });
    return runCli(exportArgs('lap', out, summaryOf(out)), {
      cwd: root,
      env: { SCREENER_SCRYPT_N: '1024', SCREENER_ORG_PASSPHRASE: ORG_PASSPHRASE, ...env },
    });
  }

  it('under the dataset: exit 1, E_EXPORT_DISK_FULL, the earlier dataset untouched, nothing else written', () => {
    // One page: the earlier dataset fills it, and the new one (about 200 rows) cannot fit.
    const disk = smallDisk('full-out', 4);
    const earlier = 'an earlier dataset, kept\n';
    writeFileSync(join(disk, 'dataset.csv'), earlier);
    const r = exportTo(join(disk, 'dataset.csv'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `Could not write the dataset ${join(disk, 'dataset.csv')}: the disk is full. [E_EXPORT_DISK_FULL]`,
    );
    expect(r.stderr).toContain('Nothing was written; an earlier file of that name is untouched.');
    expect(left(disk)).toEqual(['dataset.csv']);
    expect(readFileSync(join(disk, 'dataset.csv'), 'utf8')).toBe(earlier);
    expect(existsSync(summaryOf(join(disk, 'dataset.csv')))).toBe(false);
  });

  it('under the working file (TMPDIR): exit 1, E_EXPORT_TEMP_FULL, no dataset, the working folder removed', () => {
    // The working file of 200 records is several pages.
    const disk = smallDisk('full-tmp', 4);
    const out = join(root, 'full-tmp-out');
    mkdirSync(out);
    const r = exportTo(join(out, 'dataset.csv'), { TMPDIR: disk });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `Could not write the export's working file in the temporary folder ${disk}: the disk is full. [E_EXPORT_TEMP_FULL]`,
    );
    expect(left(disk)).toEqual([]);
    expect(left(out)).toEqual([]);
    expect(existsSync(summaryOf(join(out, 'dataset.csv')))).toBe(false);
  });

  it('with room enough on the same kind of disk, the same export succeeds (the failures above are the disk)', () => {
    const disk = smallDisk('roomy', 4096);
    const r = exportTo(join(disk, 'dataset.csv'), { TMPDIR: disk });
    expect(r.stderr).toContain(`Exported ${RECORDS} of ${RECORDS} records`);
    expect(r.code).toBe(0);
    expect(left(disk)).toEqual(['dataset.csv']);
    expect(existsSync(summaryOf(join(disk, 'dataset.csv')))).toBe(true);
  });
});

/**
 * `screener export` end to end, as a coordinator runs it: records from several
 * laptops (real encrypted files), the organisation key, problem files mixed in. Every
 * check reads the bytes the command wrote, with the independent checker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { cliEnv, Term } from '../e2e/pty.js';
import { stripVTControlCharacters } from 'node:util';
import { BIN, runCli, STACK_TRACE } from '../helpers/run-cli.js';
import { parseCsv, parseJsonl, violations, type ParsedExport } from './helpers/checker.js';
import {
  CANARIES,
  craftRecordFile,
  FIXTURE,
  laptop,
  makeRecord,
  newId,
  ORG_PASSPHRASE,
  orgKeys,
  PASSPHRASE,
  removeDir,
  tempDir,
  type Person,
} from './helpers/records.js';

let root: string;
let orgKeyFile: string;
let orgPublicFile: string;
let lapB: string;
let extras: string;
/** Problem files and the reason each must be listed with. */
const problems = new Map<string, string>();
const sharedId = newId();

const ENV = { SCREENER_SCRYPT_N: '1024', SCREENER_PASSPHRASE: undefined };
const ENV_TTY = { SCREENER_SCRYPT_N: '1024', TERM: 'xterm-256color', NO_COLOR: '1' };

function screener(args: string[], env: Record<string, string | undefined> = {}) {
  const r = runCli(args, { env: { ...ENV, ...env }, cwd: root });
  expect(r.stderr).not.toMatch(STACK_TRACE);
  for (const c of CANARIES) expect(r.stdout + r.stderr).not.toContain(c);
  return r;
}

function coordinator(args: string[], env: Record<string, string> = {}) {
  return screener(
    // The coordinator's own data folder keeps the export secret.
    [
      '--data-dir',
      'coord',
      'export',
      'lapA',
      'lapB',
      'extras',
      '--key',
      orgKeyFile,
      '--questionnaire',
      FIXTURE,
      ...args,
    ],
    { SCREENER_ORG_PASSPHRASE: ORG_PASSPHRASE, ...env },
  );
}

/** The coordinator's export of `paths` with the organisation key, as typed in `root`. */
function exportArgs(paths: string[], out: string, k: string): string[] {
  return [
    '--data-dir',
    'coord',
    'export',
    ...paths,
    '--key',
    orgKeyFile,
    '--questionnaire',
    FIXTURE,
    '--k',
    k,
    '--out',
    out,
  ];
}

/** The same without a terminal, with the summary beside the output (`x.csv` → `x.json`). */
function exportWithSummary(
  paths: string[],
  out: string,
  k: string,
  env: Record<string, string> = {},
) {
  return screener([...exportArgs(paths, out, k), '--summary', out.replace(/\.csv$/, '.json')], env);
}

/** People with a realistic spread, so k = 3 keeps most detail. */
function crowd(n: number, seed: number): Person[] {
  const nats = ['ng', 'ng', 'ng', 'gh', 'th', 'vn', 'ro'];
  const regions = ['r01', 'r02', 'r04', 'r07'];
  const outcomes = ['met', 'partial', 'not_met'] as const;
  return Array.from({ length: n }, (_, i) => {
    const j = i + seed;
    return {
      age: j % 11 === 0 ? 15 : 19 + ((j * 7) % 30),
      sex: j % 17 === 0 ? 'x' : j % 3 === 0 ? 'm' : 'f',
      nationality: nats[j % nats.length]!,
      region: regions[(j * 5) % regions.length]!,
      month: `2024-0${1 + (j % 6)}`,
      outcome: outcomes[j % 3]!,
    };
  });
}

beforeAll(async () => {
  root = tempDir('cli');
  const keys = await orgKeys(join(root, 'org'));
  orgKeyFile = keys.privateFile;
  orgPublicFile = keys.publicFile;
  // Laptop A: 30 people, one of whom is also on laptop B (copied, later updated there).
  await laptop(
    join(root, 'lapA'),
    [
      makeRecord(sharedId, { outcome: 'partial', updatedAt: '2024-05-14T10:00:00.000Z' }),
      ...crowd(30, 0).map((p) => makeRecord(newId(), p)),
    ],
    keys.publicFile,
  );
  lapB = await laptop(
    join(root, 'lapB'),
    [
      makeRecord(sharedId, { outcome: 'met', updatedAt: '2024-05-20T10:00:00.000Z' }),
      ...crowd(30, 100).map((p) => makeRecord(newId(), p)),
      makeRecord(newId(), { mode: 'rehearsal' }),
      makeRecord(newId(), { status: 'in_progress' }),
      makeRecord(newId(), { status: 'stopped' }),
    ],
    keys.publicFile,
  );
  // The store refuses practice records; one written by other means is still never exported.
  await craftRecordFile(lapB, makeRecord(newId(), { mode: 'practice' }), keys.publicFile);
  // A laptop that never got the organisation key: its records cannot be opened with it.
  const lapC = await laptop(join(root, 'lapC'), [makeRecord(newId())], undefined, PASSPHRASE);

  extras = join(root, 'extras');
  mkdirSync(extras);
  const someRecord = (dir: string) => {
    const recs = join(dir, 'records');
    const f = readdirSync(recs).find((n) => n.endsWith('.rec'))!;
    return { path: join(recs, f), bytes: readFileSync(join(recs, f)) };
  };
  const sample = someRecord(lapB);
  // A byte flipped inside the encrypted body: tampered.
  const tamperedBytes = Buffer.from(sample.bytes);
  tamperedBytes[tamperedBytes.length - 40]! ^= 0x01;
  const tamperedId = newId();
  writeFileSync(join(extras, 'tampered.rec'), tamperedBytes);
  problems.set('extras/tampered.rec', 'tampered');
  void tamperedId;
  // Cut short: truncated.
  writeFileSync(join(extras, 'truncated.rec'), sample.bytes.subarray(0, sample.bytes.length - 100));
  problems.set('extras/truncated.rec', 'truncated');
  // Not a record at all.
  writeFileSync(join(extras, 'corrupt.rec'), Buffer.from('this is not a screener record\n'));
  problems.set('extras/corrupt.rec', 'corrupt');
  // Written by a newer screener.
  const newer = Buffer.from(sample.bytes);
  newer.writeUInt16BE(99, 8);
  writeFileSync(join(extras, 'newer.rec'), newer);
  problems.set('extras/newer.rec', 'unknown_version');
  // From a laptop without the organisation key.
  copyFileSync(someRecord(lapC).path, join(extras, 'other-org.rec'));
  problems.set('extras/other-org.rec', 'wrong_key');
}, 120_000);

afterAll(() => removeDir(root));

function quasiColumns(table: ParsedExport): string[] {
  const summary = JSON.parse(readFileSync(join(root, 'sum.json'), 'utf8')) as {
    quasi_identifiers: string[];
  };
  for (const c of summary.quasi_identifiers) expect(table.header).toContain(c);
  return summary.quasi_identifiers;
}

describe('screener export: mixed laptops with problem files', () => {
  let first: ReturnType<typeof screener>;
  let csv: Buffer;
  let summary: Record<string, unknown>;

  beforeAll(() => {
    first = coordinator(['--k', '3', '--out', 'out.csv', '--summary', 'sum.json']);
    csv = readFileSync(join(root, 'out.csv'));
    summary = JSON.parse(readFileSync(join(root, 'sum.json'), 'utf8')) as Record<string, unknown>;
  });

  it('exits 5 and lists exactly the problem files, on stderr and in the summary', () => {
    expect(first.code).toBe(5);
    const listed = (summary.skipped as { file: string; reason: string }[]).map((s) => [
      s.file,
      s.reason,
    ]);
    expect(new Map(listed as [string, string][])).toEqual(problems);
    for (const [file, reason] of problems) {
      const line = first.stderr.split('\n').find((l) => l.includes(file));
      expect(line).toContain(reason.replace(/_/g, ' '));
    }
    // What the file needs, where the store can tell: the laptop never had the
    // organisation key; a newer screener wrote it.
    const messageOf = (file: string) =>
      (summary.skipped as { file: string; message: string }[]).find((s) => s.file === file)!
        .message;
    expect(messageOf('extras/other-org.rec')).toMatch(
      /has no key slot for this organisation key .*It was written before an organisation key was added on that laptop/,
    );
    expect(messageOf('extras/newer.rec')).toMatch(/format 99.*Update screener to open it\./);
    expect(first.stderr).toContain('Update screener to open it.');
    expect(first.stderr).toContain(
      '5 files were skipped (listed above and in the summary, by file name: take that list out before sharing the summary).',
    );
    // Not a terminal: no progress bar, no control characters.
    expect(first.stderr.includes('\u001b[')).toBe(false);
    expect(first.stderr).not.toContain('Reading records');
  });

  it('every quasi-identifier combination in the file describes at least k records', () => {
    const table = parseCsv(csv.toString('utf8'));
    expect(violations(table, quasiColumns(table), 3)).toEqual([]);
    expect(summary.guarantee).toMatch(
      /^Every combination of .* in this file describes at least 3 records\.$/,
    );
  });

  it('rows + exclusions + skipped files = records in', () => {
    const table = parseCsv(csv.toString('utf8'));
    const excluded = summary.excluded as Record<string, number>;
    const skipped = (summary.skipped as unknown[]).length;
    // 31 + 35 good files, 6 problem-free exclusions, 5 problem files.
    expect(summary.records_in).toBe(31 + 35 + 5);
    expect(table.rows.length).toBe(summary.records_out);
    expect(excluded).toEqual({
      duplicate: 1,
      practice: 1,
      rehearsal: 1,
      in_progress: 1,
      stopped: 1,
      abandoned: 0,
    });
    expect(table.rows.length + Object.values(excluded).reduce((a, b) => a + b, 0) + skipped).toBe(
      summary.records_in,
    );
  });

  it('the copy of a record saved last is the one exported, once', () => {
    const table = parseCsv(csv.toString('utf8'));
    const outcomes = table.rows.map((r) => r[table.header.indexOf('outcome')]);
    // 20 + 20 "met" from the crowds' recipe plus the shared record's newer copy.
    const met = crowd(30, 0)
      .concat(crowd(30, 100))
      .filter((p) => p.outcome === 'met').length;
    expect(outcomes.filter((o) => o === 'indicators_met').length).toBe(met + 1);
  });

  it('no direct identifier or free text from the inputs appears in any output byte', () => {
    const bytes = Buffer.concat([csv, readFileSync(join(root, 'sum.json'))]);
    for (const c of CANARIES) {
      expect(bytes.includes(Buffer.from(c, 'utf8'))).toBe(false);
      expect(bytes.includes(Buffer.from(c.toLowerCase(), 'utf8'))).toBe(false);
    }
    // Nor any record id: rows carry only the keyed pseudonym.
    expect(csv.toString('utf8')).not.toMatch(/R-[0-9A-Z]{4}-[0-9A-Z]{4}/);
  });

  it('the same input and secret give a byte-identical file and summary', () => {
    const again = coordinator(['--k', '3', '--out', 'again.csv', '--summary', 'again.json']);
    expect(again.code).toBe(5);
    expect(readFileSync(join(root, 'again.csv')).equals(csv)).toBe(true);
    const s2 = JSON.parse(readFileSync(join(root, 'again.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect({ ...s2, output: undefined }).toEqual({ ...summary, output: undefined });
  });

  it('worker threads give the same file, summary and skip list as one thread', () => {
    const one = coordinator(['--k', '3', '--out', 'one.csv', '--summary', 'one.json'], {
      SCREENER_EXPORT_WORKERS: '0',
    });
    const three = coordinator(['--k', '3', '--out', 'three.csv', '--summary', 'three.json'], {
      SCREENER_EXPORT_WORKERS: '3',
    });
    expect([one.code, three.code]).toEqual([5, 5]);
    expect(readFileSync(join(root, 'three.csv')).equals(readFileSync(join(root, 'one.csv')))).toBe(
      true,
    );
    expect(readFileSync(join(root, 'one.csv')).equals(csv)).toBe(true);
    const sum = (f: string) =>
      ({
        ...(JSON.parse(readFileSync(join(root, f), 'utf8')) as Record<string, unknown>),
        output: undefined,
      }) as Record<string, unknown>;
    expect(sum('three.json')).toEqual(sum('one.json'));
    expect((sum('three.json').skipped as unknown[]).length).toBe(problems.size);
    // Skips are listed in file order either way.
    const skipLines = (text: string) => text.split('\n').filter((l) => l.includes('skipped '));
    expect(skipLines(three.stderr)).toEqual(skipLines(one.stderr));
  });

  it('a bad SCREENER_EXPORT_WORKERS is a usage error', () => {
    const r = coordinator(['--out', 'never.csv'], { SCREENER_EXPORT_WORKERS: 'many' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('SCREENER_EXPORT_WORKERS must be a whole number');
    expect(existsSync(join(root, 'never.csv'))).toBe(false);
  });

  it('pseudonyms are stable with the same secret and unrelated with another', () => {
    const pseudonyms = (file: string) => {
      const t = parseCsv(readFileSync(join(root, file), 'utf8'));
      return new Set(t.rows.map((r) => r[t.header.indexOf('pseudonym')]!));
    };
    writeFileSync(join(root, 'other-secret'), 'f'.repeat(64) + '\n');
    const other = coordinator([
      '--k',
      '3',
      '--out',
      'other.csv',
      '--secret-file',
      join(root, 'other-secret'),
    ]);
    expect(other.code).toBe(5);
    const a = pseudonyms('out.csv');
    const b = pseudonyms('other.csv');
    expect(a.size).toBe(summary.records_out);
    expect(b.size).toBe(a.size);
    expect([...a].filter((p) => b.has(p))).toEqual([]);
    for (const p of a) expect(p).toMatch(/^[0-9a-f]{32}$/);
  });

  it('rows are in pseudonym order, which says nothing about files or laptops', () => {
    const t = parseCsv(csv.toString('utf8'));
    const ps = t.rows.map((r) => r[t.header.indexOf('pseudonym')]!);
    expect(ps).toEqual([...ps].sort());
  });

  it('summary counts are below-k safe: "<k" or multiples of k', () => {
    const counts = summary.counts as Record<string, Record<string, unknown>>;
    const values = [
      ...Object.values(counts.outcome!),
      ...Object.values(counts.indicator!),
      ...Object.values(counts.dimension!).flatMap((d) => Object.values(d as object)),
    ];
    for (const v of values) {
      if (typeof v === 'string') expect(v).toBe('<3');
      else expect((v as number) % 3).toBe(0);
    }
  });
});

/**
 * The coordinator's export under a limit on the size of any file the process writes
 * (bash's `ulimit -f`, in KiB): past it the system refuses the write (EFBIG), as a
 * full disk would, without needing one.
 */
function coordinatorLimited(kib: number, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(
    'bash',
    [
      '-c',
      `ulimit -f ${kib} && exec "$0" "$@"`,
      process.execPath,
      BIN,
      ...['--data-dir', 'coord', 'export', 'lapA', 'lapB', '--key', orgKeyFile],
      ...['--questionnaire', FIXTURE, '--k', '3', ...args],
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        ...ENV,
        NO_COLOR: '1',
        SCREENER_ORG_PASSPHRASE: ORG_PASSPHRASE,
        ...env,
      },
      encoding: 'utf8',
    },
  );
  expect(r.stderr).not.toMatch(STACK_TRACE);
  return { code: r.status, stderr: r.stderr };
}

describe('screener export: formats, profiles, errors', () => {
  it('JSONL carries the same guarantee', () => {
    const r = coordinator([
      '--k',
      '4',
      '--format',
      'jsonl',
      '--out',
      'out.jsonl',
      '--summary',
      'sum.json',
    ]);
    expect(r.code).toBe(5);
    const table = parseJsonl(readFileSync(join(root, 'out.jsonl'), 'utf8'));
    expect(violations(table, quasiColumns(table), 4)).toEqual([]);
  });

  it('--profile htcds names the columns that map onto the standard', () => {
    const r = coordinator(['--profile', 'htcds', '--k', '3', '--out', 'htcds.csv']);
    expect(r.code).toBe(5);
    const header = parseCsv(readFileSync(join(root, 'htcds.csv'), 'utf8')).header;
    expect(header).toContain('prs_Gender');
    expect(header).toContain('prs_Nationality');
    expect(header).toContain('vic_MethodsOfControl.DebtBondage');
    expect(header).toContain('vic_MethodsOfControl.WithholdsDocuments');
    expect(header).not.toContain('sex');
  });

  it('fewer records than k: exit 2 and no file', () => {
    const r = coordinator(['--k', '500', '--out', 'none.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[E_EXPORT_TOO_FEW_RECORDS]');
    expect(existsSync(join(root, 'none.csv'))).toBe(false);
    expect(readdirSync(root).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('a bad --k is a usage error that states the range', () => {
    const r = coordinator(['--k', 'five', '--out', 'none.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[E_EXPORT_BAD_K]');
    const big = coordinator(['--k', '99999999', '--out', 'none.csv']);
    expect(big.code).toBe(2);
    expect(big.stderr).toContain(
      'screener: --k must be a whole number from 1 to 9999999, not "99999999". [E_EXPORT_BAD_K]',
    );
  });

  it('a missing --out says so as every usage error does; the help marks it required and names the passphrase variable', () => {
    const r = screener(['export', 'lapA']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("screener: required option '-o, --out <file>' not specified [E_USAGE]\n");
    const help = screener(['export', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/-o, --out <file> +the dataset file to write \(required\)/);
    expect(help.stdout).toContain('SCREENER_ORG_PASSPHRASE');
  });

  it('--out - is refused (it would be a file named "-"), and so is a temporary folder that does not exist, in words', () => {
    const dash = coordinator(['--out', '-']);
    expect(dash.code).toBe(2);
    expect(dash.stderr).toContain(
      'screener: --out - would write a file named "-": an export is always written to a file, never to standard output. Nothing was exported. [E_EXPORT_OUT_NOT_FILE]',
    );
    expect(existsSync(join(root, '-'))).toBe(false);
    const tmp = coordinator(['--out', 'no-tmp.csv'], { TMPDIR: join(root, 'no-such-tmp') });
    expect(tmp.code).toBe(1);
    expect(tmp.stderr).toContain(
      `screener: Could not write the export's working file: the temporary folder ${join(root, 'no-such-tmp')} does not exist. [E_EXPORT_TEMP_WRITE]`,
    );
    expect(tmp.stderr).toContain('Set TMPDIR to a folder this user can write to');
    expect(tmp.stderr).not.toMatch(/ENOENT|mkdtemp/);
    expect(existsSync(join(root, 'no-tmp.csv'))).toBe(false);
  });

  it('with --k 1 the summary says every count is exact', () => {
    const r = coordinator(['--k', '1', '--out', 'k1.csv', '--summary', 'k1.json']);
    expect(r.code).toBe(5);
    const summary = JSON.parse(readFileSync(join(root, 'k1.json'), 'utf8')) as {
      counts_note: string;
    };
    expect(summary.counts_note).toBe(
      'With k = 1 every count is exact: nothing is hidden or rounded.',
    );
  });

  it('records made with an earlier text of their questionnaire are exported, and the coordinator told', async () => {
    // The shipped questionnaire corrected in place (same id and version): the exact text
    // a record names is gone with the update. `screener report` uses the same id and
    // version with a warning; the export does so too rather than leave the records out.
    const dir = join(root, 'older-text');
    const earlier = (p: Person) => {
      const r = makeRecord(newId(), p);
      return { ...r, questionnaire: { ...r.questionnaire, hash: 'e'.repeat(64) } };
    };
    for (const p of crowd(3, 300)) await craftRecordFile(dir, earlier(p), orgPublicFile);
    await craftRecordFile(dir, makeRecord(newId(), crowd(1, 400)[0]), orgPublicFile);
    const other = makeRecord(newId());
    await craftRecordFile(
      dir,
      {
        ...other,
        questionnaire: { ...other.questionnaire, version: '0.9.0', hash: 'f'.repeat(64) },
      },
      orgPublicFile,
    );
    const r = exportWithSummary(['older-text'], 'older.csv', '1', {
      SCREENER_ORG_PASSPHRASE: ORG_PASSPHRASE,
    });
    // Another version is not the same questionnaire: still skipped and listed.
    expect(r.code).toBe(5);
    const summary = JSON.parse(readFileSync(join(root, 'older.json'), 'utf8')) as {
      records_out: number;
      notes: string[];
      skipped: { reason: string; message: string }[];
    };
    expect(summary.records_out).toBe(4);
    expect(summary.skipped.map((s) => s.reason)).toEqual(['unknown_questionnaire']);
    expect(summary.skipped[0]!.message).toContain('export_fixture 0.9.0');
    const note =
      '3 records were made with a text of export_fixture 1.0.0 that is not available (hash eeeeeeeeeeee…); they were scored with the text of the same id and version available here';
    expect(summary.notes.some((n) => n.startsWith(note))).toBe(true);
    expect(r.stderr).toContain(note);
    expect(parseCsv(readFileSync(join(root, 'older.csv'), 'utf8')).rows).toHaveLength(4);
  });

  it('a missing path is a usage error before anything is asked or written', () => {
    const r = screener(['--data-dir', 'coord', 'export', 'no-such-folder', '--out', 'none.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[E_EXPORT_PATH_NOT_FOUND]');
  });

  it('a folder with no record files: exit 2, nothing written', () => {
    mkdirSync(join(root, 'empty-laptop'), { recursive: true });
    writeFileSync(join(root, 'empty-laptop', 'notes.txt'), 'not a record');
    const r = screener(
      [
        '--data-dir',
        'coord',
        'export',
        'empty-laptop',
        '--key',
        orgKeyFile,
        '--out',
        'none.csv',
        '--summary',
        'none.json',
      ],
      { SCREENER_ORG_PASSPHRASE: ORG_PASSPHRASE },
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('No record files (*.rec) in empty-laptop');
    expect(r.stderr).toContain('[E_EXPORT_NO_RECORDS]');
    expect(existsSync(join(root, 'none.csv'))).toBe(false);
    expect(existsSync(join(root, 'none.json'))).toBe(false);
  });

  it('an output folder that does not exist: exit 2 before anything is read', () => {
    const r = coordinator(['--out', join('no-such-folder', 'out.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[E_EXPORT_OUT_FOLDER]');
  });

  it('an output that names a folder: exit 2 before anything is read', () => {
    mkdirSync(join(root, 'results'));
    const r = coordinator(['--out', 'results']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'screener: --out results is a folder; give a file name in it. Nothing was exported. [E_EXPORT_OUT_IS_FOLDER]',
    );
    expect(r.stderr).toContain(`For example: --out ${join('results', 'export.csv')}`);
    expect(r.stderr).not.toContain('skipped');
    expect(readdirSync(join(root, 'results'))).toEqual([]);
    const s = coordinator(['--out', 'x.csv', '--summary', 'results']);
    expect(s.code).toBe(2);
    expect(s.stderr).toContain('--summary results is a folder');
    expect(existsSync(join(root, 'x.csv'))).toBe(false);
  });

  it('never writes over the organisation key, a record, keys, the secret or a device', () => {
    const recordFile = join('lapA', 'records', readdirSync(join(root, 'lapA', 'records'))[0]!);
    const guarded: [string, string, string][] = [
      ['--out', orgKeyFile, 'is the organisation key'],
      ['--out', recordFile, 'is a record file'],
      ['--summary', join('lapA', 'keys.json'), "is a data folder's keys"],
      ['--summary', join('coord', 'export-secret'), 'is an export secret'],
      ['--out', FIXTURE, 'is a questionnaire this export reads'],
    ];
    for (const [option, file, kind] of guarded) {
      const before = readFileSync(resolve(root, file));
      const args = option === '--out' ? ['--out', file] : ['--out', 'guarded.csv', option, file];
      const r = coordinator(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        `screener: ${option} ${file} ${kind}; an export never writes over it. Nothing was exported. [E_EXPORT_OUT_PROTECTED]`,
      );
      expect(r.stderr).not.toContain('skipped');
      expect(readFileSync(resolve(root, file))).toEqual(before);
      expect(existsSync(join(root, 'guarded.csv'))).toBe(false);
    }
    const device = coordinator(['--out', '/dev/null']);
    expect(device.code).toBe(2);
    expect(device.stderr).toContain('[E_EXPORT_OUT_NOT_FILE]');
  });

  it('never writes over a file it reads, however it is named: exit 2, the file unchanged', () => {
    // A damaged record (not recognised as one by its content) found in a PATH folder.
    const damaged = join('extras', 'corrupt.rec');
    const before = readFileSync(join(root, damaged));
    const r = coordinator(['--out', join('extras', '..', damaged)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `screener: --out ${join('extras', '..', damaged)} is one of the files this export reads; an export never writes over what it reads. Nothing was exported. [E_EXPORT_OUT_IS_INPUT]`,
    );
    expect(r.stderr).not.toContain('skipped');
    expect(readFileSync(join(root, damaged))).toEqual(before);
    // Any file given as a PATH, reached through a hard link of another name.
    writeFileSync(join(root, 'notes.txt'), 'not a record\n');
    linkSync(join(root, 'notes.txt'), join(root, 'notes-link.json'));
    const s = screener(
      [...exportArgs(['lapA', 'notes.txt'], 'fresh.csv', '3'), '--summary', 'notes-link.json'],
      { SCREENER_ORG_PASSPHRASE: ORG_PASSPHRASE },
    );
    expect(s.code).toBe(2);
    expect(s.stderr).toContain(
      'screener: --summary notes-link.json is the same file as notes.txt, one of the files this export reads;',
    );
    expect(readFileSync(join(root, 'notes.txt'), 'utf8')).toBe('not a record\n');
    expect(existsSync(join(root, 'fresh.csv'))).toBe(false);
  });

  it('an --out or --summary that is a link or a pipe: exit 2, the link and its file as they were', () => {
    writeFileSync(join(root, 'kept.csv'), 'the export of last month\n');
    symlinkSync(join(root, 'kept.csv'), join(root, 'kept-link.csv'));
    execFileSync('mkfifo', [join(root, 'a-pipe')]);
    const link = coordinator(['--out', 'kept-link.csv']);
    expect(link.code).toBe(2);
    expect(link.stderr).toContain(
      `screener: --out kept-link.csv is a link to ${join(root, 'kept.csv')}; the dataset is written as a file of its own, and writing it there would replace the link, not what it leads to. Nothing was exported. [E_EXPORT_OUT_NOT_FILE]`,
    );
    expect(link.stderr).toContain(`Give the real file's path: --out ${join(root, 'kept.csv')}`);
    const pipe = coordinator(['--out', 'piped.csv', '--summary', 'a-pipe']);
    expect(pipe.code).toBe(2);
    expect(pipe.stderr).toContain(
      'screener: --summary a-pipe is not a regular file (a device, a pipe or a socket); the summary is written as a file of its own. Nothing was exported. [E_EXPORT_OUT_NOT_FILE]',
    );
    expect(pipe.stderr).toContain(
      'An export is always written to a file: give a file name, for example --summary summary.json.',
    );
    expect(readlinkSync(join(root, 'kept-link.csv'))).toBe(join(root, 'kept.csv'));
    expect(readFileSync(join(root, 'kept.csv'), 'utf8')).toBe('the export of last month\n');
    expect(lstatSync(join(root, 'a-pipe')).isFIFO()).toBe(true);
    expect(existsSync(join(root, 'piped.csv'))).toBe(false);
  });

  it('a --secret-file that is missing, a folder or not a secret: said before the passphrase is asked', () => {
    writeFileSync(join(root, 'last-month.csv'), 'pseudonym,outcome\n' + '0a'.repeat(16) + ',x\n');
    const cases: [string, number, string][] = [
      [
        'no-such-secret',
        2,
        'The export secret file no-such-secret does not exist. [E_EXPORT_SECRET_MISSING]',
      ],
      ['lapA', 2, 'The export secret lapA is a folder, not a file. [E_EXPORT_SECRET_NOT_FILE]'],
      ['last-month.csv', 3, 'last-month.csv is not an export secret. [E_EXPORT_SECRET_NOT_SECRET]'],
    ];
    for (const [file, code, message] of cases) {
      // No passphrase in the environment and no terminal: asking for it would fail.
      const r = screener([...exportArgs(['lapA'], 'secret-case.csv', '3'), '--secret-file', file], {
        SCREENER_ORG_PASSPHRASE: undefined,
      });
      expect(r.code).toBe(code);
      expect(r.stderr).toContain(`screener: ${message}`);
      expect(r.stderr).not.toContain('E_NO_PASSPHRASE');
      expect(existsSync(join(root, 'secret-case.csv'))).toBe(false);
    }
  });

  it('writes over an earlier export or any other file, as asked', () => {
    writeFileSync(join(root, 'other.csv'), 'name,total\n');
    writeFileSync(join(root, 'other.json'), '{"format": "screener-export-summary"}\n');
    const r = coordinator(['--k', '3', '--out', 'other.csv', '--summary', 'other.json']);
    expect(r.code).toBe(5);
    expect(readFileSync(join(root, 'other.csv'), 'utf8')).toMatch(/^pseudonym,/);
    expect(JSON.parse(readFileSync(join(root, 'other.json'), 'utf8')).k).toBe(3);
  });

  it('a wrong organisation passphrase: exit 4, nothing written', () => {
    const r = screener(
      [
        '--data-dir',
        'coord',
        'export',
        'lapA',
        '--key',
        orgKeyFile,
        '--questionnaire',
        FIXTURE,
        '--out',
        'none.csv',
      ],
      { SCREENER_ORG_PASSPHRASE: 'not the passphrase at all' },
    );
    expect(r.code).toBe(4);
    expect(existsSync(join(root, 'none.csv'))).toBe(false);
  });

  // The limits sit well clear of what this fixture writes: its working file is 4–8 KiB
  // and its JSONL dataset 32–48 KiB (measured with limits from 1 to 48 KiB).
  it('no room for the working file: exit 1, says which folder, nothing written or left', () => {
    const tmp = join(root, 'tmp-small');
    mkdirSync(tmp);
    const r = coordinatorLimited(2, ['--out', 'tmp-full.csv', '--summary', 'tmp-full.json'], {
      TMPDIR: tmp,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `Could not write the export's working file in the temporary folder ${tmp}: the file would be larger than this system allows. [E_EXPORT_TEMP_WRITE]`,
    );
    expect(r.stderr).toContain('Nothing was written.');
    expect(existsSync(join(root, 'tmp-full.csv'))).toBe(false);
    expect(existsSync(join(root, 'tmp-full.json'))).toBe(false);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('no room for the dataset: exit 1, names it, an earlier file of that name untouched', () => {
    const tmp = join(root, 'tmp-roomy');
    mkdirSync(tmp);
    writeFileSync(join(root, 'earlier.jsonl'), 'the export of last month\n');
    const r = coordinatorLimited(16, ['--format', 'jsonl', '--out', 'earlier.jsonl'], {
      TMPDIR: tmp,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Could not write the dataset earlier.jsonl: ');
    expect(r.stderr).toContain('[E_EXPORT_WRITE]');
    expect(r.stderr).toContain('Nothing was written; an earlier file of that name is untouched.');
    expect(readFileSync(join(root, 'earlier.jsonl'), 'utf8')).toBe('the export of last month\n');
    expect(readdirSync(root).filter((f) => f.includes('earlier.jsonl'))).toEqual(['earlier.jsonl']);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('a laptop exported with its own passphrase from its data folder: exit 0', () => {
    const r = screener(
      ['--data-dir', 'lapA', 'export', '--questionnaire', FIXTURE, '--k', '3', '--out', 'a.csv'],
      { SCREENER_PASSPHRASE: PASSPHRASE },
    );
    expect(r.code).toBe(0);
    const t = parseCsv(readFileSync(join(root, 'a.csv'), 'utf8'));
    expect(t.rows.length).toBe(31);
    // The secret was created in that data folder on this first export.
    expect(existsSync(join(root, 'lapA', 'export-secret'))).toBe(true);
  });
});

describe('screener export: links and paths that are not records', () => {
  const withKey = (paths: string[], out: string, env: Record<string, string> = {}) =>
    exportWithSummary(paths, out, '3', env);

  it('follows links to laptop folders, and lists a record link that leads nowhere', () => {
    // A coordinator's folder of links to copies kept elsewhere (a USB stick, another disk).
    const linked = join(root, 'linked');
    mkdirSync(linked);
    symlinkSync(join(root, 'lapA'), join(linked, 'laptop-a'));
    symlinkSync(join(root, 'lapA'), join(linked, 'laptop-a-again'));
    symlinkSync(join(root, 'no-such-copy.rec'), join(linked, 'R-GONE-0001.rec'));
    symlinkSync(linked, join(root, 'linked-link'));
    const r = withKey(['linked-link'], 'linked.csv', { SCREENER_ORG_PASSPHRASE: ORG_PASSPHRASE });
    expect(r.code).toBe(5);
    const summary = JSON.parse(readFileSync(join(root, 'linked.json'), 'utf8')) as {
      records_in: number;
      records_out: number;
      skipped: { file: string; reason: string; message: string }[];
    };
    // Laptop A's 31 records, read once though two links lead to them; the link to nothing named.
    expect(summary.records_out).toBe(31);
    expect(summary.records_in).toBe(32);
    expect(parseCsv(readFileSync(join(root, 'linked.csv'), 'utf8')).rows.length).toBe(31);
    expect(summary.skipped).toEqual([
      expect.objectContaining({
        file: join('linked-link', 'R-GONE-0001.rec'),
        reason: 'unreadable',
        message: expect.stringContaining('is a link to something that does not exist'),
      }),
    ]);
    expect(r.stderr).toContain(`skipped ${join('linked-link', 'R-GONE-0001.rec')}`);
  });

  it('a link to nothing, or a pipe, as a path: exit 2 before anything is asked or written', () => {
    symlinkSync(join(root, 'no-such-laptop'), join(root, 'dangling-laptop'));
    execFileSync('mkfifo', [join(root, 'R-PIPE-0001.rec')]);
    // No passphrase in the environment: asking for one would fail differently.
    const dangling = withKey(['dangling-laptop'], 'odd.csv');
    expect(dangling.code).toBe(2);
    expect(dangling.stderr).toContain(
      'screener: No such file or folder: dangling-laptop is a link to something that does not exist. Nothing was exported. [E_EXPORT_PATH_NOT_FOUND]',
    );
    const pipe = withKey(['lapA', 'R-PIPE-0001.rec'], 'odd.csv');
    expect(pipe.code).toBe(2);
    expect(pipe.stderr).toContain(
      'screener: R-PIPE-0001.rec is neither a file nor a folder (it is a device, a pipe or a socket). Nothing was exported. [E_EXPORT_PATH_NOT_FILE]',
    );
    expect(existsSync(join(root, 'odd.csv'))).toBe(false);
    expect(existsSync(join(root, 'odd.json'))).toBe(false);
  });
});

/**
 * lapA's export in a pseudo-terminal. Without a passphrase in `extra`, the coordinator
 * types it at the prompt.
 */
function exportOnTerminal(out: string, extra: Record<string, string> = {}) {
  const { SCREENER_ORG_PASSPHRASE: _none, ...env } = cliEnv(join(root, 'coord'), ENV_TTY);
  return new Term(
    exportArgs(['lapA'], out, '3'),
    { ...env, ...extra },
    { cols: 100, rows: 30 },
    root,
  );
}
const shown = (t: Term) => stripVTControlCharacters(t.raw);

describe('screener export on a terminal', () => {
  it('the organisation passphrase is typed hidden; a wrong one exits 4, Ctrl-C 130, nothing written', async () => {
    const wrong = exportOnTerminal('typed-wrong.csv');
    await wrong.at('Passphrase of the organisation key:', 'not the coordinator passphrase\r');
    expect(await wrong.exited).toBe(4);
    expect(shown(wrong)).toContain('E_WRONG_ORG_PASSPHRASE');
    expect(shown(wrong)).not.toContain('not the coordinator passphrase');
    expect(existsSync(join(root, 'typed-wrong.csv'))).toBe(false);

    const stopped = exportOnTerminal('typed-stopped.csv');
    await stopped.at('Passphrase of the organisation key:', '\x03');
    expect(await stopped.exited).toBe(130);
    expect(existsSync(join(root, 'typed-stopped.csv'))).toBe(false);

    const typed = exportOnTerminal('typed.csv');
    await typed.at('Passphrase of the organisation key:', `${ORG_PASSPHRASE}\r`);
    expect(await typed.exited).toBe(0);
    expect(shown(typed)).not.toContain(ORG_PASSPHRASE);
    expect(shown(typed)).toContain('Exported 31 of 31 records');
    expect(parseCsv(readFileSync(join(root, 'typed.csv'), 'utf8')).rows.length).toBe(31);
    expect(readdirSync(root).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('shows a progress bar on stderr, then the same result', async () => {
    const t = exportOnTerminal('tty.csv', { SCREENER_ORG_PASSPHRASE: ORG_PASSPHRASE });
    const code = await t.exited;
    expect(code).toBe(0);
    expect(shown(t)).toContain('Reading records');
    expect(shown(t)).toContain('Exported 31 of 31 records');
    expect(parseCsv(readFileSync(join(root, 'tty.csv'), 'utf8')).rows.length).toBe(31);
  });
});

/**
 * `screener export [PATH...] --out FILE`: every record file under the paths (default:
 * the data folder), decrypted with the organisation key (--key) or the local
 * passphrase, de-identified and made k-anonymous in one file. Problem files are
 * listed as they are met and make the exit code 5; the output appears only whole.
 */
import { statSync, type Stats } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { CliContext } from '../context.js';
import { writeLine } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { dataDirOf } from '../open-store.js';
import { ORG_PASSPHRASE_ENV, readPassphrase } from '../passphrase.js';
import { styler } from '../style.js';
import { isScreenerError, usageError } from '../../errors.js';
import { questionnaireCatalogue } from '../../export/questionnaire-catalogue.js';
import { PARALLEL_FROM } from '../../export/worker-pool.js';
import { MemoryTrimmer, trimMemory } from '../../export/trim-memory.js';
import {
  hasKeys,
  listRecordFiles,
  recordPathKind,
  noKeysError,
  exportUnlocker,
  ownFileKind,
  openRecordFileSync,
  readOrgPrivateKeyFile,
  RecordPaths,
  unlockDataDir,
  type PathList,
  type Unlocker,
} from '../../store/index.js';
import { assessOutline } from '../../scoring/index.js';
import { runExport, type ExportProgress } from '../../export/run-export.js';
import { loadOrCreateSecret, readSecretFile } from '../../export/secret.js';
import { EXCLUSION_REASONS, type SkippedFile } from '../../export/summary.js';
import type { ExportFormat } from '../../export/layout.js';

interface Options {
  out: string;
  format: ExportFormat;
  k: string;
  key?: string;
  summary?: string;
  secretFile?: string;
  profile?: 'htcds';
  questionnaire?: string[];
}

export async function run(ctx: CliContext, args: readonly unknown[]): Promise<number> {
  const [paths, opts] = args as [string[], Options];
  const k = parseK(opts.k);
  const workers = workerCount(ctx);
  if (opts.summary !== undefined && resolve(opts.summary) === resolve(opts.out))
    throw usageError('E_EXPORT_SAME_FILE', '--out and --summary name the same file.');

  checkOutputPath(opts.out, '--out', opts);
  if (opts.summary !== undefined) checkOutputPath(opts.summary, '--summary', opts);

  const dataDir = dataDirOf(ctx);
  const roots = paths.length > 0 ? paths : [dataDir];
  await checkPathsExist(roots);
  const catalogue = questionnaireCatalogue(opts.questionnaire ?? []);
  // The key first: its derivation (scrypt) needs tens of MiB for a moment, and peak
  // memory stays lower when that comes before the list of a large folder is held.
  const unlocker = await unlockerFor(ctx, opts, dataDir);
  trimMemory();
  const files = await recordFiles(roots);
  // Most likely the wrong folder: say so rather than write an empty dataset.
  if (files.length === 0)
    throw usageError(
      'E_EXPORT_NO_RECORDS',
      `No record files (*.rec) in ${roots.join(', ')}. Nothing was written.`,
      ["Point export at the folders that hold the laptops' records."],
    );
  const secret = opts.secretFile
    ? await readSecretFile(opts.secretFile)
    : await loadOrCreateSecret(dataDir);
  if (secret.created)
    writeLine(
      ctx.stderr,
      `screener: created the export secret ${secret.file}; keep it: the same secret gives the same pseudonyms in later exports.`,
    );

  const s = styler(ctx.color);
  const progress = progressBar(ctx);
  await progress.ready();
  const trimmer = new MemoryTrimmer();
  // Start reading with the garbage of start-up (key derivation, questionnaires) gone.
  trimMemory();
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  // Ctrl-C, a shutdown, or the terminal window closed (hang-up): each stops the export
  // the same way, so no partial dataset and no working folder are left behind.
  for (const signal of STOP_SIGNALS) process.once(signal, onSignal);
  let result;
  try {
    result = await runExport({
      reader: {
        files,
        open: async (file) => openRecordFileSync(file, unlocker),
        openSync: (file) => openRecordFileSync(file, unlocker),
      },
      parallel: {
        ...workers,
        init: { unlocker, questionnaireFiles: opts.questionnaire ?? [], secret: secret.secret },
      },
      questionnaireByHash: catalogue.byHash,
      questionnaireLike: catalogue.like,
      questionnairesForEmptyFile: catalogue.forEmptyFile,
      assess: assessOutline,
      secret: secret.secret,
      k,
      format: opts.format,
      profile: opts.profile ?? 'default',
      out: opts.out,
      summary: opts.summary,
      signal: controller.signal,
      onProgress: (p) => {
        progress.update(p);
        trimmer.progress(p.phase, p.done);
      },
      onSkip: (skip) => {
        progress.pause();
        writeLine(ctx.stderr, skipLine(skip, s));
      },
    });
  } finally {
    progress.stop();
    for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
  }

  const sum = result.summary;
  const excluded = EXCLUSION_REASONS.filter((r) => sum.excluded[r] > 0).map(
    (r) => `${sum.excluded[r]} ${r.replace('_', ' ')}`,
  );
  writeLine(
    ctx.stderr,
    `Exported ${sum.records_out} of ${sum.records_in} record${sum.records_in === 1 ? '' : 's'} to ${opts.out}` +
      (excluded.length ? ` (not exported: ${excluded.join(', ')})` : '') +
      '.',
  );
  writeLine(ctx.stderr, sum.guarantee);
  if (sum.suppressed_cells > 0)
    writeLine(
      ctx.stderr,
      `${sum.suppressed_cells} quasi-identifier cell${sum.suppressed_cells === 1 ? '' : 's'} blanked (${(sum.suppressed_share * 100).toFixed(2)} %); levels: ${sum.generalisation.map((g) => `${g.column} ${g.level}`).join(', ')}.`,
    );
  for (const note of sum.notes) writeLine(ctx.stderr, s.yellow(note));
  if (sum.skipped.length > 0) {
    writeLine(
      ctx.stderr,
      s.red(
        `${sum.skipped.length} file${sum.skipped.length === 1 ? ' was' : 's were'} skipped (listed above${opts.summary ? ' and in the summary, by file name: take that list out before sharing the summary' : ''}).`,
      ),
    );
    return EXIT.partial;
  }
  return EXIT.ok;
}

/** Checked before any work: finding out after decrypting everything would waste it. */
function checkOutputPath(file: string, option: string, opts: Options): void {
  const dir = dirname(resolve(file));
  let ok: boolean;
  try {
    ok = statSync(dir).isDirectory();
  } catch {
    ok = false;
  }
  if (!ok)
    throw usageError(
      'E_EXPORT_OUT_FOLDER',
      `The folder of ${file} does not exist. Nothing was exported.`,
    );
  let existing: Stats | undefined;
  try {
    existing = statSync(file);
  } catch {
    // Not there yet: the usual case.
  }
  if (existing?.isDirectory())
    throw usageError(
      'E_EXPORT_OUT_IS_FOLDER',
      `${option} ${file} is a folder; give a file name in it. Nothing was exported.`,
      [
        `For example: ${option} ${join(file, option === '--summary' ? 'summary.json' : 'export.csv')}`,
      ],
    );
  // A device or pipe (/dev/stdout, say): the output is put in place by renaming a
  // finished file over the target, which would replace the device entry itself.
  if (existing && !existing.isFile())
    throw usageError(
      'E_EXPORT_OUT_NOT_FILE',
      `${option} ${file} is not a regular file; an export is written to a file. Nothing was exported.`,
    );
  const kind = givenFileKind(file, opts) ?? ownFileKind(file);
  if (kind)
    throw usageError(
      'E_EXPORT_OUT_PROTECTED',
      `${option} ${file} is ${kind}; an export never writes over it. Nothing was exported.`,
      ['Give another file name.'],
    );
}

/** The files this command reads from, by what they are. */
function givenFileKind(file: string, opts: Options): string | undefined {
  const target = resolve(file);
  const given: [string | undefined, string][] = [
    [opts.key, 'the organisation key'],
    [opts.secretFile, 'the export secret'],
    ...(opts.questionnaire ?? []).map((q): [string, string] => [
      q,
      'a questionnaire this export reads',
    ]),
  ];
  return given.find(([path]) => path !== undefined && resolve(path) === target)?.[1];
}

function parseK(text: string): number {
  if (!/^\d{1,7}$/.test(text) || Number(text) < 1)
    throw usageError('E_EXPORT_BAD_K', `--k must be a whole number of at least 1, not "${text}".`, [
      '--k 1 turns k-anonymity off; the default is 5.',
    ]);
  return Number(text);
}

/**
 * A path that does not exist (or a link to nothing), or that is neither a file nor a
 * folder, is a usage error before anything is asked, read or written.
 */
async function checkPathsExist(paths: readonly string[]): Promise<void> {
  for (const p of paths) await recordPathKind(p).catch(throwAsUsage);
}

/** The listing's refusal of a path, as the export's usage error (exit 2). */
function throwAsUsage(error: unknown): never {
  if (isScreenerError(error) && error.code === 'E_RECORD_NOT_FOUND')
    throw usageError('E_EXPORT_PATH_NOT_FOUND', `${error.message} Nothing was exported.`);
  if (isScreenerError(error) && error.code === 'E_NOT_A_FILE')
    throw usageError('E_EXPORT_PATH_NOT_FILE', `${error.message} Nothing was exported.`);
  throw error;
}

async function recordFiles(paths: readonly string[]): Promise<PathList> {
  const lists: RecordPaths[] = [];
  // One set for all the paths: a folder named twice, or reached through a link too, is read once.
  const listed = new Set<string>();
  for (const p of paths) {
    lists.push(await listRecordFiles(p, undefined, listed).catch(throwAsUsage));
  }
  // One path: the store's list is already sorted and has no repeats (the common case,
  // and the cheap one: no second copy of a hundred thousand names).
  if (lists.length === 1) return lists[0]!;
  // The same file named twice (a folder and a file in it) is read once.
  const seen = new Set<string>();
  const out: string[] = [];
  for (const list of lists)
    for (const f of list) {
      const key = resolve(f);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(f);
    }
  // The default sort is compareStrings' order (UTF-16 code units), without a callback.
  return RecordPaths.from(out.sort());
}

async function unlockerFor(ctx: CliContext, opts: Options, dataDir: string): Promise<Unlocker> {
  if (opts.key) {
    const passphrase = await readPassphrase(ctx, {
      message: 'Passphrase of the organisation key:',
      env: ORG_PASSPHRASE_ENV,
    });
    return exportUnlocker(await readOrgPrivateKeyFile(opts.key, passphrase));
  }
  if (!(await hasKeys(dataDir))) throw noKeysError(dataDir);
  const passphrase = await readPassphrase(ctx, { message: 'Passphrase:' });
  return exportUnlocker(await unlockDataDir(dataDir, passphrase));
}

/**
 * Reading threads: by default one per core (the main thread is one of them), from
 * PARALLEL_FROM files on four cores or more, and from FEW_CORES_PARALLEL_FROM on two
 * or three, where starting a worker and sharing the cores pay off only for larger
 * exports. Measured on a quiet two-core machine, alternating one and two threads on
 * the same records (`SCREENER_EXPORT_WORKERS=1` and `=2`): 100 000 records 13.6–16.4 s
 * against 9.2–12.1 s in 4 pairs; 30 000 records 4.0–5.2 s against 3.9–4.0 s (3 pairs);
 * 20 000 records faster in 2 of 3 pairs; 10 000 records no faster (2.3–2.4 s against
 * 2.3–2.8 s), for 25–40 % more CPU time and 5–6 MiB more memory. (On a machine whose
 * other core was busy, the earlier measurement, two threads gained little.)
 * SCREENER_EXPORT_WORKERS sets the number for any number of files (0 or 1: the main
 * thread alone), e.g. to leave a core free.
 */
const FEW_CORES_PARALLEL_FROM = 20_000;

function workerCount(ctx: CliContext): { workers: number; minFiles: number } {
  const text = ctx.env.SCREENER_EXPORT_WORKERS;
  if (text === undefined || text === '') {
    const cores = availableParallelism();
    return { workers: cores, minFiles: cores >= 4 ? PARALLEL_FROM : FEW_CORES_PARALLEL_FROM };
  }
  if (!/^\d{1,2}$/.test(text) || Number(text) > 64)
    throw usageError(
      'E_EXPORT_BAD_WORKERS',
      `SCREENER_EXPORT_WORKERS must be a whole number from 0 to 64, not "${text}".`,
    );
  return { workers: Number(text), minFiles: 1 };
}

function skipLine(skip: SkippedFile, s: ReturnType<typeof styler>): string {
  const detail = skip.detail === undefined ? '' : ` (${skip.detail})`;
  return `screener: ${s.yellow('skipped')} ${skip.file}: ${skip.reason.replace(/_/g, ' ')} — ${skip.message}${detail} [${skip.code}]`;
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

const PHASES: Record<ExportProgress['phase'], string> = {
  read: 'Reading records',
  count: 'Counting      ',
  write: 'Writing       ',
};

/** A bar on stderr only when it is a terminal; scripts and pipes see nothing. */
function progressBar(ctx: CliContext) {
  const tty = Boolean((ctx.stderr as { isTTY?: boolean }).isTTY);
  let bar: import('cli-progress').SingleBar | undefined;
  let phase: string | undefined;
  let loading: Promise<typeof import('cli-progress')> | undefined;
  let lib: typeof import('cli-progress') | undefined;
  if (tty) {
    loading = import('cli-progress');
    void loading.then((m) => (lib = (m as { default?: typeof m }).default ?? m));
  }
  return {
    /** Waits for the bar's library, so the first records read already show it. */
    async ready() {
      await loading;
    },
    update(p: ExportProgress) {
      if (!lib) return;
      if (phase !== p.phase) {
        bar?.stop();
        bar = new lib.SingleBar(
          {
            stream: ctx.stderr,
            format: `${PHASES[p.phase]} |{bar}| {value}/{total}`,
            hideCursor: true,
            clearOnComplete: true,
          },
          lib.Presets.shades_classic,
        );
        bar.start(p.total, p.done);
        phase = p.phase;
      } else bar?.update(p.done);
    },
    /** Clears the bar so a message prints on a clean line; it reappears on the next update. */
    pause() {
      bar?.stop();
      bar = undefined;
      phase = undefined;
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}

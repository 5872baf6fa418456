/**
 * `screener export [PATH...] --out FILE`: every record file under the paths (default:
 * the data folder), decrypted with the organisation key (--key) or the local
 * passphrase, de-identified and made k-anonymous in one file. Problem files are
 * listed as they are met and make the exit code 5; the output appears only whole.
 */
import { statSync, type Stats } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import type { CliContext } from '../context.js';
import { writeLine } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { dataDirOf } from '../open-store.js';
import { outputTarget, outputTargetRefusal } from '../output-target.js';
import { ORG_PASSPHRASE_ENV, readPassphrase } from '../passphrase.js';
import { styler } from '../style.js';
import { isScreenerError, usageError, type ScreenerError } from '../../errors.js';
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

  const outputs: ExistingOutput[] = [];
  const existingOut = checkOutputPath(opts.out, '--out', opts);
  if (existingOut) outputs.push({ option: '--out', file: opts.out, stats: existingOut });
  if (opts.summary !== undefined) {
    const existing = checkOutputPath(opts.summary, '--summary', opts);
    if (existing) outputs.push({ option: '--summary', file: opts.summary, stats: existing });
  }

  const dataDir = dataDirOf(ctx);
  const roots = paths.length > 0 ? paths : [dataDir];
  await checkPathsExist(roots);
  // A PATH that is a file: refused now, before the passphrase is asked.
  refuseInputAsOutput(outputs, roots);
  // A mistyped or wrong --secret-file is said before the passphrase is asked.
  const givenSecret = opts.secretFile ? await readSecretFile(opts.secretFile) : undefined;
  const catalogue = questionnaireCatalogue(opts.questionnaire ?? []);
  // The key first: its derivation (scrypt) needs tens of MiB for a moment, and peak
  // memory stays lower when that comes before the list of a large folder is held.
  const unlocker = await unlockerFor(ctx, opts, dataDir);
  trimMemory();
  const unlisted: SkippedFile[] = [];
  const files = await recordFiles(roots, unlisted);
  // Most likely the wrong folder: say so rather than write an empty dataset.
  if (files.length === 0 && unlisted.length === 0)
    throw usageError(
      'E_EXPORT_NO_RECORDS',
      `No record files (*.rec) in ${roots.join(', ')}. Nothing was written.`,
      ["Point export at the folders that hold the laptops' records."],
    );
  // A file found in a PATH folder: refused before any record is read.
  refuseInputAsOutput(outputs, files);
  const secret = givenSecret ?? (await loadOrCreateSecret(dataDir));
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
  // the same way, so no partial dataset and no working folder are left behind. Taken
  // every time, not once, until the clean-up is over: a second Ctrl-C (a person in a
  // hurry presses it twice) would otherwise end the process in the middle of it.
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  let result;
  try {
    result = await runExport({
      unlisted,
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
    // Once stopped, still taken until the process has ended, so the command says it
    // was interrupted (exit 130) whatever else is pressed.
    if (!controller.signal.aborted)
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

/** An --out or --summary that names a file already there. */
interface ExistingOutput {
  readonly option: string;
  readonly file: string;
  readonly stats: Stats;
}

/**
 * An output that is one of the files the export reads would be read, listed as
 * skipped if it is no record, and then replaced by the dataset: an input lost.
 * Compared by device and inode, so another spelling of the path or a link to the
 * file counts. Only when an output file exists already: otherwise it is no input.
 */
function refuseInputAsOutput(outputs: readonly ExistingOutput[], inputs: PathList): void {
  if (outputs.length === 0) return;
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs.at(i)!;
    let st: Stats | undefined;
    try {
      st = statSync(input, { throwIfNoEntry: false });
    } catch {
      // Unreadable: the export lists it as skipped; it is not the output either way
      // (the output's folder and file could be looked at).
    }
    if (!st?.isFile()) continue;
    const same = outputs.find((o) => o.stats.dev === st.dev && o.stats.ino === st.ino);
    if (same)
      throw usageError(
        'E_EXPORT_OUT_IS_INPUT',
        `${same.option} ${same.file} is ${resolve(input) === resolve(same.file) ? 'one of the files' : `the same file as ${input}, one of the files`} this export reads; an export never writes over what it reads. Nothing was exported.`,
        ['Give a file name outside the folders being exported.'],
      );
  }
}

/**
 * Checked before any work: finding out after decrypting everything would waste it.
 * Returns what is at that name already, if anything.
 */
function checkOutputPath(file: string, option: string, opts: Options): Stats | undefined {
  // Many tools read "-" as standard output; here it would be a file named "-".
  if (file === '-')
    throw usageError(
      'E_EXPORT_OUT_NOT_FILE',
      `${option} - would write a file named "-": an export is always written to a file, never to standard output. Nothing was exported.`,
      [
        `Give a file name, for example ${option} ${option === '--summary' ? 'summary.json' : 'export.csv'}.`,
      ],
    );
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
  const target = outputTarget(file);
  if (target.kind === 'folder' || (target.kind === 'link' && isFolder(file)))
    throw usageError(
      'E_EXPORT_OUT_IS_FOLDER',
      `${option} ${file} is a folder; give a file name in it. Nothing was exported.`,
      [
        `For example: ${option} ${join(file, option === '--summary' ? 'summary.json' : 'export.csv')}`,
      ],
    );
  const refusal = outputTargetRefusal(
    target,
    file,
    option === '--summary' ? 'the summary' : 'the dataset',
    option,
    `An export is always written to a file: give a file name, for example ${option} ${option === '--summary' ? 'summary.json' : 'export.csv'}.`,
  );
  if (refusal)
    throw usageError(
      'E_EXPORT_OUT_NOT_FILE',
      `${refusal.message} Nothing was exported.`,
      refusal.details,
    );
  const existing = target.kind === 'file' ? target.stats : undefined;
  const kind = givenFileKind(file, opts) ?? ownFileKind(file);
  if (kind)
    throw usageError(
      'E_EXPORT_OUT_PROTECTED',
      `${option} ${file} is ${kind}; an export never writes over it. Nothing was exported.`,
      ['Give another file name.'],
    );
  return existing;
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
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

/** Far above any real export's k; a longer number is a typing slip. */
const MAX_K = 9_999_999;

function parseK(text: string): number {
  if (!/^\d{1,7}$/.test(text) || Number(text) < 1)
    throw usageError(
      'E_EXPORT_BAD_K',
      `--k must be a whole number from 1 to ${MAX_K}, not "${text}".`,
      ['--k 1 turns k-anonymity off; the default is 5.'],
    );
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

/**
 * A folder inside a PATH that the system refuses to list, as a skipped entry: the
 * export goes on with the rest rather than stop for an ext4 `lost+found`, say.
 */
function unlistedFolder(folder: string, error: ScreenerError): SkippedFile {
  return {
    file: folder.endsWith(sep) ? folder : folder + sep,
    reason: 'unreadable',
    code: error.code,
    message: `${error.message} Any records in that folder were not read or counted.`,
  };
}

async function recordFiles(paths: readonly string[], unlisted: SkippedFile[]): Promise<PathList> {
  const lists: RecordPaths[] = [];
  // One set for all the paths: a folder named twice, or reached through a link too, is read once.
  const listed = new Set<string>();
  const onUnreadable = (folder: string, error: ScreenerError) =>
    unlisted.push(unlistedFolder(folder, error));
  for (const p of paths) {
    lists.push(await listRecordFiles(p, undefined, listed, onUnreadable).catch(throwAsUsage));
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

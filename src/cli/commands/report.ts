/**
 * `screener report ID [--format md|json|html] [--out FILE] [--lang CODE] [--review]
 * [--full] [--audit] [--referrals FILE] [--questionnaire FILE]`: the redacted report
 * of a stored interview. --review lets the screener check what the free text loses
 * before the report is written; --audit prints the record's audit log instead.
 */
import type { CliContext } from '../context.js';
import { writeLine } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { openStore } from '../open-store.js';
import {
  checkReportTarget,
  reportInputs,
  writeReportFile,
  type ReportInputs,
} from '../report-inputs.js';
import { styler } from '../style.js';
import { requireReportLanguage } from '../language.js';
import { logReport } from '../log-report.js';
import { requireRecordId } from '../record-id.js';
import { promptWatch } from '../terminal-gone.js';
import { CLEAR_ALL } from '../../prompt/terminal.js';
import { usageError } from '../../errors.js';
import { asInterrupted } from '../ask-once.js';
import { loadQuestionnaire } from '../../questionnaire/load.js';
import type { Questionnaire } from '../../questionnaire/types.js';
import { whileHeld, type RecordStore } from '../../record/store-api.js';
import type { InterviewRecord, RedactionReview, ReviewRedactionKind } from '../../record/types.js';
import {
  prepareReport,
  renderReport,
  REPORT_LANGUAGES,
  reviewPassages,
  withRemoval,
  withRestore,
  type ReportFormat,
  type ReviewPassage,
} from '../../report/index.js';
import { foldString, REDACTION_KINDS } from '../../report/redaction/index.js';
import { shippedQuestionnaires } from '../../shipped.js';

interface Options {
  format?: ReportFormat;
  out?: string;
  lang?: string;
  review?: boolean;
  full?: boolean;
  audit?: boolean;
  referrals?: string;
  questionnaire?: string;
  phoneCountries?: string;
}

export async function run(ctx: CliContext, args: readonly unknown[]): Promise<number> {
  const [rawId, opts] = args as [string, Options];
  const id = requireRecordId(rawId);
  const format = opts.format ?? 'md';
  if (opts.lang !== undefined && !/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(opts.lang))
    throw usageError(
      'E_BAD_LANG',
      `--lang takes a language code such as en, fr or es (got "${opts.lang}").`,
    );
  if (opts.review && !ctx.interactive)
    throw usageError('E_NO_TERMINAL', '--review needs a terminal to show the passages and ask.', [
      'Run it in an interactive terminal; without --review the report is written as is.',
    ]);
  // Read the directory before the passphrase is asked: a bad file fails fast (exit 3).
  const inputs = await reportInputs(ctx, opts);
  if (opts.out) await checkReportTarget(opts.out);

  const store = await openStore(ctx, { toSave: Boolean(opts.review) });
  // A review saves the record: held as an interview is, so that a window with the
  // interview open and this review cannot each erase what the other wrote.
  const report = () => reportOf(ctx, store, id, opts, format, inputs);
  return opts.review ? whileHeld(store, id, report) : report();
}

async function reportOf(
  ctx: CliContext,
  store: RecordStore,
  id: string,
  opts: Options,
  format: ReportFormat,
  { referrals, phoneCountries }: ReportInputs,
): Promise<number> {
  let record = await store.load(id);

  if (opts.audit) {
    await printAudit(ctx, store, id, format);
    return EXIT.ok;
  }

  const { questionnaire, changed } = questionnaireFor(ctx, record, opts.questionnaire);
  requireReportLanguage(questionnaire, opts.lang, REPORT_LANGUAGES);
  const lang = opts.lang ?? record.lang;
  await prepareReport(questionnaire, record);

  if (opts.review) {
    const review = await reviewDialogue(ctx, questionnaire, record, {
      lang,
      full: opts.full,
      phoneCountries,
    });
    if (review !== undefined) {
      record = { ...record, redactionReview: review };
      await store.save(record);
      await store.appendAudit(id, { type: 'redaction_review', at: new Date().toISOString() });
    }
  }

  if (opts.full)
    writeLine(
      ctx.stderr,
      'screener: warning: full internal report: age, dates and places are NOT generalised. Keep it inside the organisation.',
    );

  const output = renderReport(questionnaire, record, {
    format,
    lang,
    full: opts.full ?? false,
    referrals,
    phoneCountries,
    questionnaireChanged: changed,
  });
  if (opts.out) {
    await writeReportFile(ctx, opts.out, output);
  } else {
    ctx.stdout.write(output);
  }
  await logReport(store, id, opts.out ? `written to ${opts.out}` : 'printed');
  return EXIT.ok;
}

async function printAudit(ctx: CliContext, store: RecordStore, id: string, format: ReportFormat) {
  const events = await store.readAudit(id);
  if (format === 'json') {
    writeLine(ctx.stdout, JSON.stringify(events, null, 2));
    return;
  }
  if (events.length === 0) writeLine(ctx.stderr, `No audit events for ${id}.`);
  for (const e of events)
    writeLine(ctx.stdout, `${e.at}  ${e.type}${e.question ? `  ${e.question}` : ''}`);
}

/** The questionnaire the record was made with: the same file (by hash), else the same id and version. */
function questionnaireFor(
  ctx: CliContext,
  record: InterviewRecord,
  file: string | undefined,
): { questionnaire: Questionnaire; changed: boolean } {
  const candidates = file ? [file] : shippedQuestionnaires();
  let sameVersion: Questionnaire | undefined;
  for (const f of candidates) {
    const q = loadQuestionnaire(f).questionnaire;
    if (!q) continue;
    if (q.hash === record.questionnaire.hash) return { questionnaire: q, changed: false };
    if (q.id === record.questionnaire.id && q.version === record.questionnaire.version)
      sameVersion ??= q;
  }
  if (sameVersion) {
    writeLine(
      ctx.stderr,
      `screener: warning: ${sameVersion.file} has changed since this interview (same id and version); the report uses it.`,
    );
    return { questionnaire: sameVersion, changed: true };
  }
  throw usageError(
    'E_QUESTIONNAIRE_NOT_FOUND',
    `interview ${record.id} was made with questionnaire ${record.questionnaire.id} ${record.questionnaire.version}, which is not ${file ?? 'among the shipped ones'}.`,
    ['Pass its file with --questionnaire FILE.'],
  );
}

// ---- review ----------------------------------------------------------------------------

type Prompts = typeof import('../../prompt/inquirer-prompts.js');
type ReviewOptions = {
  lang: string;
  full: boolean | undefined;
  phoneCountries: readonly string[] | undefined;
};

function interrupted(error: unknown): never {
  throw asInterrupted(error, 'Interrupted; the review was not saved.');
}

/** The passage with what will be removed highlighted, and a numbered list of the removals. */
function showPassage(ctx: CliContext, p: ReviewPassage, index: number, total: number): void {
  const c = styler(ctx.color);
  let out = '';
  let at = 0;
  for (const s of p.spans) {
    out += p.text.slice(at, s.start);
    const word = p.text.slice(s.start, s.end);
    // Field values are removed whatever the review says: shown differently.
    out += s.source === 'field' ? c.inverse.red(word) : c.inverse.yellow(word);
    out += c.dim(`[${s.kind}]`);
    at = s.end;
  }
  out += p.text.slice(at);
  writeLine(ctx.stderr);
  writeLine(ctx.stderr, c.bold(`Passage ${index + 1} of ${total}: ${p.label}`));
  writeLine(ctx.stderr, out);
  if (!ctx.color && p.spans.length > 0)
    writeLine(
      ctx.stderr,
      `To be removed: ${p.spans.map((s) => `"${p.text.slice(s.start, s.end)}" → [${s.kind}]`).join(', ')}`,
    );
}

async function reviewDialogue(
  ctx: CliContext,
  q: Questionnaire,
  record: InterviewRecord,
  opts: ReviewOptions,
): Promise<RedactionReview | undefined> {
  const prompts: Prompts = await import('../../prompt/inquirer-prompts.js');
  const watch = promptWatch(ctx.stdin);
  const io = {
    input: ctx.stdin,
    output: ctx.stderr as NodeJS.WritableStream,
    signal: watch.signal,
  };
  // The passages are what the person said: nothing of them stays on the screen or in
  // the scrollback once the review ends, however it ends. A quick-exit key (Ctrl-C,
  // Ctrl-Q, F12) clears them at once, as in an interview, and ends the review unsaved.
  const clear = () => {
    if ((ctx.stderr as NodeJS.WriteStream).isTTY) ctx.stderr.write(CLEAR_ALL);
  };
  const { watchQuickExitKeys } = await import('../../prompt/quick-exit-keys.js');
  const stopKeys = watchQuickExitKeys(ctx.stdin as NodeJS.ReadStream, () => {
    clear();
    watch.abort();
  });
  try {
    return await reviewSteps(ctx, q, record, opts, prompts, io);
  } finally {
    stopKeys();
    watch.stop();
    clear();
  }
}

async function reviewSteps(
  ctx: CliContext,
  q: Questionnaire,
  record: InterviewRecord,
  opts: ReviewOptions,
  prompts: Prompts,
  io: { input: CliContext['stdin']; output: NodeJS.WritableStream; signal: AbortSignal },
): Promise<RedactionReview | undefined> {
  let review = record.redactionReview;
  let changed = false;
  const passagesOf = () =>
    reviewPassages(q, { ...record, ...(review ? { redactionReview: review } : {}) }, opts);
  let passages = passagesOf();
  if (passages.length === 0) {
    writeLine(ctx.stderr, 'There is no free text in this report to review.');
    return undefined;
  }
  for (let i = 0; i < passages.length;) {
    const p = passages[i]!;
    showPassage(ctx, p, i, passages.length);
    const restorable = p.spans.filter((s) => s.source !== 'field');
    let action: 'next' | 'remove' | 'restore' | 'finish';
    try {
      action = await prompts.select(
        {
          message: 'What now?',
          choices: [
            { name: 'Looks right: next passage', value: 'next' as const },
            { name: 'Remove more words', value: 'remove' as const },
            ...(restorable.length > 0
              ? [{ name: 'Restore a removed word', value: 'restore' as const }]
              : []),
            { name: 'Finish the review', value: 'finish' as const },
          ],
        },
        io,
      );
    } catch (error) {
      interrupted(error);
    }
    if (action === 'next') {
      i++;
      continue;
    }
    if (action === 'finish') break;
    const at = new Date().toISOString();
    try {
      if (action === 'remove') {
        const words = await prompts.input(
          {
            message: 'Words to remove, as written in the passage:',
            validate: (w) =>
              w.trim() === ''
                ? 'Type a word or phrase.'
                : foldString(p.text).includes(foldString(w.trim())) ||
                    passages.some((x) => foldString(x.text).includes(foldString(w.trim())))
                  ? true
                  : 'Not found in the free text: type it as it is written.',
          },
          io,
        );
        const kind = await prompts.select<ReviewRedactionKind>(
          {
            message: 'Replace it with:',
            choices: REDACTION_KINDS.map((k) => ({ name: `[${k}]`, value: k })),
          },
          io,
        );
        review = withRemoval(review, words, kind, at);
      } else {
        const pick = await prompts.select<number>(
          {
            message: 'Which removal was wrong?',
            choices: restorable.map((s, k) => ({
              name: `"${p.text.slice(s.start, s.end)}" (${s.kind})`,
              value: k,
            })),
          },
          io,
        );
        review = withRestore(review, p, restorable[pick]!, at) ?? review;
      }
    } catch (error) {
      interrupted(error);
    }
    changed = true;
    passages = passagesOf();
  }
  return changed ? review : undefined;
}

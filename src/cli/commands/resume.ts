/**
 * `screener resume [ID]`: continue an interview that was paused or quick-exited, at
 * the question where it stopped. Without an id, the one in progress, or the one the
 * screener picks when several are.
 */
import type { CliContext } from '../context.js';
import { writeLine } from '../context.js';
import { interactiveSession, requireTerminal } from '../interview-session.js';
import { interviewStore } from '../interview-store.js';
import { requireRecordId } from '../record-id.js';
import { askOnce } from '../ask-once.js';
import { shortTime } from '../short-time.js';
import { EXIT } from '../exit-codes.js';
import { stateOf } from '../../engine/index.js';
import { usageError } from '../../errors.js';
import { loadQuestionnaire } from '../../questionnaire/load.js';
import type { Questionnaire } from '../../questionnaire/types.js';
import { whileHeld } from '../../record/store-api.js';
import type { InterviewRecord } from '../../record/types.js';
import type { RecordSummary } from '../../record/store-api.js';
import { shippedQuestionnaires } from '../../shipped.js';

interface Options {
  questionnaire?: string;
}

export async function run(ctx: CliContext, args: readonly unknown[]): Promise<number> {
  const [id, opts = {}] = args as [string | undefined, Options | undefined];
  requireTerminal(ctx, 'resume');
  let recordId = id === undefined ? undefined : requireRecordId(id);
  const store = await interviewStore(ctx, false);
  if (!recordId) {
    const open = (await store.list())
      .filter((r) => r.status === 'in_progress')
      // ISO 8601 times in UTC order as text; a plain comparison, not the locale's collation.
      .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
    if (open.length === 0)
      throw usageError('E_NOTHING_TO_RESUME', 'no interview is in progress.', [
        'Start one with: screener interview',
      ]);
    recordId = open.length === 1 ? open[0]!.id : await chooseInterview(ctx, open);
  }
  // Held before it is read, so what is read is the last another window saved.
  return whileHeld(store, recordId, async () => {
    const record = await store.load(recordId);
    if (record.status !== 'in_progress')
      throw usageError(
        'E_NOT_RESUMABLE',
        `interview ${record.id} is ${record.status}; only one in progress can be resumed.`,
      );
    const { questionnaire: q, changed } = questionnaireFor(record, opts.questionnaire);
    if (changed && !(await continueWithChanged(ctx, q))) {
      writeLine(
        ctx.stderr,
        `Nothing was changed. To continue with the questionnaire the interview began with, give its file: screener resume ${record.id} --questionnaire FILE`,
      );
      return EXIT.ok;
    }
    return await interactiveSession(ctx, {
      questionnaire: q,
      state: stateOf(record),
      store,
      practice: false,
      lang: record.lang,
      first: 'resumed',
    });
  });
}

/**
 * The questionnaire the record was made with: the same file (by hash), else the same
 * id and version (`changed`).
 */
function questionnaireFor(
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
  if (sameVersion) return { questionnaire: sameVersion, changed: true };
  throw usageError(
    'E_QUESTIONNAIRE_NOT_FOUND',
    `interview ${record.id} was made with questionnaire ${record.questionnaire.id} ${record.questionnaire.version}, which is not ${file ? file : 'among the shipped ones'}.`,
    ['Pass its file with --questionnaire FILE.'],
  );
}

/**
 * Asked before the session, whose first screen clears the terminal: a warning printed
 * and then wiped is a warning nobody read. Questions, choices or conditions may differ
 * from those the person already answered.
 */
async function continueWithChanged(ctx: CliContext, q: Questionnaire): Promise<boolean> {
  writeLine(
    ctx.stderr,
    `screener: warning: ${q.file} has changed since this interview began (same id and version ${q.version}); questions, choices or conditions may differ from those already answered.`,
  );
  const { confirm } = await import('../../prompt/inquirer-prompts.js');
  return askOnce(
    ctx.stdin,
    (signal) =>
      confirm(
        { message: 'Continue the interview with the changed questionnaire?', default: true },
        { input: ctx.stdin, output: ctx.stdout as NodeJS.WritableStream, signal },
      ),
    'Interrupted; nothing was changed.',
  );
}

/**
 * Several interviews in progress (one quit at its first question, say): the most
 * recent is not always the one meant, and resuming the wrong one under pressure costs
 * time. Ids and times only, as `list` shows: nothing about the person.
 */
async function chooseInterview(ctx: CliContext, open: readonly RecordSummary[]): Promise<string> {
  const { select } = await import('../../prompt/inquirer-prompts.js');
  return askOnce(
    ctx.stdin,
    (signal) =>
      select(
        {
          message: `${open.length} interviews are in progress. Which one? (most recent first)`,
          choices: open.map((r) => ({
            name: `${r.id}  started ${shortTime(r.startedAt)}, last saved ${shortTime(r.updatedAt)}`,
            value: r.id,
          })),
        },
        { input: ctx.stdin, output: ctx.stdout as NodeJS.WritableStream, signal },
      ),
    'Interrupted; nothing was changed.',
  );
}

/**
 * `screener resume [ID]`: continue an interview that was paused or quick-exited, at
 * the question where it stopped. Without an id, the most recent one in progress.
 */
import type { CliContext } from '../context.js';
import { writeLine } from '../context.js';
import { interactiveSession, requireTerminal } from '../interview-session.js';
import { interviewStore } from '../interview-store.js';
import { requireRecordId } from '../record-id.js';
import { stateOf } from '../../engine/index.js';
import { usageError } from '../../errors.js';
import { loadQuestionnaire } from '../../questionnaire/load.js';
import type { Questionnaire } from '../../questionnaire/types.js';
import { whileHeld } from '../../record/store-api.js';
import type { InterviewRecord } from '../../record/types.js';
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
    recordId = open[0]?.id;
    if (!recordId)
      throw usageError('E_NOTHING_TO_RESUME', 'no interview is in progress.', [
        'Start one with: screener interview',
      ]);
  }
  // Held before it is read, so what is read is the last another window saved.
  return whileHeld(store, recordId, async () => {
    const record = await store.load(recordId);
    if (record.status !== 'in_progress')
      throw usageError(
        'E_NOT_RESUMABLE',
        `interview ${record.id} is ${record.status}; only one in progress can be resumed.`,
      );
    const q = questionnaireFor(ctx, record, opts.questionnaire);
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

/** The questionnaire the record was made with: the same file (by hash), else the same id and version. */
function questionnaireFor(
  ctx: CliContext,
  record: InterviewRecord,
  file: string | undefined,
): Questionnaire {
  const candidates = file ? [file] : shippedQuestionnaires();
  let sameVersion: Questionnaire | undefined;
  for (const f of candidates) {
    const q = loadQuestionnaire(f).questionnaire;
    if (!q) continue;
    if (q.hash === record.questionnaire.hash) return q;
    if (q.id === record.questionnaire.id && q.version === record.questionnaire.version)
      sameVersion ??= q;
  }
  if (sameVersion) {
    writeLine(
      ctx.stderr,
      `screener: warning: ${sameVersion.file} has changed since this interview began (same id and version); continuing with it.`,
    );
    return sameVersion;
  }
  throw usageError(
    'E_QUESTIONNAIRE_NOT_FOUND',
    `interview ${record.id} was made with questionnaire ${record.questionnaire.id} ${record.questionnaire.version}, which is not ${file ? file : 'among the shipped ones'}.`,
    ['Pass its file with --questionnaire FILE.'],
  );
}

/** `screener interview`: a new interview in this terminal (see docs/interview.md). */
import type { CliContext } from '../context.js';
import { interactiveSession, requireTerminal } from '../interview-session.js';
import { interviewStore } from '../interview-store.js';
import { requireQuestionnaireLanguage } from '../language.js';
import { interviewLanguage } from '../../answers/index.js';
import { startRecord, stateOf } from '../../engine/index.js';
import { requireQuestionnaireAsync } from '../../questionnaire/trusted.js';
import { newRecordId } from '../../record/id.js';
import { whileHeld } from '../../record/store-api.js';
import { defaultQuestionnairePath } from '../../shipped.js';

interface Options {
  questionnaire?: string;
  lang?: string;
  practice?: boolean;
}

export async function run(ctx: CliContext, args: readonly unknown[]): Promise<number> {
  const [opts] = args as [Options];
  requireTerminal(ctx, 'interview');
  const q = await requireQuestionnaireAsync(opts.questionnaire ?? defaultQuestionnairePath());
  requireQuestionnaireLanguage(q, opts.lang);
  const practice = Boolean(opts.practice);
  const store = await interviewStore(ctx, practice);
  const lang = interviewLanguage(q, opts.lang);
  const record = startRecord(q, {
    id: newRecordId(),
    mode: practice ? 'practice' : 'real',
    lang,
    now: new Date().toISOString(),
  });
  // Held from the start: `resume` in another window would otherwise pick this interview.
  return whileHeld(store, record.id, () =>
    interactiveSession(ctx, {
      questionnaire: q,
      state: stateOf(record),
      store,
      practice,
      lang,
      first: 'started',
    }),
  );
}

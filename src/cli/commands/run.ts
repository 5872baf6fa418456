/**
 * `screener run --answers FILE`: play an answers file through the same engine and loop
 * as `interview`, refuse it with every problem at file:line:col (exit 3), otherwise
 * store the record (unless --practice), print its id and write the report.
 */
import type { CliContext } from '../context.js';
import { writeLine } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { interviewStore } from '../interview-store.js';
import { requireQuestionnaireLanguage } from '../language.js';
import { whileHeld } from '../../record/store-api.js';
import { checkReportTarget, reportInputs } from '../report-inputs.js';
import { writeRunReport } from '../run-report.js';
import { environmentError, inputError, isScreenerError, type ScreenerError } from '../../errors.js';
import { reportFailure } from '../report-failure.js';
import { logReport } from '../log-report.js';
import { playAnswers } from '../../answers/index.js';
import { formatDiagnostic } from '../../questionnaire/diagnostics.js';
import { requireQuestionnaireAsync } from '../../questionnaire/trusted.js';
import { loadYamlFile } from '../../questionnaire/yaml-source.js';
import { newRecordId } from '../../record/id.js';
import { defaultQuestionnairePath } from '../../shipped.js';

interface Options {
  answers: string;
  questionnaire?: string;
  lang?: string;
  practice?: boolean;
  report?: string;
  format: 'md' | 'json' | 'html';
}

export async function run(ctx: CliContext, args: readonly unknown[]): Promise<number> {
  const [opts] = args as [Options];
  // Report inputs first: a bad referral file fails before anything is played or stored.
  const inputs = await reportInputs(ctx, {});
  if (opts.report) await checkReportTarget(opts.report, 'report', '--report');
  const q = await requireQuestionnaireAsync(opts.questionnaire ?? defaultQuestionnairePath());
  requireQuestionnaireLanguage(q, opts.lang);
  // Read by js-yaml first (quick-yaml.ts): the YAML library runs only if there is a problem to place.
  const { quickYamlValue } = await import('../../questionnaire/quick-yaml.js');
  const loaded = loadYamlFile(opts.answers, { quick: quickYamlValue });
  const played = loaded.source
    ? await playAnswers(q, loaded.source, {
        id: newRecordId(),
        mode: opts.practice ? 'practice' : 'real',
        lang: opts.lang,
        now: () => new Date().toISOString(),
      })
    : { diagnostics: loaded.diagnostics, asked: [] };
  if (!('record' in played) || !played.record) {
    const n = played.diagnostics.length;
    throw inputError(
      'E_INVALID_ANSWERS',
      `${opts.answers} cannot be played (${n} problem${n === 1 ? '' : 's'})`,
      played.diagnostics.map((d) => formatDiagnostic(d, loaded.source?.text)),
    );
  }
  const record = played.record;
  // The store is opened only now: a file with errors never asks for a passphrase.
  const store = await interviewStore(ctx, Boolean(opts.practice));
  // Held as an interview is, if only for the save: a key change running in another
  // window would leave the record with key slots the folder no longer has.
  const notLogged = await whileHeld(store, record.id, async () => {
    await store.save(record);
    try {
      await store.appendAudit(record.id, {
        type: record.status === 'stopped' ? 'stopped' : 'completed',
        at: record.updatedAt,
      });
    } catch (error) {
      // The record is stored: a failure now must not read as "nothing stored", or a
      // script would run the answers again and store the interview twice.
      if (!isScreenerError(error) || error.kind !== 'environment') throw error;
      return notLoggedError(record.id, error);
    }
    return undefined;
  });
  writeLine(ctx.stdout, record.id);
  const how = opts.practice ? 'practice run, not stored' : 'stored';
  writeLine(
    ctx.stderr,
    `Interview ${record.status} (${Object.keys(record.answers).length} answers; ${how}).`,
  );
  if (notLogged) {
    // Said before the report, which may fail on the same full disk.
    const code = await reportFailure(ctx, notLogged);
    if (opts.report) await writeRunReport(ctx, inputs, q, record, opts.report, opts.format);
    return code;
  }
  if (opts.report) {
    await writeRunReport(ctx, inputs, q, record, opts.report, opts.format);
    if (!opts.practice) await logReport(store, record.id, `written to ${opts.report}`);
  } else if (opts.practice)
    writeLine(
      ctx.stderr,
      'Nothing is kept from a practice run: add --report FILE to keep its report.',
    );
  else writeLine(ctx.stderr, `Report: screener report ${record.id}`);
  return EXIT.ok;
}

function notLoggedError(id: string, cause: ScreenerError): ScreenerError {
  return environmentError(
    'E_RUN_NOT_LOGGED',
    `Record ${id} was stored, but its audit log could not be written.`,
    [
      cause.message,
      `Do not run these answers again: that would store the interview a second time. See it with \`screener report ${id}\`.`,
    ],
  );
}

/**
 * Rendering a report from a questionnaire and a record: assess → model → redact →
 * render. This is the function the interview and `run` call when they finish, and the
 * one `screener report` calls; it prints nothing and reads no file.
 */
import type { Questionnaire } from '../questionnaire/types.js';
import type { InterviewRecord } from '../record/types.js';
import type { ReferralDirectory } from '../referrals/types.js';
import { assess } from '../scoring/index.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { buildModel } from './model.js';
import { redact } from './redact.js';
import type { RedactedReport } from './view.js';

export { prepareReport } from './prepare.js';

export type ReportFormat = 'md' | 'json' | 'html';

export interface ReportOptions {
  readonly format: ReportFormat;
  /** Report language; defaults to the interview's. */
  readonly lang?: string | undefined;
  /** The full internal report: quasi identifiers not generalised. Never the default. */
  readonly full?: boolean | undefined;
  /** The organisation's referral directory (loaded by the caller); categories only without it. */
  readonly referrals?: ReferralDirectory | undefined;
  /** ISO 3166 codes whose national phone formats the redaction searches. */
  readonly phoneCountries?: readonly string[] | undefined;
  /** The questionnaire file changed since the interview (same id and version). */
  readonly questionnaireChanged?: boolean | undefined;
}

/** The redacted view of a record: what every renderer receives. */
export function reportView(
  questionnaire: Questionnaire,
  record: InterviewRecord,
  opts: Omit<ReportOptions, 'format'>,
): RedactedReport {
  const assessment = assess(questionnaire, record);
  const model = buildModel(questionnaire, record, assessment, {
    lang: opts.lang ?? record.lang,
    full: opts.full ?? false,
    directory: opts.referrals,
    questionnaireChanged: opts.questionnaireChanged,
  });
  return redact(model, questionnaire, record, { phoneCountries: opts.phoneCountries });
}

export function renderView(view: RedactedReport, format: ReportFormat): string {
  switch (format) {
    case 'md':
      return renderMarkdown(view);
    case 'json':
      return renderJson(view);
    case 'html':
      return renderHtml(view);
  }
}

/** The report as text in the chosen format. */
export function renderReport(
  questionnaire: Questionnaire,
  record: InterviewRecord,
  opts: ReportOptions,
): string {
  return renderView(reportView(questionnaire, record, opts), opts.format);
}

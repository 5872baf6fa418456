/** The report `run --report` (and the end of an interview) writes: the same renderer as `screener report`. */
import type { CliContext } from './context.js';
import { writeReportFile, type ReportInputs } from './report-inputs.js';
import type { Questionnaire } from '../questionnaire/types.js';
import type { InterviewRecord } from '../record/types.js';
import type { ReportFormat } from '../report/render.js';

export async function writeRunReport(
  ctx: CliContext,
  inputs: ReportInputs,
  q: Questionnaire,
  record: InterviewRecord,
  file: string,
  format: ReportFormat,
  option: '--out' | '--report' = '--report',
): Promise<void> {
  const { prepareReport, renderReport } = await import('../report/render.js');
  await prepareReport(q, record);
  const output = renderReport(q, record, {
    format,
    lang: record.lang,
    referrals: inputs.referrals,
    phoneCountries: inputs.phoneCountries,
  });
  await writeReportFile(ctx, file, output, option);
}

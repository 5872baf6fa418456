/** The report `run --report` writes, through the report module when this build has it. */
import type { Questionnaire } from '../questionnaire/types.js';
import type { InterviewRecord } from '../record/types.js';

export async function reportAvailable(): Promise<boolean> {
  return false;
}

export async function writeRunReport(
  _q: Questionnaire,
  _record: InterviewRecord,
  _file: string,
  _format: 'md' | 'json' | 'html',
): Promise<void> {
  throw new Error('the report module is not part of this build');
}

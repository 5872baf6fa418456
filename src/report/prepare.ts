/**
 * What rendering a report may need that is loaded only when it does: libphonenumber-js
 * (redaction/phone-library.ts) is asked about free text only where a stretch has seven
 * digits or more, and about a direct field only when it is written +… or 00…. Commands
 * call this before renderReport; without it the library is still loaded on first use.
 */
import type { Questionnaire } from '../questionnaire/types.js';
import type { InterviewRecord } from '../record/types.js';
import { providePhoneLibrary } from './redaction/phone-library.js';
import { mayHoldPhone } from './redaction/phones.js';

export async function prepareReport(q: Questionnaire, record: InterviewRecord): Promise<void> {
  if (needsPhoneLibrary(q, record)) providePhoneLibrary(await import('libphonenumber-js'));
}

/** A superset: every text answer and note is counted, whatever the report shows of it. */
export function needsPhoneLibrary(q: Questionnaire, record: InterviewRecord): boolean {
  for (const [id, a] of Object.entries(record.answers)) {
    if (a.note !== undefined && mayHoldPhone(a.note)) return true;
    if (a.kind !== 'value' || typeof a.value !== 'string') continue;
    const question = q.questionById.get(id);
    if (question?.type === 'text' && mayHoldPhone(a.value)) return true;
    if (question?.identifying === 'direct' && /^\s*(?:\+|00)/.test(a.value)) return true;
  }
  return false;
}

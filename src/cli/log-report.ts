/**
 * Every report made from a stored record is noted in its audit log (type and time,
 * never a value). The report is out by then, so a failure to note it must say so
 * plainly, not read as if the report had failed.
 */
import { dataError, environmentError, isScreenerError } from '../errors.js';
import type { RecordStore } from '../record/store-api.js';

/** `made` says what happened to the report: "written to r.md", "printed". */
export async function logReport(store: RecordStore, id: string, made: string): Promise<void> {
  try {
    await store.appendAudit(id, { type: 'report', at: new Date().toISOString() });
  } catch (error) {
    if (!isScreenerError(error) || (error.kind !== 'environment' && error.kind !== 'data'))
      throw error;
    const message = `The report was ${made}, but it could not be noted in the audit log of record ${id}`;
    // A damaged log keeps its own code (E_AUDIT_TAMPERED, exit 4): that is what needs
    // looking into. A full disk or a read-only folder is E_REPORT_NOT_LOGGED.
    if (error.kind === 'data')
      throw dataError(error.code, `${message}: ${lowerFirst(error.message)}`, error.details);
    throw environmentError('E_REPORT_NOT_LOGGED', `${message}.`, [
      error.message,
      'Every report is meant to be logged: write access to the data folder is needed for that.',
    ]);
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * The record id a command was given. Ids are typed by hand, often under pressure:
 * case and surrounding spaces do not matter (`r-7k3m-q9xd` is `R-7K3M-Q9XD`), the same
 * for every command. A malformed id is refused before the passphrase is asked.
 */
import { usageError } from '../errors.js';
import { isRecordId } from '../record/id.js';

export function requireRecordId(raw: string): string {
  const id = raw.trim().toUpperCase();
  if (!isRecordId(id))
    throw usageError('E_BAD_RECORD_ID', `"${raw}" is not a record id.`, [
      'Record ids look like R-7K3M-Q9XD; `screener list` shows them.',
    ]);
  return id;
}

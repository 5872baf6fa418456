import { isScreenerError } from '../errors.js';

/** A record file that could not be read or rewritten; the others were handled. */
export interface RecordProblem {
  readonly file: string;
  /** From the file name, when it is a record id. */
  readonly id: string | undefined;
  readonly code: string;
  readonly message: string;
  readonly kind: 'data' | 'environment';
}

/** Converts a failure on one record into a problem; anything that is not a typed store error is a bug and propagates. */
export function toProblem(error: unknown, file: string, id: string | undefined): RecordProblem {
  if (!isScreenerError(error) || (error.kind !== 'data' && error.kind !== 'environment'))
    throw error;
  return { file, id, code: error.code, message: error.message, kind: error.kind };
}

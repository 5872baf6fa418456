/**
 * What the export tells the coordinator when the system refuses a write: which file
 * or folder, why in words, and that nothing was written (the output appears only
 * whole, and the working file is removed). A bare "ENOSPC" would not say whether the
 * output's disk or the temporary folder is full.
 */
import { environmentError, isScreenerError, type ScreenerError } from '../errors.js';
import { nodeCode, outputRefusalDetails, refusalCause, systemReason } from '../store/index.js';

/** An output file of the export, named for messages. */
export interface OutputLabel {
  /** "the dataset", "the summary". */
  readonly what: string;
  /** The option that chose the file, for the hint: "--out", "--summary". */
  readonly option: string;
}

/** Writing `file` (the dataset or the summary) failed. */
export function outputWriteError(error: unknown, file: string, label: OutputLabel): ScreenerError {
  if (isScreenerError(error)) return error;
  return environmentError(
    refusalCause(error) === 'room' ? 'E_EXPORT_DISK_FULL' : 'E_EXPORT_WRITE',
    `Could not write ${label.what} ${file}: ${systemReason(error)}.`,
    outputRefusalDetails(error, label.option),
  );
}

/** Writing the export's encrypted working file in the temporary folder `folder` failed. */
export function workingFileError(error: unknown, folder: string): ScreenerError {
  if (isScreenerError(error)) return error;
  // The folder itself is wrong (a TMPDIR mistyped or on a stick since removed).
  const code = nodeCode(error);
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return environmentError(
      'E_EXPORT_TEMP_WRITE',
      `Could not write the export's working file: the temporary folder ${folder} ${code === 'ENOENT' ? 'does not exist' : 'is not a folder'}.`,
      [
        'Nothing was written.',
        'Set TMPDIR to a folder this user can write to (or unset it to use the system’s).',
      ],
    );
  const cause = refusalCause(error);
  const details = ['Nothing was written.'];
  if (cause === 'room')
    details.push(
      'Free some space there, or set TMPDIR to a folder on a disk with more room (the working file takes about 70 bytes a record).',
    );
  if (cause === 'permission') details.push('Set TMPDIR to a folder this user can write to.');
  return environmentError(
    cause === 'room' ? 'E_EXPORT_TEMP_FULL' : 'E_EXPORT_TEMP_WRITE',
    `Could not write the export's working file in the temporary folder ${folder}: ${systemReason(error)}.`,
    details,
  );
}

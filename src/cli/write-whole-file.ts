/**
 * Writes a file the user asked for (a report, a rehearsal debrief) whole or not at all:
 * the text goes to a temporary file beside it, which then takes the file's name. A full
 * disk, a read-only folder or an interruption leaves an earlier file of that name as it
 * was and no partial file; a report cut short could lose its closing caveats unnoticed.
 * A link or a device at that name is refused before (output-target.ts): the rename
 * would replace it. Blocking calls: these files are
 * a few kilobytes, and loading node:fs/promises cost a scripted run more than the write.
 * Not flushed to the disk: a report can be made again from its record, and the start-up
 * budget of `run` has no room for a disk flush.
 */
import { closeSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { environmentError, type ScreenerError } from '../errors.js';
import { outputRefusalDetails, systemReason } from '../store/errors.js';

export function writeWholeFileSync(file: string, text: string, mode: number): void {
  // Unguessable enough for a name opened with 'wx', which never follows or reuses a file.
  const tmp = join(
    dirname(file),
    `.${basename(file)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`,
  );
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', mode);
    const bytes = Buffer.from(text, 'utf8');
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
  } catch (error) {
    if (fd !== undefined) closeQuietly(fd);
    removeQuietly(tmp);
    throw error;
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Already failing: the first error is the one to report.
  }
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Not created, or already gone.
  }
}

/**
 * A failed write of `file` in words: why, that nothing was written, and what to do.
 * `what` names the file ("the report"), `option` the flag that chose it.
 */
export function wholeFileError(
  error: unknown,
  code: string,
  file: string,
  what: string,
  option: string,
): ScreenerError {
  return environmentError(
    code,
    `Could not write ${what} to ${file}: ${systemReason(error)}.`,
    outputRefusalDetails(error, option),
  );
}

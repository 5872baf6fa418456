import { writeSync } from 'node:fs';

/**
 * Writes all of `bytes` at `position` with blocking calls. writeSync may write less
 * than asked (a full disk, a signal): the rest is written, or it throws; a short write
 * never leaves a gap in the file.
 */
export function writeAll(fd: number, bytes: Uint8Array, position: number): void {
  let done = 0;
  while (done < bytes.length)
    done += writeSync(fd, bytes, done, bytes.length - done, position + done);
}

/**
 * Output that cannot be written. Node reports a failed write as an 'error' event on
 * the stream, and one nobody listens to ends the process with a stack trace: what
 * `screener show q.yaml | head` (the reader leaves: EPIPE) or `screener report ID >
 * report.html` on a full disk printed. Here a reader that leaves is the user's choice:
 * the rest of the output is dropped quietly and the command finishes as it would have;
 * so is a terminal closed under the command.
 * Any other failure of standard output (a full disk, a device error) is said once on
 * stderr, in words and with a stable code, and the exit code is 1 unless the command
 * already failed: its work (a stored record, an export file) is done as usual, only
 * what it printed is incomplete. Errors of stderr itself are dropped: there is nowhere
 * left to say them.
 */
import { writeSync } from 'node:fs';
import { isatty } from 'node:tty';
import { nodeCode, systemReason } from '../store/errors.js';

const watched = new WeakSet<NodeJS.WriteStream>();
let failure: unknown;

function watch(stream: NodeJS.WriteStream, fd: 1 | 2): NodeJS.WriteStream {
  if (watched.has(stream)) return stream;
  watched.add(stream);
  stream.on('error', (error: unknown) => {
    if (fd === 2 || failure !== undefined) return;
    if (readerGone(error, stream.isTTY === true, stream.isTTY === true && isatty(fd))) return;
    failure = error;
    process.once('exit', reportOutputFailure);
  });
  return stream;
}

/**
 * Whether a failed write means only that nobody is reading any more: a pipe whose
 * reader left (EPIPE), or a terminal that is gone (its window closed), where there is
 * nobody left to tell either. A terminal that is gone answers EIO, and is no longer a
 * terminal when asked.
 */
export function readerGone(error: unknown, wasTerminal: boolean, stillTerminal: boolean): boolean {
  const code = nodeCode(error);
  return code === 'EPIPE' || (wasTerminal && (code === 'EIO' || !stillTerminal));
}

/** process.stdout, its write failures handled as above. */
export function watchedStdout(): NodeJS.WriteStream {
  return watch(process.stdout, 1);
}

/** process.stderr, its write failures dropped. */
export function watchedStderr(): NodeJS.WriteStream {
  return watch(process.stderr, 2);
}

function reportOutputFailure(): void {
  try {
    writeSync(
      2,
      `screener: could not write the output: ${systemReason(failure)}. [E_OUTPUT_WRITE]\n` +
        'The rest of what the command did is done; only what it printed is incomplete.\n',
    );
  } catch {
    // stderr is gone too.
  }
  if (!process.exitCode) process.exitCode = 1;
}

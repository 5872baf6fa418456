/**
 * The terminal of an interview can go away under it: the window closed, the laptop's
 * lid shut on a remote session, the connection dropped. The session then ends as a
 * quick exit does (interview-session.ts): the save in flight completes and the audit
 * log notes the exit. What is left is Node's own clean-up, which on Node 20 cannot cope
 * with a terminal that no longer exists:
 *
 * - readline, closing its interface, switches raw mode off: the terminal answers EIO,
 *   and readline re-raises that as an error nobody can listen for (the interface is the
 *   prompt library's), which ends the process with a stack trace;
 * - on exit, Node restores the settings the terminal had at start-up, and aborts the
 *   process when that fails (nodejs/node#58200, fixed after Node 20).
 *
 * Neither has anything to do on a terminal that is gone, so both are told so: the raw
 * mode switch becomes a no-op, and at exit the standard descriptors are closed, which
 * Node's restore skips (a closed descriptor is one "the program reopened").
 */
import { closeSync } from 'node:fs';
import { isatty } from 'node:tty';

/**
 * Calls `leave` once, when the terminal goes away under an interactive session: its
 * input ends, or a hang-up signal comes. Returns what stops watching.
 */
export function whenTerminalGone(input: NodeJS.ReadStream, leave: () => void): () => void {
  let gone = false;
  const onGone = () => {
    if (gone) return;
    gone = true;
    outliveHangUps();
    // A hang-up signal sent by hand to a live terminal is a plain quick exit: its
    // settings must still be put back. A terminal that is gone is no longer a terminal.
    if (!isatty((input as { fd?: number }).fd ?? 0)) forgetTerminal(input);
    leave();
  };
  input.once('end', onGone);
  process.on('SIGHUP', onGone);
  return () => {
    input.off('end', onGone);
    process.off('SIGHUP', onGone);
  };
}

/**
 * From the moment the terminal is gone, the command is on its way out in order (a save
 * completes, a lock is given back, exit 130). More hang-up signals may still come (the
 * kernel's, the terminal emulator's), some after the watch that took the first has
 * stopped: with no listener left, one would kill the process half-way. So they are
 * taken, and ignored, for the rest of its life. A listener does not keep it alive.
 */
function outliveHangUps(): void {
  if (process.listeners('SIGHUP').includes(ignoreHangUp)) return;
  process.on('SIGHUP', ignoreHangUp);
}
function ignoreHangUp(): void {
  // The terminal is gone already; see outliveHangUps.
}

function forgetTerminal(input: NodeJS.ReadStream): void {
  input.setRawMode = () => input;
  process.once('exit', () => {
    for (const fd of [0, 1, 2]) {
      try {
        closeSync(fd);
      } catch {
        // Already closed.
      }
    }
  });
}

/**
 * For a prompt outside an interview (a passphrase, a confirmation, a review, a file
 * name): a signal that aborts it when the terminal goes away, so the command ends as
 * an interruption (exit 130, nothing written) rather than with Node's abort. Installed
 * before the prompt opens, so the raw-mode switch is disarmed before the prompt's own
 * clean-up runs. Call `stop` once the prompt is answered.
 */
export function promptWatch(input: NodeJS.ReadableStream): {
  readonly signal: AbortSignal;
  /** Aborts the prompt for another reason (a Ctrl-C the prompt does not handle itself). */
  readonly abort: () => void;
  readonly stop: () => void;
} {
  const controller = new AbortController();
  const abort = () => controller.abort();
  const stop = whenTerminalGone(input as NodeJS.ReadStream, abort);
  return { signal: controller.signal, abort, stop };
}

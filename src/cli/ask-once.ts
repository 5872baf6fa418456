/**
 * One question asked on the terminal outside an interview (a confirmation, a choice,
 * a passphrase): watched for the terminal going away, and ended by Ctrl-C or a lost
 * terminal as an interruption the CLI prints without a stack trace (exit 130).
 */
import { ScreenerError } from '../errors.js';
import { promptWatch } from './terminal-gone.js';

/** `message` says what the interruption left undone ("Interrupted; nothing was deleted."). */
export async function askOnce<T>(
  input: NodeJS.ReadableStream,
  ask: (signal: AbortSignal) => Promise<T>,
  message: string,
): Promise<T> {
  const watch = promptWatch(input);
  try {
    return await ask(watch.signal);
  } catch (error) {
    throw asInterrupted(error, message);
  } finally {
    watch.stop();
  }
}

/** A prompt ended by Ctrl-C or an abort becomes E_INTERRUPTED; anything else is returned as it is. */
export function asInterrupted(error: unknown, message: string): unknown {
  if (
    error instanceof Error &&
    (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')
  )
    return new ScreenerError('interrupted', 'E_INTERRUPTED', message);
  return error;
}

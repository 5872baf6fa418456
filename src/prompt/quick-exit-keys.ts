/**
 * The quick-exit keys (Ctrl-C, Ctrl-Q, F12) read beside a prompt that is not the
 * interview's own (the redaction review), so that they work there too.
 */
import { emitKeypressEvents } from 'node:readline';
import { keyAction, type KeyPress } from './keys.js';

/** Calls `onQuickExit` on each quick-exit key; returns a function that stops watching. */
export function watchQuickExitKeys(input: NodeJS.ReadStream, onQuickExit: () => void): () => void {
  emitKeypressEvents(input);
  const onKey = (_s: string | undefined, key: KeyPress | undefined) => {
    if (keyAction(key) === 'quick_exit') onQuickExit();
  };
  input.on('keypress', onKey);
  return () => input.off('keypress', onKey);
}

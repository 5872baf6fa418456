/**
 * Whether a file descriptor is a terminal. node:tty is loaded only for a character
 * device, which every terminal is: for the usual scripted case (a file or a pipe) the
 * answer comes from one fstat, and the tty module, with the network and stream
 * modules it loads, stays out of a command that prints two lines.
 */
import { fstatSync } from 'node:fs';
import { createRequire } from 'node:module';

export function isTerminal(fd: number): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    // A closed descriptor is not a terminal.
    return false;
  }
  const tty = createRequire(import.meta.url)('node:tty') as typeof import('node:tty');
  return tty.isatty(fd);
}

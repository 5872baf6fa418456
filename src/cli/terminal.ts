/**
 * Whether a file descriptor is a terminal. node:tty is loaded only for a character
 * device other than /dev/null, which every terminal is: for the usual scripted cases (a
 * file, a pipe, output thrown away) the answer comes from one or two stats, and the tty
 * module, with the network and stream modules it loads, stays out of a command that
 * prints two lines.
 */
import { fstatSync, statSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';

export function isTerminal(fd: number): boolean {
  try {
    const st = fstatSync(fd);
    if (!st.isCharacterDevice()) return false;
    if (isNullDevice(st)) return false;
  } catch {
    // A closed descriptor is not a terminal.
    return false;
  }
  const tty = createRequire(import.meta.filename)('node:tty') as typeof import('node:tty');
  return tty.isatty(fd);
}

/** Whether a character device is /dev/null (output thrown away). */
export function isNullDevice(st: Stats): boolean {
  return st.isCharacterDevice() && st.rdev === nullDevice();
}

let nullRdev: number | undefined;

/** The device number of /dev/null (-1 where there is none, as on Windows). */
function nullDevice(): number {
  if (nullRdev === undefined) {
    try {
      nullRdev = statSync('/dev/null').rdev;
    } catch {
      nullRdev = -1;
    }
  }
  return nullRdev;
}

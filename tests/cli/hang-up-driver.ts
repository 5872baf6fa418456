/**
 * Run by hang-up-signals.test.ts in a process of its own: a terminal watch sees its
 * input end (the terminal gone), stops as a prompt's watch does once the prompt has
 * given up, and then a hang-up signal comes, as the kernel's or a terminal emulator's
 * may, late. The process must go on to exit in order (code 7), not die of the signal.
 */
import { PassThrough } from 'node:stream';
import { whenTerminalGone } from '../../src/cli/terminal-gone.js';

const input = new PassThrough() as unknown as NodeJS.ReadStream;
const stop = whenTerminalGone(input, () => {
  stop();
  process.kill(process.pid, 'SIGHUP');
  setTimeout(() => process.exit(7), 200);
});
input.resume();
input.emit('end');

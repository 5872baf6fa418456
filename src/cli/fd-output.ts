/**
 * stdout and stderr as commands see them. Node builds process.stdout and stderr on
 * first use, and for a file, a pipe or /dev/null that loads the stream modules (and,
 * for a pipe, the network module): a few milliseconds, more than a scripted run spends
 * writing its two lines. So when the descriptor is one of those, a command gets a
 * stand-in: its write() writes straight to the descriptor with a blocking call, as Node
 * itself writes to files (to a pipe Node writes asynchronously, queueing in memory
 * what the reader has not taken yet; here the command waits for the reader instead,
 * which for a command's few lines of output comes to the same). Anything else asked of
 * it (an event listener, isTTY, columns) builds the real stream and forwards there,
 * and from then on every write goes through that stream too, in order.
 *
 * A terminal, or anything that is not plainly a file or a pipe, gets the real stream
 * at once: prompts and terminal handling are never behind the stand-in.
 */
import { fstatSync, writeSync } from 'node:fs';
import { isNullDevice } from './terminal.js';

export function commandOutput(fd: number, real: () => NodeJS.WriteStream): NodeJS.WriteStream {
  return isFileOrPipe(fd) ? standIn(fd, real) : real();
}

function isFileOrPipe(fd: number): boolean {
  try {
    const st = fstatSync(fd);
    return st.isFile() || st.isFIFO() || st.isSocket() || isNullDevice(st);
  } catch {
    return false;
  }
}

type Callback = (error?: Error | null) => void;

function standIn(fd: number, real: () => NodeJS.WriteStream): NodeJS.WriteStream {
  let stream: NodeJS.WriteStream | undefined;
  const materialise = () => (stream ??= real());

  function write(chunk: unknown, encoding?: unknown, callback?: unknown): boolean {
    const cb = (typeof encoding === 'function' ? encoding : callback) as Callback | undefined;
    const plainText =
      typeof chunk === 'string' && (typeof encoding !== 'string' || /^utf-?8$/i.test(encoding));
    if (stream === undefined && (plainText || chunk instanceof Uint8Array)) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Uint8Array);
      const done = writeBlocking(fd, bytes);
      if (done === bytes.length) {
        if (cb) process.nextTick(cb, null);
        return true;
      }
      // The descriptor would block (a pipe left non-blocking by whoever opened it) or
      // failed: the rest goes to the real stream, which waits or reports as it always has.
      return materialise().write(bytes.subarray(done), cb);
    }
    return (materialise().write as (...args: unknown[]) => boolean)(chunk, encoding, callback);
  }

  return new Proxy({} as NodeJS.WriteStream, {
    get(_target, key) {
      if (key === 'write') return write;
      const s = materialise();
      const value: unknown = Reflect.get(s, key, s);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(s) : value;
    },
    set: (_target, key, value) => Reflect.set(materialise(), key, value),
    has: (_target, key) => Reflect.has(materialise(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(materialise()),
  });
}

/** How many bytes were written before the descriptor would block or failed. */
function writeBlocking(fd: number, bytes: Uint8Array): number {
  let done = 0;
  while (done < bytes.length) {
    try {
      done += writeSync(fd, bytes, done, bytes.length - done);
    } catch {
      return done;
    }
  }
  return done;
}

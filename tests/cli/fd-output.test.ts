/**
 * Commands write to stdout and stderr through fd-output.ts: straight to the descriptor
 * when it is a file or a pipe, through Node's stream otherwise or once anything else
 * was asked of it. Nothing may be lost or reordered either way.
 */
import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { commandOutput } from '../../src/cli/fd-output.js';
import { tempDir } from '../e2e/pty.js';

/** A stand-in for process.stdout that writes to the same file, and counts its writes. */
function fileStream(fd: number) {
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      writes.push(chunk.toString('utf8'));
      // Like Node's stream for a file: a blocking write at the same offset.
      writeSync(fd, chunk);
      cb();
    },
  }) as unknown as NodeJS.WriteStream & { isTTY?: boolean };
  const writes: string[] = [];
  stream.isTTY = false;
  return { stream, writes };
}

describe('command output', () => {
  it('writes to a file directly, in order, then through the stream once one is asked for', async () => {
    const file = join(tempDir('fd-output'), 'out.txt');
    const fd = openSync(file, 'w');
    try {
      const { stream, writes } = fileStream(fd);
      let built = 0;
      const out = commandOutput(fd, () => {
        built++;
        return stream;
      });
      const called: string[] = [];
      out.write('R-TEST-0001\n');
      out.write(Buffer.from('ünïcode ✓\n'), () => called.push('buffer'));
      expect(built).toBe(0);
      // Anything but write() builds the real stream; later writes go through it.
      expect(out.isTTY).toBe(false);
      expect(built).toBe(1);
      out.write('after\n', () => called.push('stream'));
      await new Promise((resolve) => setImmediate(resolve));
      expect(readFileSync(file, 'utf8')).toBe('R-TEST-0001\nünïcode ✓\nafter\n');
      expect(writes).toEqual(['after\n']);
      expect(called).toEqual(['buffer', 'stream']);
    } finally {
      closeSync(fd);
    }
  });

  it('writes to /dev/null directly too, and hands another device its real stream', () => {
    const devNull = openSync('/dev/null', 'w');
    const zero = openSync('/dev/zero', 'r');
    try {
      let built = 0;
      const out = commandOutput(devNull, () => {
        built++;
        return fileStream(devNull).stream;
      });
      out.write('thrown away\n');
      expect(built).toBe(0);
      const { stream } = fileStream(zero);
      expect(commandOutput(zero, () => stream)).toBe(stream);
    } finally {
      closeSync(devNull);
      closeSync(zero);
    }
  });

  it('gives what the descriptor refuses to the stream, which reports it as before', () => {
    const file = join(tempDir('fd-output'), 'read-only.txt');
    writeFileSync(file, '');
    // A file opened for reading: fstat says file, the direct write fails (EBADF).
    const fd = openSync(file, 'r');
    try {
      const writes: string[] = [];
      const stream = new Writable({
        write(chunk: Buffer, _enc, cb) {
          writes.push(chunk.toString('utf8'));
          cb();
        },
      }) as unknown as NodeJS.WriteStream;
      const out = commandOutput(fd, () => stream);
      expect(out).not.toBe(stream);
      out.write('nothing lost\n');
      expect(writes).toEqual(['nothing lost\n']);
    } finally {
      closeSync(fd);
    }
  });

  it('is not taken for a file when the descriptor is closed', () => {
    const stream = new Writable() as unknown as NodeJS.WriteStream;
    expect(commandOutput(99_999, () => stream)).toBe(stream);
  });
});

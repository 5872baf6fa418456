/**
 * Standard output that cannot be written (src/cli/output-errors.ts): a reader that
 * leaves early (`| head`) is not an error and prints nothing; output redirected to a
 * full device says so in words, exits 1, and the command's own work is still done.
 * Never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli, STACK_TRACE } from '../helpers/run-cli.js';
import { CLI_ENV, PASSPHRASE } from '../store/helpers.js';
import { readerGone } from '../../src/cli/output-errors.js';

const SHIPPED = join(ROOT, 'questionnaires', 'iom-screening.yaml');
const ANSWERS = join(ROOT, 'tests', 'fixtures', 'answers', 'bench-full-interview.yaml');
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Runs the CLI with its standard output on an open file descriptor of the test's. */
function toDescriptor(args: string[], fd: number, env: Record<string, string | undefined> = {}) {
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', fd, 'pipe'],
    encoding: 'utf8',
  });
}

describe('standard output that cannot be written', () => {
  it('a reader that leaves early (| head): exit 0, nothing on stderr', () => {
    // The shipped questionnaire's description is larger than a pipe holds (64 KiB).
    const r = spawnSync(
      'bash',
      [
        '-c',
        `"${process.execPath}" "${BIN}" show "${SHIPPED}" | head -c 10 >/dev/null; echo "$\{PIPESTATUS[0]}" >&2`,
      ],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );
    expect(r.stderr).toBe('0\n');
  });

  it.skipIf(!existsSync('/dev/full'))(
    'a full device (> /dev/full): E_OUTPUT_WRITE in words, exit 1, no stack trace',
    () => {
      const fd = openSync('/dev/full', 'w');
      try {
        const r = toDescriptor(['show', SHIPPED], fd);
        expect(r.status).toBe(1);
        expect(r.stderr).not.toMatch(STACK_TRACE);
        expect(r.stderr).toBe(
          'screener: could not write the output: the disk is full. [E_OUTPUT_WRITE]\n' +
            'The rest of what the command did is done; only what it printed is incomplete.\n',
        );
      } finally {
        closeSync(fd);
      }
    },
  );

  it.skipIf(!existsSync('/dev/full'))(
    'the command’s work is still done: run stores the interview though its id could not be printed',
    () => {
      const home = mkdtempSync(join(tmpdir(), 'screener-output-'));
      made.push(home);
      const env = { ...CLI_ENV, SCREENER_PASSPHRASE: PASSPHRASE, SCREENER_HOME: join(home, 'd') };
      expect(runCli(['keys', 'init'], { env }).code).toBe(0);
      const fd = openSync('/dev/full', 'w');
      try {
        const r = toDescriptor(['run', '--answers', ANSWERS], fd, env);
        expect(r.status).toBe(1);
        expect(r.stderr).toContain('[E_OUTPUT_WRITE]');
        expect(r.stderr).not.toMatch(STACK_TRACE);
      } finally {
        closeSync(fd);
      }
      const list = runCli(['list', '--json'], { env });
      expect(list.code).toBe(0);
      expect(JSON.parse(list.stdout)).toHaveLength(1);
    },
  );
});

describe('which failed writes mean only that nobody reads any more', () => {
  const failed = (code: string) => Object.assign(new Error(code), { code });
  it('a pipe whose reader left, or a terminal that is gone: yes; a full disk or a device error on a file: no', () => {
    expect(readerGone(failed('EPIPE'), false, false)).toBe(true);
    expect(readerGone(failed('EIO'), true, false)).toBe(true);
    expect(readerGone(failed('EIO'), true, true)).toBe(true);
    // Whatever the error, a terminal that is no longer one is gone.
    expect(readerGone(failed('ENXIO'), true, false)).toBe(true);
    expect(readerGone(failed('EIO'), false, false)).toBe(false);
    expect(readerGone(failed('ENOSPC'), true, true)).toBe(false);
    expect(readerGone(failed('ENOSPC'), false, false)).toBe(false);
  });
});

/**
 * No plaintext in a core dump (src/cli/core-dumps.ts). A crash that dumps core writes
 * the process's memory to disk, and an interview's memory holds what the person said
 * and the passphrase. Before the CLI kept its memory out of core dumps, closing the
 * terminal window in the middle of an interview (Node 20 then aborts on its way out)
 * on a laptop that keeps core dumps left a 69 MB core holding the person's name 35
 * times and the passphrase 4 times. Here, in a real terminal: the CLI's setting read
 * from /proc while it holds answers, and a real abort (SIGABRT) with core dumps
 * enabled, whose core must hold neither. Linux only; the abort needs a core pattern
 * that writes a file in the working folder (as on CI), else it is skipped.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  FIXTURE,
  KEY,
  PASSPHRASE,
  Term,
  cliEnv,
  tempDir,
  initDataDir,
  answerToAge,
} from './pty.js';

const FILTER = '/proc/self/coredump_filter';
/** Obviously fake, and unique: if it is in a core file, the answers were. */
const CANARY = `ZZCANARY-Core-${process.pid}`;
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A data folder with its keys, and an interview in a terminal up to the answer CANARY. */
async function interviewHolding(prelude?: string): Promise<{ t: Term; dir: string }> {
  const dir = tempDir('core');
  made.push(dir);
  const home = join(dir, 'data');
  initDataDir(home);
  const t = new Term(['interview', '-q', FIXTURE], cliEnv(home), undefined, dir, prelude);
  await answerToAge(t, CANARY);
  return { t, dir };
}

/** Whether a core dump of a process started here lands as a file in its working folder. */
function coresLandHere(): boolean {
  let pattern: string;
  try {
    pattern = readFileSync('/proc/sys/kernel/core_pattern', 'utf8').trim();
  } catch {
    return false;
  }
  const raise = spawnSync('/bin/sh', ['-c', 'ulimit -c unlimited']);
  return pattern !== '' && !pattern.startsWith('|') && !pattern.includes('/') && raise.status === 0;
}

describe.skipIf(!existsSync(FILTER))('core dumps of the CLI', () => {
  it('an interview in progress, answers typed: every memory mapping is left out of a core dump', async () => {
    // The kernel's usual filter, inherited by the CLI: it must clear it itself.
    writeFileSync(FILTER, '0x33');
    expect(readFileSync(FILTER, 'utf8').trim()).toBe('00000033');
    const { t } = await interviewHolding();
    expect(readFileSync(`/proc/${t.pid}/coredump_filter`, 'utf8').trim()).toBe('00000000');
    t.write(KEY.ctrlQ);
    expect(await t.exited).toBe(130);
  });

  it.skipIf(!coresLandHere())(
    'the CLI aborted mid-interview with core dumps on: the core holds neither the answers nor the passphrase',
    async () => {
      writeFileSync(FILTER, '0x33');
      const { t, dir } = await interviewHolding('ulimit -c unlimited');
      process.kill(t.pid, 'SIGABRT');
      await t.exited;
      const cores = readdirSync(dir).filter((f) => f.startsWith('core'));
      expect(cores.length).toBeGreaterThan(0);
      for (const core of cores) {
        const bytes = readFileSync(join(dir, core));
        for (const secret of [CANARY, PASSPHRASE]) {
          expect(bytes.includes(secret)).toBe(false);
          expect(bytes.includes(Buffer.from(secret, 'utf16le'))).toBe(false);
        }
      }
    },
  );
});

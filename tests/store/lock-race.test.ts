/**
 * Windows that try to hold the same record at the same instant: exactly one may hold
 * it, whether the lock they find is a crashed session's or none at all. Both used to
 * go wrong often (a third or more of the rounds here had two holders, which would
 * save over each other's answers): a lock was seen empty between its creation and its
 * write and taken for a crash's leftover, and of two windows taking over a stale
 * lock, the second removed the first's new one.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleDriver } from '../helpers/bundle-driver.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionLockPath } from '../../src/store/session-lock.js';

const ID = 'R-TEST-0001';
const ROUNDS = 8;
const WINDOWS = 3;
const work = mkdtempSync(join(tmpdir(), 'screener-lock-race-'));
let driver: string;
beforeAll(() => {
  driver = bundleDriver(join(import.meta.dirname, 'lock-race-driver.ts'), work);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const BOOT = existsSync('/proc/sys/kernel/random/boot_id')
  ? readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
  : '';

/** Starts WINDOWS drivers on one records folder at one instant; each one's first line. */
async function race(records: string): Promise<string[]> {
  const startAt = Date.now() + 500;
  const windows = Array.from({ length: WINDOWS }, () =>
    spawn(process.execPath, [driver, records, ID, String(startAt)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  try {
    return await Promise.all(
      windows.map(
        (w) =>
          new Promise<string>((resolve) => {
            let out = '';
            w.stdout.on('data', (d: Buffer) => {
              out += d.toString();
              if (out.includes('\n')) resolve(out.trim());
            });
            w.on('close', () => resolve(out.trim()));
          }),
      ),
    );
  } finally {
    for (const w of windows) w.kill('SIGKILL');
  }
}

async function rounds(leave: (records: string) => void): Promise<string[][]> {
  const outcomes: string[][] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const records = join(work, `r${r}`, 'records');
    mkdirSync(records, { recursive: true });
    leave(records);
    outcomes.push((await race(records)).sort());
    // The take-over guard and the temporary files are gone with the race.
    expect(readdirSync(records).filter((n) => n !== `.${ID}.session`)).toEqual([]);
  }
  return outcomes;
}

const ONE_HOLDER = Array.from({ length: WINDOWS }, (_, i) =>
  i === 0 ? 'HELD' : 'REFUSED E_RECORD_IN_USE',
);

describe('windows racing for one record', () => {
  it('over a crashed session’s lock: exactly one takes it over', async () => {
    const outcomes = await rounds((records) =>
      writeFileSync(
        sessionLockPath(records, ID),
        JSON.stringify({ pid: spawnSync('true').pid, boot: BOOT, token: 'dead' }),
      ),
    );
    expect(outcomes).toEqual(Array.from({ length: ROUNDS }, () => ONE_HOLDER));
  });

  it('with no lock yet: exactly one holds it', async () => {
    const outcomes = await rounds(() => undefined);
    expect(outcomes).toEqual(Array.from({ length: ROUNDS }, () => ONE_HOLDER));
  });
});

/**
 * `run` stores a real record without a terminal session, but it saves with the keys it
 * unlocked just as an interview does: while a key change runs in another window it is
 * refused (E_KEYS_CHANGING) and stores nothing, rather than leave a record with key
 * slots the folder is about to drop.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { CLI_ENV, PASSPHRASE } from '../store/helpers.js';

const ANSWERS = join(ROOT, 'tests', 'fixtures', 'answers', 'bench-full-interview.yaml');
const home = mkdtempSync(join(tmpdir(), 'screener-run-keys-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(home, { recursive: true, force: true });
});

describe('run while the keys are being changed in another window', () => {
  it('is refused and stores nothing; once the change has ended it stores the record', () => {
    const data = join(home, 'data');
    const env = { ...CLI_ENV, SCREENER_HOME: data, SCREENER_PASSPHRASE: PASSPHRASE };
    expect(runCli(['keys', 'init'], { env }).code).toBe(0);
    const changer = spawn('sleep', ['60'], { stdio: 'ignore' });
    children.push(changer);
    const bootFile = '/proc/sys/kernel/random/boot_id';
    const boot = existsSync(bootFile) ? readFileSync(bootFile, 'utf8').trim() : '';
    const lock = join(data, 'records', '.keys-change.lock');
    writeFileSync(lock, JSON.stringify({ pid: changer.pid, boot, token: 'abcd' }));
    const records = () => readdirSync(join(data, 'records')).filter((f) => !f.startsWith('.'));

    const refused = runCli(['run', '--answers', ANSWERS], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      `is being changed in another screener window (process ${changer.pid}). [E_KEYS_CHANGING]`,
    );
    expect(records()).toEqual([]);

    // The change's process has ended (a crash, say): its lock is stale.
    const ended = spawnSync('true').pid;
    writeFileSync(lock, JSON.stringify({ pid: ended, boot, token: 'abcd' }));
    const stored = runCli(['run', '--answers', ANSWERS], { env });
    expect(stored.code, stored.stderr).toBe(0);
    const id = stored.stdout.trim();
    expect(records().sort()).toEqual([`${id}.audit`, `${id}.rec`]);
  });
});

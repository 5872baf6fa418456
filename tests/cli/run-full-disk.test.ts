/**
 * `run --answers` on a disk that fills up, on a real small tmpfs. With room for neither
 * file, nothing is stored and the message says so without promising a previous version
 * that never existed. With room for the record but not its audit log, the record is
 * stored: the command prints its id, says it is stored and that its audit log is not
 * (E_RUN_NOT_LOGGED, exit 1), so that a script does not run the answers again and store
 * the interview twice. The room is freed a page at a time, so every outcome is met
 * whatever a file takes on this kernel.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, STACK_TRACE } from '../helpers/run-cli.js';
import { canMountTmpfs, fillDisk, mountTmpfs, unmountAll } from '../helpers/tmpfs.js';
import { CLI_ENV, PASSPHRASE } from '../store/helpers.js';

const ANSWERS = join(ROOT, 'tests', 'fixtures', 'answers', 'bench-full-interview.yaml');
const made: string[] = [];
afterAll(() => {
  unmountAll();
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!canMountTmpfs)('run --answers when the disk fills up', () => {
  it('stores nothing and says so, or stores the record and says its audit log is missing', () => {
    const home = mkdtempSync(join(tmpdir(), 'screener-run-full-'));
    made.push(home);
    const disk = join(home, 'disk');
    mkdirSync(disk);
    mountTmpfs(disk, 200);
    const data = join(disk, 'd');
    const records = join(data, 'records');
    const env = { ...CLI_ENV, SCREENER_PASSPHRASE: PASSPHRASE, SCREENER_HOME: data };
    expect(runCli(['keys', 'init'], { env }).code).toBe(0);
    const filler = join(disk, 'filler');
    const seen = new Set<string>();
    for (let pages = 1; pages <= 10 && !seen.has('stored, not logged'); pages++) {
      fillDisk(filler);
      truncateSync(filler, statSync(filler).size - pages * 4096);
      const before = readdirSync(records);
      const r = runCli(['run', '--answers', ANSWERS], { env });
      expect(r.stderr).not.toMatch(STACK_TRACE);
      const added = readdirSync(records).filter((f) => !before.includes(f));
      if (r.code === 0) {
        seen.add('stored and logged');
        continue;
      }
      expect(r.code).toBe(1);
      if (added.length === 0) {
        seen.add('nothing stored');
        expect(r.stdout).toBe('');
        expect(r.stderr).toContain('[E_DISK_FULL]');
        expect(r.stderr).toContain('there was no earlier version of record R-');
        expect(r.stderr).not.toContain('previous version');
        expect(r.stderr).toContain('Free some space, then try again.');
        continue;
      }
      seen.add('stored, not logged');
      const id = r.stdout.trim();
      expect(added).toEqual([`${id}.rec`]);
      expect(r.stderr).toContain('Interview completed (75 answers; stored).');
      expect(r.stderr).toContain(
        `screener: Record ${id} was stored, but its audit log could not be written. [E_RUN_NOT_LOGGED]`,
      );
      expect(r.stderr).toContain('the disk is full');
      expect(r.stderr).toContain('Do not run these answers again');
      rmSync(filler);
      const list = runCli(['list', '--json'], { env });
      expect((JSON.parse(list.stdout) as { id: string }[]).map((x) => x.id)).toContain(id);
    }
    expect([...seen]).toContain('nothing stored');
    expect([...seen]).toContain('stored, not logged');
  });
});

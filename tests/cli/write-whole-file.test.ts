/**
 * Reports and debriefs are written whole or not at all (src/cli/write-whole-file.ts):
 * an earlier file of that name survives any failure, and no partial or temporary file
 * is left. Unit tests on real files, and the real CLI writing a report onto a really
 * full disk (a tmpfs, where mounting is permitted).
 */
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { wholeFileError, writeWholeFileSync } from '../../src/cli/write-whole-file.js';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { canMountTmpfs, fillDisk, mountTmpfs, unmountAll } from '../helpers/tmpfs.js';

const made: string[] = [];
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'screener-whole-'));
  made.push(dir);
  return dir;
}
afterAll(() => {
  unmountAll();
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const systemError = (code: string) => Object.assign(new Error(`${code}: refused`), { code });

describe('writeWholeFileSync', () => {
  it('writes the text with the mode asked, replacing an earlier file whole', () => {
    const dir = folder();
    const file = join(dir, 'report.md');
    writeFileSync(file, 'an earlier, longer report '.repeat(100));
    writeWholeFileSync(file, 'the new report\n', 0o600);
    expect(readFileSync(file, 'utf8')).toBe('the new report\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['report.md']);
  });

  it('a failure leaves what was at the name untouched and no temporary file', () => {
    const dir = folder();
    // A folder where the file should go: the rename fails after the text was written.
    const target = join(dir, 'report.md');
    mkdirSync(target);
    writeFileSync(join(target, 'inside'), 'kept');
    expect(() => writeWholeFileSync(target, 'new text', 0o600)).toThrow();
    expect(readdirSync(dir)).toEqual(['report.md']);
    expect(readFileSync(join(target, 'inside'), 'utf8')).toBe('kept');
    // A folder that does not exist: nothing is created anywhere.
    expect(() => writeWholeFileSync(join(dir, 'missing', 'r.md'), 'x', 0o600)).toThrow(
      expect.objectContaining({ code: 'ENOENT' }),
    );
    expect(readdirSync(dir)).toEqual(['report.md']);
  });

  it('replaces a link at the name instead of writing into what it points at', () => {
    const dir = folder();
    writeFileSync(join(dir, 'elsewhere.md'), 'not to be touched');
    symlinkSync(join(dir, 'elsewhere.md'), join(dir, 'report.md'));
    expect(readlinkSync(join(dir, 'report.md'))).toBe(join(dir, 'elsewhere.md'));
    writeWholeFileSync(join(dir, 'report.md'), 'the report', 0o600);
    expect(lstatSync(join(dir, 'report.md')).isFile()).toBe(true);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toBe('the report');
    expect(readFileSync(join(dir, 'elsewhere.md'), 'utf8')).toBe('not to be touched');
  });

  it('says why in words, that nothing was written, and what to do', () => {
    const full = wholeFileError(systemError('ENOSPC'), 'E_X', 'r.md', 'the report', '--out');
    expect(full.code).toBe('E_X');
    expect(full.kind).toBe('environment');
    expect(full.message).toBe('Could not write the report to r.md: the disk is full.');
    expect(full.details).toEqual([
      'Nothing was written; an earlier file of that name is untouched.',
      'Free some space on that disk, or give --out a folder on another.',
    ]);
    const ro = wholeFileError(systemError('EROFS'), 'E_X', 'd.md', 'the debrief', '--debrief');
    expect(ro.message).toBe('Could not write the debrief to d.md: the file system is read-only.');
    expect(ro.details.at(-1)).toBe('Give --debrief a folder this user can write to.');
    expect(wholeFileError(systemError('EIO'), 'E_X', 'r', 'the report', '--out').details).toEqual([
      'Nothing was written; an earlier file of that name is untouched.',
    ]);
  });
});

describe.skipIf(!canMountTmpfs)('a report written onto a full disk (a real tmpfs)', () => {
  it('exits 1 with E_REPORT_NOT_WRITTEN, the earlier report intact, nothing else written', () => {
    const dir = folder();
    const disk = join(dir, 'disk');
    mkdirSync(disk);
    mountTmpfs(disk, 64);
    const report = join(disk, 'report.md');
    writeFileSync(report, 'the earlier report\n');
    fillDisk(join(disk, 'filler'));
    const answers = join(ROOT, 'tests', 'fixtures', 'answers', 'bench-full-interview.yaml');
    const r = runCli(['run', '--answers', answers, '--practice', '--report', report], {
      env: { SCREENER_HOME: join(dir, 'data') },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `Could not write the report to ${report}: the disk is full. [E_REPORT_NOT_WRITTEN]`,
    );
    expect(r.stderr).toContain('Nothing was written; an earlier file of that name is untouched.');
    expect(readFileSync(report, 'utf8')).toBe('the earlier report\n');
    expect(readdirSync(disk).sort()).toEqual(['filler', 'report.md']);
  });
});

/** What the coordinator is told when the system refuses one of the export's writes. */
import { describe, expect, it } from 'vitest';
import { ScreenerError } from '../../src/errors.js';
import { outputWriteError, workingFileError } from '../../src/export/io-errors.js';

const systemError = (code: string) =>
  Object.assign(new Error(`${code}: refused, write`), { code }) as Error;
const DATASET = { what: 'the dataset', option: '--out' };

describe('export write failures', () => {
  it('a full disk under the output names the file and says what to do', () => {
    for (const code of ['ENOSPC', 'EDQUOT']) {
      const e = outputWriteError(systemError(code), 'results/out.csv', DATASET);
      expect(e.code).toBe('E_EXPORT_DISK_FULL');
      expect(e.kind).toBe('environment');
      expect(e.message).toContain('results/out.csv');
      expect(e.details).toEqual([
        'Nothing was written; an earlier file of that name is untouched.',
        'Free some space on that disk, or give --out a folder on another.',
      ]);
    }
    expect(outputWriteError(systemError('ENOSPC'), 'x', DATASET).message).toContain(
      'the disk is full',
    );
  });

  it('a refused output folder asks for another one; other failures give the reason', () => {
    for (const code of ['EACCES', 'EPERM', 'EROFS']) {
      const e = outputWriteError(systemError(code), 's.json', {
        what: 'the summary',
        option: '--summary',
      });
      expect(e.code).toBe('E_EXPORT_WRITE');
      expect(e.message).toMatch(/^Could not write the summary s\.json: /);
      expect(e.details.at(-1)).toBe('Give --summary a folder this user can write to.');
    }
    const big = outputWriteError(systemError('EFBIG'), 'out.csv', DATASET);
    expect(big.code).toBe('E_EXPORT_WRITE');
    expect(big.message).toContain('larger than this system allows');
    expect(big.details).toHaveLength(1);
  });

  it('the temporary folder: full, refused, or another failure', () => {
    const full = workingFileError(systemError('ENOSPC'), '/tmp/small');
    expect(full.code).toBe('E_EXPORT_TEMP_FULL');
    expect(full.message).toContain('temporary folder /tmp/small: the disk is full');
    expect(full.details[1]).toMatch(/set TMPDIR to a folder on a disk with more room/);
    const refused = workingFileError(systemError('EACCES'), '/tmp/locked');
    expect(refused.code).toBe('E_EXPORT_TEMP_WRITE');
    expect(refused.details).toEqual([
      'Nothing was written.',
      'Set TMPDIR to a folder this user can write to.',
    ]);
    expect(workingFileError(systemError('EIO'), '/tmp').details).toEqual(['Nothing was written.']);
  });

  it('an error that already says what happened is passed on unchanged', () => {
    const typed = new ScreenerError('interrupted', 'E_INTERRUPTED', 'Export interrupted.');
    expect(outputWriteError(typed, 'out.csv', DATASET)).toBe(typed);
    expect(workingFileError(typed, '/tmp')).toBe(typed);
  });
});

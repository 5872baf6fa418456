/** The compact list of record paths behaves as the array of the same paths would. */
import { describe, expect, it } from 'vitest';
import { RecordPaths, RecordPathsBuilder } from '../../src/store/record-paths.js';

const PATHS = [
  '/coordinator/laptop-a/R-AAAA-0001.rec',
  '/coordinator/laptop-a/R-AAAA-0002.rec',
  'relative/R-BBBB-0001.rec',
  'R-CCCC-0001.rec',
  'C:\\records\\R-DDDD-0001.rec',
  '/coordinator/laptop-a/R-AAAA-0003.rec',
  '/coordinator/läptop-ü/R-EEEE-0001.rec',
];

describe('RecordPaths', () => {
  it('gives back every path exactly, in order', () => {
    const list = RecordPaths.from(PATHS);
    expect(list.length).toBe(PATHS.length);
    expect([...list]).toEqual(PATHS);
    PATHS.forEach((p, i) => expect(list.at(i)).toBe(p));
  });

  it('indexes and slices as an array does', () => {
    const list = RecordPaths.from(PATHS);
    for (const i of [-8, -7, -1, 0, 3, 6, 7, 100, 2.7, -1.5, NaN])
      expect(list.at(i), `at(${i})`).toBe(PATHS.at(i));
    const bounds = [undefined, -100, -3, -1, 0, 1, 4, 7, 50, NaN];
    for (const start of bounds)
      for (const end of bounds)
        expect(list.slice(start, end), `slice(${start}, ${end})`).toEqual(PATHS.slice(start, end));
  });

  it('keeps a folder prefix once, whatever order its files come in', () => {
    const b = new RecordPathsBuilder();
    const a = b.folder('/data/a/');
    expect(b.folder('/data/b/')).toBe(1);
    expect(b.folder('/data/a/')).toBe(a);
    b.add(a, 'R-1.rec');
    b.add(1, 'R-2.rec');
    b.add(a, 'R-3.rec');
    expect([...b.finish()]).toEqual(['/data/a/R-1.rec', '/data/b/R-2.rec', '/data/a/R-3.rec']);
  });

  it('holds an empty list', () => {
    const list = new RecordPathsBuilder().finish();
    expect(list.length).toBe(0);
    expect(list.at(0)).toBeUndefined();
    expect(list.slice()).toEqual([]);
  });
});

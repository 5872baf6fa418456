/** The export's file list: the same paths as path.join gives, in name order, for any size of folder. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listRecordFiles as listCompact } from '../../src/store/export-access.js';
import { nodeFs, type StoreFs } from '../../src/store/fs-layer.js';
import { tempDir } from '../e2e/pty.js';

/** The list as an array of path strings. */
const listRecordFiles = async (path: string, fs?: StoreFs) => [...(await listCompact(path, fs))];

describe('listing record files for an export', () => {
  it('gives exactly the paths path.join gives, however the folder is written', async () => {
    const root = tempDir('list-files');
    mkdirSync(join(root, 'laptop-b'));
    mkdirSync(join(root, 'a-laptop'));
    for (const f of ['R-AAAA-0002.rec', 'R-AAAA-0001.rec', 'notes.txt', '.hidden.rec'])
      writeFileSync(join(root, f), '');
    writeFileSync(join(root, 'laptop-b', 'R-BBBB-0001.rec'), '');
    writeFileSync(join(root, 'a-laptop', 'R-CCCC-0001.rec'), '');
    const expected = [
      join(root, 'R-AAAA-0001.rec'),
      join(root, 'R-AAAA-0002.rec'),
      join(root, 'a-laptop', 'R-CCCC-0001.rec'),
      join(root, 'laptop-b', 'R-BBBB-0001.rec'),
    ];
    expect(await listRecordFiles(root)).toEqual(expected);
    expect(await listRecordFiles(`${root}/`)).toEqual(expected);
    expect(await listRecordFiles(`${root}//laptop-b/../`)).toEqual(expected);
    const rel = relative(process.cwd(), root);
    expect(await listRecordFiles(rel)).toEqual(expected.map((f) => relative(process.cwd(), f)));
    expect(await listRecordFiles(`./${rel}`)).toEqual(
      expected.map((f) => join('.', relative(process.cwd(), f))),
    );
  });

  it('puts folders among the files in name order, however deep', async () => {
    const root = tempDir('list-order');
    for (const d of ['b', 'd', join('d', 'c'), 'f']) mkdirSync(join(root, d));
    const files = [
      'a.rec',
      join('b', 'x.rec'),
      'c.rec',
      'cc.rec',
      join('d', 'a.rec'),
      join('d', 'c', 'z.rec'),
      join('d', 'e.rec'),
      'e.rec',
      join('f', 'y.rec'),
    ];
    for (const f of [...files].reverse()) writeFileSync(join(root, f), '');
    expect(await listRecordFiles(root)).toEqual(files.map((f) => join(root, f)));
  });

  it('orders names by UTF-16 code units, not by locale or number', async () => {
    // Which of two equally recent copies of a record is exported, and the order of the
    // skip list, follow this order: it must not depend on the machine's language settings.
    const root = tempDir('list-code-units');
    const names = ['10.rec', '9.rec', 'B.rec', 'Z.rec', 'a.rec', 'é.rec', '😀.rec', '\uFFFD.rec'];
    for (const n of [...names].reverse()) writeFileSync(join(root, n), '');
    expect(await listRecordFiles(root)).toEqual(names.map((n) => join(root, n)));
  });

  it('lists a laptop folder of 150 000 files inside the folder given', async () => {
    const many = Array.from(
      { length: 150_000 },
      (_, i) => `R-${String(i).padStart(6, '0').slice(0, 4)}-${String(i).padStart(6, '0')}.rec`,
    );
    const entry = (name: string, dir: boolean) => ({
      name,
      isDirectory: () => dir,
      isFile: () => !dir,
    });
    // A listing served from memory: the real one would need 150 000 files on disk.
    const fs = {
      ...nodeFs,
      lstat: async () => ({ isFile: () => false, isDirectory: () => true }),
      opendir: async (path: string) =>
        (async function* () {
          if (path === '/coordinator') yield entry('laptop', true);
          else for (const n of many) yield entry(n, false);
        })(),
    } as unknown as StoreFs;
    const files = await listRecordFiles('/coordinator', fs);
    expect(files.length).toBe(150_000);
    expect(files[0]).toBe(join('/coordinator', 'laptop', many[0]!));
    expect(files.at(-1)).toBe(join('/coordinator', 'laptop', many.at(-1)!));
  });
});

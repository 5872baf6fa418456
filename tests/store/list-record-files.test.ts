/** The export's file list: the same paths as path.join gives, in name order, for any size of folder. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  listRecordFiles as listCompact,
  type ListedFolders,
} from '../../src/store/list-record-files.js';
import { nodeFs, type StoreFs } from '../../src/store/fs-layer.js';
import { tempDir } from '../e2e/pty.js';

/** The list as an array of path strings. */
const listRecordFiles = async (path: string, fs?: StoreFs, listed?: ListedFolders) => [
  ...(await listCompact(path, fs, listed)),
];

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
      isSymbolicLink: () => false,
    });
    // A listing served from memory: the real one would need 150 000 files on disk.
    const fs = {
      ...nodeFs,
      stat: async () => ({ isFile: () => false, isDirectory: () => true }),
      realpath: async (path: string) => path,
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

  it('follows links: to a laptop folder, to a record file, and names a record link to nothing', async () => {
    // Records kept elsewhere (another disk, a USB stick) and linked in are records all
    // the same; a link named as a record that leads nowhere is listed so that reading it
    // fails and the export names it, rather than forgetting it.
    const root = tempDir('list-links');
    const elsewhere = tempDir('list-links-elsewhere');
    mkdirSync(join(elsewhere, 'usb'));
    writeFileSync(join(elsewhere, 'usb', 'R-USBB-0001.rec'), '');
    writeFileSync(join(elsewhere, 'R-FILE-0001.rec'), '');
    writeFileSync(join(elsewhere, 'notes.txt'), '');
    const coord = join(root, 'coord');
    mkdirSync(coord);
    writeFileSync(join(coord, 'R-HERE-0001.rec'), '');
    symlinkSync(join(elsewhere, 'usb'), join(coord, 'laptop-c'));
    symlinkSync(join(elsewhere, 'R-FILE-0001.rec'), join(coord, 'R-LINK-0001.rec'));
    symlinkSync(join(elsewhere, 'gone.rec'), join(coord, 'R-GONE-0001.rec'));
    symlinkSync(join(elsewhere, 'gone'), join(coord, 'gone-folder'));
    symlinkSync(join(elsewhere, 'notes.txt'), join(coord, 'notes-link.txt'));
    expect(await listRecordFiles(coord)).toEqual([
      join(coord, 'R-GONE-0001.rec'),
      join(coord, 'R-HERE-0001.rec'),
      join(coord, 'R-LINK-0001.rec'),
      join(coord, 'laptop-c', 'R-USBB-0001.rec'),
    ]);
    // The path given may itself be a link.
    symlinkSync(coord, join(root, 'coord-link'));
    expect(await listRecordFiles(join(root, 'coord-link'))).toEqual([
      join(root, 'coord-link', 'R-GONE-0001.rec'),
      join(root, 'coord-link', 'R-HERE-0001.rec'),
      join(root, 'coord-link', 'R-LINK-0001.rec'),
      join(root, 'coord-link', 'laptop-c', 'R-USBB-0001.rec'),
    ]);
  });

  it('lists a folder reached twice once, and ends a loop of links', async () => {
    const root = tempDir('list-loop');
    mkdirSync(join(root, 'a'));
    writeFileSync(join(root, 'a', 'R-AAAA-0001.rec'), '');
    symlinkSync(root, join(root, 'a', 'up'));
    symlinkSync(join(root, 'a'), join(root, 'b'));
    expect(await listRecordFiles(root)).toEqual([join(root, 'a', 'R-AAAA-0001.rec')]);
    // Across the paths of one export: a folder given again, or through a link, adds nothing.
    const listed: ListedFolders = new Set();
    expect(await listRecordFiles(join(root, 'b'), undefined, listed)).toEqual([
      join(root, 'b', 'R-AAAA-0001.rec'),
    ]);
    expect(await listRecordFiles(join(root, 'a'), undefined, listed)).toEqual([]);
    expect(await listRecordFiles(root, undefined, listed)).toEqual([]);
  });

  it('refuses a path that is a link to nothing, or neither a file nor a folder', async () => {
    const root = tempDir('list-odd');
    symlinkSync(join(root, 'nowhere'), join(root, 'dangling'));
    await expect(listRecordFiles(join(root, 'dangling'))).rejects.toMatchObject({
      code: 'E_RECORD_NOT_FOUND',
      message: expect.stringContaining('is a link to something that does not exist'),
    });
    await expect(listRecordFiles(join(root, 'missing'))).rejects.toMatchObject({
      code: 'E_RECORD_NOT_FOUND',
      message: `No such file or folder: ${join(root, 'missing')}.`,
    });
    execFileSync('mkfifo', [join(root, 'R-PIPE-0001.rec')]);
    await expect(listRecordFiles(join(root, 'R-PIPE-0001.rec'))).rejects.toMatchObject({
      code: 'E_NOT_A_FILE',
    });
    // Inside a folder, a pipe is not a record file: left out (opening one would wait forever).
    expect(await listRecordFiles(root)).toEqual([]);
  });
});

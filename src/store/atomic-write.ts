/**
 * Durable, atomic replacement of a whole file: write a temporary file beside it,
 * fsync it, rename it over the old one, fsync the folder. A kill -9 or a power cut
 * at any point leaves either the previous file or the new one, never a mix; a
 * failure (full disk, read-only folder) leaves the previous file untouched.
 * Temporary files hold exactly the bytes of the final file: ciphertext only.
 */
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { DIR_MODE, FILE_MODE } from './paths.js';
import type { StoreFs } from './fs-layer.js';
import { nodeCode, storeDataError, writeFailure } from './errors.js';

const TEMP_SUFFIX = '.tmp';

/**
 * `.NAME.PID.RANDOM.tmp`: the pid lets a later run tell an abandoned temp file from a
 * live one. Deletion moves a file to such a name too, so one left by a crash is tidied
 * the same way.
 */
export function tempPathFor(path: string): string {
  return join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`,
  );
}

export async function writeFileAtomic(
  fs: StoreFs,
  path: string,
  bytes: Uint8Array,
  what: string,
): Promise<void> {
  await writeThenPlace(fs, path, bytes, what, async (tmp) => {
    await fs.rename(tmp, path);
    return true;
  });
}

/**
 * Writes a new file whole and durably, as writeFileAtomic does, unless a file of that
 * name is there already: false then, and nothing is changed. For files that must never
 * be replaced by a second writer racing the first (a key file, the export secret): the
 * temporary file is linked to the name, which fails on an existing name where a rename
 * would replace it. On a file system without hard links (FAT, exFAT) it is renamed into
 * place after a last look, as any other file is written there.
 */
export async function createFileOnce(
  fs: StoreFs,
  path: string,
  bytes: Uint8Array,
  what: string,
): Promise<boolean> {
  return writeThenPlace(fs, path, bytes, what, async (tmp) => {
    try {
      await fs.link(tmp, path);
    } catch (error) {
      if (nodeCode(error) === 'EEXIST') return false;
      if (!NO_HARD_LINKS.has(nodeCode(error) ?? '')) throw error;
      const taken = await fs.lstat(path).then(
        () => true,
        () => false,
      );
      if (taken) return false;
      await fs.rename(tmp, path);
      return true;
    }
    await fs.unlink(tmp).catch(() => undefined);
    return true;
  });
}

/**
 * The bytes in a temporary file beside `path`, synced, then `place`d: moved to `path`
 * (true), or not (false: the temporary file goes). The folder is synced once the file
 * is in place. A failure at any step leaves no temporary file and `path` as it was.
 */
async function writeThenPlace(
  fs: StoreFs,
  path: string,
  bytes: Uint8Array,
  what: string,
  place: (tmp: string) => Promise<boolean>,
): Promise<boolean> {
  const tmp = tempPathFor(path);
  let handle: Awaited<ReturnType<StoreFs['open']>> | undefined;
  let placed: boolean;
  try {
    // 'wx': never follow or reuse something already at the temp name.
    handle = await fs.open(tmp, 'wx', FILE_MODE);
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = undefined;
    placed = await place(tmp);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.unlink(tmp).catch(() => undefined);
    const isNew = await fs.lstat(path).then(
      () => false,
      () => true,
    );
    throw writeFailure(error, what, path, isNew);
  }
  if (!placed) {
    await fs.unlink(tmp).catch(() => undefined);
    return false;
  }
  await syncDir(fs, dirname(path), what);
  return true;
}
/** What link() says on a file system that has no hard links. */
export const NO_HARD_LINKS: ReadonlySet<string> = new Set([
  'EPERM',
  'ENOTSUP',
  'EOPNOTSUPP',
  'ENOSYS',
  'EXDEV',
]);

/** Makes a rename or unlink in `dir` durable. Some platforms cannot fsync a folder; that is not an error there. */
export async function syncDir(fs: StoreFs, dir: string, what: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle: Awaited<ReturnType<StoreFs['open']>> | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    const code = nodeCode(error);
    if (code !== 'EINVAL' && code !== 'ENOTSUP' && code !== 'EISDIR')
      throw writeFailure(error, what, dir);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Creates a folder (and its parents) owner-only. An existing folder is left as it is: it may be one the user chose. */
export async function ensureDir(fs: StoreFs, dir: string): Promise<void> {
  let created: string | undefined;
  try {
    created = await fs.mkdir(dir, { recursive: true, mode: DIR_MODE });
  } catch (error) {
    const code = nodeCode(error);
    if (code === 'EEXIST' || code === 'ENOTDIR')
      throw storeDataError(
        'E_DATA_DIR_NOT_A_DIR',
        `The data folder cannot be used: ${dir} (or a folder above it) is a file.`,
        ['Choose another folder with --data-dir or SCREENER_HOME.'],
      );
    throw writeFailure(error, 'the data folder', dir);
  }
  if (created !== undefined) await syncDir(fs, dirname(created), 'the data folder');
}

/**
 * Removes temporary files left by a process that was killed mid-write. They hold
 * ciphertext only, so this is tidiness, not secrecy; a temp file whose process is
 * still alive is left alone.
 */
export async function removeStaleTemps(fs: StoreFs, dir: string): Promise<number> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!name.startsWith('.') || !name.endsWith(TEMP_SUFFIX)) continue;
    const pid = Number(name.split('.').at(-3));
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) continue;
    if (pid === process.pid) continue;
    await fs.unlink(join(dir, name)).then(
      () => removed++,
      () => undefined,
    );
  }
  return removed;
}

/** Whether process `pid` exists (also when it belongs to another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return nodeCode(error) === 'EPERM';
  }
}

/**
 * The file-system calls the store makes, injectable so tests can put a real
 * ENOSPC (from /dev/full) or an EIO exactly where they want it. Production uses
 * node:fs/promises unchanged.
 */
import * as fsp from 'node:fs/promises';

export type StoreFs = Pick<
  typeof fsp,
  | 'open'
  | 'opendir'
  | 'rename'
  | 'link'
  | 'unlink'
  | 'readFile'
  | 'readdir'
  | 'stat'
  | 'lstat'
  | 'realpath'
  | 'mkdir'
  | 'rm'
>;

export const nodeFs: StoreFs = fsp;

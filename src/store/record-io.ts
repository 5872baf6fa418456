/** Reading record files from disk, with each failure turned into a typed error naming the record. */
import { join } from 'node:path';
import type { StoreFs } from './fs-layer.js';
import { nodeCode, readFailure, storeDataError } from './errors.js';
import { recordIdOfFile } from './paths.js';
import { parseRecordFile, tampered, type FileLabel, type ParsedRecordFile } from './record-file.js';

export interface RecordFileEntry {
  readonly path: string;
  readonly id: string;
}

/** The record files in the store's folder, by id order. A missing folder is an empty store. */
export async function readdirRecordFiles(fs: StoreFs, dir: string): Promise<RecordFileEntry[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (error) {
    if (nodeCode(error) === 'ENOENT') return [];
    throw readFailure(error, 'the records folder', dir);
  }
  const out: RecordFileEntry[] = [];
  for (const name of names.sort()) {
    const id = recordIdOfFile(name);
    if (id) out.push({ path: join(dir, name), id });
  }
  return out;
}

export async function readRecordBytes(
  fs: StoreFs,
  path: string,
  label: FileLabel,
): Promise<Buffer> {
  try {
    return await fs.readFile(path);
  } catch (error) {
    throw recordReadError(error, label);
  }
}

/** A failed read of a record file as the typed error every reader reports. */
export function recordReadError(error: unknown, label: FileLabel) {
  if (nodeCode(error) === 'ENOENT')
    return storeDataError('E_RECORD_NOT_FOUND', `There is no ${label.what}.`, [
      'See `screener list` for the stored records.',
    ]);
  return readFailure(error, label.what, label.path);
}

/** Parses a file of the store's own folder, whose name must match the id inside (a renamed file is not silently another record). */
export function parseOwnRecord(bytes: Buffer, label: FileLabel, id: string): ParsedRecordFile {
  const parsed = parseRecordFile(bytes, label);
  if (parsed.header.id !== id) throw tampered(label);
  return parsed;
}

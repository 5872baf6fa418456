/**
 * The export secret: the HMAC key of the pseudonyms. Kept in the data folder
 * (created, owner-only, on the first export) or in a file the coordinator names
 * with --secret-file. The same secret gives the same pseudonyms in every export, so
 * datasets can be joined; a new secret gives pseudonyms nobody can link to the old.
 */
import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createFileOnce, ensureDir } from '../store/atomic-write.js';
import { nodeFs } from '../store/fs-layer.js';
import { systemReason } from '../store/errors.js';
import { protectedKind } from '../store/own-files.js';
import { environmentError, inputError, isScreenerError, usageError } from '../errors.js';

export const SECRET_FILE = 'export-secret';
const SECRET_BYTES = 32;

export interface LoadedSecret {
  readonly secret: Buffer;
  readonly file: string;
  /** True when this export created it (the first export from this data folder). */
  readonly created: boolean;
}

/** What an export secret file looks like and how to make one, for every refusal. */
const SECRET_FORMAT = [
  'An export secret file holds 64 hexadecimal digits on one line, as screener writes export-secret in the data folder.',
  'Give the file used for earlier exports (their pseudonyms then match), or leave out --secret-file to use the data folder’s; a new one is made with: openssl rand -hex 32 > FILE',
];

/**
 * 64 hex digits, the form screener writes, and nothing else. Any other file (an
 * earlier export, a summary, a questionnaire) would key the pseudonyms with content
 * others may hold, who could then recompute a pseudonym from a record id.
 */
function decodeSecret(bytes: Buffer, file: string): Buffer {
  const text = bytes.length <= 80 ? bytes.toString('latin1').trim() : '';
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  const kind = protectedKind(bytes.subarray(0, 512), basename(file));
  throw inputError(
    'E_EXPORT_SECRET_NOT_SECRET',
    kind !== undefined && kind !== 'an export secret'
      ? `${file} is ${kind}, not an export secret.`
      : `${file} is not an export secret.`,
    SECRET_FORMAT,
  );
}

export async function readSecretFile(file: string): Promise<LoadedSecret> {
  let bytes: Buffer;
  try {
    // A pipe or a device would be read until it ends, which may be never.
    const st = await stat(file);
    if (!st.isFile() && !st.isDirectory())
      throw usageError(
        'E_EXPORT_SECRET_NOT_FILE',
        `The export secret ${file} is not a regular file (a pipe, a device or a socket).`,
        SECRET_FORMAT,
      );
    bytes = await readFile(file);
  } catch (error) {
    if (isScreenerError(error)) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT')
      // Never created here: a mistyped path would silently start a new, unlinkable series.
      throw usageError(
        'E_EXPORT_SECRET_MISSING',
        `The export secret file ${file} does not exist.`,
        [
          'Give the file used for earlier exports, or leave out --secret-file to use the data folder’s secret.',
        ],
      );
    if (code === 'EISDIR')
      throw usageError(
        'E_EXPORT_SECRET_NOT_FILE',
        `The export secret ${file} is a folder, not a file.`,
        SECRET_FORMAT,
      );
    throw environmentError(
      'E_EXPORT_SECRET_UNREADABLE',
      `Cannot read the export secret ${file}: ${systemReason(error)}.`,
    );
  }
  return { secret: decodeSecret(bytes, file), file, created: false };
}

export async function loadOrCreateSecret(dataDir: string): Promise<LoadedSecret> {
  const file = join(dataDir, SECRET_FILE);
  try {
    return { ...(await readSecretFile(file)), created: false };
  } catch (error) {
    if ((error as { code?: string }).code !== 'E_EXPORT_SECRET_MISSING') throw error;
  }
  const secret = randomBytes(SECRET_BYTES);
  try {
    await ensureDir(nodeFs, dataDir);
    // Two first exports at once (two windows, a double start) must end with one
    // secret, or the pseudonyms of one of them could never be linked to later exports.
    const text = Buffer.from(secret.toString('hex') + '\n');
    if (!(await createFileOnce(nodeFs, file, text, 'the export secret')))
      return { ...(await readSecretFile(file)), created: false };
  } catch (error) {
    // The first export from a data folder that cannot be written (a read-only copy):
    // there was no earlier secret, so say what to do instead.
    if (!isScreenerError(error) || error.kind !== 'environment') throw error;
    throw environmentError(
      'E_EXPORT_SECRET_NOT_CREATED',
      `Could not create the export secret ${file}; nothing was exported.`,
      [
        error.message,
        'Use a data folder this user can write to (--data-dir), or give --secret-file the secret of earlier exports.',
      ],
    );
  }
  return { secret, file, created: true };
}

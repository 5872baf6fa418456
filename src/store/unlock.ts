/**
 * Opening a data folder with a passphrase: read keys.json, derive the key with
 * scrypt, compare with the key-check value, verify the file's MAC. Nothing is
 * written here, so a wrong passphrase changes no byte and no mtime.
 */
import { layoutOf, type StoreLayout } from './paths.js';
import { nodeFs, type StoreFs } from './fs-layer.js';
import {
  openSlot,
  readKeyFile,
  verifyKeyFileMac,
  type KeyFile,
  type OpenSlot,
} from './key-file.js';
import { storeDataError } from './errors.js';

export interface UnlockedKeys {
  readonly fs: StoreFs;
  readonly layout: StoreLayout;
  readonly keys: KeyFile;
  /** The current passphrase slot, opened. */
  readonly current: OpenSlot;
}

export async function unlockDataDir(
  dataDir: string,
  passphrase: string,
  fs: StoreFs = nodeFs,
): Promise<UnlockedKeys> {
  const layout = layoutOf(dataDir);
  const parsed = await readKeyFile(fs, layout);
  const current = await openSlot(parsed.keys.passphrase, passphrase);
  if (!current) {
    const interruptedChange =
      parsed.keys.next !== undefined && (await openSlot(parsed.keys.next, passphrase));
    throw storeDataError(
      'E_WRONG_PASSPHRASE',
      'Wrong passphrase.',
      interruptedChange
        ? [
            'This is the NEW passphrase of a change that was interrupted before it completed.',
            'The previous passphrase is still the one in use; run `screener keys change-passphrase` again.',
          ]
        : ['Nothing was changed. Try again (there is no lock-out).'],
    );
  }
  if (!verifyKeyFileMac(parsed, current.kek))
    throw storeDataError(
      'E_KEYS_TAMPERED',
      'The key file was altered: its authentication code does not match.',
      [
        `(${layout.keyFile})`,
        'Someone may have tried to replace the organisation key. Restore the file from a backup.',
      ],
    );
  return { fs, layout, keys: parsed.keys, current };
}

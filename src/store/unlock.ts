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
import { usageError } from '../errors.js';

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

/**
 * Refuses (E_KEYS_CHANGED) when keys.json no longer has the passphrase slot or the
 * organisation key these keys were unlocked with: a key change ran in another window
 * since. Whatever is written next with them (a record's key slots, a re-keying) would
 * be made for keys the folder no longer has. Checked once the caller holds its lock
 * (session-lock.ts), after which no key change can start.
 */
export async function refuseIfKeysChanged(u: UnlockedKeys): Promise<void> {
  const now = (await readKeyFile(u.fs, u.layout)).keys;
  if (now.passphrase.id !== u.current.slot.id || now.org?.fingerprint !== u.keys.org?.fingerprint)
    throw usageError(
      'E_KEYS_CHANGED',
      'the passphrase or organisation key of this data folder was changed in another screener window after this one was unlocked.',
      [
        'Nothing was changed here. Run the command again (with the new passphrase, if it was changed).',
      ],
    );
}

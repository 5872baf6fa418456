/**
 * Opening the encrypted store for a command: resolve the data folder, ask for the
 * passphrase, verify it against the key-check value (a wrong one changes nothing),
 * and finish any key change a crash interrupted.
 */
import type { CliContext } from './context.js';
import { writeLine } from './context.js';
import { readPassphrase } from './passphrase.js';
import {
  FileStore,
  hasKeys,
  layoutOf,
  noKeysError,
  refuseUnusableOrgKey,
  refuseWhileKeysChange,
  resolveDataDir,
  unlockDataDir,
} from '../store/index.js';

/** The data folder this command works on: --data-dir, SCREENER_HOME, else the XDG data folder. */
export function dataDirOf(ctx: CliContext): string {
  return resolveDataDir(ctx.dataDir, ctx.env);
}

/**
 * `toSave`: the command will save or delete a record (an interview, `run`, `delete`, a
 * redaction review). Those wait while a key change runs in another window; the store
 * refuses them when they hold the record, and this says so before a passphrase is typed.
 */
export async function openStore(
  ctx: CliContext,
  opts: { toSave?: boolean } = {},
): Promise<FileStore> {
  const dataDir = dataDirOf(ctx);
  // Checked before asking: nobody should type a passphrase into a folder that has no keys.
  if (!(await hasKeys(dataDir))) throw noKeysError(dataDir);
  if (opts.toSave) refuseWhileKeysChange(layoutOf(dataDir).recordsDir);
  const passphrase = await readPassphrase(ctx, { message: 'Passphrase:' });
  const unlocked = await unlockDataDir(dataDir, passphrase);
  if (opts.toSave) refuseUnusableOrgKey(unlocked.keys);
  const { store, problems } = await FileStore.open(unlocked);
  for (const p of problems)
    writeLine(ctx.stderr, `screener: warning: ${p.id ?? p.file}: ${p.message} [${p.code}]`);
  return store;
}

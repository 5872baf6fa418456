/**
 * Setting up and changing keys: init, change-passphrase, org-add, org-generate,
 * status, and finishing a change a crash interrupted. Each multi-file change is a
 * sequence of atomic steps recorded in keys.json, so a kill at any point leaves a
 * folder that opens with exactly one passphrase (the old one until the commit,
 * the new one after) and finishes the work on the next open.
 */
import { join } from 'node:path';
import { isScreenerError, usageError } from '../errors.js';
import { createFileOnce, ensureDir } from './atomic-write.js';
import { utf8 } from './crypto.js';
import { nodeFs, type StoreFs } from './fs-layer.js';
import {
  createKeyFile,
  keyFileExists,
  newPassphraseSlot,
  noKeys,
  readKeyFile,
  writeKeyFile,
  type KeyFile,
} from './key-file.js';
import { normalisedPassphrase, type ScryptParams } from './kdf.js';
import {
  encodeOrgPrivateKey,
  encodeOrgPublicKey,
  generateOrgKeyPair,
  isUsableOrgPublicKey,
  ORG_PRIVATE_FILE,
  ORG_PUBLIC_FILE,
  unusableOrgKeyInUse,
  type OrgPublicKey,
} from './org-key.js';
import { layoutOf } from './paths.js';
import type { RecordProblem } from './problems.js';
import { readdirRecordFiles } from './record-io.js';
import { rewrapRecords } from './rewrap.js';
import { holdForPendingKeyWork } from './session-lock.js';
import type { UnlockedKeys } from './unlock.js';
import { nodeCode, storeDataError } from './errors.js';

export const MIN_PASSPHRASE_LENGTH = 8;

export async function initKeys(
  dataDir: string,
  passphrase: string,
  kdf: ScryptParams,
  fs: StoreFs = nodeFs,
): Promise<void> {
  const layout = layoutOf(dataDir);
  if (await keyFileExists(fs, layout)) throw keysExist(dataDir);
  // Records without their key file mean the key file was lost: a new passphrase
  // would not open them, and the user should restore the file instead.
  if ((await readdirRecordFiles(fs, layout.recordsDir)).length > 0)
    throw usageError(
      'E_KEYS_EXIST',
      `${dataDir} holds records but its key file (keys.json) is missing.`,
      ['Restore keys.json from a backup; a new passphrase could not open these records.'],
    );
  checkPassphraseLength(passphrase);
  await ensureDir(fs, dataDir);
  await ensureDir(fs, layout.recordsDir);
  const open = await newPassphraseSlot(passphrase, kdf);
  // Created, never replaced: a second `keys init` running at the same time (the key
  // derivation takes seconds) would otherwise leave the first one's passphrase void.
  if (!(await createKeyFile(fs, layout, { passphrase: open.slot, rewrap: false }, open.kek)))
    throw keysExist(dataDir);
}

function keysExist(dataDir: string) {
  return usageError('E_KEYS_EXIST', `A passphrase is already set up in ${dataDir}.`, [
    'To change it: `screener keys change-passphrase`.',
  ]);
}

/** Characters as the key derivation counts them (NFC): 'e' and a combining accent are one. */
export function passphraseLength(passphrase: string): number {
  return [...normalisedPassphrase(passphrase)].length;
}

export function samePassphrase(a: string, b: string): boolean {
  return normalisedPassphrase(a) === normalisedPassphrase(b);
}

export function checkPassphraseLength(passphrase: string): void {
  if (passphraseLength(passphrase) < MIN_PASSPHRASE_LENGTH)
    throw usageError(
      'E_PASSPHRASE_TOO_SHORT',
      `The passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters.`,
      ['Several unrelated words are easy to remember and hard to guess.'],
    );
}

/**
 * Completes an interrupted passphrase change or org-add. Only called once the
 * passphrase is verified. If the disk refuses (read-only, full), the work stays
 * pending for the next open and is reported, but the store still opens: records
 * must stay readable on a read-only disk.
 *
 * Work that a key change in another window is doing right now is not interrupted
 * work: it is left to that change. "Finishing" its first phase would drop the new
 * passphrase from keys.json, and, landing just after its commit, would put the old
 * passphrase back while the change goes on to remove the old key slots from every
 * record, after which neither passphrase would open them.
 */
export async function finishPendingKeyWork(
  u: UnlockedKeys,
): Promise<{ unlocked: UnlockedKeys; problems: RecordProblem[] }> {
  let keys: KeyFile = u.keys;
  const { fs, layout } = u;
  let problems: RecordProblem[] = [];
  if (!keys.next && !keys.rewrap) return { unlocked: u, problems };
  // Held while finishing, so that no key change starts on a half-finished folder.
  const lock = holdForPendingKeyWork(layout.recordsDir);
  if (!lock) return { unlocked: u, problems };
  try {
    // Finished, or followed by a whole new change, in another window since it was read.
    const now = (await readKeyFile(fs, layout)).keys;
    if (now.passphrase.id !== keys.passphrase.id || now.next?.id !== keys.next?.id)
      return { unlocked: u, problems };
    if (keys.next) {
      // A change stopped before its commit: the old passphrase stays; drop the half-added slots.
      keys = { passphrase: keys.passphrase, ...(keys.org ? { org: keys.org } : {}), rewrap: true };
      await writeKeyFile(fs, layout, keys, u.current.kek);
    }
    if (keys.rewrap && keys.org && !isUsableOrgPublicKey(keys.org.raw)) {
      // Left pending: `org-add` with a usable key replaces it and re-keys every record.
      const e = unusableOrgKeyInUse(keys.org.fingerprint);
      const message = [e.message, ...e.details.slice(1)].join(' ');
      problems = [{ file: layout.keyFile, id: undefined, code: e.code, message, kind: 'data' }];
    } else if (keys.rewrap) {
      ({ problems } = await rewrapRecords(fs, layout, [u.current], {
        passphrase: [u.current],
        org: keys.org,
      }));
      keys = { ...keys, rewrap: false };
      await writeKeyFile(fs, layout, keys, u.current.kek);
    }
  } catch (error) {
    if (!isScreenerError(error) || error.kind !== 'environment') throw error;
    return {
      unlocked: { ...u, keys },
      problems: [
        ...problems,
        {
          file: layout.keyFile,
          id: undefined,
          code: error.code,
          message: `an interrupted key change could not be finished yet: ${error.message}`,
          kind: 'environment',
        },
      ],
    };
  } finally {
    lock.release();
  }
  return { unlocked: { ...u, keys }, problems };
}

/**
 * E_ORG_KEY_INVALID when keys.json holds an organisation key no record can be wrapped
 * to (one added before `org-add` checked keys): said before a command that saves
 * starts, rather than at its first save.
 */
export function refuseUnusableOrgKey(keys: KeyFile): void {
  if (keys.org && !isUsableOrgPublicKey(keys.org.raw))
    throw unusableOrgKeyInUse(keys.org.fingerprint);
}

export interface RewrapReport {
  readonly rewritten: number;
  readonly problems: readonly RecordProblem[];
}

export async function changePassphrase(
  unlocked: UnlockedKeys,
  newPassphrase: string,
  kdf: ScryptParams,
): Promise<RewrapReport> {
  checkPassphraseLength(newPassphrase);
  refuseUnusableOrgKey(unlocked.keys);
  const { unlocked: u } = await finishPendingKeyWork(unlocked);
  const { fs, layout } = u;
  const next = await newPassphraseSlot(newPassphrase, kdf);
  // Phase 1: every record gains a slot for the new passphrase; the old one still opens everything.
  await writeKeyFile(fs, layout, { ...u.keys, next: next.slot }, u.current.kek);
  const phase1 = await rewrapRecords(fs, layout, [u.current], {
    passphrase: [u.current, next],
    org: u.keys.org,
  });
  // Commit: one atomic rename makes the new passphrase the only one keys.json accepts.
  const committed: KeyFile = {
    passphrase: next.slot,
    ...(u.keys.org ? { org: u.keys.org } : {}),
    rewrap: true,
  };
  await writeKeyFile(fs, layout, committed, next.kek);
  // Phase 2: old slots go, so the old passphrase opens nothing any more.
  const phase2 = await rewrapRecords(fs, layout, [next], {
    passphrase: [next],
    org: u.keys.org,
  });
  await writeKeyFile(fs, layout, { ...committed, rewrap: false }, next.kek);
  // A record phase 1 could not re-key lacks the new slot, so phase 2 fails on it again
  // (for that reason): it is reported once, with the first cause.
  const seen = new Set(phase1.problems.map((p) => p.file));
  return {
    rewritten: phase1.rewritten,
    problems: [...phase1.problems, ...phase2.problems.filter((p) => !seen.has(p.file))],
  };
}

export async function addOrgKey(unlocked: UnlockedKeys, org: OrgPublicKey): Promise<RewrapReport> {
  const { unlocked: u } = await finishPendingKeyWork(unlocked);
  const { fs, layout } = u;
  const keys: KeyFile = {
    passphrase: u.keys.passphrase,
    org: { raw: org.raw, fingerprint: org.fingerprint, addedAt: new Date().toISOString() },
    rewrap: true,
  };
  await writeKeyFile(fs, layout, keys, u.current.kek);
  const report = await rewrapRecords(fs, layout, [u.current], {
    passphrase: [u.current],
    org,
  });
  await writeKeyFile(fs, layout, { ...keys, rewrap: false }, u.current.kek);
  return report;
}

export interface OrgKeyFiles {
  readonly publicFile: string;
  readonly privateFile: string;
  readonly fingerprint: string;
}

/**
 * Refuses an --out that cannot take the key pair: a file rather than a folder, or a
 * folder that has either key file already. Checked before the passphrase is asked.
 */
export async function checkOrgKeyFolder(outDir: string, fs: StoreFs = nodeFs): Promise<void> {
  const isFile = await fs.stat(outDir).then(
    (st) => !st.isDirectory(),
    (e: unknown) => nodeCode(e) === 'ENOTDIR',
  );
  if (isFile)
    throw usageError(
      'E_OUT_NOT_A_DIR',
      `--out ${outDir} is a file, not a folder: \`keys org-generate\` writes two files (${ORG_PUBLIC_FILE}, ${ORG_PRIVATE_FILE}) into a folder.`,
      ['Give --out a new folder, or an existing one without key files.'],
    );
  for (const f of [join(outDir, ORG_PUBLIC_FILE), join(outDir, ORG_PRIVATE_FILE)]) {
    const exists = await fs.lstat(f).then(
      () => true,
      (e: unknown) => nodeCode(e) !== 'ENOENT',
    );
    if (exists) throw orgKeyExists(f);
  }
}

export async function generateOrgKeyFiles(
  outDir: string,
  passphrase: string,
  kdf: ScryptParams,
  fs: StoreFs = nodeFs,
): Promise<OrgKeyFiles> {
  checkPassphraseLength(passphrase);
  const publicFile = join(outDir, ORG_PUBLIC_FILE);
  const privateFile = join(outDir, ORG_PRIVATE_FILE);
  await checkOrgKeyFolder(outDir, fs);
  await ensureDir(fs, outDir);
  const pair = generateOrgKeyPair();
  const privateText = await encodeOrgPrivateKey(pair, passphrase, kdf);
  // Created, never replaced: a second run into the same folder at the same time (the
  // key derivation takes seconds) would otherwise replace a private key, or leave a
  // public key that does not match it.
  const what = 'the organisation private key';
  if (!(await createFileOnce(fs, privateFile, utf8(privateText), what)))
    throw orgKeyExists(privateFile);
  const made = await createFileOnce(
    fs,
    publicFile,
    utf8(encodeOrgPublicKey(pair.publicKey)),
    'the organisation public key',
  ).catch(async (error: unknown) => {
    await fs.unlink(privateFile).catch(() => undefined);
    throw error;
  });
  if (!made) {
    // Nobody has this private key's public half: it opens nothing yet, and goes.
    await fs.unlink(privateFile).catch(() => undefined);
    throw orgKeyExists(publicFile);
  }
  return { publicFile, privateFile, fingerprint: pair.publicKey.fingerprint };
}

function orgKeyExists(file: string) {
  return storeDataError('E_ORG_KEY_EXISTS', `${file} already exists; it was not overwritten.`, [
    'Losing the organisation private key makes every record wrapped to it unreadable by the coordinator: choose another folder.',
  ]);
}

/** Whether the folder has a key file; reads nothing secret and writes nothing. */
export async function hasKeys(dataDir: string, fs: StoreFs = nodeFs): Promise<boolean> {
  return keyFileExists(fs, layoutOf(dataDir));
}

export function noKeysError(dataDir: string) {
  return noKeys(layoutOf(dataDir));
}

export interface KeysStatus {
  readonly dataDir: string;
  readonly initialised: boolean;
  readonly kdf?: ScryptParams;
  readonly createdAt?: string;
  readonly orgFingerprint?: string;
  /** A passphrase change or org-add was interrupted; the next open finishes it. */
  readonly pending: boolean;
  readonly records: number;
}

/** What can be said without the passphrase (keys.json is verified only once it is known). */
export async function keysStatus(dataDir: string, fs: StoreFs = nodeFs): Promise<KeysStatus> {
  const layout = layoutOf(dataDir);
  // First: a data folder that is a file is said as such, not as a bad records folder.
  const hasKeyFile = await keyFileExists(fs, layout);
  const records = (await readdirRecordFiles(fs, layout.recordsDir)).length;
  if (!hasKeyFile) return { dataDir, initialised: false, pending: false, records };
  const { keys } = await readKeyFile(fs, layout);
  return {
    dataDir,
    initialised: true,
    kdf: keys.passphrase.kdf,
    createdAt: keys.passphrase.createdAt,
    ...(keys.org ? { orgFingerprint: keys.org.fingerprint } : {}),
    pending: keys.rewrap || keys.next !== undefined,
    records,
  };
}

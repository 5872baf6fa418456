/**
 * The encrypted record store (docs/store.md has the design and the threat notes).
 *
 * For commands (through src/cli/open-store.ts, which asks for the passphrase):
 *   unlockDataDir(dataDir, passphrase)      → UnlockedKeys (verifies the passphrase; writes nothing)
 *   FileStore.open(unlocked)                → { store, problems }: a RecordStore over the data folder
 *   store.listWithProblems()                → readable summaries and unreadable files, separately
 *   resolveDataDir(option, env)             → --data-dir, else SCREENER_HOME, else the XDG data folder
 *
 * For export (records copied from many laptops):
 *   listRecordFiles(paths)                  → every *.rec file under the given files/folders, sorted
 *   readOrgPrivateKeyFile(file, passphrase) → OrgPrivateKey (the coordinator's key, decrypted)
 *   openRecordFileWithOrgKey(file, orgKey)  → { record, readAudit() } without any screener passphrase
 *   openRecordFileWithPassphrase(file, unlocked) → the same with a data folder's passphrase
 * Failures are ScreenerErrors (kind 'data' → exit 4, 'environment' → exit 1) with
 * stable codes (StoreErrorCode); one bad file never stops the reading of another.
 *
 * For `screener keys`: initKeys, changePassphrase, addOrgKey, generateOrgKeyFiles,
 * keysStatus, parseOrgPublicKey, formatFingerprint, scryptParamsFromEnv.
 */
export { FileStore, type ListResult } from './file-store.js';
export { unlockDataDir, type UnlockedKeys } from './unlock.js';
export { resolveDataDir, layoutOf, type StoreLayout } from './paths.js';
export type { RecordProblem } from './problems.js';
export type { StoreErrorCode } from './errors.js';
export type { StoreFs } from './fs-layer.js';
export {
  listRecordFiles,
  openRecordFileWithOrgKey,
  openRecordFileWithPassphrase,
  readOrgPrivateKeyFile,
  readOrgPublicKeyFile,
  type OpenedRecordFile,
} from './export-access.js';
export {
  addOrgKey,
  changePassphrase,
  generateOrgKeyFiles,
  hasKeys,
  initKeys,
  noKeysError,
  keysStatus,
  MIN_PASSPHRASE_LENGTH,
  type KeysStatus,
  type OrgKeyFiles,
  type RewrapReport,
} from './keys-admin.js';
export {
  formatFingerprint,
  parseOrgPublicKey,
  type OrgPrivateKey,
  type OrgPublicKey,
} from './org-key.js';
export { scryptParamsFromEnv, DEFAULT_SCRYPT, type ScryptParams } from './kdf.js';

/**
 * The encrypted record store (docs/store.md has the design, the error codes and the threat notes).
 *
 * For commands: call openStore(ctx) from src/cli/open-store.ts, which resolves the
 * data folder, asks for the passphrase and returns a FileStore. Underneath:
 *   unlockDataDir(dataDir, passphrase)      → UnlockedKeys (verifies the passphrase; writes nothing)
 *   FileStore.open(unlocked)                → { store, problems }: a RecordStore over the data folder
 *   store.save / load / list / delete / appendAudit / readAudit   (RecordStore)
 *   store.listWithProblems()                → readable summaries and unreadable files, separately
 *   store.has(id)                           → whether a record file exists
 *   resolveDataDir(option, env)             → --data-dir, else SCREENER_HOME, else the XDG data folder
 * A save never replaces a record this store did not create or load (E_RECORD_EXISTS).
 *
 * For export (records copied from many laptops):
 *   listRecordFiles(path)                   → every *.rec file under a file or folder (recursive, links followed), sorted, as a compact RecordPaths
 *   readOrgPrivateKeyFile(file, passphrase) → OrgPrivateKey (the coordinator's key, decrypted)
 *   openRecordFileWithOrgKey(file, orgKey)  → { file, record, readAudit() } without any screener passphrase
 *   openRecordFileWithPassphrase(file, unlocked) → the same with a data folder's passphrase
 * Failures are ScreenerErrors (kind 'data' → exit 4, 'environment' → exit 1) with
 * stable codes (StoreErrorCode); one bad file never stops the reading of another.
 *
 * For `screener keys`: initKeys, changePassphrase, addOrgKey, generateOrgKeyFiles,
 * keysStatus, hasKeys, parseOrgPublicKey, formatFingerprint, scryptParamsFromEnv.
 */
export { FileStore, type ListResult } from './file-store.js';
export { refuseIfKeysChanged, unlockDataDir, type UnlockedKeys } from './unlock.js';
export { resolveDataDir, layoutOf, type StoreLayout } from './paths.js';
export type { RecordProblem } from './problems.js';
export {
  nodeCode,
  outputRefusalDetails,
  refusalCause,
  systemReason,
  type StoreErrorCode,
} from './errors.js';
export { ownFileKind } from './own-files.js';
export {
  holdKeysChange,
  refuseWhileInterviewOpen,
  refuseWhileKeysChange,
  type SessionLock,
} from './session-lock.js';
export type { StoreFs } from './fs-layer.js';
export type { Unlocker } from './key-slots.js';
export { RecordPaths, type PathList } from './record-paths.js';
export {
  listRecordFiles,
  recordPathKind,
  type ListedFolders,
  type UnreadableFolder,
} from './list-record-files.js';
export {
  exportUnlocker,
  openRecordFileSync,
  openRecordFileWithOrgKey,
  openRecordFileWithPassphrase,
  readOrgPrivateKeyFile,
  readOrgPublicKeyFile,
  type OpenedRecordFile,
} from './export-access.js';
export {
  addOrgKey,
  changePassphrase,
  checkOrgKeyFolder,
  checkPassphraseLength,
  generateOrgKeyFiles,
  hasKeys,
  initKeys,
  noKeysError,
  keysStatus,
  refuseUnusableOrgKey,
  MIN_PASSPHRASE_LENGTH,
  passphraseLength,
  samePassphrase,
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

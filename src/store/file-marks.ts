/**
 * What marks each of the store's files as the store's: the magic bytes of the binary
 * ones, the `format` of the JSON ones. In a module of their own, with no imports, so
 * that recognising a file (own-files.ts) loads no cryptography.
 */
export const RECORD_MAGIC = Buffer.from('SCRNREC\0', 'latin1');
export const AUDIT_MAGIC = Buffer.from('SCRNAUD\0', 'latin1');
export const KEY_FILE_FORMAT = 'screener-keys';
export const ORG_PUBLIC_FORMAT = 'screener-org-public-key';
export const ORG_PRIVATE_FORMAT = 'screener-org-private-key';

/**
 * Files that must never be replaced by a second writer racing the first: the key file
 * of `keys init`, the organisation key pair of `keys org-generate` (both spend seconds
 * deriving a key between their "does it exist?" and their write), and the export
 * secret. Before, the later of two writers replaced the earlier one's file: a
 * passphrase that no longer opened the folder, an organisation private key gone (or
 * one that did not match its public key). Now the second is refused and changes
 * nothing, also on a file system without hard links.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileOnce } from '../../src/store/atomic-write.js';
import { readOrgPrivateKeyFile, readOrgPublicKeyFile } from '../../src/store/export-access.js';
import { nodeFs, type StoreFs } from '../../src/store/fs-layer.js';
import { generateOrgKeyFiles, initKeys } from '../../src/store/keys-admin.js';
import { unlockDataDir } from '../../src/store/unlock.js';
import { OTHER_PASSPHRASE, PASSPHRASE, removeDir, tempDir, TEST_SCRYPT } from './helpers.js';

let dir: string;
beforeEach(() => {
  dir = tempDir('create-once');
});
afterEach(() => removeDir(dir));

const settled = (ps: Promise<unknown>[]) =>
  Promise.allSettled(ps).then((rs) =>
    rs.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as { code?: string }).code)),
  );

/** A file system like FAT or exFAT: no hard links. */
const noLinks: StoreFs = {
  ...nodeFs,
  link: (async () => {
    throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' });
  }) as StoreFs['link'],
};

describe('createFileOnce', () => {
  it('of two writers at once, one creates the file and the other changes nothing', async () => {
    const file = join(dir, 'once');
    const made = await Promise.all(
      ['first\n', 'second\n'].map((t) => createFileOnce(nodeFs, file, Buffer.from(t), 'a file')),
    );
    expect(made.sort()).toEqual([false, true]);
    expect(['first\n', 'second\n']).toContain(readFileSync(file, 'utf8'));
    expect(readdirSync(dir)).toEqual(['once']);
  });

  it('without hard links: creates a new file, and leaves an existing one as it is', async () => {
    const file = join(dir, 'once');
    expect(await createFileOnce(noLinks, file, Buffer.from('new\n'), 'a file')).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    writeFileSync(file, 'kept\n');
    expect(await createFileOnce(noLinks, file, Buffer.from('other\n'), 'a file')).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('kept\n');
    expect(readdirSync(dir)).toEqual(['once']);
  });
});

describe('two key set-ups at once', () => {
  it('keys init: one is refused, and the passphrase of the other opens the folder', async () => {
    const data = join(dir, 'data');
    const passphrases = [PASSPHRASE, OTHER_PASSPHRASE];
    const outcome = await settled(passphrases.map((p) => initKeys(data, p, TEST_SCRYPT)));
    expect([...outcome].sort()).toEqual(['E_KEYS_EXIST', 'ok']);
    const winner = passphrases[outcome.indexOf('ok')]!;
    await expect(unlockDataDir(data, winner)).resolves.toBeDefined();
  });

  it('keys org-generate: one is refused, and the folder holds one matching key pair', async () => {
    const out = join(dir, 'org');
    const passphrases = [PASSPHRASE, OTHER_PASSPHRASE];
    const outcome = await settled(passphrases.map((p) => generateOrgKeyFiles(out, p, TEST_SCRYPT)));
    expect([...outcome].sort()).toEqual(['E_ORG_KEY_EXISTS', 'ok']);
    const winner = passphrases[outcome.indexOf('ok')]!;
    const files = readdirSync(out).sort();
    expect(files).toEqual(['screener-org.key', 'screener-org.pub']);
    const privateKey = await readOrgPrivateKeyFile(join(out, files[0]!), winner);
    const publicKey = await readOrgPublicKeyFile(join(out, files[1]!));
    expect(privateKey.publicKey.fingerprint).toBe(publicKey.fingerprint);
  });
});

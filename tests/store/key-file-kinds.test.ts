/**
 * An organisation key named on the command line (export --key, keys org-add) that is
 * a named pipe or a device is refused for what it is: read, an idle pipe never ends,
 * and the command hung.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readOrgPrivateKeyFile, readOrgPublicKeyFile } from '../../src/store/export-access.js';

const dir = mkdtempSync(join(tmpdir(), 'screener-key-kinds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('organisation key files that are not files', () => {
  it('a named pipe is refused as E_ORG_KEY_INVALID, private or public', async () => {
    const pipe = join(dir, 'pipe');
    expect(spawnSync('mkfifo', [pipe]).status).toBe(0);
    const privateKey = (await readOrgPrivateKeyFile(pipe, 'unused passphrase').catch(
      (e: Error) => e,
    )) as Error & { code?: string };
    expect(privateKey.code).toBe('E_ORG_KEY_INVALID');
    expect(privateKey.message).toBe(
      `Cannot read the organisation private key: ${pipe} is not a regular file (a pipe, a device or a socket).`,
    );
    const publicKey = (await readOrgPublicKeyFile(pipe).catch((e: Error) => e)) as Error & {
      code?: string;
    };
    expect(publicKey.code).toBe('E_ORG_KEY_INVALID');
    expect(publicKey.message).toContain('organisation public key');
  });
});

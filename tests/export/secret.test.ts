/** The export secret: read as given, created once in the data folder, never taken from a wrong file. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadOrCreateSecret, readSecretFile } from '../../src/export/secret.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'screener-secret-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'no error',
    (e: { code?: string }) => e.code,
  );

describe('the export secret', () => {
  it('is created once in the data folder, owner-only, then the same every time', async () => {
    const data = join(dir, 'data');
    const first = await loadOrCreateSecret(data);
    expect(first.created).toBe(true);
    expect(readFileSync(first.file, 'utf8')).toBe(`${first.secret.toString('hex')}\n`);
    expect(statSync(first.file).mode & 0o077).toBe(0);
    const again = await loadOrCreateSecret(data);
    expect(again.created).toBe(false);
    expect(again.secret).toEqual(first.secret);
  });

  it('two first exports at once end with one secret, which both used', async () => {
    const data = join(dir, 'data');
    const both = await Promise.all([loadOrCreateSecret(data), loadOrCreateSecret(data)]);
    expect(both[0].secret).toEqual(both[1].secret);
    expect(both.map((s) => s.created).sort()).toEqual([false, true]);
    expect(readFileSync(both[0].file, 'utf8')).toBe(`${both[0].secret.toString('hex')}\n`);
    expect(readdirSync(data)).toEqual(['export-secret']);
  });

  it('reads 64 hex digits as 32 bytes, and refuses any other content, saying what a secret looks like', async () => {
    writeFileSync(join(dir, 'hex'), `${'0a'.repeat(32)}\n`);
    expect((await readSecretFile(join(dir, 'hex'))).secret).toEqual(Buffer.alloc(32, 0x0a));
    // Files a coordinator has at hand, which others may hold too.
    writeFileSync(join(dir, 'raw'), 'sixteen or more bytes of secret');
    writeFileSync(
      join(dir, 'earlier.csv'),
      'pseudonym,questionnaire_id\n' + '0a'.repeat(16) + ',x\n',
    );
    writeFileSync(join(dir, 'summary.json'), '{"format": "screener-export-summary", "k": 5}\n');
    writeFileSync(join(dir, 'q.yaml'), 'id: example\nversion: "1"\n');
    writeFileSync(join(dir, 'hex-and-more'), `${'0a'.repeat(32)}\n${'0b'.repeat(32)}\n`);
    for (const f of ['raw', 'earlier.csv', 'summary.json', 'q.yaml', 'hex-and-more']) {
      const error = (await readSecretFile(join(dir, f)).catch((e: Error) => e)) as Error & {
        code?: string;
        details?: string[];
      };
      expect(error.code).toBe('E_EXPORT_SECRET_NOT_SECRET');
      expect(error.message).toBe(`${join(dir, f)} is not an export secret.`);
      expect(error.details?.[0]).toBe(
        'An export secret file holds 64 hexadecimal digits on one line, as screener writes export-secret in the data folder.',
      );
      expect(error.details?.[1]).toContain('openssl rand -hex 32 > FILE');
    }
    const folder = (await readSecretFile(dir).catch((e: Error) => e)) as Error & { code?: string };
    expect(folder.code).toBe('E_EXPORT_SECRET_NOT_FILE');
    expect(folder.message).toBe(`The export secret ${dir} is a folder, not a file.`);
    // A named pipe nobody writes to: refused, not read until it ends (never).
    const fifo = join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const pipe = (await readSecretFile(fifo).catch((e: Error) => e)) as Error & { code?: string };
    expect(pipe.code).toBe('E_EXPORT_SECRET_NOT_FILE');
    expect(pipe.message).toBe(
      `The export secret ${fifo} is not a regular file (a pipe, a device or a socket).`,
    );
  });

  it('refuses a missing file (never creates one there), a short one, and a store file', async () => {
    expect(await codeOf(readSecretFile(join(dir, 'typo')))).toBe('E_EXPORT_SECRET_MISSING');
    writeFileSync(join(dir, 'short'), 'tiny');
    expect(await codeOf(readSecretFile(join(dir, 'short')))).toBe('E_EXPORT_SECRET_NOT_SECRET');
    writeFileSync(join(dir, 'keys.json'), '{\n  "format": "screener-keys",\n  "version": 1\n}\n');
    writeFileSync(join(dir, 'org.key'), '{"format": "screener-org-private-key", "version": 1}');
    writeFileSync(
      join(dir, 'R-AB12-CD34.rec'),
      Buffer.from('SCRNREC\0\0\x01and more bytes', 'latin1'),
    );
    for (const f of ['keys.json', 'org.key', 'R-AB12-CD34.rec']) {
      const error = await readSecretFile(join(dir, f)).catch((e: Error) => e);
      expect((error as { code?: string }).code).toBe('E_EXPORT_SECRET_NOT_SECRET');
      expect((error as Error).message).toMatch(/, not an export secret\.$/);
    }
  });
});

/**
 * Permission failures through the CLI. Tests run as root in CI, and root ignores
 * file permissions, so as root the CLI is run as the unprivileged user `nobody`
 * (with runuser); without runuser, as root, these tests are skipped, because the
 * assertion would pass for the wrong reason.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { cannotDropRoot, cliAsNobody, giveToNobody } from '../helpers/as-nobody.js';
import { ROOT, runCli, STACK_TRACE } from '../helpers/run-cli.js';
import {
  CLI_ENV,
  fakeRecord,
  openFileStore,
  OTHER_PASSPHRASE,
  PASSPHRASE,
  removeDir,
  snapshot,
  tempDir,
  testId,
} from '../store/helpers.js';

function unprivileged(args: string[], env: Record<string, string | undefined>) {
  const full = { ...process.env, NO_COLOR: '1', ...CLI_ENV, ...env };
  const r = cliAsNobody(args, { cwd: ROOT, env: full, input: '' });
  expect(r.stderr).not.toMatch(STACK_TRACE);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
let data: string;
beforeEach(() => {
  dir = tempDir('cli-perm');
  data = join(dir, 'data');
});
afterEach(() => {
  for (const p of [data, join(data, 'records')])
    try {
      chmodSync(p, 0o700);
    } catch {
      // already gone
    }
  removeDir(dir);
});

async function setUp() {
  expect(
    runCli(['--data-dir', data, 'keys', 'init'], {
      env: { ...CLI_ENV, SCREENER_PASSPHRASE: PASSPHRASE },
    }).code,
  ).toBe(0);
  const store = await openFileStore(data);
  const a = testId();
  const b = testId();
  await store.save(fakeRecord(a));
  await store.save(fakeRecord(b));
  chmodSync(dir, 0o755);
  giveToNobody(data);
  return [a, b] as const;
}

describe.skipIf(cannotDropRoot)('permissions through the CLI', () => {
  it('an unreadable record: exit 1 naming it and the system error, the other record listed', async () => {
    const [a, b] = await setUp();
    chmodSync(join(data, 'records', `${a}.rec`), 0o000);
    const r = unprivileged(['--data-dir', data, 'list'], { SCREENER_PASSPHRASE: PASSPHRASE });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(b);
    expect(r.stderr).toContain(`${a}: Cannot read record ${a}: permission denied`);
    expect(r.stderr).toContain('[E_STORE_READ]');
  });

  it('a read-only records folder: change-passphrase fails with exit 1 and the old passphrase still opens everything', async () => {
    const [a, b] = await setUp();
    chmodSync(join(data, 'records'), 0o500);
    const before = snapshot(join(data, 'records'));
    const r = unprivileged(['--data-dir', data, 'keys', 'change-passphrase'], {
      SCREENER_PASSPHRASE: PASSPHRASE,
      SCREENER_NEW_PASSPHRASE: OTHER_PASSPHRASE,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[E_STORE_WRITE]');
    expect(snapshot(join(data, 'records'))).toEqual(before);
    // The folder is still read-only, and the old passphrase opens everything; the
    // half-begun change left nothing behind that needs writing to undo.
    const list = unprivileged(['--data-dir', data, 'list'], { SCREENER_PASSPHRASE: PASSPHRASE });
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(a);
    expect(list.stdout).toContain(b);
    expect(
      unprivileged(['--data-dir', data, 'list'], { SCREENER_PASSPHRASE: OTHER_PASSPHRASE }).code,
    ).toBe(4);
  });
});

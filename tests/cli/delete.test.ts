import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, STACK_TRACE } from '../helpers/run-cli.js';
import {
  CLI_ENV,
  fakeRecord,
  openFileStore,
  PASSPHRASE,
  removeDir,
  snapshot,
  tempDir,
  testId,
} from '../store/helpers.js';

let data: string;
beforeEach(() => {
  data = join(tempDir('cli-delete'), 'data');
});
afterEach(() => removeDir(join(data, '..')));

function screener(args: string[], env: Record<string, string | undefined> = {}) {
  const r = runCli(['--data-dir', data, ...args], { env: { ...CLI_ENV, ...env } });
  expect(r.stderr).not.toMatch(STACK_TRACE);
  return r;
}
const withPassphrase = { SCREENER_PASSPHRASE: PASSPHRASE };

async function setUp() {
  expect(screener(['keys', 'init'], withPassphrase).code).toBe(0);
  const store = await openFileStore(data);
  const keep = testId();
  const gone = testId();
  for (const id of [keep, gone]) {
    await store.save(fakeRecord(id));
    await store.appendAudit(id, { type: 'started', at: '2025-03-14T10:00:00.000Z' });
  }
  return { keep, gone };
}

describe('screener delete', () => {
  it('removes the record and its audit log; the others stay', async () => {
    const { keep, gone } = await setUp();
    const r = screener(['delete', gone, '--yes'], withPassphrase);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`Deleted ${gone}.`);
    expect(existsSync(join(data, 'records', `${gone}.rec`))).toBe(false);
    expect(existsSync(join(data, 'records', `${gone}.audit`))).toBe(false);
    const list = screener(['list', '--json'], withPassphrase);
    expect((JSON.parse(list.stdout) as { id: string }[]).map((x) => x.id)).toEqual([keep]);
    // Ids typed in lower case are the same ids.
    expect(screener(['delete', keep.toLowerCase(), '--yes'], withPassphrase).code).toBe(0);
  });

  it('with a wrong passphrase deletes nothing and changes no byte or mtime (exit 4)', async () => {
    const { gone } = await setUp();
    const before = snapshot(data);
    const r = screener(['delete', gone, '--yes'], {
      SCREENER_PASSPHRASE: 'not the passphrase',
    });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('[E_WRONG_PASSPHRASE]');
    expect(snapshot(data)).toEqual(before);
  });

  it('without a terminal and without --yes: exit 2, says to add --yes, deletes nothing', async () => {
    const { gone } = await setUp();
    const before = snapshot(data);
    const r = screener(['delete', gone], withPassphrase);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nothing was deleted');
    expect(r.stderr).toContain(`screener delete ${gone} --yes`);
    expect(r.stderr).toContain('[E_NO_TERMINAL]');
    expect(r.stderr).not.toContain('Deleted');
    expect(snapshot(data)).toEqual(before);
    expect(existsSync(join(data, 'records', `${gone}.rec`))).toBe(true);
  });

  it('an unknown id is a data error (4), a malformed one a usage error (2)', async () => {
    await setUp();
    const missing = screener(['delete', 'R-0000-0000', '--yes'], withPassphrase);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('[E_RECORD_NOT_FOUND]');
    const malformed = screener(['delete', 'Maria'], withPassphrase);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('R-7K3M-Q9XD');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, STACK_TRACE } from '../helpers/run-cli.js';
import {
  CANARY_NAME,
  CANARY_PHONE,
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
  data = join(tempDir('cli-list'), 'data');
});
afterEach(() => removeDir(join(data, '..')));

function screener(args: string[], env: Record<string, string | undefined> = {}) {
  const r = runCli(['--data-dir', data, ...args], { env: { ...CLI_ENV, ...env } });
  expect(r.stderr).not.toMatch(STACK_TRACE);
  expect(r.stdout + r.stderr).not.toContain(CANARY_NAME);
  expect(r.stdout + r.stderr).not.toContain(CANARY_PHONE);
  return r;
}
const withPassphrase = { SCREENER_PASSPHRASE: PASSPHRASE };

function init() {
  expect(screener(['keys', 'init'], withPassphrase).code).toBe(0);
}

async function twoRecords() {
  const store = await openFileStore(data);
  const a = testId();
  const b = testId();
  await store.save(fakeRecord(a, { startedAt: '2025-03-14T09:00:00.000Z' }));
  await store.save(fakeRecord(b, { startedAt: '2025-03-15T09:00:00.000Z', status: 'completed' }));
  return [a, b] as const;
}

describe('screener list', () => {
  it('before keys init: exit 4 and how to set up, without asking for a passphrase', () => {
    const r = screener(['list']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('[E_NO_KEYS]');
    expect(r.stderr).toContain('screener keys init');
  });

  it('an empty store says so on stderr; --json prints []', () => {
    init();
    const r = screener(['list'], withPassphrase);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('No stored interviews');
    expect(JSON.parse(screener(['list', '--json'], withPassphrase).stdout)).toEqual([]);
  });

  it('shows ids, dates, status and questionnaire, and never a name or phone number', async () => {
    init();
    const [a, b] = await twoRecords();
    const r = screener(['list'], withPassphrase);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+STARTED\s+UPDATED\s+STATUS\s+QUESTIONNAIRE$/);
    expect(lines[1]).toMatch(
      new RegExp(`^${a}\\s+2025-03-1\\d \\d\\d:\\d\\d .*in progress\\s+iom_screening 1\\.0\\.0$`),
    );
    expect(lines[2]).toMatch(new RegExp(`^${b}\\s.*completed\\s+iom_screening 1\\.0\\.0$`));
    const json = JSON.parse(screener(['list', '--json'], withPassphrase).stdout) as object[];
    expect(json).toEqual([
      {
        id: a,
        startedAt: '2025-03-14T09:00:00.000Z',
        updatedAt: '2025-03-14T09:26:53.000Z',
        status: 'in_progress',
        questionnaire: { id: 'iom_screening', version: '1.0.0' },
      },
      expect.objectContaining({ id: b, status: 'completed' }),
    ]);
  });

  it('a wrong passphrase: exit 4, nothing listed, no byte or mtime changed', async () => {
    init();
    await twoRecords();
    const before = snapshot(data);
    const r = screener(['list'], { SCREENER_PASSPHRASE: 'not the passphrase' });
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('[E_WRONG_PASSPHRASE]');
    expect(snapshot(data)).toEqual(before);
  });

  it('without a terminal and without SCREENER_PASSPHRASE: exit 2 explaining it', () => {
    init();
    const r = screener(['list']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('SCREENER_PASSPHRASE=');
  });

  it('a tampered record: exit 4 naming it, the other records still listed', async () => {
    init();
    const [a, b] = await twoRecords();
    const file = join(data, 'records', `${a}.rec`);
    const bytes = readFileSync(file);
    bytes[bytes.length - 40] = bytes[bytes.length - 40]! ^ 0x01;
    writeFileSync(file, bytes);
    const r = screener(['list'], withPassphrase);
    expect(r.code).toBe(4);
    expect(r.stdout).toContain(b);
    expect(r.stdout).not.toContain(a);
    expect(r.stderr).toContain(`${a}: Record ${a} failed its integrity check`);
    expect(r.stderr).toContain('[E_RECORD_TAMPERED]');
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('a record from a newer format version and a folder named like a record: exit 4, refused, not misread', async () => {
    init();
    const [a, b] = await twoRecords();
    const file = join(data, 'records', `${a}.rec`);
    const bytes = readFileSync(file);
    bytes.writeUInt16BE(7, 8);
    writeFileSync(file, bytes);
    const ghost = testId();
    mkdirSync(join(data, 'records', `${ghost}.rec`));
    const r = screener(['list', '--json'], withPassphrase);
    expect(r.code).toBe(4);
    expect((JSON.parse(r.stdout) as { id: string }[]).map((x) => x.id)).toEqual([b]);
    expect(r.stderr).toContain('newer screener (format 7)');
    expect(r.stderr).toContain('[E_RECORD_VERSION]');
    expect(r.stderr).toContain(`${ghost}: `);
    expect(r.stderr).toContain('[E_NOT_A_FILE]');
  });
});

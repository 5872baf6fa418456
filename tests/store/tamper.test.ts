import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isScreenerError } from '../../src/errors.js';
import {
  addOrgKey,
  FileStore,
  generateOrgKeyFiles,
  readOrgPublicKeyFile,
  unlockDataDir,
  type UnlockedKeys,
} from '../../src/store/index.js';
import { openRecord, parseRecordFile, encodeRecordFile } from '../../src/store/record-file.js';
import { parseOwnRecord } from '../../src/store/record-io.js';
import { openFrames, auditKey } from '../../src/store/audit-file.js';
import type { Unlocker } from '../../src/store/key-slots.js';
import {
  fakeRecord,
  newStore,
  openFileStore,
  PASSPHRASE,
  removeDir,
  snapshot,
  tempDir,
  testId,
  TEST_SCRYPT,
} from './helpers.js';

let dir: string;
let store: FileStore;
let unlocked: UnlockedKeys;
let unlocker: Unlocker;
const id = testId();
const bystander = testId();
let recordFile: string;
let auditFile: string;
let original: Buffer;

beforeAll(async () => {
  dir = tempDir('tamper');
  const files = await generateOrgKeyFiles(
    join(dir, 'org'),
    'coordinator quiet harbour',
    TEST_SCRYPT,
  );
  await newStore(join(dir, 'data'));
  await addOrgKey(
    await unlockDataDir(join(dir, 'data'), PASSPHRASE),
    await readOrgPublicKeyFile(files.publicFile),
  );
  store = await openFileStore(join(dir, 'data'));
  await store.save(fakeRecord(id));
  await store.save(fakeRecord(bystander));
  for (const type of ['started', 'resumed', 'completed'] as const)
    await store.appendAudit(id, { type, at: '2025-03-14T10:00:00.000Z' });
  await store.save(fakeRecord(id, { status: 'completed' }));
  recordFile = join(dir, 'data', 'records', `${id}.rec`);
  auditFile = join(dir, 'data', 'records', `${id}.audit`);
  original = readFileSync(recordFile);
  unlocked = await unlockDataDir(join(dir, 'data'), PASSPHRASE);
  unlocker = { kind: 'passphrase', slots: [unlocked.current] };
});
afterAll(() => removeDir(dir));

const label = () => ({ what: `record ${id}`, path: recordFile });
const DATA_CODES = [
  'E_RECORD_TAMPERED',
  'E_RECORD_CORRUPT',
  'E_RECORD_TRUNCATED',
  'E_RECORD_VERSION',
  'E_AUDIT_TAMPERED',
  // A flipped slot id leaves no slot for this passphrase: indistinguishable from a file of another folder.
  'E_RECORD_KEY_MISSING',
];

/** The decoding a load does, on bytes in memory; returns the error it raises. */
function decodeError(bytes: Buffer): unknown {
  try {
    const parsed = parseOwnRecord(bytes, label(), id);
    openRecord(parsed, unlocker, label());
    return undefined;
  } catch (error) {
    return error;
  }
}

function expectDataError(error: unknown, position: number) {
  expect(isScreenerError(error), `byte ${position} flipped went unnoticed`).toBe(true);
  if (!isScreenerError(error)) return;
  expect(error.kind).toBe('data');
  expect(DATA_CODES).toContain(error.code);
}

describe('a record file that was altered', () => {
  it('is detected whichever single byte is flipped (every position, two flips each)', () => {
    expect(decodeError(original)).toBeUndefined();
    // The header holds a passphrase slot and an organisation slot; flips in the slot
    // nobody is using right now are caught too (header MAC).
    expect(parseRecordFile(original, label()).header.slots.map((s) => s.type)).toEqual([
      'passphrase',
      'org',
    ]);
    for (let i = 0; i < original.length; i++) {
      for (const mask of [0x01, 0x80]) {
        const bytes = Buffer.from(original);
        bytes[i] = bytes[i]! ^ mask;
        expectDataError(decodeError(bytes), i);
      }
    }
  });

  it('is detected when cut short at any length, or when bytes are added', () => {
    for (let n = 0; n < original.length; n++)
      expectDataError(decodeError(original.subarray(0, n)), n);
    const longer = Buffer.concat([original, Buffer.from([0])]);
    expect(decodeError(longer)).toMatchObject({ code: 'E_RECORD_CORRUPT' });
    expect(decodeError(original.subarray(0, original.length - 1))).toMatchObject({
      code: 'E_RECORD_TRUNCATED',
    });
  });

  it('on disk: load fails with a data error, the file is left as it was, other records still open', async () => {
    const positions = [
      0,
      9,
      12,
      20,
      60,
      200,
      original.length - 300,
      original.length - 17,
      original.length - 1,
    ];
    try {
      for (const p of positions) {
        const bytes = Buffer.from(original);
        bytes[p] = bytes[p]! ^ 0x10;
        writeFileSync(recordFile, bytes);
        const fresh = await openFileStore(join(dir, 'data'));
        const error = await fresh.load(id).catch((e: unknown) => e);
        expectDataError(error, p);
        expect(readFileSync(recordFile).equals(bytes)).toBe(true);
        expect((await fresh.load(bystander)).id).toBe(bystander);
        const { records, problems } = await fresh.listWithProblems();
        expect(records.map((r) => r.id)).toEqual([bystander]);
        expect(problems).toEqual([expect.objectContaining({ id, kind: 'data' })]);
      }
    } finally {
      writeFileSync(recordFile, original);
    }
  });

  it('refuses a saved record whose file was renamed to another id', async () => {
    const other = join(dir, 'data', 'records', `${bystander}.rec`);
    const keep = readFileSync(other);
    try {
      copyFileSync(recordFile, other);
      const fresh = await openFileStore(join(dir, 'data'));
      await expect(fresh.load(bystander)).rejects.toMatchObject({ code: 'E_RECORD_TAMPERED' });
    } finally {
      writeFileSync(other, keep);
    }
  });

  it('refuses a key slot copied in from another record', () => {
    const other = readFileSync(join(dir, 'data', 'records', `${bystander}.rec`));
    const mine = parseRecordFile(original, label());
    const theirs = parseRecordFile(other, label());
    const a = JSON.stringify(mine.header.slots[0]!.box.toString('base64'));
    const b = JSON.stringify(theirs.header.slots[0]!.box.toString('base64'));
    const swapped = Buffer.from(original.toString('latin1').replace(a, b), 'latin1');
    expect(swapped.equals(original)).toBe(false);
    expect(decodeError(swapped)).toMatchObject({ code: 'E_RECORD_TAMPERED' });
  });
});

describe('an audit log that was altered', () => {
  it('is detected whichever single byte is flipped', () => {
    const bytes0 = readFileSync(auditFile);
    const { dataKey } = openRecord(parseRecordFile(original, label()), unlocker, label());
    const read = (b: Buffer) =>
      openFrames(b, auditKey(dataKey), id, { what: id, path: auditFile }, 3);
    expect(read(bytes0)).toHaveLength(3);
    for (let i = 0; i < bytes0.length; i++) {
      const bytes = Buffer.from(bytes0);
      bytes[i] = bytes[i]! ^ 0x04;
      let error: unknown;
      try {
        read(bytes);
      } catch (e) {
        error = e;
      }
      expectDataError(error, i);
    }
  });

  it('reports a log cut shorter than the record remembers, and tolerates a torn last frame', async () => {
    const bytes0 = readFileSync(auditFile);
    try {
      // A crash mid-append leaves part of a frame: ignored, the complete events are read.
      writeFileSync(auditFile, Buffer.concat([bytes0, Buffer.alloc(100, 7)]));
      expect(await (await openFileStore(join(dir, 'data'))).readAudit(id)).toHaveLength(3);
      // Whole events removed below what the record saw at its last save: reported.
      writeFileSync(auditFile, bytes0.subarray(0, bytes0.length - 284));
      await expect((await openFileStore(join(dir, 'data'))).readAudit(id)).rejects.toMatchObject({
        code: 'E_AUDIT_TRUNCATED',
      });
    } finally {
      writeFileSync(auditFile, bytes0);
    }
  });

  it('cuts off a torn last frame before appending the next event', async () => {
    const bytes0 = readFileSync(auditFile);
    try {
      writeFileSync(auditFile, Buffer.concat([bytes0, Buffer.alloc(50, 1)]));
      const s = await openFileStore(join(dir, 'data'));
      await s.appendAudit(id, { type: 'report', at: '2025-03-14T11:00:00.000Z' });
      expect((await s.readAudit(id)).map((e) => e.type)).toEqual([
        'started',
        'resumed',
        'completed',
        'report',
      ]);
    } finally {
      writeFileSync(auditFile, bytes0);
    }
  });
});

describe('files from a newer screener', () => {
  it('refuses a record file of a future file format, unchanged', async () => {
    const future = Buffer.from(original);
    future.writeUInt16BE(2, 8);
    writeFileSync(recordFile, future);
    try {
      const fresh = await openFileStore(join(dir, 'data'));
      const error = await fresh.load(id).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'E_RECORD_VERSION', kind: 'data' });
      expect((error as Error).message).toMatch(/newer screener \(format 2\)/);
      expect(readFileSync(recordFile).equals(future)).toBe(true);
    } finally {
      writeFileSync(recordFile, original);
    }
  });

  it('refuses a record of a future record format even when correctly encrypted', () => {
    const { dataKey } = openRecord(parseRecordFile(original, label()), unlocker, label());
    const header = parseRecordFile(original, label()).header;
    const bytes = encodeRecordFile(
      dataKey,
      { ...header, recordFormat: 2 },
      { record: fakeRecord(id), auditCount: 0 },
    );
    expect(decodeError(bytes)).toMatchObject({ code: 'E_RECORD_VERSION' });
  });

  it('refuses a key file of a future version', async () => {
    const keyFile = join(dir, 'data', 'keys.json');
    const text = readFileSync(keyFile, 'utf8');
    try {
      writeFileSync(keyFile, text.replace('"version": 1', '"version": 2'));
      const before = snapshot(join(dir, 'data'));
      await expect(unlockDataDir(join(dir, 'data'), PASSPHRASE)).rejects.toMatchObject({
        code: 'E_KEYS_VERSION',
      });
      expect(snapshot(join(dir, 'data'))).toEqual(before);
    } finally {
      writeFileSync(keyFile, text);
    }
  });
});

describe('a key file that was altered', () => {
  it('refuses an organisation key swapped in by someone without the passphrase', async () => {
    const keyFile = join(dir, 'data', 'keys.json');
    const text = readFileSync(keyFile, 'utf8');
    try {
      const intruder = await generateOrgKeyFiles(
        join(dir, 'intruder'),
        'intruder passphrase',
        TEST_SCRYPT,
      );
      const pub = JSON.parse(readFileSync(intruder.publicFile, 'utf8')) as {
        x25519: string;
        fingerprint: string;
      };
      const k = JSON.parse(text) as { org: { x25519: string; fingerprint: string } };
      k.org.x25519 = pub.x25519;
      k.org.fingerprint = pub.fingerprint;
      writeFileSync(keyFile, JSON.stringify(k, null, 2));
      await expect(unlockDataDir(join(dir, 'data'), PASSPHRASE)).rejects.toMatchObject({
        code: 'E_KEYS_TAMPERED',
      });
    } finally {
      writeFileSync(keyFile, text);
    }
  });
});

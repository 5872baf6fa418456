import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  addOrgKey,
  changePassphrase,
  generateOrgKeyFiles,
  listRecordFiles,
  openRecordFileWithOrgKey,
  openRecordFileWithPassphrase,
  readOrgPrivateKeyFile,
  readOrgPublicKeyFile,
  unlockDataDir,
} from '../../src/store/index.js';
import { parseRecordFile } from '../../src/store/record-file.js';
import {
  fakeRecord,
  newStore,
  openFileStore,
  OTHER_PASSPHRASE,
  PASSPHRASE,
  removeDir,
  tempDir,
  testId,
  TEST_SCRYPT,
} from './helpers.js';

let dir: string;
beforeEach(() => {
  dir = tempDir('rt');
});
afterEach(() => removeDir(dir));

const ORG_PASSPHRASE = 'coordinator quiet harbour';

function slotsOf(file: string) {
  return parseRecordFile(readFileSync(file), { what: 'x', path: file }).header.slots;
}

describe('record store round trips', () => {
  it('saves after every answer and reopens each state exactly', async () => {
    const store = await newStore(dir);
    const id = testId();
    let r = fakeRecord(id, { answers: {}, path: [] });
    for (let i = 1; i <= 20; i++) {
      r = {
        ...r,
        updatedAt: `2025-03-14T09:${String(i).padStart(2, '0')}:00.000Z`,
        answers: { ...r.answers, [`q${i}`]: { kind: 'value', value: i, at: r.startedAt } },
        path: [...r.path, `q${i}`],
      };
      await store.save(r);
      // A fresh store (new process in real life) sees exactly the last save.
      const again = await openFileStore(dir);
      expect(await again.load(id)).toEqual(r);
    }
  });

  it('creates folders owner-only and files readable by the owner only', async () => {
    const store = await newStore(join(dir, 'nested', 'data'));
    const id = testId();
    await store.save(fakeRecord(id));
    await store.appendAudit(id, { type: 'started', at: new Date().toISOString() });
    expect(statSync(join(dir, 'nested', 'data')).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'nested', 'data', 'records')).mode & 0o777).toBe(0o700);
    for (const f of ['keys.json', `records/${id}.rec`, `records/${id}.audit`])
      expect(statSync(join(dir, 'nested', 'data', f)).mode & 0o777).toBe(0o600);
  });

  it('lists summaries only, in start order, and deletes a record with its audit log', async () => {
    const store = await newStore(dir);
    const a = testId();
    const b = testId();
    await store.save(fakeRecord(b, { startedAt: '2025-03-15T10:00:00.000Z', status: 'completed' }));
    await store.save(fakeRecord(a, { startedAt: '2025-03-14T10:00:00.000Z' }));
    await store.appendAudit(a, { type: 'started', at: '2025-03-14T10:00:00.000Z' });
    expect(await store.list()).toEqual([
      {
        id: a,
        startedAt: '2025-03-14T10:00:00.000Z',
        updatedAt: '2025-03-14T09:26:53.000Z',
        status: 'in_progress',
        questionnaire: { id: 'iom_screening', version: '1.0.0' },
      },
      expect.objectContaining({ id: b, status: 'completed' }),
    ]);
    await store.delete(a);
    expect((await store.list()).map((s) => s.id)).toEqual([b]);
    await expect(store.load(a)).rejects.toMatchObject({ code: 'E_RECORD_NOT_FOUND' });
    await expect(store.delete(a)).rejects.toMatchObject({ code: 'E_RECORD_NOT_FOUND' });
    expect((await listRecordFiles(dir)).slice()).toEqual([join(dir, 'records', `${b}.rec`)]);
  });

  it('keeps an append-only audit log with ids only, including events before the first save', async () => {
    const store = await newStore(dir);
    const id = testId();
    const t = '2025-03-14T10:00:00.000Z';
    // The interview may log "started" before the first answer creates the file.
    await store.appendAudit(id, { type: 'started', at: t });
    expect(await store.readAudit(id)).toEqual([{ type: 'started', at: t }]);
    await store.save(fakeRecord(id));
    await store.appendAudit(id, { type: 'answered', at: t, question: 'full_name' });
    await store.appendAudit(id, { type: 'back', at: t });
    await store.appendAudit(id, { type: 'quick_exit', at: t });
    const reopened = await openFileStore(dir);
    await reopened.appendAudit(id, { type: 'resumed', at: t });
    expect(await reopened.readAudit(id)).toEqual([
      { type: 'started', at: t },
      { type: 'answered', at: t, question: 'full_name' },
      { type: 'back', at: t },
      { type: 'quick_exit', at: t },
      { type: 'resumed', at: t },
    ]);
    // Values never enter the log: an event with anything but an id is refused.
    await expect(
      store.appendAudit(id, { type: 'answered', at: t, question: 'Maria Fictional' }),
    ).rejects.toThrow(/question id/);
  });

  it('runs saves and audit appends started together one after another', async () => {
    const store = await newStore(dir);
    const id = testId();
    const t = '2025-03-14T10:00:00.000Z';
    const base = fakeRecord(id, { answers: {}, path: [] });
    const ops: Promise<void>[] = [];
    for (let i = 0; i < 10; i++) {
      ops.push(store.save({ ...base, path: Array.from({ length: i + 1 }, (_, k) => `q${k}`) }));
      ops.push(store.appendAudit(id, { type: 'answered', at: t, question: `q${i}` }));
    }
    await Promise.all(ops);
    expect((await openFileStore(dir).then((s) => s.load(id))).path).toHaveLength(10);
    expect(await store.readAudit(id)).toHaveLength(10);
  });

  it('changes the passphrase by re-keying only: content bytes unchanged, old passphrase refused', async () => {
    const store = await newStore(dir);
    const ids = [testId(), testId(), testId()];
    for (const id of ids) {
      await store.save(fakeRecord(id));
      await store.appendAudit(id, { type: 'started', at: '2025-03-14T10:00:00.000Z' });
    }
    const bodyOf = (id: string) => {
      const f = join(dir, 'records', `${id}.rec`);
      return parseRecordFile(readFileSync(f), { what: id, path: f }).body.toString('base64');
    };
    const bodies = ids.map(bodyOf);
    const report = await changePassphrase(
      await unlockDataDir(dir, PASSPHRASE),
      OTHER_PASSPHRASE,
      TEST_SCRYPT,
    );
    expect(report).toEqual({ rewritten: 3, problems: [] });
    expect(ids.map(bodyOf)).toEqual(bodies);
    await expect(unlockDataDir(dir, PASSPHRASE)).rejects.toMatchObject({
      code: 'E_WRONG_PASSPHRASE',
    });
    const after = await openFileStore(dir, undefined, OTHER_PASSPHRASE);
    for (const id of ids) {
      expect(await after.load(id)).toEqual(fakeRecord(id));
      expect(await after.readAudit(id)).toHaveLength(1);
      // Exactly one passphrase slot left: the old passphrase opens nothing, even with the old key file.
      expect(slotsOf(join(dir, 'records', `${id}.rec`))).toHaveLength(1);
    }
  });

  it('lets a coordinator open every record with the organisation key and no passphrase', async () => {
    const orgDir = join(dir, 'org');
    const data = join(dir, 'data');
    const files = await generateOrgKeyFiles(orgDir, ORG_PASSPHRASE, TEST_SCRYPT);
    expect(statSync(files.privateFile).mode & 0o777).toBe(0o600);
    const store = await newStore(data);
    const early = testId();
    await store.save(fakeRecord(early));
    await store.appendAudit(early, { type: 'started', at: '2025-03-14T10:00:00.000Z' });
    // Added after a record exists: that record gains an organisation slot too.
    const report = await addOrgKey(
      await unlockDataDir(data, PASSPHRASE),
      await readOrgPublicKeyFile(files.publicFile),
    );
    expect(report).toEqual({ rewritten: 1, problems: [] });
    const later = testId();
    const store2 = await openFileStore(data);
    await store2.save(fakeRecord(later, { status: 'completed' }));

    const orgKey = await readOrgPrivateKeyFile(files.privateFile, ORG_PASSPHRASE);
    const paths = (await listRecordFiles(dir)).slice();
    expect(paths).toHaveLength(2);
    const opened = await Promise.all(paths.map((p) => openRecordFileWithOrgKey(p, orgKey)));
    expect(opened.map((o) => o.record).sort((x, y) => x.id.localeCompare(y.id))).toEqual(
      [fakeRecord(early), fakeRecord(later, { status: 'completed' })].sort((x, y) =>
        x.id.localeCompare(y.id),
      ),
    );
    const e = opened.find((o) => o.record.id === early)!;
    expect(await e.readAudit()).toEqual([{ type: 'started', at: '2025-03-14T10:00:00.000Z' }]);

    // The same files also open with the passphrase of their folder.
    const viaPassphrase = await openRecordFileWithPassphrase(
      paths[0]!,
      await unlockDataDir(data, PASSPHRASE),
    );
    expect(viaPassphrase.record.id).toMatch(/^R-/);

    await expect(
      readOrgPrivateKeyFile(files.privateFile, 'not the org passphrase'),
    ).rejects.toMatchObject({
      code: 'E_WRONG_ORG_PASSPHRASE',
    });
  });

  it('refuses a record that has no slot for the organisation key given', async () => {
    const data = join(dir, 'data');
    const files = await generateOrgKeyFiles(join(dir, 'org'), ORG_PASSPHRASE, TEST_SCRYPT);
    const store = await newStore(data);
    const id = testId();
    await store.save(fakeRecord(id));
    const orgKey = await readOrgPrivateKeyFile(files.privateFile, ORG_PASSPHRASE);
    await expect(
      openRecordFileWithOrgKey(join(data, 'records', `${id}.rec`), orgKey),
    ).rejects.toMatchObject({ code: 'E_RECORD_KEY_MISSING', kind: 'data' });
  });

  it('never overwrites a record it did not open (a record-id collision)', async () => {
    const store = await newStore(dir);
    const id = testId();
    await store.save(fakeRecord(id));
    const other = await openFileStore(dir);
    await expect(other.save(fakeRecord(id, { status: 'completed' }))).rejects.toMatchObject({
      code: 'E_RECORD_EXISTS',
      kind: 'data',
    });
    expect((await other.load(id)).status).toBe('in_progress');
    // Once loaded (resume), saving is what it should be.
    await other.save(fakeRecord(id, { status: 'completed' }));
    expect((await openFileStore(dir).then((s) => s.load(id))).status).toBe('completed');
  });

  it('refuses to store a practice record', async () => {
    const store = await newStore(dir);
    await expect(store.save(fakeRecord(testId(), { mode: 'practice' }))).rejects.toThrow(
      /practice/,
    );
  });
});

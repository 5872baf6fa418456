/**
 * `delete` changes nothing or finishes: the record file is moved out of its name before
 * a byte is overwritten, so a folder that refuses the removal refuses it before anything
 * changes, and a failed overwrite puts the file back. Each refusal says exactly what
 * state the record was left in (E_RECORD_NOT_DELETED).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreFs } from '../../src/store/index.js';
import { nodeFs } from '../../src/store/fs-layer.js';
import { fakeRecord, newStore, openFileStore, removeDir, tempDir, testId } from './helpers.js';

let dir: string;
beforeEach(() => {
  dir = tempDir('delete');
});
afterEach(() => removeDir(dir));

const refused = (code: string) => Object.assign(new Error(`simulated ${code}`), { code });

/** The real file system, except that `call` fails with `code` for paths `when` picks. */
function refusing(
  call: 'rename' | 'open' | 'unlink',
  when: (path: string) => boolean,
  code = 'EACCES',
): StoreFs {
  const wrapped = (async (path: string, ...rest: unknown[]) => {
    if (when(String(path))) throw refused(code);
    return (nodeFs[call] as (...a: unknown[]) => Promise<unknown>)(path, ...rest);
  }) as never;
  return { ...nodeFs, [call]: wrapped };
}

async function storedRecord() {
  const seed = await newStore(dir);
  const id = testId();
  await seed.save(fakeRecord(id));
  await seed.appendAudit(id, { type: 'started', at: '2025-03-14T10:00:00.000Z' });
  const records = join(dir, 'records');
  const bytes = (name: string) => readFileSync(join(records, name));
  return {
    id,
    records,
    rec: bytes(`${id}.rec`),
    audit: bytes(`${id}.audit`),
    bytes,
    files: () => readdirSync(records).sort(),
  };
}

async function failure(
  p: Promise<unknown>,
): Promise<{ code: string; message: string; details: string }> {
  const e = (await p.then(
    () => undefined,
    (error: unknown) => error,
  )) as { code: string; message: string; details: string[] } | undefined;
  expect(e, 'the deletion should have failed').toBeDefined();
  return { code: e!.code, message: e!.message, details: e!.details.join('\n') };
}

describe('a deletion the system refuses', () => {
  it('deletes both files and leaves no temporary file when nothing fails', async () => {
    const r = await storedRecord();
    await (await openFileStore(dir)).delete(r.id);
    expect(r.files()).toEqual([]);
  });

  it('refused before anything changed (the folder refuses the move): record and log intact, loadable', async () => {
    const r = await storedRecord();
    const store = await openFileStore(
      dir,
      refusing('rename', (p) => p.endsWith('.rec')),
    );
    const e = await failure(store.delete(r.id));
    expect(e.code).toBe('E_RECORD_NOT_DELETED');
    expect(e.message).toBe(`Could not delete record ${r.id}: permission denied (EACCES).`);
    expect(e.details).toContain(`Nothing was deleted: record ${r.id} is intact.`);
    expect(e.details).toContain('Run the command as the user who owns the data folder');
    expect(r.files()).toEqual([`${r.id}.audit`, `${r.id}.rec`]);
    expect(r.bytes(`${r.id}.rec`).equals(r.rec)).toBe(true);
    expect(r.bytes(`${r.id}.audit`).equals(r.audit)).toBe(true);
    expect((await (await openFileStore(dir)).load(r.id)).id).toBe(r.id);
  });

  it('refused at the overwrite: the file is put back under its name, byte for byte', async () => {
    const r = await storedRecord();
    const store = await openFileStore(
      dir,
      refusing('open', (p) => p.endsWith('.tmp'), 'EIO'),
    );
    const e = await failure(store.delete(r.id));
    expect(e.code).toBe('E_RECORD_NOT_DELETED');
    expect(e.details).toContain(`Nothing was deleted: record ${r.id} is intact.`);
    expect(e.details).toContain('Try again once the cause is fixed.');
    expect(r.files()).toEqual([`${r.id}.audit`, `${r.id}.rec`]);
    expect(r.bytes(`${r.id}.rec`).equals(r.rec)).toBe(true);
    expect((await (await openFileStore(dir)).load(r.id)).id).toBe(r.id);
  });

  it('refused at the last step: says the content is overwritten and the file is still there', async () => {
    const r = await storedRecord();
    const store = await openFileStore(
      dir,
      refusing('unlink', (p) => p.endsWith('.tmp')),
    );
    const e = await failure(store.delete(r.id));
    expect(e.code).toBe('E_RECORD_NOT_DELETED');
    expect(e.details).toContain('Its content was overwritten, so it can no longer be opened');
    expect(e.details).not.toContain('intact');
    // Under a temporary name (tidied by the next run), its bytes no longer the record's.
    const left = r.files().filter((f) => f.endsWith('.tmp'));
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(new RegExp(`^\\.${r.id}\\.rec\\.${process.pid}\\.[0-9a-f]{12}\\.tmp$`));
    expect(r.bytes(left[0]!).length).toBe(r.rec.length);
    expect(r.bytes(left[0]!).equals(r.rec)).toBe(false);
    await expect((await openFileStore(dir)).load(r.id)).rejects.toMatchObject({
      code: 'E_RECORD_NOT_FOUND',
    });
  });

  it('the audit log refused after the record went: says which was deleted and which is intact', async () => {
    const r = await storedRecord();
    const store = await openFileStore(
      dir,
      refusing('rename', (p) => p.endsWith('.audit')),
    );
    const e = await failure(store.delete(r.id));
    expect(e.code).toBe('E_RECORD_NOT_DELETED');
    expect(e.message).toContain(`Could not delete the audit log of record ${r.id}:`);
    expect(e.details).toContain(
      `Record ${r.id} itself was deleted; the audit log of record ${r.id} is intact.`,
    );
    expect(r.files()).toEqual([`${r.id}.audit`]);
  });
});

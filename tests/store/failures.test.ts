import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { changePassphrase, FileStore, unlockDataDir, type StoreFs } from '../../src/store/index.js';
import { nodeFs } from '../../src/store/fs-layer.js';
import {
  fakeRecord,
  newStore,
  openFileStore,
  OTHER_PASSPHRASE,
  PASSPHRASE,
  removeDir,
  snapshot,
  tempDir,
  testId,
  TEST_SCRYPT,
} from './helpers.js';
import { parseRecordFile } from '../../src/store/record-file.js';

let dir: string;
beforeEach(() => {
  dir = tempDir('fail');
});
afterEach(() => {
  // Give back permissions a test took away, so the folder can be removed.
  for (const p of [dir, join(dir, 'records')]) if (existsSync(p)) chmodSync(p, 0o700);
  removeDir(dir);
});

// Tests run as root in CI, and root ignores file permissions: a permission test
// would pass for the wrong reason (or fail), so it is skipped for root only.
const isRoot = process.getuid?.() === 0;

describe('a wrong passphrase', () => {
  it('is refused and changes no byte and no modification time', async () => {
    const store = await newStore(dir);
    for (let i = 0; i < 3; i++) {
      const id = testId();
      await store.save(fakeRecord(id));
      await store.appendAudit(id, { type: 'started', at: '2025-03-14T10:00:00.000Z' });
    }
    const before = snapshot(dir);
    for (let attempt = 0; attempt < 5; attempt++)
      await expect(unlockDataDir(dir, `wrong passphrase ${attempt}`)).rejects.toMatchObject({
        code: 'E_WRONG_PASSPHRASE',
        kind: 'data',
      });
    expect(snapshot(dir)).toEqual(before);
    // No lock-out: the right passphrase still works after many wrong ones.
    expect(await (await openFileStore(dir)).list()).toHaveLength(3);
  });
});

describe('a directory where a file is expected', () => {
  it('a record path that is a folder: that record fails clearly, the others are fine', async () => {
    const store = await newStore(dir);
    const good = testId();
    const bad = testId();
    await store.save(fakeRecord(good));
    mkdirSync(join(dir, 'records', `${bad}.rec`));
    const fresh = await openFileStore(dir);
    await expect(fresh.load(bad)).rejects.toMatchObject({ code: 'E_NOT_A_FILE', kind: 'data' });
    await expect(fresh.save(fakeRecord(bad))).rejects.toMatchObject({ code: 'E_NOT_A_FILE' });
    const { records, problems } = await fresh.listWithProblems();
    expect(records.map((r) => r.id)).toEqual([good]);
    expect(problems).toEqual([expect.objectContaining({ id: bad, code: 'E_NOT_A_FILE' })]);
    expect((await fresh.load(good)).id).toBe(good);
  });

  it('a key file that is a folder is a data error, not a crash', async () => {
    mkdirSync(join(dir, 'keys.json'), { recursive: true });
    await expect(unlockDataDir(dir, PASSPHRASE)).rejects.toMatchObject({
      code: 'E_NOT_A_FILE',
      kind: 'data',
    });
  });

  it('a records folder that is a file is refused with the reason', async () => {
    await newStore(dir);
    rmSync(join(dir, 'records'), { recursive: true });
    writeFileSync(join(dir, 'records'), 'not a folder');
    const store = await openFileStore(dir);
    await expect(store.save(fakeRecord(testId()))).rejects.toMatchObject({
      code: 'E_DATA_DIR_NOT_A_DIR',
    });
  });
});

describe('permissions', () => {
  it.skipIf(isRoot)('an unreadable record is an environment error; others still open', async () => {
    const store = await newStore(dir);
    const locked = testId();
    const open = testId();
    await store.save(fakeRecord(locked));
    await store.save(fakeRecord(open));
    chmodSync(join(dir, 'records', `${locked}.rec`), 0o000);
    const fresh = await openFileStore(dir);
    await expect(fresh.load(locked)).rejects.toMatchObject({
      code: 'E_STORE_READ',
      kind: 'environment',
    });
    expect((await fresh.load(open)).id).toBe(open);
  });

  it.skipIf(isRoot)(
    'a read-only folder refuses the save and keeps the previous version',
    async () => {
      const store = await newStore(dir);
      const id = testId();
      await store.save(fakeRecord(id));
      chmodSync(join(dir, 'records'), 0o500);
      await expect(store.save(fakeRecord(id, { status: 'completed' }))).rejects.toMatchObject({
        code: 'E_STORE_WRITE',
        kind: 'environment',
      });
      chmodSync(join(dir, 'records'), 0o700);
      expect((await openFileStore(dir).then((s) => s.load(id))).status).toBe('in_progress');
    },
  );
});

/** Sends writes of temporary files (and audit appends) to /dev/full: a real ENOSPC from the kernel. */
function fullDisk(): StoreFs {
  return {
    ...nodeFs,
    open: ((path: string, flags?: string, mode?: number) =>
      String(path).endsWith('.tmp') || (String(path).endsWith('.audit') && flags === 'a')
        ? nodeFs.open('/dev/full', 'w')
        : nodeFs.open(path, flags, mode)) as StoreFs['open'],
  };
}

describe.skipIf(!existsSync('/dev/full'))('a full disk', () => {
  it('fails the save with E_DISK_FULL, leaves the previous record intact and no temp file', async () => {
    const store = await newStore(dir);
    const id = testId();
    await store.save(fakeRecord(id));
    await store.appendAudit(id, { type: 'started', at: '2025-03-14T10:00:00.000Z' });
    const before = snapshot(join(dir, 'records'));

    const full = await openFileStore(dir, fullDisk());
    await full.load(id);
    const error = await full.save(fakeRecord(id, { status: 'completed' })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'E_DISK_FULL', kind: 'environment' });
    expect((error as { details: string[] }).details.join('\n')).toMatch(
      /previous version .* is intact/,
    );
    await expect(
      full.appendAudit(id, { type: 'answered', at: '2025-03-14T10:00:00.000Z', question: 'q1' }),
    ).rejects.toMatchObject({ code: 'E_DISK_FULL' });
    const files = readdirSync(join(dir, 'records'));
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const after = await openFileStore(dir);
    expect((await after.load(id)).status).toBe('in_progress');
    expect(await after.readAudit(id)).toEqual([
      { type: 'started', at: '2025-03-14T10:00:00.000Z' },
    ]);
    // /dev/full swallows nothing into our files: the records folder is byte-for-byte as before,
    // except that a failed append is cut off again at the next one.
    expect(snapshot(join(dir, 'records')).get(join(dir, 'records', `${id}.rec`))).toEqual(
      before.get(join(dir, 'records', `${id}.rec`)),
    );
  });
});

/** A file system that fails (like a crash would stop it) at the n-th rename. */
function failingAtRename(n: number): { fs: StoreFs; renames: () => number } {
  let count = 0;
  const fs: StoreFs = {
    ...nodeFs,
    rename: (async (a: string, b: string) => {
      if (++count === n) throw Object.assign(new Error('simulated crash'), { code: 'EIO' });
      return nodeFs.rename(a, b);
    }) as StoreFs['rename'],
  };
  return { fs, renames: () => count };
}

describe('a passphrase change stopped at any step', () => {
  it('always leaves exactly one working passphrase, and the next open finishes the job', async () => {
    const seed = await newStore(dir);
    const ids = [testId(), testId(), testId(), testId()];
    for (const id of ids) await seed.save(fakeRecord(id));
    const pristine = snapshot(dir);

    // How many renames a complete change makes.
    const counting = failingAtRename(Infinity);
    const probe = tempDir('probe');
    try {
      rmSync(probe, { recursive: true });
      await import('node:fs').then((m) => m.cpSync(dir, probe, { recursive: true }));
      await changePassphrase(
        await unlockDataDir(probe, PASSPHRASE, counting.fs),
        OTHER_PASSPHRASE,
        TEST_SCRYPT,
      );
    } finally {
      removeDir(probe);
    }
    const total = counting.renames();
    expect(total).toBe(3 + 2 * ids.length);

    for (let stopAt = 1; stopAt <= total; stopAt++) {
      // Start from the same folder each time.
      rmSync(dir, { recursive: true });
      mkdirSync(dir);
      for (const [p, v] of pristine) {
        if (v.bytes === '<dir>') mkdirSync(p, { recursive: true });
        else writeFileSync(p, Buffer.from(v.bytes, 'base64'), { mode: 0o600 });
      }
      const failing = failingAtRename(stopAt);
      await expect(
        changePassphrase(
          await unlockDataDir(dir, PASSPHRASE, failing.fs),
          OTHER_PASSPHRASE,
          TEST_SCRYPT,
        ),
      ).rejects.toMatchObject({ code: 'E_STORE_WRITE' });

      const oldWorks = await unlockDataDir(dir, PASSPHRASE).then(
        () => true,
        () => false,
      );
      const newWorks = await unlockDataDir(dir, OTHER_PASSPHRASE).then(
        () => true,
        () => false,
      );
      expect([oldWorks, newWorks], `stopped at rename ${stopAt}`).toEqual(
        // Renames 1..(1 + records) are before the commit (keys.json with `next`, then records).
        stopAt <= 1 + ids.length + 1 ? [true, false] : [false, true],
      );
      const works = oldWorks ? PASSPHRASE : OTHER_PASSPHRASE;
      const { store } = await FileStore.open(await unlockDataDir(dir, works));
      for (const id of ids) {
        expect(await store.load(id)).toEqual(fakeRecord(id));
        const f = join(dir, 'records', `${id}.rec`);
        // Finished: one passphrase slot per record, nothing left for the other passphrase.
        expect(parseRecordFile(readFileSync(f), { what: id, path: f }).header.slots).toHaveLength(
          1,
        );
      }
      expect(statSync(join(dir, 'keys.json')).mode & 0o777).toBe(0o600);
    }
  });

  it('on a read-only disk the store still opens, and the change finishes once it is writable', async () => {
    const store = await newStore(dir);
    const ids = [testId(), testId(), testId()];
    for (const id of ids) await store.save(fakeRecord(id));
    // Stopped just after the commit: the new passphrase is current, old slots remain.
    const failing = failingAtRename(3 + ids.length);
    await expect(
      changePassphrase(
        await unlockDataDir(dir, PASSPHRASE, failing.fs),
        OTHER_PASSPHRASE,
        TEST_SCRYPT,
      ),
    ).rejects.toMatchObject({ code: 'E_STORE_WRITE' });
    const readOnly: StoreFs = {
      ...nodeFs,
      rename: (async () => {
        throw Object.assign(new Error('read-only file system'), { code: 'EROFS' });
      }) as StoreFs['rename'],
    };
    const opened = await FileStore.open(await unlockDataDir(dir, OTHER_PASSPHRASE, readOnly));
    expect(opened.problems).toEqual([
      expect.objectContaining({ code: 'E_STORE_WRITE', kind: 'environment' }),
    ]);
    expect(opened.problems[0]!.message).toMatch(/could not be finished yet/);
    for (const id of ids) expect((await opened.store.load(id)).id).toBe(id);
    const slots = (id: string) => {
      const f = join(dir, 'records', `${id}.rec`);
      return parseRecordFile(readFileSync(f), { what: id, path: f }).header.slots.length;
    };
    expect(ids.map(slots)).toEqual([2, 2, 2]);
    const writable = await FileStore.open(await unlockDataDir(dir, OTHER_PASSPHRASE));
    expect(writable.problems).toEqual([]);
    expect(ids.map(slots)).toEqual([1, 1, 1]);
  });

  it('points out the new passphrase of a change interrupted before its commit', async () => {
    const store = await newStore(dir);
    await store.save(fakeRecord(testId()));
    await store.save(fakeRecord(testId()));
    const failing = failingAtRename(3);
    await expect(
      changePassphrase(
        await unlockDataDir(dir, PASSPHRASE, failing.fs),
        OTHER_PASSPHRASE,
        TEST_SCRYPT,
      ),
    ).rejects.toThrow();
    const error = await unlockDataDir(dir, OTHER_PASSPHRASE).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'E_WRONG_PASSPHRASE' });
    expect((error as { details: string[] }).details.join(' ')).toMatch(/interrupted/);
  });
});

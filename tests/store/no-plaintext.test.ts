import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  addOrgKey,
  changePassphrase,
  generateOrgKeyFiles,
  readOrgPublicKeyFile,
  unlockDataDir,
} from '../../src/store/index.js';
import {
  allFiles,
  CANARY_NAME,
  CANARY_PHONE,
  fakeRecord,
  findCanaries,
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
const started = Date.now();
let tmpBefore: Set<string>;

beforeAll(() => {
  tmpBefore = new Set(readdirSync(tmpdir()));
  dir = tempDir('canary');
});
afterAll(() => removeDir(dir));

/** Files in the temp folder that appeared or changed while this test ran (other than our data folder, scanned anyway). */
function newTempFiles(): string[] {
  const out: string[] = [];
  const walk = (p: string, depth: number) => {
    let st;
    try {
      st = lstatSync(p);
    } catch {
      return;
    }
    if (st.isDirectory() && depth < 6) {
      let names: string[];
      try {
        names = readdirSync(p);
      } catch {
        return;
      }
      for (const n of names) walk(join(p, n), depth + 1);
    } else if (st.isFile() && st.mtimeMs >= started - 1000 && st.size < 64 * 1024 * 1024)
      out.push(p);
  };
  for (const name of readdirSync(tmpdir())) {
    const p = join(tmpdir(), name);
    if (!tmpBefore.has(name) || lstatSync(p).mtimeMs >= started - 1000) walk(p, 0);
  }
  return out;
}

describe('nothing identifying at rest', () => {
  it('no canary identifier is readable anywhere in the data folder or the temp folder', async () => {
    const data = join(dir, 'data');
    const org = await generateOrgKeyFiles(
      join(dir, 'org'),
      'coordinator quiet harbour',
      TEST_SCRYPT,
    );
    const store = await newStore(data);
    const ids = [testId(), testId(), testId()];
    for (const id of ids) {
      // Autosave after every answer, as the interview does.
      let r = fakeRecord(id, { answers: {}, path: [] });
      for (const [q, a] of Object.entries(fakeRecord(id).answers)) {
        r = { ...r, answers: { ...r.answers, [q]: a }, path: [...r.path, q] };
        await store.save(r);
        await store.appendAudit(id, { type: 'answered', at: a.at, question: q });
      }
    }
    await addOrgKey(
      await unlockDataDir(data, PASSPHRASE),
      await readOrgPublicKeyFile(org.publicFile),
    );
    await changePassphrase(await unlockDataDir(data, PASSPHRASE), OTHER_PASSPHRASE, TEST_SCRYPT);
    const after = await openFileStore(data, undefined, OTHER_PASSPHRASE);
    await after.delete(ids[0]!);
    await after.load(ids[1]!);
    await after.save(fakeRecord(ids[1]!, { status: 'completed' }));

    // The canaries really are in the records (the test would prove nothing otherwise).
    expect(JSON.stringify(await after.load(ids[1]!))).toContain(CANARY_NAME);
    expect(JSON.stringify(await after.load(ids[2]!))).toContain(CANARY_PHONE);

    const scanned = [...allFiles(dir).map((f) => f.path), ...newTempFiles()];
    expect(scanned.length).toBeGreaterThan(5);
    const hits: string[] = [];
    for (const path of new Set(scanned)) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(path);
      } catch {
        continue;
      }
      for (const c of findCanaries(bytes)) hits.push(`${path}: ${c}`);
    }
    expect(hits).toEqual([]);
  });
});

/**
 * The key derivation and the organisation slots that an export relies on for speed:
 * HKDF written out must give exactly the bytes of Node's hkdfSync (records written
 * before stay readable), and every record of one data folder shares one sending key
 * while still opening only with the organisation's private key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hkdfSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deriveKey, deriveKeys, randomKey } from '../../src/store/crypto.js';
import { orgSlot, unwrapDataKey, type KeySlot } from '../../src/store/key-slots.js';
import { generateOrgKeyPair } from '../../src/store/org-key.js';
import { parseRecordFile } from '../../src/store/record-file.js';
import {
  addOrgKey,
  generateOrgKeyFiles,
  openRecordFileWithOrgKey,
  readOrgPrivateKeyFile,
  readOrgPublicKeyFile,
  unlockDataDir,
} from '../../src/store/index.js';
import {
  fakeRecord,
  newStore,
  openFileStore,
  OTHER_PASSPHRASE,
  removeDir,
  tempDir,
  testId,
  TEST_SCRYPT,
} from './helpers.js';

describe('HKDF-SHA256', () => {
  it('gives the RFC 5869 test case 3 key (no salt, no info)', () => {
    const ikm = Buffer.alloc(22, 0x0b);
    expect(deriveKey(ikm, '').toString('hex')).toBe(
      '8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d',
    );
  });

  it('gives the same bytes as hkdfSync for random secrets, salts and purposes', () => {
    for (let i = 0; i < 200; i++) {
      const ikm = randomBytes(1 + (i % 64));
      const salt = i % 3 === 0 ? Buffer.alloc(0) : randomBytes(i % 80);
      const info = `screener/v1/purpose-${i}|é`;
      const expected = Buffer.from(hkdfSync('sha256', ikm, salt, info, 32));
      expect(deriveKey(ikm, info, salt).equals(expected)).toBe(true);
      const [a, b] = deriveKeys(ikm, [info, `${info}/2`], salt);
      expect(a!.equals(expected)).toBe(true);
      expect(b!.equals(Buffer.from(hkdfSync('sha256', ikm, salt, `${info}/2`, 32)))).toBe(true);
    }
  });
});

describe('organisation slots', () => {
  const org = generateOrgKeyPair();
  const unlocker = { kind: 'org', org } as const;
  const laptopA = randomKey();
  const laptopB = randomKey();

  function slotFor(id: string, dataKey: Buffer, secret?: Buffer): KeySlot {
    return orgSlot(dataKey, id, org.publicKey, secret);
  }

  it('share one sending key per laptop, and each opens only its own record', () => {
    const keys = [randomKey(), randomKey(), randomKey()];
    const slots = keys.map((k, i) => slotFor(`R-AAAA-000${i}`, k, laptopA));
    const epks = new Set(slots.map((s) => (s.type === 'org' ? s.epk.toString('hex') : '')));
    expect(epks.size).toBe(1);
    slots.forEach((s, i) =>
      expect(unwrapDataKey([s], `R-AAAA-000${i}`, unlocker)).toEqual({
        ok: true,
        dataKey: keys[i],
      }),
    );
    // A slot moved to another record does not open it.
    expect(unwrapDataKey([slots[0]!], 'R-AAAA-0001', unlocker)).toEqual({
      ok: false,
      reason: 'failed',
    });
  });

  it('differ between laptops, and a per-record key (older files) still opens', () => {
    const dataKey = randomKey();
    const a = slotFor('R-BBBB-0001', dataKey, laptopA);
    const b = slotFor('R-BBBB-0001', dataKey, laptopB);
    const single = slotFor('R-BBBB-0001', dataKey);
    const epk = (s: KeySlot) => (s.type === 'org' ? s.epk.toString('hex') : '');
    expect(new Set([epk(a), epk(b), epk(single)]).size).toBe(3);
    for (const s of [a, b, single])
      expect(unwrapDataKey([s], 'R-BBBB-0001', unlocker)).toEqual({ ok: true, dataKey });
  });

  it('do not open with another organisation key, even after the sending key is known', () => {
    const other = generateOrgKeyPair();
    const dataKey = randomKey();
    const mine = slotFor('R-CCCC-0001', dataKey, laptopA);
    expect(unwrapDataKey([mine], 'R-CCCC-0001', unlocker).ok).toBe(true);
    const foreign = { ...mine, key: other.publicKey.fingerprint } as KeySlot;
    expect(unwrapDataKey([foreign], 'R-CCCC-0001', { kind: 'org', org: other })).toEqual({
      ok: false,
      reason: 'failed',
    });
  });

  it('refuse a box altered under a sending key already worked out', () => {
    const dataKey = randomKey();
    const good = slotFor('R-DDDD-0001', dataKey, laptopA);
    expect(unwrapDataKey([good], 'R-DDDD-0001', unlocker).ok).toBe(true);
    if (good.type !== 'org') throw new Error('expected an organisation slot');
    const box = Buffer.from(good.box);
    box[box.length - 1]! ^= 1;
    expect(unwrapDataKey([{ ...good, box }], 'R-DDDD-0001', unlocker)).toEqual({
      ok: false,
      reason: 'failed',
    });
  });
});

describe('a data folder with an organisation key', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('org-slots');
  });
  afterAll(() => removeDir(dir));

  it('writes every record with the same sending key, and the coordinator opens them all', async () => {
    const files = await generateOrgKeyFiles(
      join(dir, 'org'),
      'coordinator amber kite',
      TEST_SCRYPT,
    );
    const data = join(dir, 'data');
    await newStore(data);
    await addOrgKey(
      await unlockDataDir(data, 'violet lantern orchard seven'),
      await readOrgPublicKeyFile(files.publicFile),
    );
    const store = await openFileStore(data);
    const ids = [testId(), testId(), testId()];
    for (const id of ids) await store.save(fakeRecord(id));

    // A second laptop (another data folder, another passphrase) has its own sending key.
    const data2 = join(dir, 'data2');
    await newStore(data2, undefined, OTHER_PASSPHRASE);
    await addOrgKey(
      await unlockDataDir(data2, OTHER_PASSPHRASE),
      await readOrgPublicKeyFile(files.publicFile),
    );
    const store2 = await openFileStore(data2, undefined, OTHER_PASSPHRASE);
    const id2 = testId();
    await store2.save(fakeRecord(id2));

    const epkOf = (file: string) => {
      const parsed = parseRecordFile(readFileSync(file), { what: 'record', path: file });
      const slot = parsed.header.slots.find((s) => s.type === 'org');
      return slot?.type === 'org' ? slot.epk.toString('hex') : undefined;
    };
    const recs = ids.map((id) => join(data, 'records', `${id}.rec`));
    const epks = new Set(recs.map(epkOf));
    expect(epks.size).toBe(1);
    expect([...epks][0]).toMatch(/^[0-9a-f]{64}$/);
    const other = epkOf(join(data2, 'records', `${id2}.rec`));
    expect(other).toBeDefined();
    expect(epks.has(other)).toBe(false);

    const key = await readOrgPrivateKeyFile(files.privateFile, 'coordinator amber kite');
    for (const [i, file] of recs.entries())
      expect((await openRecordFileWithOrgKey(file, key)).record.id).toBe(ids[i]);
    expect(
      (await openRecordFileWithOrgKey(join(data2, 'records', `${id2}.rec`), key)).record.id,
    ).toBe(id2);
  });
});

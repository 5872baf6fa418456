import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
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
import {
  listRecordFiles,
  openRecordFileWithOrgKey,
  readOrgPrivateKeyFile,
  unlockDataDir,
} from '../../src/store/index.js';
import { writeKeyFile } from '../../src/store/key-file.js';
import { fingerprintOf } from '../../src/store/org-key.js';

let dir: string;
let data: string;
beforeEach(() => {
  dir = tempDir('cli-keys');
  data = join(dir, 'data');
});
afterEach(() => removeDir(dir));

const ORG_PASSPHRASE = 'coordinator quiet harbour';
const ANSWERS = join(ROOT, 'tests', 'fixtures', 'answers', 'bench-full-interview.yaml');

function screener(args: string[], env: Record<string, string | undefined> = {}) {
  const r = runCli(['--data-dir', data, ...args], { env: { ...CLI_ENV, ...env } });
  expect(r.stderr).not.toMatch(STACK_TRACE);
  return r;
}

function init() {
  const r = screener(['keys', 'init'], { SCREENER_PASSPHRASE: PASSPHRASE });
  expect(r.code).toBe(0);
}

describe('screener keys init', () => {
  it('sets up a data folder non-interactively from SCREENER_PASSPHRASE, owner-only', () => {
    const r = screener(['keys', 'init'], { SCREENER_PASSPHRASE: PASSPHRASE });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`Passphrase set up in ${data}`);
    expect(statSync(data).mode & 0o777).toBe(0o700);
    expect(statSync(join(data, 'keys.json')).mode & 0o777).toBe(0o600);
    // The key file holds parameters and a check value, never the passphrase.
    expect(readFileSync(join(data, 'keys.json'), 'utf8')).not.toContain('violet');
  });

  it('uses SCREENER_HOME when --data-dir is not given', () => {
    const r = runCli(['keys', 'init'], {
      env: { ...CLI_ENV, SCREENER_HOME: data, SCREENER_PASSPHRASE: PASSPHRASE },
    });
    expect(r.code).toBe(0);
    expect(existsSync(join(data, 'keys.json'))).toBe(true);
  });

  it('an empty --data-dir or SCREENER_HOME is a usage error, never the default folder', () => {
    const home = join(dir, 'home');
    const env = {
      ...CLI_ENV,
      HOME: home,
      XDG_DATA_HOME: undefined,
      SCREENER_PASSPHRASE: PASSPHRASE,
    };
    for (const r of [
      runCli(['--data-dir', '', 'keys', 'init'], { env }),
      runCli(['keys', 'init'], { env: { ...env, SCREENER_HOME: '' } }),
      runCli(['list'], { env: { ...env, SCREENER_HOME: '' } }),
    ]) {
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('[E_EMPTY_DATA_DIR]');
      expect(r.stderr).toContain('nothing was done');
    }
    expect(existsSync(home)).toBe(false);
  });

  it('without a terminal and without SCREENER_PASSPHRASE: exit 2, says how, creates nothing', () => {
    const r = screener(['keys', 'init']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('SCREENER_PASSPHRASE');
    expect(r.stderr).toContain('[E_NO_PASSPHRASE]');
    expect(existsSync(data)).toBe(false);
  });

  it('refuses a second init and a too-short passphrase (exit 2)', () => {
    const short = screener(['keys', 'init'], { SCREENER_PASSPHRASE: 'short' });
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('[E_PASSPHRASE_TOO_SHORT]');
    init();
    const keys = readFileSync(join(data, 'keys.json'));
    const again = screener(['keys', 'init'], { SCREENER_PASSPHRASE: OTHER_PASSPHRASE });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('change-passphrase');
    expect(readFileSync(join(data, 'keys.json')).equals(keys)).toBe(true);
  });

  it('counts characters as the key derivation does (NFC): e + combining accent is one', () => {
    // 8 code points, 4 characters once composed.
    const short = screener(['keys', 'init'], { SCREENER_PASSPHRASE: 'e\u0301'.repeat(4) });
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('[E_PASSPHRASE_TOO_SHORT]');
    expect(existsSync(join(data, 'keys.json'))).toBe(false);
  });

  it('an unknown action is a usage error listing the actions', () => {
    const r = screener(['keys', 'rotate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('init, change-passphrase, org-generate, org-add, status');
  });
});

describe('screener keys status', () => {
  it('says what is set up, without the passphrase', () => {
    const before = screener(['keys', 'status']);
    expect(before.code).toBe(0);
    expect(before.stdout).toContain('not set up');
    init();
    const after = screener(['keys', 'status', '--json']);
    expect(after.code).toBe(0);
    expect(JSON.parse(after.stdout)).toMatchObject({
      dataDir: data,
      initialised: true,
      kdf: { name: 'scrypt', N: 1024, r: 8, p: 1 },
      pending: false,
      records: 0,
    });
  });
});

describe('screener keys change-passphrase', () => {
  it('re-keys every record: the new passphrase opens them, the old one no longer does', async () => {
    init();
    const store = await openFileStore(data);
    const id = testId();
    await store.save(fakeRecord(id));
    const r = screener(['keys', 'change-passphrase'], {
      SCREENER_PASSPHRASE: PASSPHRASE,
      SCREENER_NEW_PASSPHRASE: OTHER_PASSPHRASE,
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Passphrase changed. 1 record re-keyed');
    expect(screener(['list'], { SCREENER_PASSPHRASE: OTHER_PASSPHRASE }).stdout).toContain(id);
    const old = screener(['list'], { SCREENER_PASSPHRASE: PASSPHRASE });
    expect(old.code).toBe(4);
    expect(old.stderr).toContain('[E_WRONG_PASSPHRASE]');
  });

  it('damaged records: each reported once, left unchanged, not counted; the change is said to be done', async () => {
    init();
    const store = await openFileStore(data);
    const [good, cut, flipped] = [testId(), testId(), testId()];
    for (const id of [good, cut, flipped]) await store.save(fakeRecord(id));
    const file = (id: string) => join(data, 'records', `${id}.rec`);
    truncateSync(file(cut), statSync(file(cut)).size - 100);
    // A byte of the encrypted body, not of the header or its MAC.
    const bytes = readFileSync(file(flipped));
    bytes[bytes.length - 40]! ^= 1;
    writeFileSync(file(flipped), bytes);
    const damaged = [readFileSync(file(cut)), readFileSync(file(flipped))];

    const r = screener(['keys', 'change-passphrase'], {
      SCREENER_PASSPHRASE: PASSPHRASE,
      SCREENER_NEW_PASSPHRASE: OTHER_PASSPHRASE,
    });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('Passphrase changed. 1 record re-keyed');
    expect(r.stderr.split('[E_RECORD_TRUNCATED]')).toHaveLength(2);
    expect(r.stderr.split('[E_RECORD_TAMPERED]')).toHaveLength(2);
    expect(r.stderr).toContain(`screener: ${flipped}: `);
    expect(r.stderr).not.toContain('E_RECORD_KEY_MISSING');
    expect(r.stderr).toContain(
      `The new passphrase is in use. 2 records (${[cut, flipped].sort().join(', ')}) could not be re-keyed and were left unchanged.`,
    );
    expect([readFileSync(file(cut)), readFileSync(file(flipped))]).toEqual(damaged);
    expect(screener(['list'], { SCREENER_PASSPHRASE: OTHER_PASSPHRASE }).stdout).toContain(good);
  });

  it('the same passphrase with its accents composed differently is the same passphrase', () => {
    const decomposed = 'cafe\u0301 lantern orchard';
    expect(screener(['keys', 'init'], { SCREENER_PASSPHRASE: decomposed }).code).toBe(0);
    const keys = readFileSync(join(data, 'keys.json'));
    const r = screener(['keys', 'change-passphrase'], {
      SCREENER_PASSPHRASE: decomposed,
      SCREENER_NEW_PASSPHRASE: decomposed.normalize('NFC'),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[E_SAME_PASSPHRASE]');
    expect(readFileSync(join(data, 'keys.json')).equals(keys)).toBe(true);
  });

  it('a wrong current passphrase: exit 4, no byte or mtime changed', async () => {
    init();
    await (await openFileStore(data)).save(fakeRecord(testId()));
    const before = snapshot(data);
    const r = screener(['keys', 'change-passphrase'], {
      SCREENER_PASSPHRASE: 'not the passphrase',
      SCREENER_NEW_PASSPHRASE: OTHER_PASSPHRASE,
    });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('Wrong passphrase');
    expect(snapshot(data)).toEqual(before);
  });

  it('without SCREENER_NEW_PASSPHRASE and no terminal: exit 2 naming it', () => {
    init();
    const r = screener(['keys', 'change-passphrase'], { SCREENER_PASSPHRASE: PASSPHRASE });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('SCREENER_NEW_PASSPHRASE');
  });

  it('before init: exit 4 pointing to keys init', () => {
    const r = screener(['keys', 'change-passphrase'], { SCREENER_PASSPHRASE: PASSPHRASE });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('[E_NO_KEYS]');
    expect(r.stderr).toContain('screener keys init');
  });
});

describe('a data folder in a state the user must hear about', () => {
  it('records without keys.json: restore it from a backup, not keys init', async () => {
    init();
    await (await openFileStore(data)).save(fakeRecord(testId()));
    rmSync(join(data, 'keys.json'));
    const list = screener(['list'], { SCREENER_PASSPHRASE: PASSPHRASE });
    expect(list.code).toBe(4);
    expect(list.stderr).toContain('[E_NO_KEYS]');
    expect(list.stderr).toContain('holds 1 record but its key file (keys.json) is missing');
    expect(list.stderr).toContain('Restore keys.json from a backup');
    expect(list.stderr).not.toContain('Run `screener keys init` first');
    const status = screener(['keys', 'status']);
    expect(status.stdout).toContain('MISSING: restore it from a backup');
    expect(status.stdout).not.toContain('run `screener keys init`');
  });

  it('a data folder that is a file: E_DATA_DIR_NOT_A_DIR naming it, for list, status and init', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a folder');
    for (const args of [['list'], ['keys', 'status'], ['keys', 'init']]) {
      const r = runCli(['--data-dir', file, ...args], {
        env: { ...CLI_ENV, SCREENER_PASSPHRASE: PASSPHRASE },
      });
      expect(r.code).toBe(4);
      expect(r.stderr).toContain(`The data folder ${file} is not a folder`);
      expect(r.stderr).toContain('[E_DATA_DIR_NOT_A_DIR]');
      expect(r.stderr).not.toContain('records');
    }
    expect(readFileSync(file, 'utf8')).toBe('not a folder');
  });

  it('org-generate --out a file says it is a file, before asking for a passphrase', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a folder');
    const r = screener(['keys', 'org-generate', '--out', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--out ${file} is a file, not a folder`);
    expect(r.stderr).toContain('[E_OUT_NOT_A_DIR]');
    expect(r.stderr).not.toContain('already exists');
    expect(r.stderr).not.toContain('E_NO_PASSPHRASE');
  });

  it('org-add of a file that does not exist says so', () => {
    init();
    const missing = join(dir, 'nowhere', 'screener-org.pub');
    const r = screener(['keys', 'org-add', missing], { SCREENER_PASSPHRASE: PASSPHRASE });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(`${missing} does not exist`);
    expect(r.stderr).not.toContain('neither');
  });
});

describe('organisation key', () => {
  it('org-generate + org-add: the coordinator opens every record without the passphrase', async () => {
    const org = join(dir, 'org');
    const gen = screener(['keys', 'org-generate', '--out', org], {
      SCREENER_ORG_PASSPHRASE: ORG_PASSPHRASE,
    });
    expect(gen.code).toBe(0);
    expect(gen.stderr).toMatch(/Fingerprint: ([0-9a-f]{4} ){7}[0-9a-f]{4}/);
    const fingerprint = /Fingerprint: (.+)/.exec(gen.stderr)![1]!;
    expect(statSync(join(org, 'screener-org.key')).mode & 0o777).toBe(0o600);

    init();
    const before = testId();
    await (await openFileStore(data)).save(fakeRecord(before));
    const add = screener(['keys', 'org-add', join(org, 'screener-org.pub')], {
      SCREENER_PASSPHRASE: PASSPHRASE,
    });
    expect(add.code).toBe(0);
    expect(add.stderr).toContain(fingerprint);
    expect(add.stderr).toContain('1 existing record can now also be opened with it');
    const after = testId();
    await (await openFileStore(data)).save(fakeRecord(after));
    expect(JSON.parse(screener(['keys', 'status', '--json']).stdout).orgFingerprint).toBe(
      fingerprint.replaceAll(' ', ''),
    );

    const key = await readOrgPrivateKeyFile(join(org, 'screener-org.key'), ORG_PASSPHRASE);
    const opened = await Promise.all(
      (await listRecordFiles(data)).slice().map((f) => openRecordFileWithOrgKey(f, key)),
    );
    expect(opened.map((o) => o.record.id).sort()).toEqual([before, after].sort());
  });

  it('org-add refuses the private key file, and org-generate never overwrites a key', () => {
    const org = join(dir, 'org');
    expect(
      screener(['keys', 'org-generate', '--out', org], { SCREENER_ORG_PASSPHRASE: ORG_PASSPHRASE })
        .code,
    ).toBe(0);
    const priv = readFileSync(join(org, 'screener-org.key'));
    const again = screener(['keys', 'org-generate', '--out', org], {
      SCREENER_ORG_PASSPHRASE: ORG_PASSPHRASE,
    });
    expect(again.code).toBe(4);
    expect(again.stderr).toContain('[E_ORG_KEY_EXISTS]');
    expect(readFileSync(join(org, 'screener-org.key')).equals(priv)).toBe(true);
    init();
    const wrong = screener(['keys', 'org-add', join(org, 'screener-org.key')], {
      SCREENER_PASSPHRASE: PASSPHRASE,
    });
    expect(wrong.code).toBe(4);
    expect(wrong.stderr).toContain('PRIVATE key');
  });

  it('org-add refuses a key of small order (all zeros) before writing anything', async () => {
    init();
    await (await openFileStore(data)).save(fakeRecord(testId()));
    const keys = readFileSync(join(data, 'keys.json'));
    const zero = Buffer.alloc(32).toString('base64');
    const pub = join(dir, 'zero.pub');
    writeFileSync(
      pub,
      JSON.stringify({
        format: 'screener-org-public-key',
        version: 1,
        x25519: zero,
        fingerprint: fingerprintOf(Buffer.alloc(32)),
      }),
    );
    for (const arg of [zero, pub]) {
      const r = screener(['keys', 'org-add', arg], { SCREENER_PASSPHRASE: PASSPHRASE });
      expect(r.code).toBe(4);
      expect(r.stderr).toContain('not a usable X25519 public key');
      expect(r.stderr).toContain('[E_ORG_KEY_INVALID]');
      expect(readFileSync(join(data, 'keys.json')).equals(keys)).toBe(true);
    }
    expect(screener(['list'], { SCREENER_PASSPHRASE: PASSPHRASE }).code).toBe(0);
  });

  it('a folder already holding an unusable organisation key: readable, saves refused, org-add repairs it', async () => {
    init();
    const id = testId();
    await (await openFileStore(data)).save(fakeRecord(id));
    // What an org-add that did not check keys left behind: the zero key, re-keying pending.
    const u = await unlockDataDir(data, PASSPHRASE);
    const raw = Buffer.alloc(32);
    const org = { raw, fingerprint: fingerprintOf(raw), addedAt: '2025-03-14T09:26:53.000Z' };
    await writeKeyFile(u.fs, u.layout, { ...u.keys, org, rewrap: true }, u.current.kek);

    const list = screener(['list'], { SCREENER_PASSPHRASE: PASSPHRASE });
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(id);
    expect(list.stderr).toContain('[E_ORG_KEY_INVALID]');
    expect(list.stderr).toContain('keys org-add');
    const records = readdirSync(join(data, 'records')).sort();
    const run = screener(['run', '--answers', ANSWERS], { SCREENER_PASSPHRASE: PASSPHRASE });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('[E_ORG_KEY_INVALID]');
    expect(run.stderr).not.toContain('E_UNEXPECTED');
    expect(readdirSync(join(data, 'records')).sort()).toEqual(records);
    const change = screener(['keys', 'change-passphrase'], {
      SCREENER_PASSPHRASE: PASSPHRASE,
      SCREENER_NEW_PASSPHRASE: OTHER_PASSPHRASE,
    });
    expect(change.code).toBe(4);
    expect(change.stderr).toContain('[E_ORG_KEY_INVALID]');

    const dir2 = join(dir, 'org');
    expect(
      screener(['keys', 'org-generate', '--out', dir2], { SCREENER_ORG_PASSPHRASE: ORG_PASSPHRASE })
        .code,
    ).toBe(0);
    const add = screener(['keys', 'org-add', join(dir2, 'screener-org.pub')], {
      SCREENER_PASSPHRASE: PASSPHRASE,
    });
    expect(add.code).toBe(0);
    expect(add.stderr).toContain('1 existing record can now also be opened with it');
    const again = screener(['run', '--answers', ANSWERS], { SCREENER_PASSPHRASE: PASSPHRASE });
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain('E_ORG_KEY_INVALID');
    const key = await readOrgPrivateKeyFile(join(dir2, 'screener-org.key'), ORG_PASSPHRASE);
    const opened = await Promise.all(
      (await listRecordFiles(data)).slice().map((f) => openRecordFileWithOrgKey(f, key)),
    );
    expect(opened.map((o) => o.record.id)).toContain(id);
    expect(opened).toHaveLength(2);
  });

  it('org-generate without --out is a usage error', () => {
    expect(screener(['keys', 'org-generate']).code).toBe(2);
  });
});

describe('a damaged key file', () => {
  it('a key file edited by hand: exit 4', () => {
    init();
    const file = join(data, 'keys.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"rewrap": false', '"rewrap": true'));
    const r = screener(['list'], { SCREENER_PASSPHRASE: PASSPHRASE });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('[E_KEYS_TAMPERED]');
  });

  it('a key file asking for more scrypt work than 4x the default is refused before deriving (exit 4)', () => {
    init();
    const file = join(data, 'keys.json');
    const original = readFileSync(file, 'utf8');
    // 1 GiB of memory; and 8x the default's time with the default's memory.
    for (const kdf of [
      { N: 2 ** 20, r: 8, p: 1 },
      { N: 2 ** 17, r: 8, p: 8 },
    ]) {
      const v = JSON.parse(original) as { passphrase: { kdf: object } };
      v.passphrase.kdf = { name: 'scrypt', ...kdf };
      writeFileSync(file, JSON.stringify(v));
      const r = screener(['list'], { SCREENER_PASSPHRASE: PASSPHRASE });
      expect(r.code).toBe(4);
      expect(r.stderr).toContain('[E_KEYS_CORRUPT]');
      expect(r.stderr).not.toContain('Wrong passphrase');
    }
  });

  it('SCREENER_SCRYPT_N above the bound is ignored: the folder made opens', () => {
    const made = screener(['keys', 'init'], {
      SCREENER_PASSPHRASE: PASSPHRASE,
      SCREENER_SCRYPT_N: String(2 ** 20),
    });
    expect(made.code).toBe(0);
    expect(JSON.parse(screener(['keys', 'status', '--json']).stdout).kdf.N).toBe(2 ** 17);
    expect(screener(['list'], { SCREENER_PASSPHRASE: PASSPHRASE }).code).toBe(0);
  });

  it('a folder where the key file should be: exit 4', () => {
    mkdirSync(join(data, 'keys.json'), { recursive: true });
    const r = screener(['list'], { SCREENER_PASSPHRASE: PASSPHRASE });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('[E_NOT_A_FILE]');
    rmSync(join(data, 'keys.json'), { recursive: true });
  });
});

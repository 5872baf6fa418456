/**
 * A folder (or a file) under an export's PATH that the system refuses to read, as on
 * a USB stick formatted ext4 whose `lost+found` belongs to another user: listed among
 * the skipped entries, the rest exported, exit 5. Root ignores file permissions, so
 * as root the CLI runs as `nobody` (with runuser), and without runuser these tests
 * are skipped: they would pass for the wrong reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cannotDropRoot, cliAsNobody, giveToNobody } from '../helpers/as-nobody.js';
import { STACK_TRACE } from '../helpers/run-cli.js';
import {
  FIXTURE,
  laptop,
  makeRecord,
  newId,
  ORG_PASSPHRASE,
  orgKeys,
  removeDir,
  tempDir,
  variedPerson,
} from './helpers/records.js';

let root: string;
let keyFile: string;
const RECORDS = 6;

beforeAll(async () => {
  root = tempDir('unreadable');
  const keys = await orgKeys(join(root, 'org'));
  keyFile = keys.privateFile;
  await laptop(
    join(root, 'usb', 'laptop'),
    Array.from({ length: RECORDS }, (_, i) => makeRecord(newId(), variedPerson(i))),
    keys.publicFile,
  );
  mkdirSync(join(root, 'usb', 'lost+found'));
  mkdirSync(join(root, 'out'));
  chmodSync(root, 0o755);
  giveToNobody(root);
  chmodSync(join(root, 'usb', 'lost+found'), 0o000);
  const records = join(root, 'usb', 'laptop', 'records');
  chmodSync(
    join(
      records,
      readdirSync(records).find((f) => f.endsWith('.rec'))!,
    ),
    0o000,
  );
}, 60_000);

afterAll(() => {
  chmodSync(join(root, 'usb', 'lost+found'), 0o700);
  removeDir(root);
});

describe.skipIf(cannotDropRoot)('an export with an unreadable folder or file inside a PATH', () => {
  it('lists them as skipped, on stderr and in the summary, exports the rest, exit 5', () => {
    const args = [
      '--data-dir',
      'coord',
      'export',
      'usb',
      '--key',
      keyFile,
      '--questionnaire',
      FIXTURE,
      '--k',
      '1',
      '--out',
      join('out', 'dataset.csv'),
      '--summary',
      join('out', 'summary.json'),
    ];
    const env = {
      ...process.env,
      NO_COLOR: '1',
      SCREENER_SCRYPT_N: '1024',
      SCREENER_ORG_PASSPHRASE: ORG_PASSPHRASE,
    };
    const r = cliAsNobody(args, { cwd: root, env });
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.status, r.stderr).toBe(5);
    const folder = join('usb', 'lost+found') + '/';
    expect(r.stderr).toContain(
      `screener: skipped ${folder}: unreadable — Cannot read the folder ${join('usb', 'lost+found')}: permission denied (EACCES). Any records in that folder were not read or counted. [E_STORE_READ]`,
    );
    expect(r.stderr).toMatch(
      /skipped usb\/laptop\/records\/R-[^ ]+\.rec: unreadable — .*\[E_STORE_READ\]/,
    );
    expect(r.stderr).toContain(`Exported ${RECORDS - 1} of ${RECORDS + 1} records`);
    const summary = JSON.parse(readFileSync(join(root, 'out', 'summary.json'), 'utf8')) as {
      records_in: number;
      records_out: number;
      skipped: { file: string; reason: string; code: string }[];
    };
    expect(summary.records_out).toBe(RECORDS - 1);
    expect(summary.records_in).toBe(RECORDS + 1);
    expect(summary.skipped.map((s) => [s.file, s.reason, s.code])).toEqual([
      [folder, 'unreadable', 'E_STORE_READ'],
      [expect.stringMatching(/^usb\/laptop\/records\/R-.+\.rec$/), 'unreadable', 'E_STORE_READ'],
    ]);
    const csv = readFileSync(join(root, 'out', 'dataset.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(csv).toHaveLength(1 + RECORDS - 1);
  });
});

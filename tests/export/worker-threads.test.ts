/**
 * Reading with several threads, end to end, on enough files for several chunks (256
 * files each): worker threads and the main thread both read, results are taken in file
 * order, and the file, the summary and the skip list are byte for byte those of one
 * thread. Problem files sit in different chunks, so skips come from every reader.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, STACK_TRACE } from '../helpers/run-cli.js';
import {
  craftRecordFile,
  FIXTURE,
  makeRecord,
  newId,
  ORG_PASSPHRASE,
  orgKeys,
  removeDir,
  tempDir,
  variedPerson,
} from './helpers/records.js';

let root: string;
let orgKeyFile: string;
const FILES = 700;
/** Records made with an earlier text of the questionnaire and left undamaged. */
let earlierIntact = 0;

beforeAll(async () => {
  root = tempDir('threads');
  const keys = await orgKeys(join(root, 'org'));
  orgKeyFile = keys.privateFile;
  const lap = join(root, 'lap');
  const earlierIds = new Set<string>();
  for (let i = 0; i < FILES; i++) {
    const record = makeRecord(newId(), variedPerson(i));
    // Some made with an earlier text of the questionnaire, in every chunk: each thread
    // reports them, and the main thread counts them once.
    const earlier = i % 100 === 50;
    if (earlier) earlierIds.add(record.id);
    await craftRecordFile(
      lap,
      earlier
        ? { ...record, questionnaire: { ...record.questionnaire, hash: 'e'.repeat(64) } }
        : record,
      keys.publicFile,
    );
  }
  // Damage files spread over the listing: first, middle and last chunks.
  const files = readdirSync(join(lap, 'records')).sort();
  for (const n of [3, 300, 520, 690]) {
    const f = join(lap, 'records', files[n]!);
    const bytes = readFileSync(f);
    bytes[bytes.length - 20]! ^= 1;
    writeFileSync(f, bytes);
  }
  writeFileSync(join(lap, 'records', files[400]!), 'not a record');
  const damaged = new Set([3, 300, 520, 690, 400].map((n) => files[n]!.replace(/\.rec$/, '')));
  earlierIntact = [...earlierIds].filter((id) => !damaged.has(id)).length;
}, 120_000);

afterAll(() => removeDir(root));

function exportWith(workers: string, name: string) {
  const r = runCli(
    [
      '--data-dir',
      'coord',
      'export',
      'lap',
      '--key',
      orgKeyFile,
      '--questionnaire',
      FIXTURE,
      '--k',
      '3',
      '--out',
      `${name}.csv`,
      '--summary',
      `${name}.json`,
    ],
    {
      cwd: root,
      env: {
        SCREENER_SCRYPT_N: '1024',
        SCREENER_ORG_PASSPHRASE: ORG_PASSPHRASE,
        SCREENER_EXPORT_WORKERS: workers,
      },
    },
  );
  expect(r.stderr).not.toMatch(STACK_TRACE);
  const summary = JSON.parse(readFileSync(join(root, `${name}.json`), 'utf8')) as Record<
    string,
    unknown
  >;
  const withoutOutput: Record<string, unknown> = { ...summary, output: undefined };
  return {
    code: r.code,
    csv: readFileSync(join(root, `${name}.csv`)),
    summary: withoutOutput,
    skips: r.stderr.split('\n').filter((l) => l.includes('skipped ')),
  };
}

describe('screener export with reading threads', () => {
  it('two and three threads give what one thread gives, over several chunks', () => {
    const one = exportWith('0', 'one');
    expect(one.code).toBe(5);
    expect((one.summary.skipped as unknown[]).length).toBe(5);
    expect(one.summary.records_in).toBe(FILES);
    expect(earlierIntact).toBeGreaterThan(1);
    expect((one.summary.notes as string[]).map((n) => n.split(' that ')[0])).toEqual([
      `${earlierIntact} records were made with a text of export_fixture 1.0.0`,
    ]);
    for (const workers of ['2', '3']) {
      const many = exportWith(workers, `w${workers}`);
      expect(many.code).toBe(5);
      expect(many.csv.equals(one.csv)).toBe(true);
      expect(many.summary).toEqual(one.summary);
      expect(many.skips).toEqual(one.skips);
    }
  });
});

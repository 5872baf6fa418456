/**
 * Fictional interview records for the export tests, shaped like real ones: a direct
 * identifier and free text carrying canaries that must never reach an export, and
 * answers that give each of the three outcomes. Laptops are real encrypted data
 * folders written through the store, with an organisation key.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomInt } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Questionnaire } from '../../../src/questionnaire/types.js';
import { requireQuestionnaire } from '../../../src/questionnaire/load.js';
import type { Answer, InterviewRecord } from '../../../src/record/types.js';
import {
  addOrgKey,
  FileStore,
  generateOrgKeyFiles,
  initKeys,
  readOrgPublicKeyFile,
  unlockDataDir,
} from '../../../src/store/index.js';
import type { ScryptParams } from '../../../src/store/kdf.js';
import { randomKey } from '../../../src/store/crypto.js';
import { orgSlot } from '../../../src/store/key-slots.js';
import { encodeRecordFile } from '../../../src/store/record-file.js';

export const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'export-fixture.yaml');
export const TEST_SCRYPT: ScryptParams = { name: 'scrypt', N: 1024, r: 8, p: 1 };
export const PASSPHRASE = 'amber kestrel harbour eleven';
export const ORG_PASSPHRASE = 'cobalt heron quarry fourteen';

/** Obviously fake, unique per run: if one shows up in an export, something leaked. */
const run = randomInt(100000, 999999);
export const CANARY_NAME = `ZZCANARY-Name-${run}`;
export const CANARY_PHONE = `ZZCANARY-Phone-${run}`;
export const CANARY_NOTE = `ZZCANARY-Note-${run} met at the bus station`;
export const CANARY_TOWN = `ZZCANARY-Town-${run}`;
export const CANARIES = [CANARY_NAME, CANARY_PHONE, CANARY_NOTE, CANARY_TOWN, `ZZCANARY-`];

let cached: Questionnaire | undefined;
export function fixtureQuestionnaire(): Questionnaire {
  return (cached ??= requireQuestionnaire(FIXTURE));
}

export type Outcome = 'met' | 'partial' | 'not_met';

export interface Person {
  readonly age?: number;
  readonly sex?: 'f' | 'm' | 'x';
  readonly nationality?: string;
  readonly region?: string;
  /** Interview month, YYYY-MM. */
  readonly month?: string;
  readonly outcome?: Outcome;
  readonly mode?: InterviewRecord['mode'];
  readonly status?: InterviewRecord['status'];
  /** ISO date-time of the last save (duplicates: the newest copy wins). */
  readonly updatedAt?: string;
}

/**
 * The i-th of a run of people who differ in every quasi-identifier and outcome, so an
 * export of a few hundred of them has combinations to count and rows to keep.
 */
export function variedPerson(i: number): Person {
  const nats = ['ng', 'gh', 'th', 'vn'];
  return {
    age: 19 + (i % 20),
    sex: i % 3 === 0 ? 'm' : 'f',
    nationality: nats[i % nats.length]!,
    month: `2024-0${1 + (i % 6)}`,
    outcome: i % 2 === 0 ? 'met' : 'partial',
  };
}

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
let next = randomInt(0, 1 << 20);
/** A fictional record id, unique within the run. */
export function newId(): string {
  let n = next++ * 2654435761;
  let s = '';
  for (let i = 0; i < 8; i++) {
    s += ALPHABET[Math.abs(n) % 32];
    n = Math.floor(n / 32);
  }
  return `R-${s.slice(0, 4)}-${s.slice(4)}`;
}

export function makeRecord(id: string, p: Person = {}): InterviewRecord {
  const q = fixtureQuestionnaire();
  const month = p.month ?? '2024-05';
  const at = `${month}-14T09:26:53.000Z`;
  const v = (value: string | number | readonly string[]): Answer => ({ kind: 'value', value, at });
  const outcome = p.outcome ?? 'partial';
  const answers: Record<string, Answer> = {
    consent_given: v('yes'),
    full_name: v(CANARY_NAME),
    phone: { kind: 'value', value: CANARY_PHONE, at, note: `call ${CANARY_NAME} after 6pm` },
    age: v(p.age ?? 27),
    sex: v(p.sex ?? 'f'),
    nationality: v(p.nationality ?? 'ng'),
    region: v(p.region ?? 'r01'),
    home_town: v(CANARY_TOWN),
    job_as_promised: v(outcome === 'not_met' ? 'same' : 'different_job'),
    conditions_lied: v(outcome === 'met' ? 'yes' : 'no'),
    hours_per_day: v(outcome === 'met' ? 14 : 8),
    rest_days: v(outcome === 'met' ? 'no' : 'yes'),
    controls: v(outcome === 'met' ? ['documents_taken', 'debt'] : ['none']),
    notes: { kind: 'value', value: CANARY_NOTE, at, note: CANARY_NOTE },
  };
  return {
    formatVersion: 1,
    id,
    questionnaire: { id: q.id, version: q.version, hash: q.hash },
    lang: 'en',
    mode: p.mode ?? 'real',
    status: p.status ?? 'completed',
    startedAt: at,
    updatedAt: p.updatedAt ?? at,
    answers,
    path: Object.keys(answers),
    shown: [],
  };
}

export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `screener-export-${label}-`));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** An organisation key pair in a folder of its own (the coordinator's). */
export async function orgKeys(dir: string) {
  return generateOrgKeyFiles(dir, ORG_PASSPHRASE, TEST_SCRYPT);
}

/**
 * A laptop's data folder: keys, the organisation public key, and these records,
 * encrypted by the store. Returns the folder.
 */
export async function laptop(
  dir: string,
  records: readonly InterviewRecord[],
  orgPublicFile?: string,
  passphrase = PASSPHRASE,
): Promise<string> {
  await initKeys(dir, passphrase, TEST_SCRYPT);
  let unlocked = await unlockDataDir(dir, passphrase);
  if (orgPublicFile) {
    await addOrgKey(unlocked, await readOrgPublicKeyFile(orgPublicFile));
    unlocked = await unlockDataDir(dir, passphrase);
  }
  const { store } = await FileStore.open(unlocked);
  for (const r of records) await store.save(r);
  return dir;
}

/**
 * Writes a record file directly with the store's encoding, bypassing FileStore (which
 * refuses practice records): what a buggy or older build might have left on a laptop.
 * Only the organisation can open it.
 */
export async function craftRecordFile(
  dir: string,
  record: InterviewRecord,
  orgPublicFile: string,
): Promise<string> {
  const org = await readOrgPublicKeyFile(orgPublicFile);
  const dataKey = randomKey();
  const bytes = encodeRecordFile(
    dataKey,
    {
      id: record.id,
      recordFormat: record.formatVersion,
      questionnaireHash: record.questionnaire.hash,
      slots: [orgSlot(dataKey, record.id, org)],
    },
    { record, auditCount: 0 },
  );
  mkdirSync(join(dir, 'records'), { recursive: true });
  const file = join(dir, 'records', `${record.id}.rec`);
  writeFileSync(file, bytes);
  return file;
}

/**
 * The export of records made as screeners make them: the shipped IOM screening
 * questionnaire, interviews stored by `screener run` on a laptop with an organisation
 * key, exported by the coordinator. The quasi-identifiers are the ones its export
 * section names (docs/export.md, "The shipped questionnaire"), nationality
 * typed as free text comes out as a country code, the scores are the reports' scores,
 * and nothing typed into a free-text field reaches any output byte.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { ROOT, runCli, STACK_TRACE } from '../helpers/run-cli.js';
import { parseCsv, violations } from './helpers/checker.js';
import { removeDir, tempDir } from './helpers/records.js';

const ENV = {
  SCREENER_SCRYPT_N: '1024',
  SCREENER_PASSPHRASE: 'fictional laptop passphrase for the export test',
  SCREENER_ORG_PASSPHRASE: 'fictional coordinator passphrase for the export test',
};
const FULL = join(ROOT, 'tests', 'fixtures', 'answers', 'bench-full-interview.yaml');

/** Fictional people; every free-text answer carries a canary that must never be exported. */
const PEOPLE = [
  { age: 23, sex: 'female', nationality: 'Nigerian', light: false },
  { age: 31, sex: 'female', nationality: 'Nigériane', light: true },
  { age: 27, sex: 'male', nationality: 'Ghana', light: false },
  { age: 45, sex: 'female', nationality: 'VNM', light: true },
  { age: 38, sex: 'male', nationality: 'Roumain', light: false },
  { age: 29, sex: 'female', nationality: 'Eastland', light: false },
] as const;
const EXPECTED_NATIONALITIES = ['GH', 'NG', 'NG', 'RO', 'VN', 'unknown'];

/** Answers that raise few indicators: what changes from the full interview. */
const LIGHT: Record<string, unknown> = {
  promise_vs_reality: ['as_promised'],
  pay_problems: ['as_agreed'],
  debt: 'none',
  documents_held: 'person',
  movement_control: ['free'],
  threats_violence: ['none'],
  fees_debt: ['nothing'],
  recruitment_coercion: ['none'],
  hours_per_day: 8,
  rest_days: 'weekly',
  living_conditions: ['adequate'],
  working_conditions: ['acceptable'],
  situation_at_destination: ['none'],
  situation_at_recruitment: ['none'],
  recruiter_took_advantage: ['none'],
  education_access: 'yes',
};

const canary = (i: number, field: string) => `ZZCANARY-${field}-${i}`;
const FREE_TEXT = [
  'person_name',
  'interview_place',
  'home_area',
  'languages_spoken',
  'offer_description',
  'destination',
  'transit_countries',
  'work_place',
  'assess_reasons',
];

let root: string;
const reportOutcomes: string[] = [];

function screener(args: string[]) {
  const r = runCli(args, { env: ENV, cwd: root });
  expect(r.stderr).not.toMatch(STACK_TRACE);
  return r;
}

beforeAll(() => {
  root = tempDir('shipped');
  expect(screener(['--data-dir', 'laptop', 'keys', 'init']).code).toBe(0);
  expect(screener(['keys', 'org-generate', '--out', 'org']).code).toBe(0);
  expect(
    screener(['--data-dir', 'laptop', 'keys', 'org-add', join('org', 'screener-org.pub')]).code,
  ).toBe(0);
  PEOPLE.forEach((p, i) => {
    const doc = parseDocument(readFileSync(FULL, 'utf8'));
    doc.setIn(['answers', 'age'], p.age);
    doc.setIn(['answers', 'sex'], p.sex);
    doc.setIn(['answers', 'nationality'], p.nationality);
    for (const field of FREE_TEXT) doc.setIn(['answers', field], canary(i, field));
    if (p.light) for (const [k, v] of Object.entries(LIGHT)) doc.setIn(['answers', k], v);
    writeFileSync(join(root, `answers-${i}.yaml`), doc.toString());
    const r = screener([
      '--data-dir',
      'laptop',
      'run',
      '--answers',
      `answers-${i}.yaml`,
      '--report',
      `report-${i}.json`,
      '--format',
      'json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(root, `report-${i}.json`), 'utf8')) as {
      outcome: { id: string };
    };
    reportOutcomes.push(report.outcome.id);
  });
}, 120_000);

afterAll(() => removeDir(root));

/** The coordinator's export of the laptop's folder at k, into NAME.csv and NAME.json. */
function coordinatorExport(k: string, name: string) {
  return screener([
    '--data-dir',
    'coordinator',
    'export',
    'laptop',
    '--key',
    join('org', 'screener-org.key'),
    '--k',
    k,
    '--out',
    `${name}.csv`,
    '--summary',
    `${name}.json`,
  ]);
}

describe('screener export of interviews made with the shipped questionnaire', () => {
  it('exports every interview with the reports’ outcomes and nationalities as codes', () => {
    expect(
      readdirSync(join(root, 'laptop', 'records')).filter((f) => f.endsWith('.rec')),
    ).toHaveLength(PEOPLE.length);
    // The two kinds of interview score differently, so the comparison below means something.
    expect(new Set(reportOutcomes).size).toBeGreaterThan(1);
    const r = coordinatorExport('1', 'out');
    expect(r.code, r.stderr).toBe(0);
    const table = parseCsv(readFileSync(join(root, 'out.csv'), 'utf8'));
    const col = (name: string) => table.rows.map((row) => row[table.header.indexOf(name)]!);
    expect(table.rows).toHaveLength(PEOPLE.length);
    expect(col('questionnaire_id')).toEqual(PEOPLE.map(() => 'iom_screening'));
    expect(col('outcome').sort()).toEqual([...reportOutcomes].sort());
    expect(col('nationality').sort()).toEqual(EXPECTED_NATIONALITIES);
    expect(col('sex').sort()).toEqual(PEOPLE.map((p) => p.sex).sort());
    expect(col('age').sort()).toEqual(['18-24', '25-29', '25-29', '30-34', '35-39', '45-49']);
    const summary = JSON.parse(readFileSync(join(root, 'out.json'), 'utf8')) as {
      quasi_identifiers: string[];
      not_exported: { question: string }[];
      records_in: number;
      records_out: number;
    };
    // The questionnaire's export section: no second interview date, no exit date.
    expect(summary.quasi_identifiers).toEqual([
      'interview_month',
      'population',
      'sex',
      'age',
      'nationality',
      'departure_date',
    ]);
    expect(summary.not_exported.map((n) => n.question)).toEqual(
      expect.arrayContaining(['exit_date', 'home_area']),
    );
    // The interview month is the interview's date as answered (2024-03-12 in the answers),
    // not the day these records were made; interview_date is that column, not another.
    expect(summary.not_exported.map((n) => n.question)).not.toContain('interview_date');
    expect(new Set(col('interview_month'))).toEqual(new Set(['2024-03']));
    expect([summary.records_in, summary.records_out]).toEqual([PEOPLE.length, PEOPLE.length]);
  });

  it('carries the guarantee at k = 3, and no free text or name reaches any output byte', () => {
    const r = coordinatorExport('3', 'k3');
    expect(r.code, r.stderr).toBe(0);
    const csv = readFileSync(join(root, 'k3.csv'), 'utf8');
    const table = parseCsv(csv);
    const summary = JSON.parse(readFileSync(join(root, 'k3.json'), 'utf8')) as {
      quasi_identifiers: string[];
    };
    expect(violations(table, summary.quasi_identifiers, 3)).toEqual([]);
    const everything = csv + readFileSync(join(root, 'k3.json'), 'utf8') + r.stdout + r.stderr;
    for (let i = 0; i < PEOPLE.length; i++)
      for (const field of FREE_TEXT) expect(everything).not.toContain(canary(i, field));
    expect(everything).not.toContain('ZZCANARY');
    expect(everything).not.toContain('Eastland');
  });
});

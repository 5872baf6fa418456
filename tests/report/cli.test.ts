/** `screener report` as a user runs it: the built CLI on an encrypted data folder. */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, STACK_TRACE, ROOT } from '../helpers/run-cli.js';
import {
  CLI_ENV,
  openFileStore,
  PASSPHRASE,
  removeDir,
  tempDir,
  testId,
} from '../store/helpers.js';
import { CANARIES, canaryQuestionnaire, canaryRecord } from './helpers.js';

const FIXTURE = join(ROOT, 'tests', 'report', 'fixtures', 'canary.yaml');
let dir: string;
let data: string;
let id: string;
let reviewed: string;

function screener(args: string[], env: Record<string, string | undefined> = {}) {
  const r = runCli(['--data-dir', data, ...args], {
    env: { ...CLI_ENV, SCREENER_PASSPHRASE: PASSPHRASE, SCREENER_REFERRALS: undefined, ...env },
  });
  expect(r.stderr).not.toMatch(STACK_TRACE);
  return r;
}

const leaks = (out: string) => CANARIES.filter((c) => out.toLowerCase().includes(c.toLowerCase()));

beforeAll(async () => {
  dir = tempDir('report-cli');
  data = join(dir, 'data');
  expect(screener(['keys', 'init']).code).toBe(0);
  const store = await openFileStore(data);
  const q = canaryQuestionnaire();
  id = testId();
  reviewed = testId();
  await store.save({ ...canaryRecord(q), id });
  await store.appendAudit(id, { type: 'completed', at: '2031-05-17T10:30:00.000Z' });
  await store.save({
    ...canaryRecord(q),
    id: reviewed,
    redactionReview: {
      remove: [{ text: 'cleaner', kind: 'name' }],
      restore: [],
      at: '2031-05-17T11:00:00.000Z',
    },
  });
});
afterAll(() => removeDir(dir));

describe('screener report', () => {
  it('writes the Markdown report to stdout by default, with nothing identifying', () => {
    const r = screener(['report', id, '--questionnaire', FIXTURE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`# Screening report — \`${id}\``);
    expect(r.stdout).toContain('The indicators found meet the published combination');
    expect(r.stdout).toContain('A screening is not a legal identification');
    expect(leaks(r.stdout)).toEqual([]);
    expect(leaks(r.stderr)).toEqual([]);
  });

  it('JSON with the contract fields; --lang chooses the report language', () => {
    const r = screener(['report', id, '-q', FIXTURE, '--format', 'json', '--lang', 'fr']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Record<string, unknown> & {
      outcome: { id: string; title: string };
    };
    expect(j.outcome.id).toBe('indicators_met');
    expect(j.outcome.title).toBe('Les indicateurs relevés atteignent la combinaison publiée');
    expect(j).toMatchObject({
      population: 'adult',
      language: 'fr',
      flags: ['urgent', 'consent_limited'],
    });
    expect(Object.keys(j)).toEqual(
      expect.arrayContaining(['dimensions', 'indicators', 'redactions']),
    );
  });

  it('HTML to a file readable by its owner only; --full warns on stderr', () => {
    const out = join(dir, 'report.html');
    const r = screener(['report', id, '-q', FIXTURE, '--format', 'html', '--out', out, '--full']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('warning: full internal report');
    expect(r.stderr).toContain(`Report written to ${out}.`);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('FULL INTERNAL REPORT');
    expect(leaks(html).filter((c) => c !== 'Ikpoba')).toEqual([]);
  });

  it('referral contacts from the directory, or from SCREENER_REFERRALS', () => {
    const template = join(ROOT, 'questionnaires', 'referrals.example.yaml');
    const r = screener(['report', id, '-q', FIXTURE, '--referrals', template]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('are FICTIONAL');
    expect(r.stdout).toContain('Safe House Placeholder (fictional)');
    const viaEnv = screener(['report', id, '-q', FIXTURE], { SCREENER_REFERRALS: template });
    expect(viaEnv.stdout).toContain('Safe House Placeholder (fictional)');
  });

  it('a review kept with the record applies to every report', () => {
    const r = screener(['report', reviewed, '-q', FIXTURE]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('cleaner');
    expect(r.stdout).toContain('She worked as a [name] in Italy');
  });

  it('--audit prints the audit log: ids and times, never a value', () => {
    const r = screener(['report', id, '--audit']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('2031-05-17T10:30:00.000Z  completed');
    expect(lines.filter((l) => l.endsWith('  report')).length).toBeGreaterThanOrEqual(3);
    expect(leaks(r.stdout)).toEqual([]);
  });

  it('usage errors exit 2: --review without a terminal, a bad --lang, an unknown questionnaire', () => {
    const review = screener(['report', id, '-q', FIXTURE, '--review']);
    expect(review.code).toBe(2);
    expect(review.stderr).toContain('[E_NO_TERMINAL]');
    const lang = screener(['report', id, '--lang', 'French!']);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toContain('[E_BAD_LANG]');
    // A well-formed code neither the report nor the record's questionnaire is written
    // in: refused, not silently English.
    const de = screener(['report', id, '-q', FIXTURE, '--lang', 'de']);
    expect(de.code).toBe(2);
    expect(de.stdout).toBe('');
    expect(de.stderr).toContain(
      'neither the report nor the questionnaire has de texts (report: en, fr, es; questionnaire: en, fr) [E_UNKNOWN_LANGUAGE]',
    );
    // One the report's own words are written in is kept, the questions falling back.
    const es = screener(['report', id, '-q', FIXTURE, '--format', 'json', '--lang', 'es']);
    expect(es.code).toBe(0);
    expect((JSON.parse(es.stdout) as { outcome: { title: string } }).outcome.title).toBe(
      'Los indicadores encontrados cumplen la combinación publicada',
    );
    const q = screener(['report', id]);
    expect(q.code).toBe(2);
    expect(q.stderr).toContain('[E_QUESTIONNAIRE_NOT_FOUND]');
  });

  it('an invalid referral directory exits 3; an unknown record and a wrong passphrase exit 4', () => {
    const bad = join(dir, 'bad-referrals.yaml');
    writeFileSync(bad, 'organisation: 3\ncategories: nope\n');
    const r = screener(['report', id, '-q', FIXTURE, '--referrals', bad]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('[E_INVALID_REFERRALS]');
    const unknown = screener(['report', 'R-ZZZZ-ZZZZ', '-q', FIXTURE]);
    expect(unknown.code).toBe(4);
    const wrong = screener(['report', id, '-q', FIXTURE], {
      SCREENER_PASSPHRASE: 'not the passphrase at all',
    });
    expect(wrong.code).toBe(4);
  });
});

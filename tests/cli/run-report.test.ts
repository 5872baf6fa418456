import { execFileSync } from 'node:child_process';
import {
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, STACK_TRACE } from '../helpers/run-cli.js';
import { CLI_ENV, PASSPHRASE } from '../store/helpers.js';

const ANSWERS = join(ROOT, 'tests', 'fixtures', 'answers', 'bench-full-interview.yaml');

describe('run --answers --report with the shipped questionnaire', () => {
  it('writes the report in each format; a practice run leaves the data folder empty', () => {
    const home = mkdtempSync(join(tmpdir(), 'screener-run-report-'));
    const data = join(home, 'data');
    for (const format of ['json', 'md', 'html'] as const) {
      const out = join(home, `report.${format}`);
      const r = runCli(
        ['run', '--answers', ANSWERS, '--practice', '--report', out, '--format', format],
        {
          env: { SCREENER_HOME: data },
        },
      );
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.trim()).toMatch(/^R-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect(r.stderr).toContain(`Report written to ${out}.`);
      expect(statSync(out).mode & 0o077).toBe(0);
      const text = readFileSync(out, 'utf8');
      if (format === 'json') {
        const report = JSON.parse(text) as {
          outcome: { id: string };
          population: string;
          dimensions: { id: string; positive: boolean }[];
        };
        // The fictional construction scenario's coding: the adult combination is met.
        expect(report.outcome.id).toBe('indicators_met');
        expect(report.population).toBe('adult');
        expect(report.dimensions.find((d) => d.id === 'exploitative_conditions')?.positive).toBe(
          true,
        );
      } else {
        expect(text).toMatch(/not a legal identification/);
      }
    }
    expect(readdirSync(home).filter((f) => f === 'data')).toEqual([]);
  });

  it('removes phone numbers from free text and a direct field written +…', () => {
    // The phone-number library is loaded only for such a record (src/report/prepare.ts).
    const home = mkdtempSync(join(tmpdir(), 'screener-run-phones-'));
    const answers = join(home, 'answers.yaml');
    writeFileSync(
      answers,
      readFileSync(ANSWERS, 'utf8')
        .replace(
          'offer_description: Bricklaying,',
          'offer_description: Call the agent on 07700 900123. Bricklaying,',
        )
        .replace(
          '  person_name: Jan\n',
          '  person_name: Jan\n  contact_details: "+44 7700 900456"\n',
        ),
    );
    const out = join(home, 'report.md');
    const r = runCli(['run', '--answers', answers, '--practice', '--report', out], {
      env: { SCREENER_HOME: join(home, 'data') },
    });
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).not.toMatch(/900123|900456/);
    expect(text).toContain('Call the agent on');
  });

  it('without --report, a practice run says how to keep the report', () => {
    const r = runCli(['run', '--answers', ANSWERS, '--practice'], {
      env: { SCREENER_HOME: mkdtempSync(join(tmpdir(), 'sr-')) },
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('add --report FILE');
  });

  it('a --lang the questionnaire lacks is refused before anything is played or stored (exit 2)', () => {
    const home = mkdtempSync(join(tmpdir(), 'screener-run-lang-'));
    const data = join(home, 'data');
    for (const lang of ['zz', 'xx-!!']) {
      const r = runCli(
        ['run', '--answers', ANSWERS, '--lang', lang, '--report', join(home, 'r.md')],
        {
          env: { ...CLI_ENV, SCREENER_HOME: data, SCREENER_PASSPHRASE: PASSPHRASE },
        },
      );
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(
        `the questionnaire has no ${lang} texts (languages: en, fr) [E_UNKNOWN_LANGUAGE]`,
      );
    }
    expect(readdirSync(home)).toEqual([]);
  });

  it('a broken referral directory fails before anything is played (exit 3)', () => {
    const r = runCli(['run', '--answers', ANSWERS, '--practice', '--report', '/tmp/never.md'], {
      env: {
        SCREENER_REFERRALS: join(ROOT, 'tests', 'fixtures', 'questionnaires', 'minimal.yaml'),
      },
    });
    expect(r.code).toBe(3);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });
});

describe("a report is never written over the store's own files", () => {
  it('run --report and report --out refuse a record or the keys before doing anything (exit 2)', () => {
    const home = mkdtempSync(join(tmpdir(), 'screener-report-guard-'));
    const env = { ...CLI_ENV, SCREENER_PASSPHRASE: PASSPHRASE };
    const screener = (args: string[]) => {
      const r = runCli(['--data-dir', join(home, 'data'), ...args], { env });
      expect(r.stderr).not.toMatch(STACK_TRACE);
      return r;
    };
    expect(screener(['keys', 'init']).code).toBe(0);
    const first = screener(['run', '--answers', ANSWERS]);
    expect(first.code, first.stderr).toBe(0);
    const id = first.stdout.trim();
    const records = join(home, 'data', 'records');
    const recordFile = join(records, `${id}.rec`);
    const keysFile = join(home, 'data', 'keys.json');
    const record = readFileSync(recordFile);
    const keys = readFileSync(keysFile);

    const run = screener(['run', '--answers', ANSWERS, '--report', recordFile]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `screener: ${recordFile} is a record file; a report is never written over it. The report was not written. [E_REPORT_OUT_PROTECTED]`,
    );
    // Refused before the answers were played: no second interview was stored.
    expect(readdirSync(records).filter((f) => f.endsWith('.rec'))).toEqual([`${id}.rec`]);

    const report = screener(['report', id, '--out', keysFile]);
    expect(report.code).toBe(2);
    expect(report.stderr).toContain(`${keysFile} is a data folder's keys`);
    expect(readFileSync(recordFile)).toEqual(record);
    expect(readFileSync(keysFile)).toEqual(keys);

    // Any other existing file is replaced, as asked.
    const other = join(home, 'notes.md');
    writeFileSync(other, 'an old draft\n');
    expect(screener(['report', id, '--out', other]).code).toBe(0);
    expect(readFileSync(other, 'utf8')).toMatch(/not a legal identification/);
  });
});

describe('an output name that is a link or a device is refused, never replaced', () => {
  it('run --report, report --out and rehearse --debrief: exit 2, the link and its file as they were', () => {
    const home = mkdtempSync(join(tmpdir(), 'screener-report-link-'));
    const data = join(home, 'data');
    const real = join(home, 'real.md');
    writeFileSync(real, 'an earlier report\n');
    const link = join(home, 'link.md');
    symlinkSync(real, link);
    const fifo = join(home, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const screener = (args: string[], env: Record<string, string> = {}) => {
      const r = runCli(['--data-dir', data, ...args], { env: { ...CLI_ENV, ...env } });
      expect(r.stderr).not.toMatch(STACK_TRACE);
      return r;
    };
    const unchanged = () => {
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      expect(readlinkSync(link)).toBe(real);
      expect(readFileSync(real, 'utf8')).toBe('an earlier report\n');
      expect(lstatSync(fifo).isFIFO()).toBe(true);
      expect(readdirSync(home).sort()).toEqual(['link.md', 'pipe', 'real.md']);
    };

    const run = screener(['run', '--answers', ANSWERS, '--practice', '--report', link]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `screener: --report ${link} is a link to ${real}; the report is written as a file of its own, and writing it there would replace the link, not what it leads to. The report was not written. [E_REPORT_OUT_NOT_FILE]`,
    );
    expect(run.stderr).toContain(`Give the real file's path: --report ${real}`);
    expect(run.stdout).toBe('');
    unchanged();

    const runPipe = screener(['run', '--answers', ANSWERS, '--practice', '--report', fifo]);
    expect(runPipe.code).toBe(2);
    expect(runPipe.stderr).toContain(
      `screener: --report ${fifo} is not a regular file (a device, a pipe or a socket); the report is written as a file of its own. The report was not written. [E_REPORT_OUT_NOT_FILE]`,
    );
    unchanged();

    // report: refused before the passphrase is asked (none is given here).
    const report = screener(['report', 'R-AAAA-AAAA', '--out', link]);
    expect(report.code).toBe(2);
    expect(report.stderr).toContain(`screener: --out ${link} is a link to ${real};`);
    expect(report.stderr).toContain(
      'Leave out --out to print the report on standard output, or give a file name.',
    );
    unchanged();

    const debrief = screener(['rehearse', 'child-street-selling', '--auto', '--debrief', fifo]);
    expect(debrief.code).toBe(2);
    expect(debrief.stderr).toContain(`screener: --debrief ${fifo} is not a regular file`);
    expect(debrief.stderr).toContain(
      'The debrief is printed on standard output as well: leave out --debrief, or give a file name.',
    );
    expect(debrief.stdout).toBe('');
    unchanged();
  });
});

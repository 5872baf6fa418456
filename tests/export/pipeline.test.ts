/**
 * The export pipeline in-process, with records handed over by a fake reader: what
 * happens on interruption, on duplicates, on records that must never be exported,
 * and what the file and the summary say. File bytes are checked with the
 * independent checker.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ScreenerError, dataError } from '../../src/errors.js';
import type { InterviewRecord } from '../../src/record/types.js';
import { runExport, type ExportRequest } from '../../src/export/run-export.js';
import type { SkippedFile } from '../../src/export/summary.js';
import { assess } from '../../src/scoring/index.js';
import { pseudonymDigest, pseudonymOf } from '../../src/export/pseudonym.js';
import { parseCsv, violations } from './helpers/checker.js';
import { memoryExportRequest } from './helpers/request.js';
import { loadQuestionnaireText } from '../../src/questionnaire/load.js';
import {
  CANARIES,
  FIXTURE,
  fixtureQuestionnaire,
  makeRecord,
  newId,
  removeDir,
  tempDir,
  type Person,
} from './helpers/records.js';

let dir: string;
beforeEach(() => {
  dir = tempDir('pipeline');
});
afterEach(() => removeDir(dir));

const SECRET = Buffer.alloc(32, 9);

function request(
  records: Record<string, InterviewRecord | Error>,
  over: Partial<ExportRequest> = {},
): ExportRequest {
  return memoryExportRequest(dir, SECRET, records, over);
}

function people(n: number, p: Person = {}): Record<string, InterviewRecord> {
  const out: Record<string, InterviewRecord> = {};
  for (let i = 0; i < n; i++) out[`f${String(i).padStart(3, '0')}.rec`] = makeRecord(newId(), p);
  return out;
}

describe('runExport', () => {
  it('an interrupted export leaves no output, no summary and no temporary file', async () => {
    const controller = new AbortController();
    const records = people(40);
    let opened = 0;
    const req = request(records, { signal: controller.signal });
    const reader = {
      files: req.reader.files,
      open: async (f: string) => {
        if (++opened === 20) controller.abort();
        return req.reader.open(f);
      },
    };
    await expect(runExport({ ...req, reader })).rejects.toMatchObject({
      kind: 'interrupted',
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a failure while writing leaves the earlier output untouched', async () => {
    await runExport(request(people(6)));
    const before = readFileSync(join(dir, 'out.csv'));
    const records = people(6);
    // A questionnaire whose records cannot be scored is a skip, not a failure; an
    // impossible k after reading is a failure: nothing may be replaced.
    await expect(runExport(request(records, { k: 50 }))).rejects.toBeInstanceOf(ScreenerError);
    expect(readFileSync(join(dir, 'out.csv')).equals(before)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['out.csv', 'summary.json']);
  });

  it('practice, rehearsal and unfinished records are counted as excluded, never exported', async () => {
    const records = {
      ...people(5),
      'p.rec': makeRecord(newId(), { mode: 'practice' }),
      'r.rec': makeRecord(newId(), { mode: 'rehearsal' }),
      'i.rec': makeRecord(newId(), { status: 'in_progress' }),
      'a.rec': makeRecord(newId(), { status: 'abandoned' }),
      's.rec': makeRecord(newId(), { status: 'stopped' }),
    };
    const { summary } = await runExport(request(records));
    expect(summary.records_in).toBe(10);
    expect(summary.records_out).toBe(5);
    expect(summary.excluded).toEqual({
      duplicate: 0,
      practice: 1,
      rehearsal: 1,
      in_progress: 1,
      stopped: 1,
      abandoned: 1,
    });
    expect(parseCsv(readFileSync(join(dir, 'out.csv'), 'utf8')).rows.length).toBe(5);
  });

  it('a duplicate is exported once: the copy saved last, whatever the file order', async () => {
    const id = newId();
    const older = makeRecord(id, { outcome: 'not_met', updatedAt: '2024-05-14T10:00:00.000Z' });
    const newer = makeRecord(id, { outcome: 'met', updatedAt: '2024-06-01T10:00:00.000Z' });
    for (const [a, b] of [
      [older, newer],
      [newer, older],
    ] as const) {
      const { summary } = await runExport(
        request({ ...people(4, { outcome: 'met' }), 'x1.rec': a, 'x2.rec': b }),
      );
      expect(summary.excluded.duplicate).toBe(1);
      expect(summary.records_out).toBe(5);
      const t = parseCsv(readFileSync(join(dir, 'out.csv'), 'utf8'));
      const outcome = t.header.indexOf('outcome');
      expect(t.rows.every((r) => r[outcome] === 'indicators_met')).toBe(true);
    }
  });

  it('a duplicate: a completed copy wins over a later practice or unfinished copy', async () => {
    const id = newId();
    const done = makeRecord(id, { outcome: 'met', updatedAt: '2024-05-14T10:00:00.000Z' });
    for (const later of [
      makeRecord(id, { mode: 'practice', updatedAt: '2024-06-01T10:00:00.000Z' }),
      makeRecord(id, { status: 'in_progress', updatedAt: '2024-06-01T10:00:00.000Z' }),
    ]) {
      const { summary } = await runExport(
        request({ ...people(4, { outcome: 'met' }), 'x1.rec': later, 'x2.rec': done }),
      );
      expect(summary.records_out).toBe(5);
      expect(summary.excluded).toEqual({
        duplicate: 1,
        practice: 0,
        rehearsal: 0,
        in_progress: 0,
        stopped: 0,
        abandoned: 0,
      });
      const t = parseCsv(readFileSync(join(dir, 'out.csv'), 'utf8'));
      expect(t.rows.map((r) => r[0])).toContain(pseudonymOf(SECRET, id));
    }
  });

  it('a duplicate: a stop (consent withdrawn, say) saved later or at once wins over a completion', async () => {
    // Saved later, or at the same time: the cautious reading.
    for (const stoppedAt of ['2024-05-20T10:00:00.000Z', '2024-05-14T10:00:00.000Z']) {
      const id = newId();
      const done = makeRecord(id, { outcome: 'met', updatedAt: '2024-05-14T10:00:00.000Z' });
      const stopped = makeRecord(id, { status: 'stopped', updatedAt: stoppedAt });
      const { summary } = await runExport(
        request({ ...people(4), 'x1.rec': done, 'x2.rec': stopped }),
      );
      expect(summary.records_out).toBe(4);
      expect(summary.excluded.duplicate).toBe(1);
      expect(summary.excluded.stopped).toBe(1);
      const t = parseCsv(readFileSync(join(dir, 'out.csv'), 'utf8'));
      expect(t.rows.map((r) => r[0])).not.toContain(pseudonymOf(SECRET, id));
    }
  });

  it('a duplicate saved at the same time: the same copy wins whatever the files are called', async () => {
    const id = newId();
    const at = '2024-05-14T10:00:00.000Z';
    const met = makeRecord(id, { outcome: 'met', updatedAt: at });
    const notMet = makeRecord(id, { outcome: 'not_met', updatedAt: at });
    const outcomes: string[] = [];
    for (const [first, second] of [
      [met, notMet],
      [notMet, met],
    ] as const) {
      await runExport(request({ ...people(4), 'a/x.rec': first, 'b/x.rec': second }));
      const t = parseCsv(readFileSync(join(dir, 'out.csv'), 'utf8'));
      const row = t.rows.find((r) => r[0] === pseudonymOf(SECRET, id))!;
      outcomes.push(row[t.header.indexOf('outcome')]!);
    }
    expect(outcomes[0]).toBe(outcomes[1]);
  });

  it('lists each unreadable file with its reason and still exports the rest', async () => {
    const records: Record<string, InterviewRecord | Error> = {
      ...people(6),
      'bad.rec': dataError('E_RECORD_TAMPERED', 'Record failed its integrity check.'),
      'other.rec': makeRecord(newId()),
    };
    const odd = records['other.rec'] as InterviewRecord;
    records['other.rec'] = {
      ...odd,
      questionnaire: { id: 'elsewhere', version: '9', hash: 'sha256-not-here' },
    };
    const skipped: string[] = [];
    const { summary } = await runExport(
      request(records, { onSkip: (s) => skipped.push(`${s.file}:${s.reason}`) }),
    );
    expect(skipped).toEqual(['bad.rec:tampered', 'other.rec:unknown_questionnaire']);
    expect(summary.skipped.map((s) => s.code)).toEqual([
      'E_RECORD_TAMPERED',
      'E_EXPORT_UNKNOWN_QUESTIONNAIRE',
    ]);
    expect(summary.records_out).toBe(6);
  });

  it('a record whose answers try to smuggle text into a column publishes "unknown" there', async () => {
    const r = makeRecord(newId(), {});
    const smuggled: InterviewRecord = {
      ...r,
      answers: {
        ...r.answers,
        sex: { kind: 'value', value: 'ZZCANARY-not-a-choice', at: r.startedAt },
        nationality: { kind: 'value', value: 'ZZCANARY-land', at: r.startedAt },
        region: { kind: 'value', value: '*', at: r.startedAt },
      },
    };
    await runExport(request({ ...people(4, { sex: 'f' }), 'z.rec': smuggled }, { k: 1 }));
    const text = readFileSync(join(dir, 'out.csv'), 'utf8');
    for (const c of CANARIES) expect(text).not.toContain(c);
    const t = parseCsv(text);
    const row = t.rows.find((x) => x[t.header.indexOf('sex')] === 'unknown');
    expect(row?.[t.header.indexOf('nationality')]).toBe('unknown');
    expect(row?.[t.header.indexOf('region')]).toBe('unknown');
  });

  it('k = 1 publishes the finest level and says no k-anonymity was applied', async () => {
    const { summary } = await runExport(request(people(3, { age: 31 }), { k: 1 }));
    expect(summary.guarantee).toMatch(/^No k-anonymity was applied \(k = 1\)/);
    const t = parseCsv(readFileSync(join(dir, 'out.csv'), 'utf8'));
    expect(t.rows.map((r) => r[t.header.indexOf('age')])).toEqual(['30-34', '30-34', '30-34']);
  });

  it('no rows at all: a header-only file and a summary', async () => {
    const { summary } = await runExport(request({}));
    expect(summary.records_out).toBe(0);
    const t = parseCsv(readFileSync(join(dir, 'out.csv'), 'utf8'));
    expect(t.rows).toEqual([]);
    expect(t.header[0]).toBe('pseudonym');
  });

  it('every record excluded: the header a non-empty export of their questionnaire has', async () => {
    await runExport(request(people(6)));
    const full = parseCsv(readFileSync(join(dir, 'out.csv'), 'utf8')).header;
    expect(full).toContain('ind_debt_bondage');
    expect(full).toContain('region');
    const { summary } = await runExport(
      request({ ...people(3, { mode: 'practice' }), ...people(2, { status: 'in_progress' }) }),
    );
    const t = parseCsv(readFileSync(join(dir, 'out.csv'), 'utf8'));
    expect(t.header).toEqual(full);
    expect(t.rows).toEqual([]);
    expect(summary.records_out).toBe(0);
    expect(summary.quasi_identifiers).toEqual(
      full.filter((c) => summary.quasi_identifiers.includes(c)),
    );
    expect(summary.quasi_identifiers).toContain('age');
    expect(summary.guarantee).toBe('This file has no rows: it describes no one.');
  });

  it('every file skipped: the header of the questionnaires the export was given', async () => {
    const records = {
      'a.rec': dataError('E_RECORD_KEY_MISSING', 'No key slot for this organisation key.'),
      'b.rec': dataError('E_RECORD_TAMPERED', 'Record failed its integrity check.'),
    };
    await runExport(request(people(6)));
    const full = parseCsv(readFileSync(join(dir, 'out.csv'), 'utf8')).header;
    await runExport(
      request(records, { questionnairesForEmptyFile: () => [fixtureQuestionnaire()] }),
    );
    expect(parseCsv(readFileSync(join(dir, 'out.csv'), 'utf8')).header).toEqual(full);
    // Nothing known of any questionnaire: the fixed columns only.
    await runExport(request(records));
    expect(parseCsv(readFileSync(join(dir, 'out.csv'), 'utf8')).header).toEqual([
      'pseudonym',
      'questionnaire_id',
      'questionnaire_version',
      'interview_month',
      'population',
      'outcome',
      'flags',
    ]);
  });

  it('an indicator the record’s questionnaire does not have is empty (not applicable), not 0', async () => {
    // Another questionnaire: threats against the family instead of threats of violence.
    const other = loadQuestionnaireText(
      'other.yaml',
      readFileSync(FIXTURE, 'utf8')
        .replace('id: export_fixture', 'id: other_fixture')
        .replaceAll('threats_of_violence', 'threats_to_family'),
    ).questionnaire!;
    const fixture = fixtureQuestionnaire();
    const records: Record<string, InterviewRecord> = {};
    for (let i = 0; i < 8; i++) {
      const outcome = i % 2 === 0 ? 'met' : 'not_met';
      records[`a${i}.rec`] = makeRecord(newId(), { outcome });
      const r = makeRecord(newId(), { outcome });
      records[`b${i}.rec`] = {
        ...r,
        questionnaire: { id: other.id, version: other.version, hash: other.hash },
      };
    }
    for (const format of ['csv', 'jsonl'] as const) {
      const out = join(dir, `out.${format}`);
      const { summary } = await runExport(
        request(records, {
          format,
          out,
          questionnaireByHash: (h) => [fixture, other].find((q) => q.hash === h),
        }),
      );
      const text = readFileSync(out, 'utf8');
      const rows =
        format === 'csv'
          ? (() => {
              const t = parseCsv(text);
              return t.rows.map((r) => Object.fromEntries(t.header.map((h, i) => [h, r[i]])));
            })()
          : text
              .trim()
              .split('\n')
              .map((l) => JSON.parse(l) as Record<string, unknown>);
      const empty = format === 'csv' ? '' : null;
      const cells = (q: string, column: string) =>
        [...new Set(rows.filter((r) => r.questionnaire_id === q).map((r) => r[column]))].sort();
      expect(cells('export_fixture', 'ind_threats_to_family')).toEqual([empty]);
      expect(cells('other_fixture', 'ind_threats_of_violence')).toEqual([empty]);
      const [no, yes] = format === 'csv' ? ['0', '1'] : [0, 1];
      // Its own indicators read 0 or 1 as always (no record here makes threats).
      expect(cells('export_fixture', 'ind_threats_of_violence')).toEqual([no]);
      expect(cells('other_fixture', 'ind_threats_to_family')).toEqual([no]);
      expect(cells('export_fixture', 'ind_debt_bondage')).toEqual([no, yes]);
      expect(cells('other_fixture', 'ind_debt_bondage')).toEqual([no, yes]);
      // Raised in the four `met` records of each: 8, rounded down to a multiple of 3.
      expect(summary.counts.indicator.debt_bondage).toBe(6);
    }
  });

  it('writes a bucket holding more rows than one write takes whole, in pseudonym order', async () => {
    // Rows are written a bucket (the pseudonym's first byte) at a time, in pieces of a
    // fixed number of rows: 300 records in one bucket cross that boundary twice.
    const crowded: Record<string, InterviewRecord> = {};
    const ids: string[] = [];
    while (ids.length < 300) {
      const id = newId();
      if (pseudonymDigest(SECRET, id)[0] === 0x2a) ids.push(id);
    }
    ids.forEach((id, i) => (crowded[`c${String(i).padStart(3, '0')}.rec`] = makeRecord(id)));
    const { summary } = await runExport(request(crowded));
    const text = readFileSync(join(dir, 'out.csv'), 'utf8');
    const t = parseCsv(text);
    expect(summary.records_out).toBe(300);
    expect(t.rows.length).toBe(300);
    expect(text.endsWith('\n')).toBe(true);
    for (const r of t.rows) expect(r.length).toBe(t.header.length);
    const pseudonyms = t.rows.map((r) => r[0]!);
    expect(pseudonyms).toEqual(ids.map((id) => pseudonymOf(SECRET, id)).sort());
  });

  it('the file meets k for every combination of the quasi-identifier columns', async () => {
    const varied: Record<string, InterviewRecord> = {};
    for (let i = 0; i < 120; i++)
      varied[`v${i}.rec`] = makeRecord(newId(), {
        age: 12 + ((i * 13) % 50),
        sex: (['f', 'm', 'x'] as const)[i % 3],
        nationality: ['ng', 'th', 'ro', 'br', 'gh'][i % 5],
        region: `r0${1 + (i % 9)}`,
        month: `2023-${String(1 + (i % 12)).padStart(2, '0')}`,
      });
    const { summary } = await runExport(request(varied, { k: 4 }));
    const t = parseCsv(readFileSync(join(dir, 'out.csv'), 'utf8'));
    expect(violations(t, summary.quasi_identifiers, 4)).toEqual([]);
    expect(t.rows.length).toBe(120);
    // What the summary reports as blanked is what the file holds.
    const qi = summary.quasi_identifiers.map((c) => t.header.indexOf(c));
    const stars = t.rows.flatMap((r) => qi.map((i) => r[i])).filter((v) => v === '*').length;
    expect(summary.suppressed_cells).toBe(stars);
    expect(existsSync(join(dir, 'summary.json'))).toBe(true);
  });

  it.each(['csv', 'jsonl'] as const)(
    '--profile htcds (%s): the summary names the columns as the file does',
    async (format) => {
      const varied: Record<string, InterviewRecord> = {};
      for (let i = 0; i < 40; i++)
        varied[`h${i}.rec`] = makeRecord(newId(), {
          sex: i % 2 === 0 ? 'f' : 'm',
          nationality: i % 4 < 2 ? 'ng' : 'gh',
        });
      const out = join(dir, `out.${format}`);
      const { summary } = await runExport(request(varied, { profile: 'htcds', format, out }));
      const text = readFileSync(out, 'utf8');
      const header =
        format === 'csv'
          ? parseCsv(text).header
          : Object.keys(JSON.parse(text.split('\n')[0]!) as object);
      expect(summary.quasi_identifiers).toEqual([
        'interview_month',
        'population',
        'age',
        'prs_Gender',
        'prs_Nationality',
        'region',
      ]);
      for (const c of summary.quasi_identifiers) expect(header).toContain(c);
      expect(summary.generalisation.map((g) => g.column)).toEqual(summary.quasi_identifiers);
      expect(summary.guarantee).toBe(
        'Every combination of interview_month, population, age, prs_Gender, prs_Nationality and region in this file describes at least 3 records.',
      );
      if (format === 'csv')
        expect(violations(parseCsv(text), summary.quasi_identifiers, 3)).toEqual([]);
    },
  );

  it('a column that is * in every row is reported as suppressed, not at the level it was kept at', async () => {
    const records: Record<string, InterviewRecord> = {};
    for (let i = 0; i < 6; i++)
      records[`s${i}.rec`] = makeRecord(newId(), {
        age: 20 + 6 * i,
        sex: (['f', 'm', 'x'] as const)[i % 3],
        nationality: ['ng', 'th', 'ro'][i % 3],
        region: `r0${1 + i}`,
      });
    const { summary } = await runExport(request(records, { k: 6 }));
    const t = parseCsv(readFileSync(join(dir, 'out.csv'), 'utf8'));
    const allBlank = (c: string) => t.rows.every((r) => r[t.header.indexOf(c)] === '*');
    const blankColumns = summary.quasi_identifiers.filter(allBlank);
    expect(blankColumns).toEqual(['sex', 'nationality', 'region']);
    for (const g of summary.generalisation)
      if (blankColumns.includes(g.column)) expect(g.level).toBe('suppressed');
      else expect(g.level).not.toBe('suppressed');
    expect(summary.columns_suppressed).toEqual(blankColumns);
  });

  it('a record that cannot be scored is skipped; the error’s own words reach stderr, never the shared summary', async () => {
    const records = people(6);
    const broken = makeRecord(newId());
    records['zz-broken.rec'] = broken;
    const leaked = 'ZZCANARY-Scoring-Quote';
    const seen: SkippedFile[] = [];
    const req = request(records, {
      assess: (q, r) => {
        if (r.id === broken.id) throw new Error(`cannot read "${leaked}" as a number`);
        return assess(q, r);
      },
      onSkip: (s) => seen.push(s),
    });
    const { summary } = await runExport(req);
    expect(summary.skipped).toEqual([
      {
        file: 'zz-broken.rec',
        reason: 'assessment_failed',
        code: 'E_EXPORT_ASSESSMENT',
        message: 'the answers could not be scored',
      },
    ]);
    expect(seen.map((s) => s.detail)).toEqual([`cannot read "${leaked}" as a number`]);
    expect(readFileSync(join(dir, 'summary.json'), 'utf8')).not.toContain(leaked);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).not.toContain(leaked);
  });

  it('a file that fails in a way nobody foresaw is skipped; its error’s words reach stderr only', async () => {
    const records: Record<string, InterviewRecord | Error> = people(6);
    const leaked = 'ZZCANARY-Unforeseen-Quote';
    records['zz-odd.rec'] = new TypeError(`cannot read properties of "${leaked}"`);
    const seen: SkippedFile[] = [];
    const { summary } = await runExport(request(records, { onSkip: (s) => seen.push(s) }));
    expect(summary.skipped).toEqual([
      {
        file: 'zz-odd.rec',
        reason: 'unreadable',
        code: 'E_UNEXPECTED',
        message: 'an unexpected failure',
      },
    ]);
    expect(seen.map((s) => s.detail)).toEqual([
      `unexpected failure: cannot read properties of "${leaked}"`,
    ]);
    expect(readFileSync(join(dir, 'summary.json'), 'utf8')).not.toContain(leaked);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).not.toContain(leaked);
  });
});

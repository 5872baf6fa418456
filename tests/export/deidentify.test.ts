/** The de-identification rules, one by one: bands, dates, countries, pseudonyms, safe counts. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ageBand,
  ageHierarchy,
  countryHierarchy,
  dateAt,
  dateHierarchy,
  DEFAULT_AGE_BANDS,
} from '../../src/export/hierarchy.js';
import { countryOfText, frenchForms } from '../../src/export/country-names.js';
import { countryOfPlace } from '../../src/export/countries.js';
import { pseudonymOf } from '../../src/export/pseudonym.js';
import { safeCount } from '../../src/export/aggregates.js';
import { guaranteeSentence } from '../../src/export/summary.js';
import { Deidentifier } from '../../src/export/deidentify.js';
import { readExportConfig } from '../../src/export/config.js';
import { assess } from '../../src/scoring/index.js';
import { CANARIES, fixtureQuestionnaire, makeRecord, newId } from './helpers/records.js';

describe('age bands', () => {
  it('children get finer bands; adults 5-year bands from 18-24, open at 65+', () => {
    const b = (a: number) => ageBand(a, DEFAULT_AGE_BANDS);
    expect([0, 11, 12, 14, 15, 17, 18, 24, 25, 29, 30, 64, 65, 99].map(b)).toEqual([
      '0-11',
      '0-11',
      '12-14',
      '12-14',
      '15-17',
      '15-17',
      '18-24',
      '18-24',
      '25-29',
      '25-29',
      '30-34',
      '60-64',
      '65+',
      '65+',
    ]);
    expect(b(-1)).toBe('unknown');
    expect(b(Number.NaN)).toBe('unknown');
  });

  it('10-year adult bands when configured', () => {
    const b = (a: number) => ageBand(a, { adultBand: 10, openFrom: 60 });
    expect([17, 18, 29, 30, 59, 60].map(b)).toEqual([
      '15-17',
      '18-29',
      '18-29',
      '30-39',
      '50-59',
      '60+',
    ]);
  });

  it('levels nest: equal at one level stays equal above it', () => {
    const h = ageHierarchy(DEFAULT_AGE_BANDS);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 110 }), fc.integer({ min: 0, max: 110 }), (a, b) => {
        const [x, y] = [ageBand(a, DEFAULT_AGE_BANDS), ageBand(b, DEFAULT_AGE_BANDS)];
        for (let l = 0; l < h.levels.length - 1; l++)
          if (h.generalise(x, l) === h.generalise(y, l))
            expect(h.generalise(x, l + 1)).toBe(h.generalise(y, l + 1));
        return true;
      }),
    );
    expect(h.levels).toEqual(['5-year band', '10-year band', 'child/adult', 'suppressed']);
    expect([0, 1, 2, 3].map((l) => h.generalise('15-17', l))).toEqual([
      '15-17',
      '12-17',
      '0-17',
      '*',
    ]);
    expect([0, 1, 2, 3].map((l) => h.generalise('65+', l))).toEqual(['65+', '60+', '18+', '*']);
  });
});

describe('dates and countries', () => {
  it('a date becomes its month; month → quarter → year → *', () => {
    expect(dateAt('2024-03-31T23:30:00+02:00', 'month')).toBe('2024-03');
    expect(dateAt('2024-11-02', 'quarter')).toBe('2024-Q4');
    expect(dateAt('not a date', 'month')).toBe('unknown');
    const h = dateHierarchy('month');
    expect([0, 1, 2, 3].map((l) => h.generalise('2024-05', l))).toEqual([
      '2024-05',
      '2024-Q2',
      '2024',
      '*',
    ]);
  });

  it('country → world sub-region → world region → *', () => {
    const h = countryHierarchy();
    expect([0, 1, 2, 3].map((l) => h.generalise('NG', l))).toEqual([
      'NG',
      'Western Africa',
      'Africa',
      '*',
    ]);
    expect(h.generalise('stateless', 2)).toBe('stateless');
  });

  it('text is read only through the closed list of codes and names', () => {
    expect(countryOfText('Nigeria')).toBe('NG');
    expect(countryOfText(' côte d’ivoire ')).toBe('CI');
    expect(countryOfText('ng')).toBe('NG');
    expect(countryOfText('Nigerian, from Lagos')).toBeUndefined();
    expect(countryOfText('ZZCANARY')).toBeUndefined();
    expect(countryOfPlace('NG-LA')).toBe('NG');
    expect(countryOfPlace('ng_la')).toBe('NG');
    expect(countryOfPlace('Lagos')).toBeUndefined();
  });

  it('a nationality or country as screeners write it, in English, French, Spanish or Portuguese', () => {
    // What a screener types when the questionnaire asks "Nationality" as free text.
    const cases: [string, string | undefined][] = [
      ['Nigerian', 'NG'],
      ['nigériane', 'NG'],
      ['Nigérienne', 'NE'],
      ['Nigerien', 'NE'],
      ['Ivoirienne', 'CI'],
      ['Ghanéenne', 'GH'],
      ['Vietnamese', 'VN'],
      ['Roumaine', 'RO'],
      ['Érythréenne', 'ER'],
      ['Sénégalaise', 'SN'],
      ['Brésil', 'BR'],
      ['Alemania', 'DE'],
      ['brasileño', 'BR'],
      ['Filipino', 'PH'],
      ['NGA', 'NG'],
      // The project's own list wins where a larger list would disagree.
      ['Congo', 'CG'],
      // Forms two countries share are not guessed at.
      ['Congolese', undefined],
      ['Congolaise', undefined],
      ['Dominican', undefined],
      // Alpha-3 only in capitals: in lower case many are words.
      ['and', undefined],
      ['nga', undefined],
      ['Nigerian, from Lagos', undefined],
      ['Eastland', undefined],
    ];
    expect(cases.map(([text]) => [text, countryOfText(text)])).toEqual(cases);
  });

  it('French nationalities in the feminine', () => {
    expect(frenchForms('Ivoirien')).toEqual(['Ivoirien', 'Ivoirienne']);
    expect(frenchForms('Guinéen')).toEqual(['Guinéen', 'Guinéenne']);
    expect(frenchForms('Nigérian')).toEqual(['Nigérian', 'Nigériane']);
    expect(frenchForms('Congolais')).toEqual(['Congolais', 'Congolaise']);
    expect(frenchForms('Belge')).toEqual(['Belge']);
    expect(frenchForms('Congolais (République du Congo)')).toEqual([
      'Congolais (République du Congo)',
    ]);
  });
});

describe('pseudonyms, counts, the guarantee', () => {
  it('a keyed hash: stable with one secret, unrelated with another, 32 hex digits', () => {
    const a = Buffer.alloc(32, 1);
    const b = Buffer.alloc(32, 2);
    expect(pseudonymOf(a, 'R-7K3M-Q9XD')).toBe(pseudonymOf(a, 'R-7K3M-Q9XD'));
    expect(pseudonymOf(a, 'R-7K3M-Q9XD')).not.toBe(pseudonymOf(b, 'R-7K3M-Q9XD'));
    expect(pseudonymOf(a, 'R-7K3M-Q9XD')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('counts below k read "<k"; others round down to a multiple of k (CTDC)', () => {
    expect([0, 1, 4, 5, 9, 10, 14].map((n) => safeCount(n, 5))).toEqual([
      0,
      '<5',
      '<5',
      5,
      5,
      10,
      10,
    ]);
    expect(safeCount(7, 1)).toBe(7);
  });

  it('the guarantee in one sentence', () => {
    expect(guaranteeSentence(['interview_month', 'age', 'sex'], 5, 40)).toBe(
      'Every combination of interview_month, age and sex in this file describes at least 5 records.',
    );
    // Nothing exported (every record a practice run): the columns, but no rows.
    expect(guaranteeSentence(['interview_month', 'age', 'sex'], 5, 0)).toBe(
      'This file has no rows: it describes no one.',
    );
  });
});

describe('the interview month', () => {
  it("is the month of the interview's date when the questionnaire names its question, else of the record's start", () => {
    const q = fixtureQuestionnaire();
    const config = readExportConfig(q);
    if (!config.ok) throw new Error('fixture invalid');
    const qis = config.config.qis.map((s) =>
      s.kind === 'interview_month' ? { ...s, dateQuestion: 'arrived_on' } : s,
    );
    const d = new Deidentifier(q, { ...config.config, qis }, Buffer.alloc(32, 3));
    const month = (answer: Record<string, unknown> | undefined) => {
      const r = makeRecord(newId(), { month: '2024-05' });
      const answers = { ...r.answers } as Record<string, unknown>;
      if (answer) answers.arrived_on = answer;
      return d.row({ ...r, answers } as typeof r, assess(q, r)).qi.interview_month;
    };
    const at = '2024-05-14T09:26:53.000Z';
    // A paper form typed in later: its date, not the day it was typed in.
    expect(month({ kind: 'value', value: '2023-11-20', at })).toBe('2023-11');
    expect(month(undefined)).toBe('2024-05');
    expect(month({ kind: 'declined', at })).toBe('2024-05');
    expect(month({ kind: 'value', value: 'last winter', at })).toBe('2024-05');
  });
});

describe('a de-identified row', () => {
  it('holds no direct identifier, no free text, no note, no record id', () => {
    const q = fixtureQuestionnaire();
    const config = readExportConfig(q);
    if (!config.ok) throw new Error('fixture invalid');
    const d = new Deidentifier(q, config.config, Buffer.alloc(32, 3));
    const record = makeRecord(newId(), { age: 16, nationality: 'th', outcome: 'met' });
    const row = d.row(record, assess(q, record));
    const text = JSON.stringify(row);
    for (const c of CANARIES) expect(text).not.toContain(c);
    expect(text).not.toContain(record.id);
    expect(row.qi).toEqual({
      interview_month: '2024-05',
      population: 'child',
      age: '15-17',
      sex: 'f',
      nationality: 'TH',
      region: 'r01',
    });
    // The child population is already a column; the flags that restate the age are not repeated.
    expect(row.flags).not.toContain('minor');
    expect(row.outcome).toBe('indicators_met');
  });
});

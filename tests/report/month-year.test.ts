/** Month-and-year forms written at build time give exactly what Intl gives. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { monthYear } from '../../src/report/generalise.js';
import { icuPrecomputedFile } from '../../src/report/icu-precomputed.js';
import {
  computeMonthYearForms,
  formatMonthYear,
  MONTH_YEAR_FILE,
  writeMonthYearForms,
} from '../../src/report/month-year.js';
import { REPORT_LANGUAGES } from '../../src/report/strings/index.js';

const OPTIONS: Intl.DateTimeFormatOptions = { month: 'long', year: 'numeric', timeZone: 'UTC' };

describe('month and year in reports', () => {
  it('has a form for every report language', () => {
    expect(Object.keys(computeMonthYearForms()).sort()).toEqual([...REPORT_LANGUAGES].sort());
  });

  it('fills in any year exactly as Intl writes it', () => {
    const forms = computeMonthYearForms();
    for (const lang of REPORT_LANGUAGES) {
      const intl = new Intl.DateTimeFormat(lang, OPTIONS);
      const years = [1000, 1899, 9999, 10000];
      for (let y = 1900; y <= 2100; y++) years.push(y);
      for (const y of years)
        for (let m = 0; m < 12; m++) {
          const d = new Date(Date.UTC(y, m, 15));
          const [before, after] = forms[lang]![m]!;
          expect(`${before}${y}${after}`).toBe(intl.format(d));
          expect(formatMonthYear(d, lang)).toBe(intl.format(d));
        }
    }
  });

  it('asks Intl for other languages, and handles months out of range as Date does', () => {
    expect(monthYear('2031-05-02', 'de')).toBe('Mai 2031');
    expect(monthYear('2031-05-02', 'en')).toBe('May 2031');
    expect(monthYear('2031-13-02', 'fr')).toBe('janvier 2032');
    expect(monthYear('2031-00-02', 'es')).toBe('diciembre de 2030');
    expect(monthYear('not a date', 'en')).toBeUndefined();
  });

  it('are written by the build for this runtime, and not stale', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'screener-month-year-'));
    try {
      const file = writeMonthYearForms(tmp);
      expect(file).toBe(icuPrecomputedFile(tmp, MONTH_YEAR_FILE));
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(computeMonthYearForms());
    } finally {
      rmSync(tmp, { recursive: true });
    }
    const dist = join(import.meta.dirname, '..', '..', 'dist', 'precompiled');
    const current = basename(icuPrecomputedFile(dist, MONTH_YEAR_FILE));
    expect(readdirSync(dist)).toContain(current);
    expect(JSON.parse(readFileSync(join(dist, current), 'utf8'))).toEqual(computeMonthYearForms());
  });
});

/**
 * How each month is written with its year ("March 2031", "mars 2031", "marzo de 2031")
 * in the report languages, as Intl.DateTimeFormat writes it. The first formatter a
 * process creates loads ICU's calendar data, which was a noticeable part of writing a
 * report; so the build writes these forms beside the bundle (icu-precomputed.ts) and
 * a report fills in the year. A language without forms asks Intl.
 */
import { readIcuPrecomputed, writeIcuPrecomputed } from './icu-precomputed.js';
import { REPORT_LANGUAGES } from './strings/index.js';

/** Per language, per month (0–11): the text before and after the year. */
export type MonthYearForms = Readonly<Record<string, readonly (readonly [string, string])[]>>;

export const MONTH_YEAR_FILE = 'month-year';

const OPTIONS: Intl.DateTimeFormatOptions = { month: 'long', year: 'numeric', timeZone: 'UTC' };

/**
 * Asks Intl. A language whose form does not hold the year once, as plain digits, gets
 * none (Intl is asked each time instead).
 */
export function computeMonthYearForms(langs: readonly string[] = REPORT_LANGUAGES): MonthYearForms {
  const out: Record<string, (readonly [string, string])[]> = {};
  for (const lang of langs) {
    const f = new Intl.DateTimeFormat(lang, OPTIONS);
    const months: (readonly [string, string])[] = [];
    for (let m = 0; m < 12; m++) {
      const year = 2031;
      const parts = f.formatToParts(new Date(Date.UTC(year, m, 15)));
      const at = parts.findIndex((p) => p.type === 'year');
      const once = parts.filter((p) => p.type === 'year').length === 1;
      if (at < 0 || !once || parts[at]!.value !== String(year)) break;
      const text = (ps: readonly Intl.DateTimeFormatPart[]) => ps.map((p) => p.value).join('');
      months.push([text(parts.slice(0, at)), text(parts.slice(at + 1))]);
    }
    if (months.length === 12) out[lang] = months;
  }
  return out;
}

function isForms(x: unknown): x is MonthYearForms {
  if (typeof x !== 'object' || x === null) return false;
  return Object.values(x).every(
    (months) =>
      Array.isArray(months) &&
      months.length === 12 &&
      months.every(
        (m) => Array.isArray(m) && m.length === 2 && m.every((s: unknown) => typeof s === 'string'),
      ),
  );
}

let forms: MonthYearForms | undefined;
const formats = new Map<string, Intl.DateTimeFormat>();

/** The month and year of a UTC date in `lang`, exactly as Intl.DateTimeFormat writes it. */
export function formatMonthYear(d: Date, lang: string): string {
  forms ??= readIcuPrecomputed(MONTH_YEAR_FILE, isForms) ?? {};
  const months = Object.hasOwn(forms, lang) ? forms[lang] : undefined;
  if (months) {
    const [before, after] = months[d.getUTCMonth()]!;
    return `${before}${d.getUTCFullYear()}${after}`;
  }
  // One formatter per language: creating one costs far more than formatting a date.
  let f = formats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, OPTIONS);
    formats.set(lang, f);
  }
  return f.format(d);
}

/** Build step: writes the forms for this runtime into `outDir`; returns the file. */
export function writeMonthYearForms(outDir: string): string {
  return writeIcuPrecomputed(outDir, MONTH_YEAR_FILE, computeMonthYearForms());
}

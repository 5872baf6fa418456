/**
 * Generalisation hierarchies: for each quasi-identifier column, a ladder of ever
 * coarser values, finest first, whose last rung is always `*` (the column
 * suppressed). The k-anonymity search climbs these ladders; nothing here knows k.
 *
 * A hierarchy is built from steps, each mapping a value of one level to the next, so
 * the levels nest by construction: two values equal at one level stay equal above it.
 */
import { countryCode, regionOf, regionOfSubregion } from './countries.js';
import { SUPPRESSED, UNKNOWN } from './values.js';

export interface Hierarchy {
  /** Level names, finest first; the last is always 'suppressed'. */
  readonly levels: readonly string[];
  /** The value at `level` of a level-0 value (level 0 returns it unchanged). */
  generalise(value: string, level: number): string;
}

type Step = (value: string) => string;

/** `unknown` stays `unknown` on every level but the top: "not answered" is itself information. */
export function steppedHierarchy(levels: readonly [string, Step][], firstName: string): Hierarchy {
  const names = [firstName, ...levels.map(([n]) => n), 'suppressed'];
  const top = names.length - 1;
  return {
    levels: names,
    generalise(value: string, level: number): string {
      if (level >= top) return SUPPRESSED;
      let v = value;
      for (let l = 0; l < level; l++) {
        if (v === UNKNOWN) return UNKNOWN;
        v = levels[l]![1](v);
      }
      return v;
    },
  };
}

// ---- age -------------------------------------------------------------------------

export interface AgeBands {
  /** Width of adult bands at the finest level: 5 or 10 years. */
  readonly adultBand: 5 | 10;
  /** The oldest band is open: `65+`. A multiple of 10 when adultBand is 10. */
  readonly openFrom: number;
}

export const DEFAULT_AGE_BANDS: AgeBands = { adultBand: 5, openFrom: 65 };

/**
 * The finest published age band. Children get finer bands than adults (0–11, 12–14,
 * 15–17) because the law and the referral differ within childhood; adults start at
 * 18–24 (5-year) or 18–29 (10-year) so bands line up with the usual census groups.
 */
export function ageBand(age: number, bands: AgeBands): string {
  if (!Number.isFinite(age) || age < 0) return UNKNOWN;
  const a = Math.floor(age);
  if (a < 12) return '0-11';
  if (a < 15) return '12-14';
  if (a < 18) return '15-17';
  const open = bands.adultBand === 10 ? Math.floor(bands.openFrom / 10) * 10 : bands.openFrom;
  if (a >= open) return `${open}+`;
  if (bands.adultBand === 10) {
    if (a < 30) return '18-29';
    const lo = Math.floor(a / 10) * 10;
    return `${lo}-${lo + 9}`;
  }
  if (a < 25) return '18-24';
  const lo = Math.floor(a / 5) * 5;
  return `${lo}-${lo + 4}`;
}

function lowerBound(band: string): number {
  return Number.parseInt(band, 10);
}

export function ageHierarchy(bands: AgeBands): Hierarchy {
  const open10 = Math.floor(bands.openFrom / 10) * 10;
  const tenYear: Step = (band) => {
    const lo = lowerBound(band);
    if (Number.isNaN(lo)) return band;
    if (lo < 12) return '0-11';
    if (lo < 18) return '12-17';
    if (lo >= open10) return `${open10}+`;
    if (lo < 30) return '18-29';
    const d = Math.floor(lo / 10) * 10;
    return `${d}-${d + 9}`;
  };
  const childAdult: Step = (band) => {
    const lo = lowerBound(band);
    if (Number.isNaN(lo)) return band;
    return lo < 18 ? '0-17' : '18+';
  };
  return steppedHierarchy(
    [
      ['10-year band', tenYear],
      ['child/adult', childAdult],
    ],
    bands.adultBand === 5 ? '5-year band' : '10-year band (children 0-11, 12-14, 15-17)',
  );
}

// ---- dates -----------------------------------------------------------------------

export type DateGrain = 'month' | 'quarter' | 'year';

const MONTH = /^(\d{4})-(\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** The finest published form of an ISO date (or date-time): `2024-03`, `2024-Q1` or `2024`. */
export function dateAt(iso: string, grain: DateGrain): string {
  const m = ISO_DATE.exec(iso);
  if (!m) return UNKNOWN;
  const year = m[1]!;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return UNKNOWN;
  if (grain === 'year') return year;
  if (grain === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`;
  return `${year}-${m[2]}`;
}

export function dateHierarchy(finest: DateGrain): Hierarchy {
  const toQuarter: Step = (v) => {
    const m = MONTH.exec(v);
    return m ? `${m[1]}-Q${Math.ceil(Number(m[2]) / 3)}` : v;
  };
  const toYear: Step = (v) => v.slice(0, 4);
  const steps: [string, Step][] = [];
  if (finest === 'month') steps.push(['quarter', toQuarter]);
  if (finest !== 'year') steps.push(['year', toYear]);
  return steppedHierarchy(steps, finest);
}

// ---- countries -------------------------------------------------------------------

/**
 * Country code → UN M49 sub-region → region → `*`. A value that is not a country
 * code (a choice such as `stateless`) keeps itself until the top.
 */
export function countryHierarchy(): Hierarchy {
  return steppedHierarchy(
    [
      ['world sub-region', (v) => (countryCode(v) ? regionOf(v)!.subregion : v)],
      ['world region', (v) => regionOfSubregion(v) ?? v],
    ],
    'country',
  );
}

// ---- categories ------------------------------------------------------------------

export interface CategoryLevel {
  readonly name: string;
  /** Value of the level below → its group; values not listed keep themselves. */
  readonly groups: ReadonlyMap<string, string>;
}

export function categoryHierarchy(levels: readonly CategoryLevel[] = []): Hierarchy {
  return steppedHierarchy(
    levels.map((l) => [l.name, (v: string) => l.groups.get(v) ?? v] as [string, Step]),
    'value',
  );
}

/**
 * Finds written dates in a text (numeric in any order, ISO, compact, and with month
 * names in English, French and Spanish), so that a date of birth is recognised in
 * every form it is written, while dates of events are left alone unless a birth cue
 * stands next to them. Runs on folded text (lowercase, no diacritics).
 */
import { fold, toOriginal, type Folded } from './fold.js';
import { lazyRegExp } from './lazy-regexp.js';
import { hasDigit } from './patterns.js';

export type DatePrecision = 'day' | 'month' | 'day_month';

export interface DateCandidate {
  readonly y?: number;
  readonly m: number;
  readonly d?: number;
}

export interface FoundDate {
  /** Offsets in the original text. */
  readonly start: number;
  readonly end: number;
  readonly precision: DatePrecision;
  /** Every reading of the text (12/04/1990 is 12 April or 4 December). */
  readonly candidates: readonly DateCandidate[];
}

const MONTHS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['january', 'jan', 'janvier', 'janv', 'enero', 'ene']],
  [2, ['february', 'feb', 'fevrier', 'fevr', 'fev', 'febrero']],
  [3, ['march', 'mar', 'mars', 'marzo']],
  [4, ['april', 'apr', 'avril', 'avr', 'abril', 'abr']],
  [5, ['may', 'mai', 'mayo']],
  [6, ['june', 'jun', 'juin', 'junio']],
  [7, ['july', 'jul', 'juillet', 'juil', 'julio']],
  [8, ['august', 'aug', 'aout', 'aou', 'agosto', 'ago']],
  [9, ['september', 'sept', 'sep', 'septembre', 'septiembre', 'setiembre', 'set']],
  [10, ['october', 'oct', 'octobre', 'octubre']],
  [11, ['november', 'nov', 'novembre', 'noviembre']],
  [12, ['december', 'dec', 'decembre', 'diciembre', 'dic']],
];

const MONTH_OF = new Map<string, number>(MONTHS.flatMap(([n, names]) => names.map((x) => [x, n])));
const MONTH_RE = [...MONTH_OF.keys()].sort((a, b) => b.length - a.length).join('|');

// Letters outside ASCII are \u escapes here (the regular expression reads \u00e8 as è):
// esbuild cannot escape raw templates, and an all-ASCII bundle loads faster
// (bin/load-bundle.js).
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th|er|eme|\u00e8me|e|\u00ba|\u00b0|o|\u00aa)?`;
const MONTH = String.raw`(${MONTH_RE})\.?`;
const YEAR = String.raw`('?\d{4}|'\d{2}|\d{2})`;
const NOT_LETTER_BEFORE = String.raw`(?<![\p{L}\d])`;
const NOT_LETTER_AFTER = String.raw`(?![\p{L}\d])`;

interface Pattern {
  readonly re: () => RegExp;
  /** What the pattern cannot match without (checked first: these patterns are dear to compile). */
  readonly needs?: RegExp;
  /** Its `needs` is MONTH_NEXT_TO_DIGIT (asked once per text, after monthMayTouchDigit). */
  readonly month?: true;
  readonly read: (m: RegExpExecArray) => { precision: DatePrecision; candidates: DateCandidate[] };
}

function years(y: string): number[] {
  const digits = y.replace(/'/g, '');
  const n = Number(digits);
  if (digits.length === 4) return [n];
  return [1900 + n, 2000 + n];
}

function valid(c: DateCandidate): boolean {
  if (c.m < 1 || c.m > 12) return false;
  if (c.d !== undefined) {
    const max = new Date(Date.UTC(c.y ?? 2000, c.m, 0)).getUTCDate();
    if (c.d < 1 || c.d > max) return false;
  }
  return c.y === undefined || (c.y >= 1900 && c.y <= 2100);
}

function dmy(d: number, m: number, ys: readonly number[]): DateCandidate[] {
  return ys.map((y) => ({ y, m, d })).filter(valid);
}

const month = (s: string | undefined) => MONTH_OF.get(s ?? '') ?? 0;

/**
 * A month name next to a digit, through what the patterns allow between them: every
 * pattern with a month name needs it (a month before a year or a day, or after a day).
 */
export const MONTH_NEXT_TO_DIGIT = lazyRegExp(
  String.raw`(?:${MONTH_RE})\.?(?:\s+del?|,)?[\s\-/.,]*'?\d|\d(?:st|nd|rd|th|er|eme|\u00e8me|e|\u00ba|\u00b0|o|\u00aa)?(?:\s+of|\s+de)?[\s\-/.]*(?:${MONTH_RE})`,
  'u',
);

/** The patterns with a month name: MONTH_NEXT_TO_DIGIT as their `needs`, built when asked for. */
function withMonth<P extends Omit<Pattern, 'needs' | 'month'>>(p: P): Pattern {
  return {
    ...p,
    month: true,
    get needs() {
      return MONTH_NEXT_TO_DIGIT();
    },
  };
}

const MONTH_NAMES = [...MONTH_OF.keys()];
const SHORTEST_MONTH = Math.min(...MONTH_NAMES.map((m) => m.length));
const LONGEST_MONTH = Math.max(...MONTH_NAMES.map((m) => m.length));

const isDigitCode = (c: number) => c >= 0x30 && c <= 0x39;
function isSpaceCode(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return /\s/.test(String.fromCharCode(c));
}

/**
 * Whether MONTH_NEXT_TO_DIGIT may match the folded text, told without compiling it (a
 * hundred alternatives cost a millisecond, twice). Looser, never stricter: it asks for
 * a month name with only what the pattern allows between it and a digit, in any order.
 * Before a digit: . , - / ' spaces and the letters of "de"/"del"; after one: . - /
 * spaces and the letters of the suffixes and of "of"/"de".
 */
export function monthMayTouchDigit(text: string): boolean {
  for (let p = 0; p < text.length; p++) {
    if (!isDigitCode(text.charCodeAt(p))) continue;
    // A month name ending at `end`, then what may stand between it and the digit.
    for (let end = p; ; end--) {
      if (monthAt(text, end, -1)) return true;
      if (end === 0 || !mayPrecedeDigit(text.charCodeAt(end - 1))) break;
    }
    // The digit, what may follow it, then a month name starting at `start`.
    for (let start = p + 1; start < text.length; start++) {
      if (monthAt(text, start, 1)) return true;
      if (!mayFollowDigit(text.charCodeAt(start))) break;
    }
  }
  return false;
}

/** Whether a month name ends at `at` (direction -1) or starts there (direction 1). */
function monthAt(text: string, at: number, direction: 1 | -1): boolean {
  for (let n = SHORTEST_MONTH; n <= LONGEST_MONTH; n++) {
    const word = direction === 1 ? text.slice(at, at + n) : text.slice(Math.max(0, at - n), at);
    if (word.length < n) return false;
    if (MONTH_OF.has(word)) return true;
  }
  return false;
}

/** \.?(?:\s+del?|,)?[\s\-/.,]*'? between a month name and a digit. */
function mayPrecedeDigit(c: number): boolean {
  return (
    c === 0x2e ||
    c === 0x2c ||
    c === 0x2d ||
    c === 0x2f ||
    c === 0x27 ||
    c === 0x64 ||
    c === 0x65 ||
    c === 0x6c ||
    isSpaceCode(c)
  );
}

/** (?:st|nd|rd|th|er|eme|ème|e|º|°|o|ª)?(?:\s+of|\s+de)?[\s\-/.]* between a digit and a month name. */
function mayFollowDigit(c: number): boolean {
  return (
    'stndrhemofo'.includes(String.fromCharCode(c)) ||
    c === 0xe8 ||
    c === 0xba ||
    c === 0xb0 ||
    c === 0xaa ||
    c === 0x2d ||
    c === 0x2f ||
    c === 0x2e ||
    isSpaceCode(c)
  );
}

/**
 * What every numeric pattern below needs but the one of eight digits: two digits with
 * one of - / . between them (spaces aside). Far cheaper to compile than they are.
 */
export const DIGIT_SEPARATOR_DIGIT = /\d\s?[-/.]\s?\d/;
const EIGHT_DIGITS = /\d{8}/;

/** Exported for the tests. */
export const DATE_PATTERNS: readonly Pattern[] = [
  withMonth({
    // 12 April 1990 · 12th of April, 1990 · 12 avril 1990 · 12 de abril de 1990 · 12-Apr-90
    re: lazyRegExp(
      String.raw`${NOT_LETTER_BEFORE}${DAY}(?:\s+of|\s+de)?[\s\-/.]*${MONTH}(?:\s+de(?:l)?|,)?[\s\-/.,]*${YEAR}(?!\d)`,
      'gu',
    ),
    read: (m) => ({ precision: 'day', candidates: dmy(Number(m[1]), month(m[2]), years(m[3]!)) }),
  }),
  withMonth({
    // April 12, 1990 · Apr 12th 1990
    re: lazyRegExp(String.raw`${NOT_LETTER_BEFORE}${MONTH}\s+${DAY},?\s+${YEAR}(?!\d)`, 'gu'),
    read: (m) => ({ precision: 'day', candidates: dmy(Number(m[2]), month(m[1]), years(m[3]!)) }),
  }),
  {
    // 1990-04-12 · 1990/04/12 · 1990.04.12
    re: lazyRegExp(
      String.raw`(?<![\d.\-/])(\d{4})\s?([-/.])\s?(\d{1,2})\s?\2\s?(\d{1,2})(?![\d])`,
      'gu',
    ),
    needs: DIGIT_SEPARATOR_DIGIT,
    read: (m) => ({
      precision: 'day',
      candidates: dmy(Number(m[4]), Number(m[3]), [Number(m[1])]),
    }),
  },
  {
    // 12/04/1990 · 04/12/1990 · 12.04.90 · 12 - 04 - 1990: both day-month orders.
    re: lazyRegExp(
      String.raw`(?<![\d.\-/])(\d{1,2})\s?([-/.])\s?(\d{1,2})\s?\2\s?(\d{4}|\d{2})(?![\d])`,
      'gu',
    ),
    needs: DIGIT_SEPARATOR_DIGIT,
    read: (m) => {
      const a = Number(m[1]);
      const b = Number(m[3]);
      const ys = years(m[4]!);
      return { precision: 'day', candidates: [...dmy(a, b, ys), ...dmy(b, a, ys)] };
    },
  },
  {
    // 12041990 · 19900412 · 04121990
    re: lazyRegExp(String.raw`(?<![\d])(\d{8})(?![\d])`, 'gu'),
    needs: EIGHT_DIGITS,
    read: (m) => {
      const s = m[1]!;
      const n = (i: number, l: number) => Number(s.slice(i, i + l));
      return {
        precision: 'day',
        candidates: [
          ...dmy(n(0, 2), n(2, 2), [n(4, 4)]),
          ...dmy(n(2, 2), n(0, 2), [n(4, 4)]),
          ...dmy(n(6, 2), n(4, 2), [n(0, 4)]),
        ],
      };
    },
  },
  withMonth({
    // April 1990 · avril 1990 · abril de 1990
    re: lazyRegExp(
      String.raw`${NOT_LETTER_BEFORE}${MONTH}(?:\s+de(?:l)?|,)?\s+(\d{4})(?!\d)`,
      'gu',
    ),
    read: (m) => ({
      precision: 'month',
      candidates: [{ y: Number(m[2]), m: month(m[1]) }].filter(valid),
    }),
  }),
  {
    // 04/1990
    re: lazyRegExp(String.raw`(?<![\d.\-/])(\d{1,2})\s?[/.-]\s?(\d{4})(?![\d.\-/])`, 'gu'),
    needs: DIGIT_SEPARATOR_DIGIT,
    read: (m) => ({
      precision: 'month',
      candidates: [{ y: Number(m[2]), m: Number(m[1]) }].filter(valid),
    }),
  },
  withMonth({
    // 12 April · 12 de abril · le 12 avril
    re: lazyRegExp(
      String.raw`${NOT_LETTER_BEFORE}${DAY}(?:\s+of|\s+de)?\s+${MONTH}${NOT_LETTER_AFTER}`,
      'gu',
    ),
    read: (m) => ({
      precision: 'day_month',
      candidates: [{ m: month(m[2]), d: Number(m[1]) }].filter(valid),
    }),
  }),
  withMonth({
    // April 12
    re: lazyRegExp(String.raw`${NOT_LETTER_BEFORE}${MONTH}\s+${DAY}(?![\d\p{L}])`, 'gu'),
    read: (m) => ({
      precision: 'day_month',
      candidates: [{ m: month(m[1]), d: Number(m[2]) }].filter(valid),
    }),
  }),
];

/** Every date written in the text; where two readings overlap, the longer one wins. */
export function findDates(text: string, folded: Folded = fold(text)): FoundDate[] {
  const found: (FoundDate & { fs: number; fe: number })[] = [];
  // Every pattern needs a digit: a text without one need not compile them (patterns.ts).
  if (!hasDigit(folded.text)) return [];
  let month: boolean | undefined;
  for (const p of DATE_PATTERNS) {
    if (p.month) {
      month ??= monthMayTouchDigit(folded.text) && MONTH_NEXT_TO_DIGIT().test(folded.text);
      if (!month) continue;
    } else if (p.needs && !p.needs.test(folded.text)) continue;
    const re = p.re();
    re.lastIndex = 0;
    for (let m = re.exec(folded.text); m; m = re.exec(folded.text)) {
      const r = p.read(m);
      if (r.candidates.length === 0) continue;
      const fs = m.index;
      const fe = m.index + m[0].length;
      const o = toOriginal(folded, fs, fe);
      found.push({ ...o, fs, fe, precision: r.precision, candidates: r.candidates });
    }
  }
  found.sort((a, b) => b.fe - b.fs - (a.fe - a.fs) || a.fs - b.fs);
  const kept: typeof found = [];
  for (const f of found) {
    if (kept.some((k) => f.fs < k.fe && k.fs < f.fe)) continue;
    kept.push(f);
  }
  return kept
    .sort((a, b) => a.fs - b.fs)
    .map(({ start, end, precision, candidates }) => ({ start, end, precision, candidates }));
}

/**
 * A date answer ('YYYY-MM-DD') or a value that is one written date, as every year,
 * month and day it can be read as ("12/04/1990" is 12 April or 4 December): a field
 * value is removed under each reading, since the note may use either.
 */
export function parseDateValue(value: string): DateCandidate[] {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (iso) return [{ y: Number(iso[1]), m: Number(iso[2]), d: Number(iso[3]) }];
  const all = findDates(value);
  const only = all.length === 1 ? all[0] : undefined;
  if (!only || only.precision !== 'day') return [];
  if (value.slice(0, only.start).trim() !== '' || value.slice(only.end).trim() !== '') return [];
  return [...only.candidates];
}

export function sameDay(a: DateCandidate, b: DateCandidate): boolean {
  return a.y === b.y && a.m === b.m && a.d === b.d;
}

/**
 * Phone numbers found with libphonenumber-js, once per configured country with
 * leniency POSSIBLE (so odd spacing and partial formats are caught), keeping only
 * matches of 7 digits or more so that years and small amounts survive. Dates and
 * amounts next to a currency are not phone numbers.
 */
import type { CountryCode } from 'libphonenumber-js';
import { lazyRegExp } from './lazy-regexp.js';
import { phoneLibrary } from './phone-library.js';

export interface PhoneHit {
  readonly start: number;
  readonly end: number;
}

/** Countries whose national formats are searched when the organisation configures none. */
export const DEFAULT_PHONE_COUNTRIES: readonly string[] = [
  'GB',
  'FR',
  'ES',
  'IT',
  'DE',
  'US',
  'NG',
  'RO',
  'MX',
  'CO',
  'MA',
  'PH',
  'TH',
  'VN',
  'UA',
];

const CURRENCY_WORD =
  '(?:eur|euros?|usd|gbp|dollars?|dólares|dolares|pounds?|livres?|naira|pesos?|cfa|fcfa|xof|francs?|lei|ron|baht|dirhams?|dinars?|rupees?|hryvnias?|uah|mxn|cop|php|thb|vnd|dong)';
const CURRENCY_BEFORE = lazyRegExp(`(?:[$€£¥₦₹]|\\b${CURRENCY_WORD})\\s*$`, 'iu');
const CURRENCY_AFTER = lazyRegExp(`^\\s*(?:[$€£¥₦₹]|${CURRENCY_WORD}(?![\\p{L}]))`, 'iu');

const MIN_DIGITS = 7;

/** An international number written with + or 00 (built on first use: see lazy-regexp.ts). */
export const INTL = lazyRegExp(
  String.raw`(?<![\d\p{L}])(?:\+|00)\s?\d[\d\s().\-/]{5,20}\d(?!\d)`,
  'gu',
);
/** What INTL cannot match without. */
export const INTL_START = /(?:\+|00)\s?\d/u;

/**
 * Whether the text has `n` ASCII digits or more. Counted before WINDOWS, which needs as
 * many in one stretch to matter and costs more to compile than counting costs.
 */
function hasDigits(text: string, n: number): boolean {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39 && ++count >= n) return true;
  }
  return false;
}

function digitCount(s: string): number {
  return s.replace(/\D/g, '').length;
}

/**
 * POSSIBLE leniency may run on past a comma into the next number ("…4567, 12/04").
 * Cut a match at the first comma, semicolon or line break when what precedes still
 * has enough digits.
 */
function trim(text: string, start: number, end: number): number {
  const s = text.slice(start, end);
  const cut = s.search(/[,;\n]/);
  if (cut > 0 && digitCount(s.slice(0, cut)) >= MIN_DIGITS)
    return start + s.slice(0, cut).trimEnd().length;
  return end;
}

/** Stretches that could hold a number: digits with separators (searched one by one). */
const WINDOWS = lazyRegExp(String.raw`(?:\+|\(\+?)?\d[\d\s().\-/]{4,}\d\)?`, 'gu');

/** Whether findPhones would ask libphonenumber about this text (a stretch of 7 digits or more). */
export function mayHoldPhone(text: string): boolean {
  if (!hasDigits(text, MIN_DIGITS)) return false;
  const windows = WINDOWS();
  windows.lastIndex = 0;
  for (let w = windows.exec(text); w; w = windows.exec(text))
    if (digitCount(w[0]) >= MIN_DIGITS) return true;
  return false;
}

export function findPhones(
  text: string,
  countries: readonly string[],
  excluded: readonly { start: number; end: number }[] = [],
): PhoneHit[] {
  const hits: PhoneHit[] = [];
  const seen = new Set<string>();
  const consider = (start: number, end: number) => {
    end = trim(text, start, end);
    // "(+44 7700 900871)": an opening bracket without its closing one stays in the text.
    if (text[start] === '(' && !text.slice(start, end).includes(')')) start++;
    const s = text.slice(start, end);
    if (digitCount(s) < MIN_DIGITS) return;
    // A year range ("2019-2021") or a date is not a phone number.
    if (/^\d{4}\s*[-–/]\s*\d{4}$/.test(s.trim())) return;
    if (excluded.some((e) => e.start <= start && end <= e.end)) return;
    // An amount ("1 500 000 naira", "€ 2.500.000") is not a phone number.
    if (CURRENCY_BEFORE().test(text.slice(Math.max(0, start - 12), start))) return;
    if (CURRENCY_AFTER().test(text.slice(end, end + 12))) return;
    const key = `${start}:${end}`;
    if (seen.has(key)) return;
    seen.add(key);
    hits.push({ start, end });
  };
  // libphonenumber scans its whole input once per country: give it only the stretches
  // that could hold a number (digits with separators), each searched on its own.
  const windows = WINDOWS();
  windows.lastIndex = 0;
  // A text with fewer digits than a number has no stretch to search.
  for (let w = hasDigits(text, MIN_DIGITS) ? windows.exec(text) : null; w; w = windows.exec(text)) {
    if (digitCount(w[0]) < MIN_DIGITS) continue;
    const find = phoneLibrary().findPhoneNumbersInText;
    for (const c of countries) {
      for (const m of find(w[0], {
        defaultCountry: c as CountryCode,
        // Not in the published types of `findPhoneNumbersInText`, but read by its matcher.
        leniency: 'POSSIBLE',
      } as unknown as { defaultCountry: CountryCode })) {
        consider(w.index + m.startsAt, w.index + m.endsAt);
      }
    }
  }
  // International numbers in any country the metadata knows, written with + or 00.
  if (INTL_START.test(text)) {
    const intl = INTL();
    intl.lastIndex = 0;
    for (let m = intl.exec(text); m; m = intl.exec(text)) consider(m.index, m.index + m[0].length);
  }
  return hits;
}

/**
 * Generalisation of quasi-identifiers for reports that leave the laptop: an age
 * becomes a band (the 18 boundary kept exact, since it decides the child lists), a
 * date becomes month and year, any other number a range of ten.
 */
import type { Question } from '../questionnaire/types.js';
import { resolveText } from '../questionnaire/text.js';
import { formatMonthYear } from './month-year.js';

const AGE_BANDS: readonly (readonly [number, number])[] = [
  [0, 11],
  [12, 14],
  [15, 17],
  [18, 24],
  [25, 34],
  [35, 44],
  [45, 54],
  [55, 64],
];

/** An age question: its id says so, or its unit is years. */
export function isAgeQuestion(q: Question): boolean {
  if (/(?:^|_)age(?:_|$)/.test(q.id)) return true;
  const unit = q.unit === undefined ? '' : resolveText(q.unit, 'en', 'en').text;
  return /^(?:years?|ans|años|yrs?)$/i.test(unit.trim());
}

export function ageBand(age: number): string {
  for (const [lo, hi] of AGE_BANDS) if (age >= lo && age <= hi) return `${lo}–${hi}`;
  return '65+';
}

export function numberRange(n: number): string {
  const lo = Math.floor(n / 10) * 10;
  return `${lo}–${lo + 9}`;
}

/** 'YYYY-MM-DD' → "May 2031" in the report language; unparseable dates are withheld whole. */
export function monthYear(iso: string, lang: string): string | undefined {
  const m = /^(\d{4})-(\d{2})/.exec(iso);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 15));
  if (Number.isNaN(d.getTime())) return undefined;
  return formatMonthYear(d, lang);
}

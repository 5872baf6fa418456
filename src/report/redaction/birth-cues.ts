/**
 * Birth cues: words that mark a date as a date of birth ("born", "DOB", "née le",
 * "nacido el", "date de naissance"…). A date is treated as a date of birth only next
 * to one, so that the dates of events a report needs (arrival, escape) survive.
 */
import type { Folded } from './fold.js';
import type { FoundDate } from './dates.js';
import { lazyRegExp } from './lazy-regexp.js';

// On folded text: "née" is "nee", "nacido" stays. "né"/"née" need care: folded "ne" is
// also French negation, so the accented original is checked (see isBirthCue).
// Built on first use (lazy-regexp.ts): only a text with a date looks for cues.
const CUE_BEFORE = lazyRegExp(
  String.raw`(?<![\p{L}])(?:born|birth|birthday|birthdate|birth date|d\.?\s?o\.?\s?b\.?|date of birth|nee?|naissance|nacid[oa]s?|naci|nacio|nacieron|nace|nacimiento|fecha de nac\.?|f\.\s?nac\.?|cumpleanos|anniversaire|ddn|fdn)(?![\p{L}])`,
  'gu',
);

/** No sentence break between the cue and the date: ! ? ; or a new line, or ". " before a capital. */
function sentenceBreak(original: string, from: number, to: number): boolean {
  const between = original.slice(from, to);
  // A full stop ends a sentence unless it ends an abbreviation (St., approx., no.).
  return /[!?;\n]|(?<!\b(?:\p{L}|st|approx|ca|no|nr|mr|mrs|ms|dr|sr|sra|mme|env|aprox))\.\s/iu.test(
    between,
  );
}

/** Folded "ne" or "nee" is a cue only when the original is "né"/"née" or the English "nee". */
function isBirthCue(original: string, cue: string, start: number, end: number): boolean {
  if (cue !== 'ne' && cue !== 'nee') return true;
  const o = original.slice(start, end).toLowerCase().normalize('NFC');
  return o.startsWith('né') || o === 'nee';
}

export interface CueHit {
  readonly start: number;
  readonly end: number;
}

export function findBirthCues(original: string, folded: Folded): CueHit[] {
  const hits: CueHit[] = [];
  const cues = CUE_BEFORE();
  cues.lastIndex = 0;
  for (let m = cues.exec(folded.text); m; m = cues.exec(folded.text)) {
    const start = folded.start[m.index] ?? 0;
    const end = folded.end[m.index + m[0].length - 1] ?? start;
    if (isBirthCue(original, m[0], start, end)) hits.push({ start, end });
  }
  return hits;
}

/**
 * The date each cue points at: the nearest date up to 60 characters after it, or the
 * nearest up to 25 before it ("12/04/1990 (DOB)"), in the same sentence. Only the
 * nearest, so "née le 12/04/1990 à Lomé, arrivée le 5 mai 2020" keeps the arrival.
 */
export function datesOfBirth(
  original: string,
  dates: readonly FoundDate[],
  cues: readonly CueHit[],
): FoundDate[] {
  const out = new Set<FoundDate>();
  for (const c of cues) {
    const after = dates.find(
      (d) => c.end <= d.start && d.start - c.end <= 60 && !sentenceBreak(original, c.end, d.start),
    );
    if (after) {
      out.add(after);
      continue;
    }
    const before = [...dates]
      .reverse()
      .find(
        (d) =>
          d.end <= c.start && c.start - d.end <= 25 && !sentenceBreak(original, d.end, c.start),
      );
    if (before) out.add(before);
  }
  return dates.filter((d) => out.has(d));
}

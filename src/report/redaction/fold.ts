/**
 * Case- and diacritic-folding with a map back to the original text, so matching can
 * run on the folded form ("José" ~ "jose", "Œuvre" ~ "oeuvre", "Straße" ~ "strasse")
 * while redaction cuts the original at the right places.
 */

const SPECIAL: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  '’': "'",
  '‘': "'",
  ʼ: "'",
  '`': "'",
  '´': "'",
  '‐': '-',
  '‑': '-',
  '–': '-',
  '—': '-',
  '\u00a0': ' ',
  '\u202f': ' ',
};

export interface Folded {
  readonly text: string;
  /** For each UTF-16 unit of `text`: the offset in the original where its character starts. */
  readonly start: readonly number[];
  /** For each UTF-16 unit of `text`: the offset in the original just after its character. */
  readonly end: readonly number[];
}

export function foldChar(ch: string): string {
  const lower = ch.toLowerCase();
  const special = SPECIAL[lower];
  if (special !== undefined) return special;
  return lower.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Folds a string for comparison only (no offsets). */
export function foldString(s: string): string {
  let out = '';
  for (const ch of s) out += foldChar(ch);
  return out;
}

export function fold(original: string): Folded {
  let text = '';
  const start: number[] = [];
  const end: number[] = [];
  let i = 0;
  for (const ch of original) {
    const f = foldChar(ch);
    for (let k = 0; k < f.length; k++) {
      start.push(i);
      end.push(i + ch.length);
    }
    text += f;
    i += ch.length;
  }
  return { text, start, end };
}

/** The original span of a folded range [fs, fe). */
export function toOriginal(f: Folded, fs: number, fe: number): { start: number; end: number } {
  return { start: f.start[fs] ?? 0, end: f.end[fe - 1] ?? f.start[fs] ?? 0 };
}

/** Escapes a string for use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

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
  if (ch.length === 1) {
    const c = ch.charCodeAt(0);
    // As foldOther for ASCII, whose normalising changes no character and whose only
    // special is the backtick (tests check every one): the allow-list alone folds some
    // 50 000 characters, nearly all ASCII, and normalising each was most of the time a
    // report took.
    if (c < 0x80)
      return c >= 0x41 && c <= 0x5a ? String.fromCharCode(c + 0x20) : c === 0x60 ? "'" : ch;
  }
  return foldOther(ch);
}

function foldOther(ch: string): string {
  const lower = ch.toLowerCase();
  const special = SPECIAL[lower];
  if (special !== undefined) return special;
  return lower.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Any UTF-16 unit beyond ASCII (not \p{ASCII}: a Unicode property costs more to compile). */
const NON_ASCII = /[\u0080-\uffff]/;

/** Folds a string for comparison only (no offsets). */
export function foldString(s: string): string {
  // ASCII folds to lower case, with ` as an apostrophe; lower-casing the whole string
  // gives the same as character by character (ASCII has no context rules).
  if (!NON_ASCII.test(s)) return s.toLowerCase().replaceAll('`', "'");
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

/**
 * Pattern detectors for identifiers with a recognisable shape: e-mail addresses,
 * IBANs (only when the mod-97 checksum holds), passport and ID-like numbers, and
 * street addresses in English, French and Spanish.
 *
 * Letters outside ASCII in the String.raw patterns are written as \u escapes (the
 * regular expression reads \u00e9 as é): esbuild cannot escape raw templates itself,
 * and an all-ASCII bundle loads faster (bin/load-bundle.js).
 */

import { lazyRegExp } from './lazy-regexp.js';

export interface Hit {
  readonly start: number;
  readonly end: number;
}

function all(re: RegExp, text: string, group = 0): Hit[] {
  const out: Hit[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const g = m[group] ?? m[0];
    const start = m.index + m[0].indexOf(g);
    out.push({ start, end: start + g.length });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/**
 * Whether the text has an ASCII digit. Every pattern below for addresses, IBANs and
 * document numbers needs one, so a text without any skips them: a V8 regular
 * expression is compiled on its first use (and again for native code on its second),
 * and with Unicode classes that costs more than the rest of a short note.
 */
export function hasDigit(text: string): boolean {
  return DIGIT.test(text);
}
const DIGIT = /\d/;

// ---- e-mail --------------------------------------------------------------------------

const EMAIL = lazyRegExp(
  String.raw`[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}`,
  'gu',
);
const TLD = String.raw`(?:com|org|net|info|biz|gov|edu|int|mil|io|co|[a-z]{2})`;
const DOT_SPELLED = String.raw`\s?(?:\(dot\)|\[dot\]|\{dot\}|\(punto\)|\(point\))\s?`;
/**
 * Written out to dodge filters: "maria (at) example (dot) com", "maria[at]mail.com",
 * "maria at example dot com", "maria arroba example.es". A bare " at " only counts
 * with a bare dot inside the domain or " dot " before a known ending, so that "she was
 * at work. Then" is not an address.
 */
export const EMAIL_SPELLED = lazyRegExp(
  [
    String.raw`[\p{L}\p{N}._%+-]+\s?(?:\(at\)|\[at\]|\{at\}|\(arroba\)|\(a\))\s?[\p{L}\p{N}-]+(?:(?:${DOT_SPELLED}|\.)[\p{L}\p{N}-]+)*(?:${DOT_SPELLED}|\.)\p{L}{2,6}(?![\p{L}])`,
    String.raw`[\p{L}\p{N}._%+-]+\s(?:at|arroba)\s[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.${TLD}(?![\p{L}\p{N}])`,
    String.raw`[\p{L}\p{N}._%+-]+\s(?:at|arroba)\s[\p{L}\p{N}-]+(?:\s(?:dot|punto|point)\s[\p{L}\p{N}-]+)*\s(?:dot|punto|point)\s${TLD}(?![\p{L}\p{N}])`,
  ].join('|'),
  'giu',
);

/**
 * What EMAIL_SPELLED cannot match without: one of its spelled "at"s, under the same
 * flags. Checked first, since that pattern is dear to compile (see hasDigit).
 */
export const SPELLED_AT = /\((?:at|arroba|a)\)|\[at\]|\{at\}|\s(?:at|arroba)\s/iu;

/** Social-media handles ("@sergei_jobs"): they lead to a person as surely as a name. */
const HANDLE = lazyRegExp(String.raw`(?<![\p{L}\p{N}._%+-])@[\p{L}\p{N}_.]{3,30}(?<![.])`, 'gu');

export function findHandles(text: string): Hit[] {
  return text.includes('@') ? all(HANDLE(), text) : [];
}

/**
 * Whether the text may hold what SPELLED_AT looks for, told without compiling it: its
 * letters match, case-insensitively, only their own two cases (beyond ASCII only ſ and
 * the Kelvin sign K match ASCII letters, s and k), so lower-casing the text keeps every
 * match, and spaces stay spaces.
 */
export function mayBeSpelledAt(text: string): boolean {
  const lower = text.toLowerCase();
  return (
    lower.includes('(a') ||
    lower.includes('[at]') ||
    lower.includes('{at}') ||
    hasWord(lower, ['at', 'arroba'], true, true)
  );
}

export function findEmails(text: string): Hit[] {
  return [
    ...(text.includes('@') ? all(EMAIL(), text) : []),
    ...(mayBeSpelledAt(text) && SPELLED_AT.test(text) ? all(EMAIL_SPELLED(), text) : []),
  ];
}

// ---- IBAN ----------------------------------------------------------------------------

/** ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97 = 1. */
export function ibanChecksumOk(compact: string): boolean {
  const s = compact.toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false;
  const moved = s.slice(4) + s.slice(0, 4);
  let rem = 0;
  for (const ch of moved) {
    const v = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of v) rem = (rem * 10 + Number(d)) % 97;
  }
  return rem === 1;
}

/** IBAN length per country (ISO 13616 registry); elsewhere the IBAN must end at a group boundary. */
const IBAN_LENGTH: Readonly<Record<string, number>> = Object.fromEntries(
  'AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BF28 BG22 BH22 BI27 BJ28 BR29 BY28 CH21 CI28 CM27 CR22 CV25 CY28 CZ24 DE22 DJ27 DK18 DO28 DZ26 EE20 EG29 ES24 FI18 FO18 FR27 GA27 GB22 GE22 GI23 GL18 GQ27 GR27 GT28 GW25 HN28 HR21 HU28 IE22 IL23 IQ23 IR26 IS26 IT27 JO30 KM27 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MA28 MC27 MD24 ME22 MG27 MK19 ML28 MR27 MT31 MU30 MZ25 NE28 NI28 NL18 NO15 PK24 PL28 PS29 PT25 QA29 RO24 RS22 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SN28 ST25 SV28 TD27 TG28 TL23 TN24 TR26 UA29 VA22 VG24 XK20'
    .split(' ')
    .map((x) => [x.slice(0, 2), Number(x.slice(2))]),
);

/** Where an IBAN can start: both IBAN patterns need it (and are dear to compile, see hasDigit). */
export const IBAN_START = /[A-Za-z]{2}\d{2}/;

export const IBAN_CANDIDATE = lazyRegExp(
  String.raw`(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}(?:[ \-.]?[A-Za-z0-9]){11,34}`,
  'gu',
);

export function findIbans(text: string): Hit[] {
  const out: Hit[] = [];
  if (!IBAN_START.test(text)) return out;
  const candidate = IBAN_CANDIDATE();
  candidate.lastIndex = 0;
  for (let m = candidate.exec(text); m; m = candidate.exec(text)) {
    // The candidate may run into the next word: keep the longest prefix that checks.
    const s = m[0];
    let found = 0;
    const expected = IBAN_LENGTH[s.slice(0, 2).toUpperCase()];
    for (let end = s.length; end >= 15; end--) {
      const prefix = s.slice(0, end);
      if (/[ \-.]$/.test(prefix)) continue;
      const compact = prefix.replace(/[ \-.]/g, '');
      // A known country fixes the length; otherwise stop only between groups, so a
      // following word cannot complete a checksum by chance.
      if (expected !== undefined ? compact.length !== expected : /[\p{L}\p{N}]/u.test(s[end] ?? ''))
        continue;
      if (ibanChecksumOk(compact)) {
        found = end;
        break;
      }
    }
    if (found > 0) {
      out.push({ start: m.index, end: m.index + found });
      candidate.lastIndex = m.index + found;
    } else candidate.lastIndex = m.index + 1;
  }
  return out;
}

export const IBAN_SHAPED = lazyRegExp(
  String.raw`(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]{1,4}){3,9}`,
  'gu',
);

/** Shaped like an IBAN of a known country (length and grouping) whatever the checksum. */
export function findIbanShaped(text: string): Hit[] {
  const out: Hit[] = [];
  if (!IBAN_START.test(text)) return out;
  const re = IBAN_SHAPED();
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const expected = IBAN_LENGTH[m[0].slice(0, 2).toUpperCase()];
    if (expected === undefined) continue;
    // The match may run into the next words: stop where the country's length is reached.
    let compact = 0;
    let end = 0;
    for (let i = 0; i < m[0].length && compact < expected; i++) {
      if (/[A-Za-z0-9]/.test(m[0][i]!)) compact++;
      end = i + 1;
    }
    const after = text[m.index + end] ?? '';
    const value = m[0].slice(0, end).replace(/[ -]/g, '');
    // Valid ones are IBANs (findIbans); these failed the checksum, a typo most likely.
    if (
      compact === expected &&
      !/[\p{L}\p{N}]/u.test(after) &&
      /\d{4}/.test(value) &&
      !ibanChecksumOk(value)
    )
      out.push({ start: m.index, end: m.index + end });
    re.lastIndex = m.index + Math.max(end, 1);
  }
  return out;
}

// ---- passport and ID-like numbers -------------------------------------------------------

/** Tokens that mix letters and digits but are not identifiers: ordinals, times, units, amounts. */
const NOT_AN_ID = lazyRegExp(
  String.raw`^(?:\d{1,4}(?:st|nd|rd|th|er|re|ere|eme|\u00e8me|e|o|a|h\d*|hrs?|am|pm|min|kg|km|cm|mm|m|g|l|ml|k|m2)|\d{1,7}(?:eur|usd|gbp|xof|mxn|ron|\u20ac|\$)|\d{1,4}x\d{1,4}|[a-z]{1,3}\d{1,2}|(?:19|20)\d{2}s)$`,
  'iu',
);

/** Mixed letters and digits, 6+ characters with 2+ digits: AB1234567, X1234567L, 12AB34567. */
export const MIXED = lazyRegExp(
  String.raw`(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]*\d[\p{L}\p{N}]*\d)(?=[\p{N}]*\p{L})[\p{L}\p{N}]{6,20}(?![\p{L}\p{N}])`,
  'gu',
);
/** ASCII characters that are neither letters nor digits: no MIXED token spans one. */
const ASCII_NOT_ALNUM = /[\s!-/:-@[-`{-~]+/;

/**
 * Whether the text has a run without ASCII spaces or punctuation that is long enough
 * for MIXED, with two digits and something else: MIXED (eight Unicode classes) costs
 * more to compile than this costs to check.
 */
export function mayHoldMixed(text: string): boolean {
  for (const run of text.split(ASCII_NOT_ALNUM)) {
    if (run.length < 6) continue;
    let digits = 0;
    let other = false;
    for (let i = 0; i < run.length; i++) {
      const c = run.charCodeAt(i);
      if (c >= 48 && c <= 57) digits++;
      else other = true;
    }
    if (digits >= 2 && other) return true;
  }
  return false;
}

/** A run of 8+ digits with no separator is an identifier (a phone or date reading comes first). */
export const EIGHT_DIGITS = /\d{8}/;
export const LONG_DIGITS = lazyRegExp(
  String.raw`(?<![\p{L}\p{N}.,])\d{8,20}(?![\p{L}\p{N}]|[.,]\d)`,
  'gu',
);
/** After a document cue, grouped forms too: "passport no. AB 123 456", "DNI 12.345.678-Z". */
const CUE = String.raw`(?:passports?|passeports?|pasaportes?|id|i\.d\.|dni|nie|nif|nin|ssn|cni|cin|carte|card|cedula|c\u00e9dula|curp|document|documento|permit|permis|permiso|visa|licen[cs]e|n\u00b0|n\u00ba|no\.|num\.?|number|num\u00e9ro|numero|n\u00famero|#)`;
const AFTER_CUE = String.raw`\s*(?:(?:no|n\u00b0|n\u00ba|number|num\u00e9ro|n\u00famero|num)\.?\s*)?[:#]?\s*`;
export const CUED = lazyRegExp(
  String.raw`(?<![\p{L}])${CUE}(?![\p{L}])${AFTER_CUE}([A-Za-z0-9]{1,10}(?:[ .\-/][A-Za-z0-9]{1,10}){0,4})`,
  'giu',
);
/**
 * What a cued number cannot be found without: a cue, then at least four digits in the
 * letters, digits and separators that follow it (see below), under the same flags.
 * Checked first: CUED, case-insensitive over Unicode letters, is dear to compile.
 */
export const CUED_NEEDS = new RegExp(
  String.raw`(?<![A-Za-z])${CUE}(?![A-Za-z])${AFTER_CUE}(?:[A-Za-z0-9 .\-/]*?\d){4}`,
  'iu',
);

/**
 * Whether the text has four ASCII digits in one stretch without ASCII characters that
 * no CUED_NEEDS match holds (any but letters, digits, whitespace and . - / : #;
 * characters beyond ASCII may be in one, as °, é or, case-folded, ſ). Every match of
 * CUED_NEEDS is such a stretch, and this costs nothing to compile: checked first.
 */
export function mayHoldCued(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      if (++digits >= 4) return true;
    } else if (c < 0x80 && !inCuedStretch(c)) digits = 0;
  }
  return false;
}

function inCuedStretch(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x2e ||
    c === 0x2d ||
    c === 0x2f ||
    c === 0x3a ||
    c === 0x23
  );
}

export function findIdNumbers(text: string): (Hit & { readonly cued: boolean })[] {
  const out: (Hit & { cued: boolean })[] = [];
  // Every find has digits (a cued number at least four).
  if (!hasDigit(text)) return out;
  if (mayHoldMixed(text))
    for (const h of all(MIXED(), text)) {
      const s = text.slice(h.start, h.end);
      if (!NOT_AN_ID().test(s)) out.push({ ...h, cued: false });
    }
  if (EIGHT_DIGITS.test(text))
    out.push(...all(LONG_DIGITS(), text).map((h) => ({ ...h, cued: false })));
  if (!mayHoldCued(text) || !CUED_NEEDS.test(text)) return out;
  const CUED_RE = CUED();
  CUED_RE.lastIndex = 0;
  for (let m = CUED_RE.exec(text); m; m = CUED_RE.exec(text)) {
    const groupStart = m.index + m[0].lastIndexOf(m[1] ?? '');
    // The next search starts at this number: "ID card no. AB 123" has three cues in a row.
    CUED_RE.lastIndex = Math.max(groupStart, m.index + 1);
    // Only the first group and groups that continue it ("AB 123 456"), never a following
    // word or date ("AB123 from 12/03/2019").
    const groups = (m[1] ?? '').split(/(?=[ .\-/])/u);
    let g = groups[0] ?? '';
    // The number starts with a digit or a short capital prefix ("AB 123 456"), never a word ("is").
    if (!/\d/.test(g) && !/^[A-Z]{1,3}$/.test(g)) continue;
    for (const next of groups.slice(1)) {
      const body = next.slice(1);
      const sep = next[0];
      const continues =
        sep === '.'
          ? /^\d{3}$/.test(body)
          : sep !== '/' && /^\d{1,8}[A-Z]?$|^[A-Z]{1,3}\d*$/u.test(body);
      if (continues) g += next;
      else break;
    }
    const digits = g.replace(/\D/g, '').length;
    if (digits < 4 || NOT_AN_ID().test(g)) continue;
    // A year or an amount after "no." is not a document number.
    if (/^(?:19|20)\d{2}$/.test(g)) continue;
    out.push({ start: groupStart, end: groupStart + g.length, cued: true });
  }
  return out;
}

// ---- street addresses --------------------------------------------------------------------

/** Both capitalisations of a street word, since inline case-insensitivity is not available. */
function ci(words: string): string {
  return words
    .split('|')
    .map((w) => `[${w[0]!.toUpperCase()}${w[0]!.toLowerCase()}]${w.slice(1).replace(/\./g, '\\.')}`)
    .join('|');
}

const CAP = String.raw`[\p{Lu}\d][\p{L}\p{M}'\u2019\-]*`;
/** A capitalised word in a French or Spanish street name (no digits: those are the house number). */
const NAME_WORD = String.raw`\p{Lu}[\p{L}\p{M}'\u2019\-]*`;
const WORD = String.raw`[\p{L}\p{M}'\u2019\-]+`;
const EN_STREET_WORDS =
  'street|st.|st|road|rd.|rd|avenue|ave.|ave|lane|ln.|drive|dr.|close|way|place|court|crescent|terrace|boulevard|blvd.|square|gardens|grove|row|hill|park|walk|mews|parade|highway';
const FR_STREET_WORDS =
  'rue|avenue|av.|bd|boulevard|place|chemin|allée|allee|impasse|quai|route|cours|square|passage|cité|cite|résidence|residence|lotissement|faubourg|sentier|villa';
const ES_STREET_WORDS =
  'calle|c/|avenida|avda.|avda|av.|plaza|pza.|paseo|camino|carrera|cra.|carretera|ronda|travesía|travesia|callejón|callejon|glorieta|urbanización|urbanizacion|urb.|pasaje|bulevar|colonia|col.';
const EN_WORDS = EN_STREET_WORDS.split('|');
const FR_WORDS = FR_STREET_WORDS.split('|');
const ES_WORDS = ES_STREET_WORDS.split('|');
const EN_STREET = ci(EN_STREET_WORDS);
const FR_STREET = ci(FR_STREET_WORDS);
const ES_STREET = ci(ES_STREET_WORDS);

function isSpace(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return /\s/.test(c);
}

/**
 * Whether one of the words (written in lower case) is in the lower-cased text, with a
 * space before it and, if `spaceAfter`, after it. A match of a `needs` below has one
 * (lower-casing keeps spaces and turns either capitalisation of a word into its lower
 * case), so this is checked first: it compiles nothing.
 */
function hasWord(
  lower: string,
  words: readonly string[],
  spaceBefore: boolean,
  spaceAfter: boolean,
): boolean {
  for (const w of words)
    for (let at = lower.indexOf(w); at !== -1; at = lower.indexOf(w, at + 1))
      if (
        (!spaceBefore || isSpace(lower[at - 1])) &&
        (!spaceAfter || isSpace(lower[at + w.length]))
      )
        return true;
  return false;
}

const PARTICLES = String.raw`(?:de la|de las|de los|de l'|d'|de|del|des|du|la|le|les|los|las|el|l'|y|of|the)`;
const SPANISH_FLOOR = String.raw`(?:,?\s*\d{1,2}\s*[\u00ba\u00b0\u00aa]\s*(?:izq(?:da)?\.?|dcha\.?|der(?:echa)?\.?|[A-Za-z\d](?![\p{L}]))?)?`;
const UNIT = String.raw`(?:(?:[Ff]lat|[Aa]pt\.?|[Aa]partment|[Uu]nit|[Rr]oom|[Aa]ppartement|[Aa]ppt\.?|[Pp]iso|[Pp]uerta|[Dd]epto\.?)\s*[\dA-Za-z]{1,4},?\s+)?`;
const UK_POSTCODE = String.raw`[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}`;
/** ", 75011 Paris" · ", Leeds LS2 7EE" · ", LS2 7EE" after a street address. */
const POSTCODE_CITY = String.raw`(?:,?\s*(?:\d{4,5}(?:\s+${CAP}(?:[\s-]${CAP}){0,2})?|(?:${CAP}\s+)?${UK_POSTCODE}))?`;

// Built on first use, as the patterns are: most texts are settled by `first`.
const EN_NEEDS = lazyRegExp(String.raw`\s(?:${EN_STREET})`, 'u');
const FR_NEEDS = lazyRegExp(String.raw`\s(?:${FR_STREET})\s`, 'u');
const ES_NEEDS = lazyRegExp(String.raw`(?:${ES_STREET})`, 'u');

/**
 * Each pattern, with what it cannot match without (under the same flags), checked
 * first since these patterns are dear to compile (see hasDigit). All need a digit.
 */
export const ADDRESS_PATTERNS: readonly {
  readonly re: () => RegExp;
  readonly needs?: RegExp;
  /** Cheaper still, and implied by `needs`: the original text and its toLowerCase(). */
  readonly first?: (text: string, lower: string) => boolean;
}[] = [
  {
    // 221B Baker Street · Flat 4, 18 Elm Road, Leeds LS1 4AB
    re: lazyRegExp(
      String.raw`${UNIT}(?<![\p{L}\p{N}])\d{1,5}[A-Za-z]?(?:[-/]\d{1,4})?,?\s+(?:${CAP}\s+){1,4}(?:${EN_STREET})(?![\p{L}])${POSTCODE_CITY}`,
      'gu',
    ),
    // The street word comes after the space that ends the name before it.
    get needs() {
      return EN_NEEDS();
    },
    first: (_, lower) => hasWord(lower, EN_WORDS, true, false),
  },
  {
    // 12 rue des Lilas · 15 bis avenue Jean Jaurès, 75011 Paris
    re: lazyRegExp(
      String.raw`${UNIT}(?<![\p{L}\p{N}])\d{1,5}(?:\s?(?:bis|ter|[A-Da-d]))?,?\s+(?:${FR_STREET})\s+(?:${PARTICLES}\s*)?${WORD}(?:[ \t]+(?:${PARTICLES}[ \t]*)?${NAME_WORD}){0,4}${POSTCODE_CITY}`,
      'gu',
    ),
    get needs() {
      return FR_NEEDS();
    },
    first: (_, lower) => hasWord(lower, FR_WORDS, true, true),
  },
  {
    // Calle Mayor 15, 3º B · Avenida de la Paz, nº 23 · C/ Luna 7
    re: lazyRegExp(
      String.raw`(?<![\p{L}])(?:${ES_STREET})\s*(?:${PARTICLES}\s+)?${NAME_WORD}(?:[ \t]+(?:${PARTICLES}[ \t]+)?${NAME_WORD}){0,4},?\s*(?:[Nn](?:\u00ba|\u00b0|o\.?|\u00fam\.?|um\.?|ro\.?)\s*)?\d{1,5}[A-Za-z]?(?![\p{L}\d])${SPANISH_FLOOR}${POSTCODE_CITY}`,
      'gu',
    ),
    get needs() {
      return ES_NEEDS();
    },
    first: (_, lower) => hasWord(lower, ES_WORDS, false, false),
  },
  // UK postcodes on their own, P.O. boxes.
  {
    re: lazyRegExp(
      String.raw`(?<![\p{L}\p{N}])[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}(?![\p{L}\p{N}])`,
      'gu',
    ),
    needs: /[A-Z]\d/u,
  },
  {
    re: lazyRegExp(
      String.raw`(?<![\p{L}])(?:P\.?\s?O\.?\s?Box|B\.?P\.?|Apartado(?: de correos)?|Casilla)\s*\d{1,6}`,
      'giu',
    ),
    needs: /P\.?\s?O\.?\s?Box|B\.?P\.?|Apartado|Casilla/iu,
    // Case-insensitive Unicode matching reads ſ as s (which lower-casing keeps): a
    // text with one is left to `needs`.
    first: (text, lower) =>
      text.includes('\u017f') ||
      hasWord(lower, ['box', 'bp', 'b.p', 'apartado', 'casilla'], false, false),
  },
];

export function findAddresses(text: string): Hit[] {
  if (!hasDigit(text)) return [];
  const lower = text.toLowerCase();
  return ADDRESS_PATTERNS.flatMap(({ re, needs, first }) =>
    (first && !first(text, lower)) || (needs && !needs.test(text)) ? [] : all(re(), text),
  );
}

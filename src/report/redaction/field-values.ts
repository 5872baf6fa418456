/**
 * The values given in `direct` fields (the person's name, contacts, document numbers,
 * address, date of birth, names of other people) found again anywhere in free text,
 * robustly: case- and diacritic-insensitive, whitespace- and punctuation-flexible;
 * each token of a name as a whole word; a phone's digits whatever the separators
 * (and its national form); a document number with or without separators; a date of
 * birth in every written form. These must never reach a report.
 */
import { findDates, parseDateValue, sameDay, type DateCandidate } from './dates.js';
import { fold, foldString, type Folded } from './fold.js';
import type { RedactionKind } from './kinds.js';
import { allowList } from './allow-list.js';
import { ibanChecksumOk } from './patterns.js';
import { phoneLibrary } from './phone-library.js';

export type FieldMatcher =
  | {
      /**
       * Consecutive words of the text whose letters and digits, joined, spell `joined`:
       * case, accents, spacing and punctuation between them do not matter.
       */
      readonly type: 'words';
      readonly kind: RedactionKind;
      readonly joined: string;
      /** 'any': any punctuation between the words; 'code': only spaces, - . / (document numbers). */
      readonly gaps: 'any' | 'code';
    }
  /** Scripts written without spaces (Chinese, Thai…): the folded string anywhere. */
  | { readonly type: 'substring'; readonly kind: RedactionKind; readonly text: string }
  | { readonly type: 'digits'; readonly kind: RedactionKind; readonly digits: readonly string[] }
  | { readonly type: 'date'; readonly kind: RedactionKind; readonly date: DateCandidate };

/** Words too common to redact on their own even when part of a given name or address. */
const NOT_ON_THEIR_OWN = new Set(
  `de|del|della|di|da|das|do|dos|du|des|van|von|der|den|ter|ten|bin|binti|bint|ibn|ben|al|el|le|la|les|los|las|y|e|et|and|the|of|a|an|abu|mr|mrs|ms|miss|dr|mme|mlle|sr|sra|srta|m|flat|apt|apartment|unit|room|street|st|road|rd|avenue|ave|lane|way|place|court|drive|close|square|rue|avenue|bd|boulevard|chemin|allee|impasse|quai|route|cours|calle|avenida|avda|plaza|paseo|camino|carrera|piso|puerta|no|n|nº|num|bis|ter|ltd|inc|sarl|sas|sa|sl|gmbh|llc|company|co|restaurant|hotel|farm|factory|bar|club|agency|agence|agencia|shop|house|maison|casa|building|city|ville|ciudad|north|south|east|west|nord|sud|est|ouest|norte|sur|este|oeste|new|old|saint|san|santa|sainte|mount|lake|port|big|little|grand|petit|gran|pequeno`.split(
    '|',
  ),
);

function tokensOf(value: string): string[] {
  const folded = foldString(value);
  return folded.match(lettersAndDigits(folded)) ?? [];
}

function words(kind: RedactionKind, tokens: readonly string[]): FieldMatcher {
  return { type: 'words', kind, joined: tokens.join(''), gaps: 'any' };
}

function code(kind: RedactionKind, compact: string): FieldMatcher {
  return { type: 'words', kind, joined: compact, gaps: 'code' };
}

const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Runs of letters and digits: in plain ASCII text, A–Z, a–z and 0–9 are exactly the
 * \p{L} and \p{N}, and the ASCII pattern spares compiling the Unicode one.
 */
export function lettersAndDigits(text: string): RegExp {
  return NON_ASCII.test(text) ? /[\p{L}\p{N}]+/gu : /[A-Za-z0-9]+/g;
}

function isCjk(token: string): boolean {
  // Those scripts are all beyond ASCII: an ASCII token need not compile the pattern below.
  if (!NON_ASCII.test(token)) return false;
  return /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u.test(
    token,
  );
}

/** Digit strings by which a phone number may be written: full international, national with or without the trunk 0. */
function phoneForms(value: string): string[] {
  const digits = value.replace(/\D/g, '');
  const forms = new Set<string>([digits]);
  const intl = value.trim().startsWith('+')
    ? value
    : value.trim().startsWith('00')
      ? `+${value.trim().slice(2)}`
      : undefined;
  const parsed = intl ? phoneLibrary().parsePhoneNumberFromString(intl) : undefined;
  if (parsed) {
    const national = String(parsed.nationalNumber);
    forms.add(national);
    forms.add(`0${national}`);
    forms.add(`${parsed.countryCallingCode}${national}`);
  }
  return [...forms].filter((f) => f.length >= 6);
}

export type ValueShape = 'email' | 'iban' | 'phone' | 'date' | 'code' | 'address' | 'name';

/** What a direct field's value looks like decides how it is searched for. */
export function shapeOf(value: string): ValueShape {
  const v = value.trim();
  // Every shape but a name needs an "@" or a digit, also after folding, which changes
  // no ASCII character into a digit: a plain name need not run the patterns below.
  if (!NON_ASCII.test(v) && !v.includes('@') && !/\d/.test(v)) return 'name';
  const compact = v.replace(/[\s\-./]/g, '');
  if (/@/.test(v)) return 'email';
  if (ibanChecksumOk(compact)) return 'iban';
  if (parseDateValue(v).length > 0) return 'date';
  if (/^[+(]?[\d\s().\-/]+$/.test(v) && v.replace(/\D/g, '').length >= 6) return 'phone';
  if (
    !/\s/.test(v.replace(/(?<=\w)[\s\-./](?=\w)/g, '')) &&
    /\d/.test(v) &&
    compact.length >= 4 &&
    !/\s\p{L}{3,}/u.test(v)
  )
    return 'code';
  if (/\d/.test(v) && tokensOf(v).filter((t) => /\p{L}/u.test(t)).length >= 2) return 'address';
  return 'name';
}

export function matchersFor(
  value: string | number | readonly string[],
  fieldType: string,
): FieldMatcher[] {
  if (Array.isArray(value)) return value.flatMap((v) => matchersFor(v, fieldType));
  if (typeof value === 'number') {
    const digits = String(Math.trunc(Math.abs(value)));
    return digits.length >= 4 ? [{ type: 'digits', kind: 'id_number', digits: [digits] }] : [];
  }
  const v = String(value).trim();
  if (v === '') return [];
  const dates = (): FieldMatcher[] =>
    parseDateValue(v).map((date) => ({ type: 'date', kind: 'date_of_birth', date }));
  if (fieldType === 'date') return dates();
  const tokens = tokensOf(v);
  if (tokens.length === 0) return [];
  switch (shapeOf(v)) {
    case 'email': {
      const local = foldString(v.split('@')[0] ?? '');
      const out: FieldMatcher[] = [words('email', tokens)];
      // The local part alone ("maria.lopez82") identifies too.
      if (local.length >= 4) out.push(words('email', tokensOf(local)));
      // Spelled out to dodge filters: "maria.lopez82 at example dot org", "arroba … punto …".
      const [l = '', d = ''] = v.split('@');
      for (const [at, dot] of [
        ['at', 'dot'],
        ['arroba', 'punto'],
        ['at', 'point'],
      ] as const)
        out.push(
          words('email', [
            ...tokensOf(l),
            at,
            ...tokensOf(d).flatMap((t, i) => (i === 0 ? [t] : [dot, t])),
          ]),
        );
      return out;
    }
    case 'iban':
      return [code('iban', foldString(v).replace(/[^\p{L}\p{N}]/gu, ''))];
    case 'date':
      return dates();
    case 'phone':
      return [{ type: 'digits', kind: 'phone', digits: phoneForms(v) }];
    case 'code': {
      const compact = foldString(v).replace(/[^\p{L}\p{N}]/gu, '');
      const out: FieldMatcher[] = [code('id_number', compact)];
      if (/^\d+$/.test(compact)) out.push({ type: 'digits', kind: 'id_number', digits: [compact] });
      return out;
    }
    case 'address': {
      const out: FieldMatcher[] = [words('address', tokens)];
      // Each comma-separated part with two words or more ("Elm Road", "rue des Lilas"),
      // without its house number, and any postcode-like code.
      for (const part of v.split(/[,;\n]/)) {
        const all = tokensOf(part);
        const named = all.filter((t) => !/^\d+[a-z]?$/.test(t));
        const meaningful = named.filter((t) => !NOT_ON_THEIR_OWN.has(t));
        // The town or country of the address on its own is kept ("Benin City"): it is
        // what the report says anyway, and not the address.
        const isPlace = allowList().has(named.join(' '));
        if (named.length >= 2 && meaningful.length >= 1 && !isPlace)
          out.push(words('address', named));
        // A part with its number ("Flat 2", "41 Holloway Road").
        if (all.length > named.length && named.length >= 1) out.push(words('address', all));
        for (const c of part.match(/\b(?=[A-Za-z]*\d)[A-Za-z\d]{2,4}\s?\d[A-Za-z\d]{1,3}\b/g) ?? [])
          if (/\p{L}/u.test(c)) out.push(code('address', foldString(c).replace(/\s/g, '')));
      }
      return out;
    }
    case 'name': {
      const out: FieldMatcher[] = [words('name', tokens)];
      // Every run of two words or more ("El Amrani", "Dela Cruz" out of a longer name).
      for (let a = 0; a < tokens.length; a++)
        for (let b = a + 2; b <= tokens.length && b - a < tokens.length; b++)
          if (tokens.slice(a, b).some((t) => !NOT_ON_THEIR_OWN.has(t)))
            out.push(words('name', tokens.slice(a, b)));
      // Each written word as a unit ("N'Guessan", "Marie-Claire", "al-Rashid"), then its parts.
      for (const word of v.split(/\s+/)) {
        const parts = tokensOf(word);
        if (parts.length > 1) out.push(words('name', parts));
      }
      for (const t of tokens) {
        if (NOT_ON_THEIR_OWN.has(t) || /^\d+$/.test(t)) continue;
        if (isCjk(t)) {
          // No spaces between words in these scripts: the token anywhere, and each of its characters' pairs.
          out.push({ type: 'substring', kind: 'name', text: t });
          continue;
        }
        if ([...t].length < 2) continue;
        out.push(words('name', [t]));
      }
      return out;
    }
  }
}

export interface FieldHit {
  readonly start: number;
  readonly end: number;
  readonly kind: RedactionKind;
}

/** Runs of digits with separators between them: "+44 (0)7700-900 123". */
const DIGIT_RUN = /\+?\d(?:[\s().\-/]{0,3}\d)*/gu;

function digitHits(text: string, forms: readonly string[], kind: RedactionKind): FieldHit[] {
  const hits: FieldHit[] = [];
  DIGIT_RUN.lastIndex = 0;
  for (let m = DIGIT_RUN.exec(text); m; m = DIGIT_RUN.exec(text)) {
    const run = m[0];
    const positions: number[] = [];
    let digits = '';
    for (let i = 0; i < run.length; i++) {
      if (/\d/.test(run[i]!)) {
        digits += run[i];
        positions.push(m.index + i);
      }
    }
    for (const f of forms) {
      let from = 0;
      for (let at = digits.indexOf(f, from); at !== -1; at = digits.indexOf(f, from)) {
        let start = positions[at]!;
        const end = positions[at + f.length - 1]! + 1;
        // A country code or trunk prefix left in front ("+234 (0)…", "0033 6…") goes with it.
        const prefix = digits.slice(0, at);
        if (
          at > 0 &&
          at <= 6 &&
          (run.startsWith('+') || /^0{1,2}$/.test(prefix) || prefix.startsWith('00'))
        )
          start = m.index;
        // Take a leading "+" or "(" with it.
        if (text[start - 1] === '+' || text[start - 1] === '(') start--;
        hits.push({ start, end, kind });
        from = at + 1;
      }
    }
  }
  return hits;
}

interface WordAt {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** The letter-and-digit words of a folded text, with folded offsets. */
function wordsOf(folded: Folded): WordAt[] {
  const out: WordAt[] = [];
  const re = lettersAndDigits(folded.text);
  for (let m = re.exec(folded.text); m; m = re.exec(folded.text))
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** Runs of consecutive words that spell `joined`, with only allowed gaps between them. */
function wordRuns(
  folded: Folded,
  ws: readonly WordAt[],
  joined: string,
  gaps: 'any' | 'code',
): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (joined === '') return out;
  for (let i = 0; i < ws.length; i++) {
    if (!joined.startsWith(ws[i]!.text)) continue;
    let len = ws[i]!.text.length;
    let j = i;
    while (len < joined.length && j + 1 < ws.length) {
      const next = ws[j + 1]!;
      if (gaps === 'code' && !/^[\s\-./]*$/u.test(folded.text.slice(ws[j]!.end, next.start))) break;
      if (!joined.startsWith(next.text, len)) break;
      len += next.text.length;
      j++;
    }
    if (len === joined.length) {
      const s = folded.start[ws[i]!.start] ?? 0;
      const e = folded.end[ws[j]!.end - 1] ?? s;
      out.push({ start: s, end: e });
    }
  }
  return out;
}

export function findFieldValues(
  text: string,
  matchers: readonly FieldMatcher[],
  folded: Folded = fold(text),
): FieldHit[] {
  const hits: FieldHit[] = [];
  let dates: ReturnType<typeof findDates> | undefined;
  let ws: WordAt[] | undefined;
  for (const m of matchers) {
    switch (m.type) {
      case 'words':
        ws ??= wordsOf(folded);
        for (const r of wordRuns(folded, ws, m.joined, m.gaps)) hits.push({ ...r, kind: m.kind });
        break;
      case 'substring':
        for (
          let at = folded.text.indexOf(m.text);
          at !== -1;
          at = folded.text.indexOf(m.text, at + 1)
        ) {
          const s = folded.start[at] ?? 0;
          hits.push({ start: s, end: folded.end[at + m.text.length - 1] ?? s, kind: m.kind });
        }
        break;
      case 'digits':
        hits.push(...digitHits(text, m.digits, m.kind));
        break;
      case 'date':
        dates ??= findDates(text, folded);
        for (const d of dates)
          if (d.precision === 'day' && d.candidates.some((c) => sameDay(c, m.date)))
            hits.push({ start: d.start, end: d.end, kind: m.kind });
        break;
    }
  }
  return hits;
}

/**
 * The checks redaction runs before its dearer patterns, and the code written out in
 * place of patterns, against those patterns: each check must hold wherever its pattern
 * matches (so no text that could match is skipped), and each written-out step must give
 * exactly what the pattern gave. Over the corpus, the hand-written notes and random
 * mixtures of fragments chosen to sit at the edges of each pattern.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../helpers/rng.js';
import { buildCorpus } from './corpus/generate.js';
import { handwrittenNotes } from './corpus/handwritten.js';
import {
  WordSet,
  allowKey,
  allowList,
  commonWords,
  computeAllowList,
  sortedWords,
  type SortedWords,
} from '../../src/report/redaction/allow-list.js';
import {
  DATE_PATTERNS,
  MONTH_NEXT_TO_DIGIT,
  monthMayTouchDigit,
} from '../../src/report/redaction/dates.js';
import { ibanChecksumOk, shapeOf, parseDateValue } from '../../src/report/redaction/index.js';
import { fold, foldChar, foldString } from '../../src/report/redaction/fold.js';
import { lettersAndDigits } from '../../src/report/redaction/field-values.js';
import { GIVEN_NAMES, givenNames } from '../../src/report/redaction/given-names.js';
import {
  TOKEN_PATTERN,
  isCap,
  isShout,
  isLetterOrMark,
  isNonLatin,
  tokenize,
} from '../../src/report/redaction/names.js';
import {
  ADDRESS_PATTERNS,
  CUED_NEEDS,
  SPELLED_AT,
  mayBeSpelledAt,
  mayHoldCued,
} from '../../src/report/redaction/patterns.js';
import { mayHoldPhone } from '../../src/report/redaction/phones.js';

const FRAGMENTS = [
  ' ',
  '  ',
  '\n',
  '\t',
  '\u00a0',
  '\u2003',
  '.',
  '. ',
  ',',
  ';',
  ':',
  '!',
  '?',
  '-',
  '/',
  "'",
  '’',
  '"',
  '“',
  '”',
  '«',
  '»',
  '(',
  '[',
  '*',
  '•',
  '·',
  '–',
  '—',
  '#',
  '°',
  'º',
  'ª',
  'è',
  '1',
  '7',
  '12',
  '2019',
  '123456',
  '12345678',
  '03/04/1990',
  '1990-04-03',
  '12.04.90',
  '04/1990',
  '12 - 04 - 1990',
  'Jan',
  'jan',
  'janv.',
  'enero',
  'de',
  ' del ',
  ' de ',
  ' of ',
  'th',
  'st',
  'eme',
  'ème',
  'mar',
  'Mars',
  'march',
  'marzo',
  'september',
  'sept.',
  'setiembre',
  'dic',
  'decembre',
  'may',
  'mayo',
  'juil',
  'aout',
  'ago',
  'april',
  'x',
  'deception',
  'J.',
  'J. Smith',
  'A.',
  'É.',
  '𝐀.',
  '𝐀',
  'Ana',
  'ana',
  'ÉLISE',
  'élise',
  'e\u0301',
  '\u0301',
  'Ж',
  'Иван',
  'ا',
  'محمد',
  '中',
  '王芳',
  'ǅ',
  'ſ',
  'K',
  'İ',
  'ß',
  "L'argent",
  'al-Hassan',
  "d'Souza",
  'Jean-Luc',
  "O'Neil",
  'Marie-',
  '-Claire',
  'passport',
  'Passport No. ',
  'passport no. AB 123 456',
  'DNI 12.345.678-Z',
  'ID: ',
  'n° ',
  'nº',
  'número ',
  'Paſsport ',
  'card',
  'visa',
  '#',
  'X9988776L',
  'Flat 4, ',
  '18 Elm Road',
  '221B Baker Street',
  ' St ',
  ' st.',
  ' STREET',
  ' street ',
  ' strong',
  ' rue ',
  ' Rue des Lilas',
  ' allée ',
  ' ALLÉE ',
  ' av. ',
  'Calle ',
  'c/ ',
  'C/ Luna 7',
  'Avda. ',
  'Travesía ',
  ' 75011 Paris',
  'LS2 7EE',
  'SW1A 1AA',
  'P.O. Box 12',
  'PO Box',
  'BP 12',
  'b.p. 7',
  'Apartado 44',
  'Casilla 9',
  'Caſilla 9',
  '(at)',
  '(AT)',
  '[at]',
  '{at}',
  '(a)',
  '(arroba)',
  ' at ',
  ' AT ',
  ' arroba ',
  'at',
  'that',
  'maria',
  'example',
  ' dot ',
  '.com',
  '@',
  '+44 7700 900123',
  '0044 20 7946 0958',
  '0803-555-0199',
  '1,800',
  '8-hour',
  '€',
  ' euros',
];

function mixtures(seed: number, count: number, most = 12): string[] {
  const r = mulberry32(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let t = '';
    const n = 1 + Math.floor(r() * most);
    for (let k = 0; k < n; k++) t += FRAGMENTS[Math.floor(r() * FRAGMENTS.length)];
    out.push(t);
  }
  return out;
}

const TEXTS: readonly string[] = [
  ...buildCorpus(150).map((n) => n.text),
  ...handwrittenNotes().map((n) => n.text),
  'Bricklaying, 1,800 a month, shared room, 8-hour days, paid overtime.',
  'Recruited by deception, a growing debt, passport kept, 13-hour days, threats of denunciation.',
  'TR-01',
  // Spaces beyond ASCII, and ſ, which case-insensitive Unicode matching reads as s.
  'maria\u00a0at\u2003example.com',
  'x\u00a0AT\u00a0y dot com',
  'write to ana (AT) example (DOT) org',
  'Caſilla 12',
  'CAſILLA 12',
  'P.O.\u00a0Box 9',
  'Apartado\u00a012',
  ...mixtures(20311128, 6000),
];

function matches(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  const m = re.exec(text);
  re.lastIndex = 0;
  return m !== null;
}

describe('tokenising without the Unicode pattern', () => {
  /** The tokeniser as it was, with the patterns it used. */
  function tokenizeWithPatterns(text: string) {
    const out = [];
    const token = new RegExp(TOKEN_PATTERN, 'gu');
    for (let m = token.exec(text); m; m = token.exec(text)) {
      const before = text.slice(0, m.index).replace(/[\s"'“”‘’«»([*•·–—-]+$/u, '');
      const prev = before.slice(-1);
      const prevTokenIsInitial = before.endsWith('.') && /(?:^|[\s.])\p{Lu}\.$/u.test(before);
      const sentenceInitial = before === '' || (/[.!?:;\n]/.test(prev) && !prevTokenIsInitial);
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        text: m[0],
        key: allowKey(m[0]),
        cap: isCap(m[0]),
        nonLatin: isNonLatin(m[0]),
        sentenceInitial,
        shout: isShout(m[0]),
      });
    }
    return out;
  }

  it('is the pattern it replaces', () => {
    expect(TOKEN_PATTERN).toBe(String.raw`[\p{L}\p{M}](?:[\p{L}\p{M}'\u2019-]*[\p{L}\p{M}])?`);
  });

  it('finds the same tokens, keys and sentence starts', () => {
    for (const t of [...TEXTS, ...mixtures(5, 3000, 30)])
      expect({ t, tokens: tokenize(t) }).toEqual({ t, tokens: tokenizeWithPatterns(t) });
  });

  it('tells letters and marks as \\p{L} and \\p{M} do, for every code point', () => {
    const re = /^[\p{L}\p{M}]$/u;
    const wrong: number[] = [];
    for (let c = 0; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      if (isLetterOrMark(c) !== re.test(String.fromCodePoint(c))) wrong.push(c);
    }
    for (let c = 0xd800; c <= 0xdfff; c++) if (isLetterOrMark(c)) wrong.push(c);
    expect(wrong).toEqual([]);
  });

  it('no combining mark comes before U+0300 (scrub.ts tests none there)', () => {
    for (let c = 0; c < 0x300; c++) expect(/\p{M}/u.test(String.fromCharCode(c))).toBe(false);
  });
});

describe('the allow-list kept sorted in buckets', () => {
  /** Every string a SortedWords holds. */
  const members = (w: SortedWords) => [
    ...Object.values(w.buckets).flatMap((b) => b.split('|')),
    ...w.also,
  ];

  it('answers as a Set of the same strings', () => {
    const r = mulberry32(99);
    const words = new Set<string>(['', 'a|b', 'zz', 'a', 'ab', 'b', 'é', 'Ωmega', 'a b', 'ab c']);
    for (const t of mixtures(3, 400, 3)) words.add(allowKey(t));
    const set = new WordSet(sortedWords(words));
    const probes = [...words, ...mixtures(4, 2000, 4).map(allowKey), 'a|', '|', 'a|b|c'];
    for (const w of words) probes.push(`${w}s`, w.slice(1), w.slice(0, -1));
    for (let i = 0; i < 500; i++) probes.push(String.fromCharCode(32 + Math.floor(r() * 400)));
    for (const p of probes) expect({ p, has: set.has(p) }).toEqual({ p, has: words.has(p) });
  });

  it('holds every phrase built, once, each in its bucket and in order', () => {
    const data = computeAllowList();
    for (const w of [data.phrases, data.common]) {
      const all = members(w);
      expect(new Set(all).size).toBe(all.length);
      for (const [first, joined] of Object.entries(w.buckets)) {
        const list = joined.split('|');
        expect(list.every((x) => x[0] === first)).toBe(true);
        expect([...list].sort()).toEqual(list);
      }
    }
    // Every phrase and common word is found, and so is what the detector looks up.
    const allow = new WordSet(data.phrases);
    const common = new WordSet(data.common);
    for (const p of members(data.phrases)) expect(allow.has(p)).toBe(true);
    for (const p of members(data.common)) expect(common.has(p)).toBe(true);
    expect(allow.has('benin city')).toBe(true);
    expect(allow.has('bricklaying')).toBe(false);
    expect(common.has('recruited')).toBe(true);
  });

  it('is what the report reads', () => {
    const data = computeAllowList();
    for (const p of members(data.phrases)) expect(allowList().has(p)).toBe(true);
    for (const p of members(data.common)) expect(commonWords().has(p)).toBe(true);
    for (const p of ['jan', 'bricklaying', 'madam joy', '']) {
      expect(allowList().has(p)).toBe(members(data.phrases).includes(p));
      expect(commonWords().has(p)).toBe(members(data.common).includes(p));
    }
  });
});

describe('checks made before a dear pattern hold wherever it matches', () => {
  it('a number after a cue', () => {
    let found = 0;
    for (const t of TEXTS) {
      if (!CUED_NEEDS.test(t)) continue;
      found++;
      expect({ t, may: mayHoldCued(t) }).toEqual({ t, may: true });
    }
    expect(found).toBeGreaterThan(50);
    expect(mayHoldCued('Bricklaying, 1,800 a month, shared room, 8-hour days')).toBe(false);
  });

  it('a spelled-out e-mail address', () => {
    let found = 0;
    for (const t of TEXTS) {
      if (!SPELLED_AT.test(t)) continue;
      found++;
      expect({ t, may: mayBeSpelledAt(t) }).toEqual({ t, may: true });
    }
    expect(found).toBeGreaterThan(50);
    expect(mayBeSpelledAt('Recruited by deception, a growing debt')).toBe(false);
  });

  it('each kind of address', () => {
    const found = ADDRESS_PATTERNS.map(() => 0);
    for (const t of TEXTS) {
      const lower = t.toLowerCase();
      ADDRESS_PATTERNS.forEach(({ needs, first }, i) => {
        if (!needs || !first || !matches(needs, t)) return;
        found[i]!++;
        expect({ t, i, first: first(t, lower) }).toEqual({ t, i, first: true });
      });
    }
    ADDRESS_PATTERNS.forEach(({ first }, i) => {
      if (first) expect(found[i]).toBeGreaterThan(20);
    });
  });

  it('a month name next to a digit', () => {
    let found = 0;
    for (const t of [...TEXTS, ...mixtures(11, 6000, 6)]) {
      const folded = fold(t).text;
      if (!MONTH_NEXT_TO_DIGIT().test(folded)) continue;
      found++;
      expect({ folded, may: monthMayTouchDigit(folded) }).toEqual({ folded, may: true });
    }
    expect(found).toBeGreaterThan(500);
    expect(monthMayTouchDigit('recruited by deception, 13-hour days')).toBe(false);
    const withMonth = DATE_PATTERNS.filter((p) => p.month);
    expect(withMonth).toHaveLength(5);
    for (const p of withMonth) expect(p.needs).toBe(MONTH_NEXT_TO_DIGIT());
  });

  it('a stretch that could hold a phone number', () => {
    // As mayHoldPhone was: a window of seven digits or more.
    const windows = /(?:\+|\(\+?)?\d[\d\s().\-/]{4,}\d\)?/gu;
    for (const t of TEXTS) {
      let slow = false;
      windows.lastIndex = 0;
      for (let w = windows.exec(t); w; w = windows.exec(t))
        if (w[0].replace(/\D/g, '').length >= 7) slow = true;
      expect({ t, may: mayHoldPhone(t) }).toEqual({ t, may: slow });
    }
  });
});

describe('the shape of a direct value told early for a plain name', () => {
  /** shapeOf as it was, without the early answer. */
  function shapeWithPatterns(value: string): string {
    const v = value.trim();
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
    const folded = foldString(v);
    const tokens = folded.match(lettersAndDigits(folded)) ?? [];
    if (/\d/.test(v) && tokens.filter((t) => /\p{L}/u.test(t)).length >= 2) return 'address';
    return 'name';
  }

  it('is the shape the patterns give', () => {
    const values = [
      'Jan',
      'Zuleika Okonkwo-Brantisvaara',
      'maria.lopez82@example.org',
      'GB12 QZXB 6016 1331 9268 19',
      '1998-04-12',
      '12/04/1998',
      '12 avril 1998',
      '+234 803 555 0199',
      'QZ7351946',
      '14 Quillfeather Road, Leeds LS2 7EE',
      'José',
      'Ivan the Fourth',
      ...mixtures(17, 3000, 4),
    ];
    for (const v of values)
      expect({ v, shape: shapeOf(v) }).toEqual({ v, shape: shapeWithPatterns(v) });
  });
});

describe('given names split on spaces', () => {
  it('are the names split on any whitespace, each lower-cased', () => {
    expect(GIVEN_NAMES).toMatch(/^[A-Za-z \n]+$/);
    const slow = new Set(
      GIVEN_NAMES.split(/\s+/)
        .filter(Boolean)
        .map((n) => n.toLowerCase()),
    );
    expect([...givenNames()].sort()).toEqual([...slow].sort());
  });
});

describe('folding ASCII without a table', () => {
  it('folds each ASCII character as normalising it does', () => {
    for (let c = 0; c < 0x80; c++) {
      const ch = String.fromCharCode(c);
      const slow = ch === '`' ? "'" : ch.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
      expect(foldChar(ch)).toBe(slow);
    }
  });
});

/**
 * What redaction skips or reads ready-made to start faster must change nothing:
 * the ASCII shortcut of folding, the patterns not run on a text that cannot match
 * them, and the allow-list the build writes beside the bundle.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../helpers/rng.js';
import { buildCorpus } from './corpus/generate.js';
import { handwrittenNotes } from './corpus/handwritten.js';
import { icuPrecomputedFile } from '../../src/report/icu-precomputed.js';
import { needsPhoneLibrary } from '../../src/report/prepare.js';
import { requireQuestionnaire } from '../../src/questionnaire/load.js';
import type { InterviewRecord } from '../../src/record/types.js';
import { defaultQuestionnairePath } from '../../src/shipped.js';
import {
  ALLOW_LIST_FILE,
  allowList,
  computeAllowList,
  writeAllowList,
} from '../../src/report/redaction/allow-list.js';
import { DATE_PATTERNS } from '../../src/report/redaction/dates.js';
import { lettersAndDigits } from '../../src/report/redaction/field-values.js';
import { fold, foldChar, foldString } from '../../src/report/redaction/fold.js';
import {
  ADDRESS_PATTERNS,
  CUED,
  CUED_NEEDS,
  EIGHT_DIGITS,
  EMAIL_SPELLED,
  IBAN_CANDIDATE,
  IBAN_SHAPED,
  IBAN_START,
  LONG_DIGITS,
  MIXED,
  SPELLED_AT,
  hasDigit,
  mayHoldMixed,
} from '../../src/report/redaction/patterns.js';
import { isCap, isNonLatin } from '../../src/report/redaction/names.js';
import { INTL, INTL_START, mayHoldPhone } from '../../src/report/redaction/phones.js';

/** Notes of the corpus and random mixtures of fragments that the patterns look for. */
function texts(): string[] {
  const r = mulberry32(20311128);
  const fragments = [
    '12',
    '7',
    ' rue ',
    ' Street',
    ' street ',
    ' Rd.',
    'Calle ',
    'c/ ',
    ' avenue ',
    ' at ',
    ' AT ',
    '(at)',
    '[at]',
    '(a)',
    ' arroba ',
    '@',
    'maria',
    'Elm',
    'X',
    'É',
    'ß',
    'Œuvre',
    '`',
    ' 75011 Paris',
    'AB1234567',
    ' passport no. ',
    'DNI 12.345.678-Z',
    'ID: ',
    '#',
    'X12345Ł',
    'ab1_2cdef',
    'Ж12345',
    ' 2024',
    'avril',
    'April ',
    '03/04/1990',
    '1990-04-03',
    'born ',
    'Flat 4, ',
    '18 Elm Road',
    'P.O. Box 12',
    ' ',
    '.',
    ',',
    'ſ',
    'K',
    'İ',
    'Σ',
    '١٢',
    '²',
    'straße',
    '+44 7700 900123',
    '0044 20 7946 0958',
    '12345678',
    'Box 7',
    'BP 12',
    'SW1A 1AA',
    '12 avril 1990',
    '3rd of March, 2019',
    'marzo de 2020',
    'FR76 3000 6000 0112 3456 7890 189',
    'de la',
    'José',
    'Nigeria',
    '\n',
  ];
  const out = [...buildCorpus(120).map((n) => n.text), ...handwrittenNotes().map((n) => n.text)];
  for (let i = 0; i < 4000; i++) {
    let t = '';
    const n = 1 + Math.floor(r() * 12);
    for (let k = 0; k < n; k++) t += fragments[Math.floor(r() * fragments.length)];
    out.push(t);
  }
  return out;
}

function matches(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  const m = re.exec(text);
  re.lastIndex = 0;
  return m !== null;
}

describe('folding', () => {
  it('folds ASCII as it folds any character', () => {
    for (let c = 0; c < 0x80; c++) {
      const ch = String.fromCharCode(c);
      const slow = ch === '`' ? "'" : ch.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
      expect(foldChar(ch)).toBe(slow);
      expect(foldString(ch)).toBe(slow);
    }
  });

  it('folds a whole string as it folds each character', () => {
    for (const t of texts()) {
      const each = [...t].map(foldChar).join('');
      expect(foldString(t)).toBe(each);
      expect(fold(t).text).toBe(each);
    }
  });
});

describe('words tested without Unicode patterns when plain ASCII tells', () => {
  // The definitions with Unicode patterns only, as they were.
  const ELIDED = /^(?:[LlDdJjNnSsMmTtCc]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu)['’]\p{Ll}/u;
  const PREFIXED = /^(?:al|el|ad|as|ash|at|az|bin|ibn|abu|ben|d|l|o|mc|mac|da|de|di)['’-]\p{Lu}/u;
  const capitalised = (text: string): boolean => {
    if (ELIDED.test(text)) return false;
    if (PREFIXED.test(text)) return true;
    if (!/\p{Lu}|\p{Lt}/u.test(text[0] ?? '')) return false;
    const letters = text.replace(/[^\p{L}]/gu, '');
    return !(letters.length >= 2 && letters.length <= 3 && letters === letters.toUpperCase());
  };
  const nonLatin = (text: string) => /\p{L}/u.test(text) && !/\p{Script=Latin}/u.test(text);

  function words(): string[] {
    const r = mulberry32(7);
    const parts = [
      'a',
      'B',
      'z',
      'Q',
      "'",
      '’',
      '-',
      'é',
      'É',
      'ǅ',
      'ß',
      'Ж',
      'ж',
      'ا',
      '中',
      'ſ',
      '1',
      'L',
      'd',
      'al',
      'Mc',
      'qu',
      'x',
    ];
    const out = [
      '',
      'IOM',
      'Ana',
      "L'argent",
      "d'Souza",
      'al-Hassan',
      'Jean-Luc',
      'ǅemal',
      'Ωmega',
      'Иван',
    ];
    for (let i = 0; i < 5000; i++) {
      let w = '';
      const n = 1 + Math.floor(r() * 6);
      for (let k = 0; k < n; k++) w += parts[Math.floor(r() * parts.length)];
      out.push(w);
    }
    return out;
  }

  it('capitalised and non-Latin words', () => {
    for (const w of words()) {
      expect({ w, cap: isCap(w) }).toEqual({ w, cap: capitalised(w) });
      expect({ w, nonLatin: isNonLatin(w) }).toEqual({ w, nonLatin: nonLatin(w) });
    }
  });

  it('runs of letters and digits', () => {
    for (const t of [...words(), ...texts().slice(0, 300)]) {
      const folded = foldString(t);
      expect(folded.match(lettersAndDigits(folded))).toEqual(folded.match(/[\p{L}\p{N}]+/gu));
    }
  });
});

describe('patterns skipped when a text cannot match them', () => {
  const all = texts();

  it('an address needs a digit and what each pattern lists', () => {
    const found = ADDRESS_PATTERNS.map(() => 0);
    for (const t of all)
      ADDRESS_PATTERNS.forEach(({ re, needs }, i) => {
        if (!matches(re(), t)) return;
        found[i]!++;
        expect(hasDigit(t)).toBe(true);
        if (needs) expect({ t, needs: matches(needs, t) }).toEqual({ t, needs: true });
      });
    // Every pattern with a precondition matched some text here.
    ADDRESS_PATTERNS.forEach(({ needs }, i) => {
      if (needs) expect(found[i]).toBeGreaterThan(0);
    });
  });

  it('a spelled-out e-mail address needs a spelled "at"', () => {
    let found = 0;
    for (const t of all) {
      if (!matches(EMAIL_SPELLED(), t)) continue;
      found++;
      expect({ t, at: SPELLED_AT.test(t) }).toEqual({ t, at: true });
    }
    expect(found).toBeGreaterThan(0);
  });

  it('a date needs a digit, and one with a month name the month next to a digit', () => {
    const found = DATE_PATTERNS.map(() => 0);
    for (const t of all) {
      const folded = fold(t).text;
      DATE_PATTERNS.forEach(({ re, needs }, i) => {
        if (!matches(re(), folded)) return;
        found[i]!++;
        expect({ t, digit: hasDigit(folded) }).toEqual({ t, digit: true });
        if (needs) expect({ t, needs: matches(needs, folded) }).toEqual({ t, needs: true });
      });
    }
    // Every pattern matched some text here.
    expect(found.filter((n) => n === 0)).toEqual([]);
  });

  it('a token mixing letters and digits needs a run that could hold it', () => {
    let found = 0;
    for (const t of all) {
      if (!matches(MIXED(), t)) continue;
      found++;
      expect({ t, may: mayHoldMixed(t) }).toEqual({ t, may: true });
    }
    expect(found).toBeGreaterThan(0);
    expect(mayHoldMixed('1,800 a month, 8-hour days, TR-01')).toBe(false);
    expect(mayHoldMixed('passport AB1234567')).toBe(true);
  });

  it('a number after a cue needs the cue and four digits after it', () => {
    let found = 0;
    for (const t of all) {
      const re = CUED();
      re.lastIndex = 0;
      for (let m = re.exec(t); m; m = re.exec(t)) {
        re.lastIndex = m.index + 1;
        // What findIdNumbers keeps is part of the group, with four digits at least.
        if ((m[1] ?? '').replace(/\D/g, '').length < 4) continue;
        found++;
        expect({ t, needs: CUED_NEEDS.test(t) }).toEqual({ t, needs: true });
      }
    }
    expect(found).toBeGreaterThan(0);
    expect(CUED_NEEDS.test('passport kept, 13-hour days, paid 1,800')).toBe(false);
    expect(CUED_NEEDS.test('passport no. AB 123 456')).toBe(true);
  });

  it.each([
    ['an IBAN', IBAN_CANDIDATE, IBAN_START],
    ['a shape like an IBAN', IBAN_SHAPED, IBAN_START],
    ['a run of digits', LONG_DIGITS, EIGHT_DIGITS],
    ['an international phone number', INTL, INTL_START],
  ])('%s needs what is checked first', (_what, re, needs) => {
    let found = 0;
    for (const t of all) {
      if (!matches(re(), t)) continue;
      found++;
      expect({ t, needs: matches(needs, t) }).toEqual({ t, needs: true });
    }
    expect(found).toBeGreaterThan(0);
  });
});

describe('the allow-list written at build time', () => {
  it('is what building it gives, in a file named for this ICU and CLDR', () => {
    const dir = mkdtempSync(join(tmpdir(), 'screener-allow-list-'));
    try {
      const file = writeAllowList(dir);
      expect(file).toBe(icuPrecomputedFile(dir, ALLOW_LIST_FILE));
      expect(basename(file)).toContain(`icu${process.versions.icu}-cldr${process.versions.cldr}`);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(computeAllowList());
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('in the built CLI is not stale', () => {
    const dir = join(import.meta.dirname, '..', '..', 'dist', 'precompiled');
    const current = basename(icuPrecomputedFile(dir, ALLOW_LIST_FILE));
    // The test setup builds with this runtime, so its file is there.
    expect(readdirSync(dir)).toContain(current);
    expect(JSON.parse(readFileSync(join(dir, current), 'utf8'))).toEqual(computeAllowList());
  });

  it('holds countries, languages, months and weekdays in three languages, folded', () => {
    const list = allowList();
    for (const name of ['nigeria', 'espagne', 'alemania', 'romanian', 'roumain', 'rumano'])
      expect(list.has(name)).toBe(true);
    for (const name of ['march', 'mars', 'marzo', 'sunday', 'dimanche', 'domingo', 'nigerians'])
      expect(list.has(name)).toBe(true);
  });
});

describe('the phone-number library, loaded for records that need it', () => {
  const q = requireQuestionnaire(defaultQuestionnairePath());
  const record = (answers: Record<string, unknown>): InterviewRecord =>
    ({ answers }) as unknown as InterviewRecord;
  const value = (v: unknown, note?: string) => ({ kind: 'value', value: v, at: '', note });

  it('is needed for a stretch of seven digits in free text or a note', () => {
    expect(
      needsPhoneLibrary(q, record({ offer_description: value('1,800 a month, 8-hour days') })),
    ).toBe(false);
    expect(needsPhoneLibrary(q, record({ offer_description: value('call 07700 900123') }))).toBe(
      true,
    );
    expect(needsPhoneLibrary(q, record({ age: value(34, 'her number is 0803 123 4567') }))).toBe(
      true,
    );
    // A date answer is not searched for phone numbers.
    expect(needsPhoneLibrary(q, record({ interview_date: value('2024-03-12') }))).toBe(false);
  });

  it('is needed for a direct field written with + or 00', () => {
    expect(needsPhoneLibrary(q, record({ contact_details: value(' +44 7700 9001') }))).toBe(true);
    expect(needsPhoneLibrary(q, record({ contact_details: value('0044 7700') }))).toBe(true);
    expect(needsPhoneLibrary(q, record({ person_name: value('Jan') }))).toBe(false);
  });

  it('is needed for every free text findPhones would ask it about', () => {
    // findPhones asks the library only about a stretch where mayHoldPhone finds one.
    for (const t of texts()) {
      if (!needsPhoneLibrary(q, record({ offer_description: value(t) }))) {
        expect({ t, windows: mayHoldPhone(t) }).toEqual({ t, windows: false });
      }
    }
  });
});

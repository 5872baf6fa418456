/**
 * A value given in a direct field is removed from free text in every way it is commonly
 * written: case, accents, spacing and punctuation, each word of a name on its own, a
 * phone in national and international form, a document number with separators, a date
 * of birth in every order and with month names in English, French and Spanish.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PHONE_COUNTRIES,
  findRedactions,
  matchersFor,
} from '../../src/report/redaction/index.js';

function removed(value: string, type: string, written: string): boolean {
  const text = `Note: ${written} was mentioned on Tuesday.`;
  const start = text.indexOf(written);
  const spans = findRedactions(text, {
    fieldMatchers: matchersFor(value, type),
    phoneCountries: [],
  });
  for (let i = start; i < start + written.length; i++) {
    if (!/[\p{L}\p{N}]/u.test(text[i]!)) continue;
    if (!spans.some((s) => s.start <= i && i < s.end && s.source === 'field')) return false;
  }
  return true;
}

const CASES: readonly (readonly [string, string, readonly string[]])[] = [
  [
    'María José Ñúñez de la Cruz',
    'text',
    [
      'María José Ñúñez de la Cruz',
      'maria jose nunez de la cruz',
      'MARÍA JOSÉ',
      'María-José',
      'Ñúñez',
      'NUNEZ',
      'Cruz',
      'de la Cruz',
      'Nunez, Maria Jose',
      'María   José',
    ],
  ],
  [
    "Siobhán O'Brien-Ní Bhriain",
    'text',
    ["Siobhán O'Brien", 'siobhan obrien', 'O’Brien', 'OBRIEN', 'Bhriain', 'Ní Bhriain', 'Siobhan'],
  ],
  ['Nguyen Thi Lan', 'text', ['Nguyen Thi Lan', 'NGUYEN', 'Lan', 'Nguyễn Thị Lan', 'Thi Lan']],
  ['Иван Петров', 'text', ['Иван Петров', 'Иван', 'ПЕТРОВ']],
  ['王小明', 'text', ['王小明', '小明王小明']],
  [
    'Mohamed al-Rashid',
    'text',
    ['Mohamed al-Rashid', 'al Rashid', 'Al-Rashid', 'Rashid', 'MOHAMED'],
  ],
  [
    '+234 803 555 0142',
    'text',
    [
      '+234 803 555 0142',
      '+2348035550142',
      '0803 555 0142',
      '08035550142',
      '0803-555-0142',
      '(0803) 555.0142',
      '00234 803 555 0142',
      '+234 (0)803 555 0142',
      '803 555 0142',
    ],
  ],
  ['07700 900123', 'text', ['07700 900123', '07700-900-123', '07700900123', '07700 900 123']],
  ['AB1234567', 'text', ['AB1234567', 'ab1234567', 'AB 123 4567', 'AB-1234567', 'AB.123.4567']],
  ['12.345.678-Z', 'text', ['12345678Z', '12.345.678-Z', '12 345 678 Z', '12345678-z']],
  [
    '1990-04-12',
    'date',
    [
      '1990-04-12',
      '12/04/1990',
      '12.04.1990',
      '12-04-1990',
      '12/4/1990',
      '04/12/1990',
      '12/04/90',
      '12 April 1990',
      'April 12, 1990',
      '12th of April 1990',
      '12 Apr 1990',
      '12-Apr-90',
      '12 avril 1990',
      '12 avr. 1990',
      '12 de abril de 1990',
      '12 abril 1990',
      '12041990',
      '19900412',
    ],
  ],
  ['12/04/1990', 'text', ['1990-04-12', '12 April 1990', '12 de abril de 1990']],
  [
    'zuleika.brant77@example.org',
    'text',
    [
      'zuleika.brant77@example.org',
      'ZULEIKA.BRANT77@EXAMPLE.ORG',
      'zuleika.brant77',
      'zuleika.brant77 at example dot org',
    ],
  ],
  [
    'FR76 3000 6000 0112 3456 7890 189',
    'text',
    [
      'FR76 3000 6000 0112 3456 7890 189',
      'FR7630006000011234567890189',
      'fr76-3000-6000-0112-3456-7890-189',
    ],
  ],
  [
    '14 Quillfeather Road, Leeds LS2 7EE',
    'text',
    [
      '14 Quillfeather Road, Leeds LS2 7EE',
      '14 Quillfeather Road',
      'Quillfeather Road',
      'quillfeather road',
      'LS2 7EE',
      'LS27EE',
    ],
  ],
  [
    'Calle Mayor 15, 3º B, 30001 Murcia',
    'text',
    ['Calle Mayor 15', 'calle mayor', 'Calle Mayor 15, 3º B'],
  ],
];

describe('direct field values in every written form', () => {
  for (const [value, type, forms] of CASES) {
    it.each(forms)(`${value} written as %s`, (written) => {
      expect(removed(value, type, written)).toBe(true);
    });
  }

  it('a name token is matched as a whole word only', () => {
    const spans = findRedactions('Lan worked in the Lantern bar in Milan.', {
      fieldMatchers: matchersFor('Nguyen Thi Lan', 'text'),
      phoneCountries: DEFAULT_PHONE_COUNTRIES,
    }).filter((s) => s.source === 'field');
    expect(spans).toEqual([{ start: 0, end: 3, kind: 'name', source: 'field' }]);
  });

  it('particles of a name are not removed on their own, nor the town of an address', () => {
    const text = 'She worked de la mañana a la noche in Leeds, near la plaza.';
    const spans = findRedactions(text, {
      fieldMatchers: [
        ...matchersFor('María de la Cruz', 'text'),
        ...matchersFor('14 Quillfeather Road, Leeds LS2 7EE', 'text'),
      ],
      phoneCountries: [],
    }).filter((s) => s.source === 'field');
    expect(spans).toEqual([]);
  });
});

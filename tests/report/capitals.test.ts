/**
 * Names written in capitals, as forms and many notes write a family name ("Jean
 * DUPONT"): found like any capitalised name, and alone too ("KOWALSKI took her
 * passport"). Acronyms of two or three letters, longer ones the allow-list or the
 * common words hold, and words also written in lower case in the text are left alone.
 */
import { describe, expect, it } from 'vitest';
import { scrubbed } from './helpers.js';

describe('names written in capitals', () => {
  it.each([
    [
      'Her recruiter, Jean DUPONT, kept the passports.',
      'Her recruiter, [name], kept the passports.',
    ],
    ['La jefa era PÉREZ GARCÍA, de Madrid.', 'La jefa era [name], de Madrid.'],
    ['The boss was called KOWALSKI.', 'The boss was called [name].'],
    ['Le patron, M. TESTOVA, a pris son argent.', 'Le patron, [name], a pris son argent.'],
    ['Son argent est resté chez M. TESTOVA.', 'Son argent est resté chez M. [name].'],
    ['MARIA stayed behind.', '[name] stayed behind.'],
    ['KOWALSKI took her passport.', '[name] took her passport.'],
    ['Then KOWALSKI took her passport.', 'Then [name] took her passport.'],
    ['She said NOWAK had the keys.', 'She said [name] had the keys.'],
    // Two or three capitals beside a name word, or after a cue, are a family name.
    ['Her boss, Wei LI, kept the money.', 'Her boss, [name], kept the money.'],
    ['NG Mei Ling drove the van.', '[name] drove the van.'],
    ['The agent was called HO.', 'The agent was called [name].'],
    ['Jean LE GALL est parti.', '[name] est parti.'],
    // An uncommon word shouted alone is taken for a name: a word of emphasis is lost,
    // rather than a name kept.
    ['The POLICE came to the HOUSE at night.', 'The POLICE came to the [name] at night.'],
  ])('%s', (text, expected) => expect(scrubbed(text)).toBe(expected));

  it('keeps acronyms, organisations, currencies and common words in capitals', () => {
    for (const text of [
      'Referred by the IOM and an NGO; UNHCR and UNICEF were told.',
      'She was paid 50 000 FCFA a month, ASAP she said.',
      'The POLICE came at night; she was NEVER paid.',
      // Written in lower case elsewhere in the text: a word, not a name.
      'They reached the house at night. The HOUSE was locked.',
      'She has HIV and was seen by MSF.',
      'She showed her ID and her IBAN at the bank.',
      'She called IOM and the police sent an SMS.',
      'She wrote to UNHCR; the IOM office in Lyon answered.',
    ])
      expect(scrubbed(text)).toBe(text);
  });
});

/** The rules that find identifiers nobody typed into a field, and the words they must leave alone. */
import { describe, expect, it } from 'vitest';
import {
  findRedactions,
  ibanChecksumOk,
  type RedactionKind,
} from '../../src/report/redaction/index.js';
import { RULES_ONLY, scrubbed } from './helpers.js';

const config = RULES_ONLY;

const kept = (text: string) => expect(scrubbed(text)).toBe(text);
const becomes = (text: string, expected: string) => expect(scrubbed(text)).toBe(expected);

describe('phone numbers (libphonenumber-js, POSSIBLE, 7 digits or more)', () => {
  it.each([
    ['+44 7700 900123', 'GB'],
    ['07700 900123', 'GB national'],
    ['06 39 98 12 34', 'FR'],
    ['+33 6 39 98 12 34', 'FR international'],
    ['612 345 678', 'ES'],
    ['+234 803 123 4567', 'NG'],
    ['0803-123-4567', 'NG national'],
    ['+40 721 234 567', 'RO'],
    ['+380 67 123 4567', 'UA'],
    ['+66 81 234 5678', 'TH'],
    ['(202) 555-0142', 'US'],
    ['+52 55 1234 5678', 'MX'],
    ['+91 98765 43210', 'IN (international only)'],
    ['00221 77 123 45 67', 'SN with 00'],
  ])('%s (%s)', (phone) => {
    becomes(`Call her on ${phone} tonight.`, 'Call her on [phone] tonight.');
  });

  it('keeps years, short numbers, amounts and dates of events', () => {
    kept('She arrived in 2019 and left in 2021, after 14 months.');
    kept('She earned 1 500 000 naira, then €2,500 and 3.000 dólares.');
    kept('Worked 2019-2021 at the farm; 35 euros a day.');
    kept('On 12/09/2020 she escaped; the next day was 13.09.2020.');
    kept('Flight 2456 left at 10:30.');
  });
});

describe('e-mail addresses', () => {
  it.each([
    ['ana.lopez82@example.org', 'plain'],
    ['ANA.LOPEZ82@EXAMPLE.ORG', 'capitals'],
    ['ana.lopez82 (at) example (dot) org', 'spelled (at)'],
    ['ana.lopez82[at]example.org', 'spelled [at]'],
    ['ana.lopez82 at example dot com', 'spelled at/dot'],
    ['ana.lopez82 arroba example.es', 'arroba'],
  ])('%s (%s)', (email) => {
    becomes(`Write to ${email} only.`, 'Write to [email] only.');
  });

  it('"at" and a full stop in a sentence are not an address', () => {
    kept('She was at work. Then she went at home.');
  });
});

describe('IBANs (mod-97 checked)', () => {
  it('checks the checksum', () => {
    expect(ibanChecksumOk('GB82WEST12345698765432')).toBe(true);
    expect(ibanChecksumOk('GB83WEST12345698765432')).toBe(false);
  });

  it.each([
    'GB82 WEST 1234 5698 7654 32',
    'GB82WEST12345698765432',
    'DE89 3704 0044 0532 0130 00',
    'fr76 3000 6000 0112 3456 7890 189',
    'ES91-2100-0418-4502-0005-1332',
  ])('%s', (iban) => {
    becomes(`Account ${iban} is hers.`, 'Account [iban] is hers.');
  });

  it('an IBAN-shaped number failing the checksum is still removed, as a number', () => {
    becomes('Account GB83 WEST 1234 5698 7654 32 is hers.', 'Account [id_number] is hers.');
  });
});

describe('dates of birth: only next to a birth cue', () => {
  it.each([
    ['She was born on 12 April 1990 in Lagos.', 'She was born on [date_of_birth] in Lagos.'],
    ['DOB: 12/04/1990.', 'DOB: [date_of_birth].'],
    ['D.O.B. 1990-04-12', 'D.O.B. [date_of_birth]'],
    ['Née le 12 avril 1990 à Lomé.', 'Née le [date_of_birth] à Lomé.'],
    ['Date de naissance : 12/04/1990.', 'Date de naissance : [date_of_birth].'],
    ['Nacida el 12 de abril de 1990.', 'Nacida el [date_of_birth].'],
    ['Su hija nació el 3 de mayo de 2015.', 'Su hija nació el [date_of_birth].'],
    ['Fecha de nacimiento: 03-05-2015.', 'Fecha de nacimiento: [date_of_birth].'],
    ['12/04/1990 (DOB) as she says.', '[date_of_birth] (DOB) as she says.'],
  ])('%s', (text, expected) => becomes(text, expected));

  it('dates of events survive, even in the sentence after a birth date', () => {
    kept('She arrived on 12 April 2019 and escaped on 3/5/2021.');
    becomes(
      'Née le 12/04/1990 à Lomé, arrivée en France le 5 mai 2020.',
      'Née le [date_of_birth] à Lomé, arrivée en France le 5 mai 2020.',
    );
    becomes('Born 1990-04-12. Arrived 2019-06-15.', 'Born [date_of_birth]. Arrived 2019-06-15.');
    kept('Il ne le savait pas le 12 mars 2020.');
  });
});

describe('document numbers', () => {
  it.each([
    ['Passport AB1234567 was taken.', 'Passport [id_number] was taken.'],
    ['NIE X1234567L.', 'NIE [id_number].'],
    ['DNI 12.345.678-Z', 'DNI [id_number]'],
    ['ID card no. AB 123 456 on the contract.', 'ID card no. [id_number] on the contract.'],
    ['passport number 123456789', 'passport number [id_number]'],
  ])('%s', (text, expected) => becomes(text, expected));

  it('keeps ordinals, times, units and amounts', () => {
    kept('On the 2nd floor from 15h30, 25kg bags, 500EUR, a 4x4 and the 1990s.');
    kept('Her number is unknown; she was the 3rd worker.');
  });
});

describe('street addresses', () => {
  it.each([
    ['She lived at 221B Baker Street until May.', 'She lived at [address] until May.'],
    ['Flat 4, 18 Elm Road, Leeds LS1 4AB was the house.', '[address] was the house.'],
    ['Elle logeait au 12 rue des Lilas, 69003 Lyon.', 'Elle logeait au [address].'],
    ['Au 15 bis avenue Jean Jaurès.', 'Au [address].'],
    ['Vivía en Calle Mayor 15, 3º B, 30001 Murcia.', 'Vivía en [address].'],
    ['Vivía en C/ Luna 7.', 'Vivía en [address].'],
  ])('%s', (text, expected) => becomes(text, expected));
});

describe('names: capitalised words not on the allow-list', () => {
  it.each([
    ['A driver called Tunde Okafor took them.', 'A driver called [name] took them.'],
    ['She met Иван Петров and 王小明 in Bucharest.', 'She met [name] and [name] in Bucharest.'],
    ['Her uncle Florence drove.', 'Her uncle [name] drove.'],
    ['Un chauffeur appelé Jean-Baptiste N’Guessan.', 'Un chauffeur appelé [name].'],
    ['Su jefe, el señor Ramírez, no pagaba.', 'Su jefe, el señor [name], no pagaba.'],
    ['Contact on Telegram: @sergei_jobs.', 'Contact on Telegram: [name].'],
    ['Blessing collected the money.', '[name] collected the money.'],
  ])('%s', (text, expected) => becomes(text, expected));

  it('keeps countries, cities, nationalities, languages, organisations, months and sentence starts', () => {
    kept('She travelled from Nigeria through Niger and Libya to Italy, then to Côte d’Ivoire.');
    kept('Elle a quitté le Sénégal pour la Mauritanie, puis l’Espagne et la Belgique.');
    kept('Viajó de Honduras a México y luego a Estados Unidos.');
    kept('A Romanian recruiter and a Nigerian madam; she speaks Yoruba and English.');
    kept('Referred by the IOM and the Red Cross; the Croix-Rouge in Calais helped; UNHCR too.');
    kept('In March she worked in Naples, Benin City and Bangkok. On Monday she left.');
    kept('Brought through Russia in a lorry. Swore an oath before leaving.');
  });

  it('a sentence-initial word is a name when the notes use it as one elsewhere', () => {
    const spans = findRedactions('Kwabo drove. Then she met Kwabo again.', config);
    expect(spans.map((s) => s.kind as RedactionKind)).toEqual(['name', 'name']);
  });
});

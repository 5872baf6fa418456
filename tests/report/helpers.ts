/** Fixtures for report tests: the canary questionnaire and a record full of identifiers. */
import { join } from 'node:path';
import { fixture, record, type PlainAnswer } from '../scoring/helpers.js';
import type { Questionnaire } from '../../src/questionnaire/types.js';
import { DEFAULT_PHONE_COUNTRIES, findRedactions } from '../../src/report/redaction/index.js';
import type { InterviewRecord } from '../../src/record/types.js';

export const canaryQuestionnaire = (): Questionnaire =>
  fixture(join(import.meta.dirname, 'fixtures', 'canary.yaml'));

/** Values given in direct fields: none of them, in any written form, may reach a report. */
export const DIRECT = {
  person_name: 'Zuleika Okonkwo-Brantisvaara',
  phone: '+234 803 555 0199',
  email: 'zuleika.brant77@example.org',
  passport: 'QZ7351946',
  date_of_birth: '1998-04-12',
  home_address: '14 Quillfeather Road, Leeds LS2 7EE',
  bank_account: 'GB12 QZXB 6016 1331 9268 19',
  recruiter_name: 'Yetzirah Vantablack, Kofi Drumlanrig',
} as const;

/** Written differently in the notes than in the fields. */
export const NOTES = [
  'ZULEIKA said that madam Yetzirah (Mrs VANTABLACK) took passport qz 735 1946 on 5 May 2029 in Italy.',
  'Her number is 0803-555-0199, or 00234 803 5550199. Born 12/04/1998 — in French: née le 12 avril 1998.',
  'She lived at 14, Quillfeather Rd. (LS2 7EE) and wrote from zuleika.brant77 (at) example (dot) org.',
  'Wages went to GB12QZXB60161331926819. Drumlanrig drove her; Okonkwo Brantisvaara is her family name.',
  'Her cousin Tamsin Orrefors-Kvell (tel. +44 7700 900871, DOB: 3 March 2001, tamsin.kv@example.net)',
  'paid into DE89 3704 0044 0532 0130 00 and showed ID card no. X9988776L; she stays at 27 Larkspur Lane.',
  'She worked as a cleaner in Italy for 3,000 euros a month and escaped on 5 May 2029.',
].join('\n');

export const CONSENT_LIMITS =
  'Not to be shared with the police; her brother Ezekiel Brantisvaara must not learn of it.';

/** Identifiers that must not appear in any output, as they may be written. */
export const CANARIES: readonly string[] = [
  'Zuleika',
  'Okonkwo',
  'Brantisvaara',
  'Yetzirah',
  'Vantablack',
  'Drumlanrig',
  'Kofi',
  'zuleika.brant77',
  'brant77',
  'QZ7351946',
  '7351946',
  '735 1946',
  '8035550199',
  '5550199',
  '1998-04-12',
  '12/04/1998',
  '12 avril 1998',
  'April 1998',
  'Quillfeather',
  'LS2 7EE',
  'QZXB',
  '60161331926819',
  'Tamsin',
  'Orrefors',
  'Kvell',
  '900871',
  'tamsin.kv',
  '3 March 2001',
  'DE89',
  '370400440532013000',
  '3704 0044',
  'X9988776L',
  'Larkspur',
  'Ezekiel',
  'Ikpoba',
];

/** Ordinary words the report needs: they must survive redaction. */
export const ORDINARY: readonly string[] = ['Italy', 'cleaner', '3,000 euros', '5 May 2029'];

export function canaryRecord(
  q: Questionnaire,
  over: Readonly<Record<string, PlainAnswer>> = {},
  extra: Partial<InterviewRecord> = {},
): InterviewRecord {
  return record(
    q,
    {
      interpreter_present: 'yes',
      consent_given: 'limited',
      consent_limits: CONSENT_LIMITS,
      ...DIRECT,
      age: 31,
      home_town: 'Ikpoba-Hill',
      arrival_date: '2030-03-14',
      deception: ['nature', 'wages'],
      hours_per_day: {
        value: 14,
        note: 'Zuleika worked 14 hours; Tamsin confirmed it (+44 7700 900871).',
      },
      controls: ['documents', 'debt', 'violence', 'unpaid'],
      notes: NOTES,
      ...over,
    },
    { mode: 'real', ...extra },
  );
}

/** What the detectors are given with no direct field: only the rules find identifiers. */
export const RULES_ONLY = { fieldMatchers: [], phoneCountries: DEFAULT_PHONE_COUNTRIES };

/** The text with each removal the rules make shown as [kind]. */
export function scrubbed(text: string): string {
  let out = '';
  let at = 0;
  for (const s of findRedactions(text, RULES_ONLY)) {
    out += `${text.slice(at, s.start)}[${s.kind}]`;
    at = s.end;
  }
  return out + text.slice(at);
}

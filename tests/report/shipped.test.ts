/** Reports made with the shipped IOM screening questionnaire. */
import { describe, expect, it } from 'vitest';
import { renderReport } from '../../src/report/index.js';
import { assess } from '../../src/scoring/index.js';
import { record, shipped } from '../scoring/helpers.js';

const q = shipped('iom-screening.yaml');

/** DOMAIN.md §6 worked example, with identifying fields filled in as a screener would. */
const ANSWERS = {
  consent_given: 'limited',
  consent_limits:
    'Not to be shared with the police. Her sister Precious Idahosa-Qwerty must not be contacted.',
  interview_date: '2031-03-02',
  interview_place: 'Tarnowville',
  interviewer_code: 'SC-114',
  interpreter_present: 'yes',
  person_name: 'Osasere Idahosa-Qwerty',
  aliases: 'Sasa, Baby Q',
  contact_details: '+39 345 555 0199, osasere.q@example.org',
  date_of_birth: '2001-07-19',
  age: 29,
  home_address: '7 Qwertyfield Road, Benin City',
  document_number: 'A11235813',
  prep_age_group: 'adult',
  moved_from_home: 'abroad',
  promised: ['job', 'pay'],
  recruiter_name: 'Madam Blessing Zamunda',
  offer_description: 'Madam Blessing promised a hotel job in Italy for 1,000 euros a month.',
  started_work: 'yes',
  promise_vs_reality: ['job', 'pay'],
  work_type: ['agriculture'],
  employer_name: 'Tomatoes Zamunda Farm',
  workplace_address: 'Contrada Qwertina 12, Foggia',
  hours_per_day: 14,
  rest_days: 'never',
  pay_problems: ['deductions'],
  debt: 'work_off',
  documents_held: 'taken',
  screener_notes:
    'Osasere (born 19/07/2001) says Madam Zamunda keeps passport A11235813 and calls from +39 345 555 0123. She arrived in Italy on 3 June 2029.',
} as const;

const CANARIES = [
  'Osasere',
  'Idahosa',
  'Qwerty',
  'Sasa',
  'Baby Q',
  '5550199',
  '555 0199',
  'osasere.q',
  '2001-07-19',
  '19/07/2001',
  'Qwertyfield',
  'A11235813',
  'Zamunda',
  'Qwertina',
  '5550123',
  '555 0123',
  'Precious',
  'Tarnowville',
];

describe('the shipped IOM screening questionnaire', () => {
  const r = record(q, ANSWERS);

  it('scores the worked example: combination met for an adult', () => {
    const a = assess(q, r);
    expect(a.outcome.id).toBe('indicators_met');
    expect(a.dimensions.filter((d) => d.positive).map((d) => d.id)).toEqual([
      'deceptive_recruitment',
      'exploitative_conditions',
      'coercion_at_destination',
    ]);
    expect(a.flags.map((f) => f.id)).toContain('consent_limited');
  });

  it.each(['md', 'json', 'html'] as const)(
    '%s report in English and French: no identifier',
    (format) => {
      for (const lang of ['en', 'fr']) {
        const out = renderReport(q, r, { format, lang }).toLowerCase();
        const digits = out.replace(/(?<=\d)[\s.\-()/]+(?=\d)/g, '');
        expect(
          CANARIES.filter((c) => out.includes(c.toLowerCase()) || digits.includes(c.toLowerCase())),
        ).toEqual([]);
        expect(out).toContain('italy');
        expect(out).not.toMatch(/victim|victime/);
      }
    },
  );

  it('the JSON report carries the contract fields', () => {
    const j = JSON.parse(renderReport(q, r, { format: 'json' })) as {
      outcome: { id: string };
      population: string;
      dimensions: { id: string; positive: boolean }[];
      indicators: { id: string; dimension: string; strength: string; questions: string[] }[];
      flags: string[];
      redactions: Record<string, number>;
    };
    expect(j.outcome.id).toBe('indicators_met');
    expect(j.population).toBe('adult');
    expect(j.dimensions).toHaveLength(6);
    const hours = j.indicators.find((i) => i.id === 'excessive_hours')!;
    expect(hours).toMatchObject({ dimension: 'exploitative_conditions', strength: 'strong' });
    // The rule read these answers: all of them are named.
    expect(hours.questions).toEqual(['work_type', 'hours_per_day', 'rest_days']);
    expect(j.flags).toContain('consent_limited');
    expect(j.redactions.total).toBeGreaterThan(5);
  });

  it('the questionnaire messages speak in the report: disclaimer, unverified combination', () => {
    const md = renderReport(q, r, { format: 'md' });
    expect(md).toContain('A screening is not a legal identification.');
    expect(md).toContain('has not been checked against the primary text');
    const fr = renderReport(q, r, { format: 'md', lang: 'fr' });
    expect(fr).toContain("Un dépistage n'est pas une identification juridique.");
  });
});

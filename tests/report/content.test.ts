/** What a reader of the report sees: contract fields, the numbers, the wording, the generalisation. */
import { describe, expect, it } from 'vitest';
import {
  renderHtml,
  renderJson,
  renderMarkdown,
  renderReport,
  reportView,
} from '../../src/report/index.js';
import type { ReferralDirectory } from '../../src/referrals/types.js';
import { fixture, record } from '../scoring/helpers.js';
import { canaryQuestionnaire, canaryRecord } from './helpers.js';

const ilo = fixture('ilo-slice.yaml');
const WORKED = {
  consent_given: 'yes',
  age: 31,
  deception: ['nature', 'wages'],
  hours_per_day: 14,
  work_conditions: ['wage_manipulation'],
  controls: ['documents', 'debt'],
} as const;

interface JsonReport {
  outcome: { id: string; carried_by: string[]; missing: { any_of: string[] }[] };
  population: string;
  dimensions: {
    id: string;
    positive: boolean;
    counts: Record<string, number>;
    explanation: string;
  }[];
  indicators: { id: string; dimension: string; strength: string | null; questions: string[] }[];
  flags: string[];
  redactions: Record<string, number>;
  disclaimer: string;
  person: { question: string; answer: string }[];
  referrals: { category: string; contacts: unknown }[];
}

const json = (out: string) => JSON.parse(out) as JsonReport;

describe('JSON contract fields', () => {
  const j = json(renderReport(ilo, record(ilo, WORKED), { format: 'json' }));

  it('outcome, population, dimensions, indicators, flags, redactions', () => {
    expect(j.outcome.id).toBe('indicators_met');
    expect(j.population).toBe('adult');
    expect(j.dimensions.map((d) => [d.id, d.positive])).toEqual([
      ['deceptive_recruitment', true],
      ['coercive_recruitment', false],
      ['recruitment_abuse_of_vulnerability', false],
      ['exploitative_conditions', true],
      ['coercion_at_destination', true],
      ['abuse_of_vulnerability_at_destination', false],
    ]);
    expect(j.indicators).toContainEqual(
      expect.objectContaining({
        id: 'excessive_hours',
        dimension: 'exploitative_conditions',
        strength: 'strong',
        questions: ['hours_per_day'],
      }),
    );
    expect(j.indicators.map((i) => i.id)).toEqual([
      'deceived_nature_of_job',
      'deceived_wages',
      'excessive_hours',
      'wage_manipulation',
      'confiscation_of_documents',
      'debt_bondage',
    ]);
    expect(j.flags).toEqual([]);
    expect(j.redactions).toEqual({
      name: 0,
      phone: 0,
      email: 0,
      iban: 0,
      id_number: 0,
      date_of_birth: 0,
      address: 0,
      total: 0,
      passages: 0,
    });
  });

  it('explains each dimension with its counts', () => {
    const d4 = j.dimensions.find((d) => d.id === 'exploitative_conditions')!;
    expect(d4.counts).toEqual({ strong: 1, medium: 1, weak: 0 });
    expect(d4.explanation).toBe('1 strong, 1 medium, 0 weak: positive (strong + medium or weak).');
  });
});

describe('the counter-example, as a reader sees it', () => {
  const r = record(ilo, { age: 31, hours_per_day: 14 });
  it('says which dimension needs what, in Markdown, HTML and JSON', () => {
    const md = renderReport(ilo, r, { format: 'md' });
    expect(md).toContain('Indicators found; the published combination is not met');
    expect(md).toContain('`indicators_partial`');
    expect(md).toContain(
      '| Exploitative conditions of work | not positive | 1 / 0 / 0 | 1 strong, 0 medium, 0 weak: one more medium or weak indicator would make it positive. |',
    );
    const html = renderReport(ilo, r, { format: 'html' });
    expect(html).toContain(
      '1 strong, 0 medium, 0 weak: one more medium or weak indicator would make it positive.',
    );
    const j = json(renderReport(ilo, r, { format: 'json' }));
    expect(j.outcome.missing).toEqual([
      {
        any_of: [
          'deceptive_recruitment',
          'coercive_recruitment',
          'recruitment_abuse_of_vulnerability',
        ],
      },
      { any_of: ['exploitative_conditions'] },
      { any_of: ['coercion_at_destination', 'abuse_of_vulnerability_at_destination'] },
    ]);
  });
});

describe('wording', () => {
  const q = canaryQuestionnaire();
  const r = canaryRecord(q);
  const all = ['en', 'fr', 'es'].flatMap((lang) =>
    (['md', 'json', 'html'] as const).map((format) => ({
      lang,
      format,
      out: renderReport(q, r, { format, lang }),
    })),
  );

  it('never calls the person a victim, in any language or format', () => {
    for (const { out } of all) expect(out).not.toMatch(/victim|victime|víctima/i);
  });

  it('every report says a screening is not a legal identification', () => {
    const said = {
      en: 'A screening is not a legal identification',
      fr: "Un dépistage n'est pas une identification juridique",
      es: 'Una detección no es una identificación legal',
    } as const;
    for (const { lang, format, out } of all) {
      const text = format === 'html' ? out.replace(/&#39;/g, "'") : out;
      expect(text).toContain(said[lang as keyof typeof said]);
    }
  });

  it('the report language is chosen apart from the interview language', () => {
    const fr = renderReport(q, r, { format: 'md', lang: 'fr' });
    expect(fr).toContain('# Rapport de dépistage');
    expect(fr).toContain('Les indicateurs relevés atteignent la combinaison publiée');
    expect(fr).toContain('Trompé sur la nature du travail');
    const es = renderReport(q, r, { format: 'md', lang: 'es' });
    expect(es).toContain('Los indicadores encontrados cumplen la combinación publicada');
    // The questionnaire has no Spanish: its texts fall back to English, the report's own words do not.
    expect(es).toContain('Deceived about the nature of the job');
  });
});

describe('quasi identifiers', () => {
  const q = canaryQuestionnaire();
  const r = canaryRecord(q);
  const person = (full: boolean) =>
    Object.fromEntries(
      json(renderReport(q, r, { format: 'json', full })).person.map((p) => [p.question, p.answer]),
    );

  it('are generalised by default: age band, month and year, free text withheld', () => {
    expect(person(false)).toEqual({
      age: '25–34',
      home_town: 'withheld (free text about the person; shown only in the full internal report)',
      arrival_date: 'March 2030',
    });
  });

  it('are shown as given in the full internal report, which says so', () => {
    expect(person(true)).toEqual({
      age: '31',
      home_town: 'Ikpoba-Hill',
      arrival_date: '2030-03-14',
    });
    expect(renderReport(q, r, { format: 'md', full: true })).toContain('FULL INTERNAL REPORT');
    expect(renderReport(q, r, { format: 'md' })).not.toContain('FULL INTERNAL REPORT');
  });

  it('an age band keeps the boundary at 18', () => {
    const at = (age: number) => person2(age);
    const person2 = (age: number) =>
      json(renderReport(q, canaryRecord(q, { age }), { format: 'json' })).person.find(
        (p) => p.question === 'age',
      )!.answer;
    expect([at(11), at(14), at(17), at(18), at(24), at(70)]).toEqual([
      '0–11',
      '12–14',
      '15–17',
      '18–24',
      '18–24',
      '65+',
    ]);
  });
});

describe('sections a reader relies on', () => {
  const q = canaryQuestionnaire();
  const r = canaryRecord(q);
  const md = renderReport(q, r, { format: 'md' });

  it('urgent notices, flags, consent limits, interpreter use, withheld fields', () => {
    expect(md).toContain('## Urgent');
    expect(md).toContain('Violence was used. Check safety now.');
    expect(md).toContain('`consent_limited`');
    expect(md).toContain(
      '- What limits?: **Not to be shared with the police; her brother [name] must not learn of it.**',
    );
    expect(md).toContain('- Is an interpreter taking part?: **yes**'.replace('yes', 'Yes'));
    expect(md).toContain('Identifying answers withheld from this report:');
    expect(md).toContain('- Passport number');
  });

  it('Palermo view: act, means and purpose for an adult', () => {
    expect(md).toContain('| Act | **present** | Deceptive recruitment |');
    expect(md).toContain(
      'For an adult, act, means and purpose are all needed. All three are shown.',
    );
  });

  it('referral categories only without a directory; contacts with one, in the report language first', () => {
    expect(md).toContain('### Shelter and safe accommodation');
    expect(md).toContain('- The combination of indicators is met.');
    expect(md).not.toContain('Contacts');
    const dir: ReferralDirectory = {
      template: true,
      organisation: 'Fictional Network',
      area: undefined,
      updated: '2031-01-01',
      file: 'fictional.yaml',
      categories: {
        shelter: [
          {
            name: 'Refuge Fictif',
            phone: '+00 0000 0002',
            email: undefined,
            address: undefined,
            hours: undefined,
            languages: ['fr'],
            notes: undefined,
          },
          {
            name: 'Fictional Safe House',
            phone: '+00 0000 0001',
            email: undefined,
            address: undefined,
            hours: '24h',
            languages: ['en'],
            notes: undefined,
          },
        ],
        legal: [],
      },
    };
    const withDir = renderReport(q, r, { format: 'md', referrals: dir });
    expect(withDir).toContain('FICTIONAL');
    expect(withDir.indexOf('Fictional Safe House')).toBeLessThan(withDir.indexOf('Refuge Fictif'));
    expect(withDir).toContain('No contact listed for this category');
    const fr = renderReport(q, r, { format: 'md', lang: 'fr', referrals: dir });
    expect(fr.indexOf('Refuge Fictif')).toBeLessThan(fr.indexOf('Fictional Safe House'));
    const j = json(renderReport(q, r, { format: 'json', referrals: dir }));
    expect(j.referrals.map((x) => x.category)).toEqual(['shelter', 'medical', 'legal']);
  });

  it('an interview in progress or stopped says so', () => {
    const inProgress = renderReport(q, canaryRecord(q, {}, { status: 'in_progress' }), {
      format: 'md',
    });
    expect(inProgress).toContain('The interview is not finished');
    // Ended early (a refused consent, say): "no indicator found" must not read as a
    // finding about questions that were never asked.
    const ENDED =
      'this assessment covers only the answers given, and an indicator not found may never have been asked about';
    for (const status of ['stopped', 'abandoned'] as const)
      for (const format of ['md', 'html'] as const)
        expect(renderReport(q, canaryRecord(q, {}, { status }), { format })).toContain(ENDED);
    expect(renderReport(q, canaryRecord(q, {}), { format: 'md' })).not.toContain(ENDED);
    expect(inProgress).not.toContain(ENDED);
    const practice = renderReport(q, canaryRecord(q, {}, { mode: 'practice' }), { format: 'md' });
    expect(practice).toContain('PRACTICE OR REHEARSAL');
  });
});

describe('renderers take only the redacted view', () => {
  it('a record or a raw model does not type-check as a renderer input', () => {
    const r = canaryRecord(canaryQuestionnaire());
    const view = reportView(canaryQuestionnaire(), r, {});
    expect(renderMarkdown(view)).toContain('[name]');
    // @ts-expect-error a record is not a redacted report
    expect(() => renderJson(r)).toThrow();
    // @ts-expect-error a raw note is a string, not SafeText
    const forged: Parameters<typeof renderHtml>[0] = { ...view, disclaimer: 'raw text' };
    expect(forged).toBeDefined();
  });
});

/**
 * The shipped default questionnaire, as a reviewer of its content would check it:
 * it validates cleanly in both languages, the indicator lists match the ILO 2009
 * lists of DOMAIN.md dimension by dimension, identifying fields are marked, and the
 * interview opens with preparation, safety and consent.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestionnaire } from '../../src/questionnaire/load.js';
import { formatDiagnostic } from '../../src/questionnaire/diagnostics.js';
import {
  DIMENSION_IDS,
  type Population,
  type Questionnaire,
} from '../../src/questionnaire/types.js';
import { DEFAULT_QUESTIONNAIRE, defaultQuestionnairePath } from '../../src/shipped.js';

const FILE = join(import.meta.dirname, '..', '..', 'questionnaires', 'iom-screening.yaml');

let cached: Questionnaire | undefined;

/** Loaded once: the file does not change during the run. */
function load(): Questionnaire {
  if (cached) return cached;
  const r = loadQuestionnaire(FILE);
  if (!r.questionnaire)
    throw new Error(r.diagnostics.map((d) => formatDiagnostic(d, r.source?.text)).join('\n'));
  return (cached = r.questionnaire);
}

describe('the shipped questionnaire loads cleanly', () => {
  it('is what `screener interview` uses when no file is given', () => {
    expect(DEFAULT_QUESTIONNAIRE).toBe('iom-screening.yaml');
    expect(defaultQuestionnairePath()).toBe(FILE);
  });

  it('has no error and no warning, so no text lacks its English or French version', () => {
    const r = loadQuestionnaire(FILE);
    expect(r.diagnostics.map((d) => formatDiagnostic(d))).toEqual([]);
    expect(r.questionnaire?.languages).toEqual(['en', 'fr']);
  });

  it('gives every text as an explicit English and French pair', () => {
    const q = load();
    const texts: [string, unknown][] = [['title', q.title]];
    for (const s of q.sections) texts.push([`${s.id} title`, s.title], [`${s.id} intro`, s.intro]);
    for (const x of q.questions) {
      texts.push([`${x.id} text`, x.text], [`${x.id} help`, x.help], [`${x.id} unit`, x.unit]);
      for (const c of x.choices) {
        // yesno choices without their own text get Yes/Oui and No/Non from the compiler.
        texts.push([`${x.id}.${c.value}`, c.text]);
        if (typeof c.urgent !== 'boolean') texts.push([`${x.id}.${c.value} urgent`, c.urgent]);
      }
    }
    for (const r of q.rules)
      texts.push([`${r.id} advisory`, r.advisory], [`${r.id} stop`, r.stop?.text]);
    for (const i of q.indicators) texts.push([i.id, i.text]);
    for (const d of q.dimensions) texts.push([d.id, d.title]);
    q.referrals.forEach((r, n) => texts.push([`referral ${n}`, r.reason]));
    for (const [k, t] of Object.entries(q.messages)) texts.push([`message ${k}`, t]);
    const incomplete = texts
      .filter(([, t]) => t !== undefined)
      .filter(
        ([, t]) =>
          typeof t !== 'object' ||
          !(t as Record<string, string>).en ||
          !(t as Record<string, string>).fr,
      )
      .map(([where]) => where);
    expect(incomplete).toEqual([]);
  });
});

describe('indicators match the ILO 2009 lists in DOMAIN.md', () => {
  type Counts = Partial<Record<'strong' | 'medium' | 'weak', number>>;
  // Adult labour list 10/10/16/9/15/7 = 67; child weights where they differ; the child
  // list lacks "false information about the law" (3) and "no social protection" (4).
  const EXPECTED: Record<string, { total: number; adult: Counts; child: Counts }> = {
    deceptive_recruitment: {
      total: 10,
      adult: { strong: 1, medium: 8, weak: 1 },
      child: { strong: 2, medium: 8 },
    },
    coercive_recruitment: {
      total: 10,
      adult: { strong: 1, medium: 9 },
      child: { strong: 4, medium: 6 },
    },
    recruitment_abuse_of_vulnerability: {
      total: 16,
      adult: { medium: 14, weak: 2 },
      child: { medium: 15 },
    },
    exploitative_conditions: {
      total: 9,
      adult: { strong: 1, medium: 7, weak: 1 },
      child: { strong: 1, medium: 7 },
    },
    coercion_at_destination: {
      total: 15,
      adult: { strong: 4, medium: 10, weak: 1 },
      child: { strong: 8, medium: 7 },
    },
    abuse_of_vulnerability_at_destination: {
      total: 7,
      adult: { medium: 5, weak: 2 },
      child: { medium: 7 },
    },
  };

  const labour = (q: Questionnaire) => q.indicators.filter((i) => i.exploitation !== 'sexual');
  const count = (q: Questionnaire, dim: string, p: Population): Counts => {
    const out: Counts = {};
    for (const i of labour(q).filter((x) => x.dimension === dim)) {
      const s = i.strength[p];
      if (s) out[s] = (out[s] ?? 0) + 1;
    }
    return out;
  };

  it('declares the six contract dimensions, in order', () => {
    expect(load().dimensions.map((d) => d.id)).toEqual([...DIMENSION_IDS]);
  });

  it('has the 67 adult labour indicators, 10/10/16/9/15/7 over the dimensions', () => {
    const q = load();
    const totals = DIMENSION_IDS.map((d) => labour(q).filter((i) => i.dimension === d).length);
    expect(totals).toEqual([10, 10, 16, 9, 15, 7]);
    expect(labour(q).every((i) => i.strength.adult !== undefined)).toBe(true);
  });

  it.each(Object.entries(EXPECTED))(
    '%s has the published strengths for adults and children',
    (dim, e) => {
      const q = load();
      expect(labour(q).filter((i) => i.dimension === dim)).toHaveLength(e.total);
      expect(count(q, dim, 'adult')).toEqual(e.adult);
      expect(count(q, dim, 'child')).toEqual(e.child);
    },
  );

  it('gives the child list no weak tier and leaves out the two adult-only items', () => {
    const q = load();
    expect(q.indicators.filter((i) => i.strength.child === 'weak')).toEqual([]);
    const adultOnly = q.indicators.filter((i) => i.strength.child === undefined).map((i) => i.id);
    expect(adultOnly.sort()).toEqual(['false_information_law_authorities', 'no_social_protection']);
  });

  it('weighs the worked example of DOMAIN.md as published', () => {
    const q = load();
    const s = (id: string) => q.indicatorById.get(id)?.strength;
    expect(s('deceived_nature_of_job')).toEqual({ adult: 'strong', child: 'strong' });
    expect(s('deceived_wages')).toEqual({ adult: 'medium', child: 'medium' });
    expect(s('excessive_hours')).toEqual({ adult: 'strong', child: 'strong' });
    expect(s('wage_manipulation')).toEqual({ adult: 'medium', child: 'medium' });
    expect(s('confiscation_of_documents')).toEqual({ adult: 'strong', child: 'strong' });
    expect(s('debt_bondage')).toEqual({ adult: 'strong', child: 'strong' });
    expect(s('deceived_education')).toEqual({ adult: 'weak', child: 'strong' });
    expect(s('threats_of_violence')).toEqual({ adult: 'medium', child: 'strong' });
  });

  it('marks every sexual-exploitation indicator unverified, and only those', () => {
    const q = load();
    const sexual = q.indicators.filter((i) => i.exploitation === 'sexual');
    expect(sexual.map((i) => i.id).sort()).toEqual([
      'sx_bad_conditions_of_prostitution',
      'sx_excessive_hours',
      'sx_forced_tasks_or_clients',
      'sx_no_access_to_health_care',
    ]);
    expect(sexual.every((i) => !i.verified && i.note)).toBe(true);
    expect(q.indicators.filter((i) => !i.verified)).toEqual(sexual);
    // [secondary]: strong on the sexual list; the exploitation dimension has no strong item there.
    expect(q.indicatorById.get('sx_forced_tasks_or_clients')?.strength.adult).toBe('strong');
    expect(
      sexual.filter((i) => i.dimension === 'exploitative_conditions').map((i) => i.strength.adult),
    ).not.toContain('strong');
  });
});

describe('scoring is the ILO rule and combination, as data', () => {
  it('uses the dimension rule of DOMAIN.md', () => {
    expect(load().scoring.dimensionRule).toEqual([
      [['strong'], ['strong']],
      [['strong'], ['medium', 'weak']],
      [['medium'], ['medium'], ['medium']],
      [['medium'], ['medium'], ['weak']],
    ]);
  });

  it('needs recruitment, exploitation and (for adults) a destination dimension', () => {
    const recruitment = {
      kind: 'any_of',
      items: [
        'deceptive_recruitment',
        'coercive_recruitment',
        'recruitment_abuse_of_vulnerability',
      ].map((id) => ({ kind: 'dimension', id })),
    };
    const exploitation = { kind: 'dimension', id: 'exploitative_conditions' };
    const destination = {
      kind: 'any_of',
      items: ['coercion_at_destination', 'abuse_of_vulnerability_at_destination'].map((id) => ({
        kind: 'dimension',
        id,
      })),
    };
    const { populations } = load().scoring;
    expect(populations.adult).toEqual({
      kind: 'all_of',
      items: [recruitment, exploitation, destination],
    });
    expect(populations.child).toEqual({ kind: 'all_of', items: [recruitment, exploitation] });
  });
});

describe('the interview protects the person', () => {
  const DIRECT = [
    'person_name',
    'aliases',
    'contact_details',
    'date_of_birth',
    'home_address',
    'current_address',
    'document_number',
    'recruiter_name',
    'companions_names',
    'workplace_address',
    'employer_name',
  ];
  const QUASI = [
    'interview_date',
    'interview_place',
    'interview_language',
    'sex',
    'age',
    'nationality',
    'home_area',
    'languages_spoken',
    'departure_date',
    'destination',
    'transit_countries',
    'work_place',
    'exit_date',
  ];

  it('marks names, contacts, document numbers, exact addresses and birth date as direct identifiers', () => {
    const q = load();
    expect(
      q.questions
        .filter((x) => x.identifying === 'direct')
        .map((x) => x.id)
        .sort(),
    ).toEqual([...DIRECT].sort());
    // Optional: the person gives them only if they want to.
    expect(DIRECT.every((id) => q.questionById.get(id)?.required === false)).toBe(true);
  });

  it('marks age, sex, nationality, dates, places and languages as quasi-identifiers', () => {
    const q = load();
    expect(
      q.questions
        .filter((x) => x.identifying === 'quasi')
        .map((x) => x.id)
        .sort(),
    ).toEqual([...QUASI].sort());
  });

  it('starts with the preparation checklist, then safety and consent, then sections A to G', () => {
    const q = load();
    expect(q.sections.map((s) => s.kind)).toEqual([
      'preparation',
      'consent',
      'interview',
      'interview',
      'interview',
      'interview',
      'interview',
      'interview',
      'interview',
      'interview',
      'assessment',
    ]);
    const titles = q.sections.map((s) => (s.title as Record<string, string>).en ?? '');
    expect(titles.filter((t) => /^[A-G]\. /.test(t)).map((t) => t[0])).toEqual([
      'A',
      'B',
      'C',
      'D',
      'E',
      'E',
      'F',
      'G',
    ]);
  });

  it('asks for consent before anything that identifies the person', () => {
    const q = load();
    const consent = q.questionById.get('consent_given')!.order;
    const firstIdentifying = Math.min(
      ...q.questions.filter((x) => x.identifying).map((x) => x.order),
    );
    expect(consent).toBeLessThan(firstIdentifying);
  });

  it('lets the person answer "don\'t know" or decline every question after consent', () => {
    const q = load();
    const consent = q.questionById.get('consent_given')!.order;
    const strict = q.questions
      .filter((x) => x.order > consent && x.type !== 'info')
      .filter((x) => !(x.special.includes('dont_know') && x.special.includes('declined')))
      .map((x) => x.id);
    expect(strict).toEqual([]);
  });

  it('ends the interview without consent, when unsafe, and when the screener postpones', () => {
    const q = load();
    const stops = q.rules.filter((r) => r.stop).map((r) => [r.id, r.stop!.reason, r.when.source]);
    expect(stops).toEqual([
      ['postponed', 'postponed', "answers.prep_proceed == 'no'"],
      ['not_safe_to_talk', 'unsafe', "answers.safe_to_talk == 'no'"],
      ['no_consent', 'no_consent', "answers.consent_given == 'no'"],
    ]);
  });
});

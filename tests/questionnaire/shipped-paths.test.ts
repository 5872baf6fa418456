/**
 * Paths through the shipped questionnaire. A small walker plays answers in question
 * order, asking only what branching asks and stopping where a stop rule fires, the
 * way an interview does; a search over it finds, for every indicator, answers along
 * an askable path that raise it. Scoring tests then play DOMAIN.md's worked example
 * and counter-example through the real scorer.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestionnaire } from '../../src/questionnaire/load.js';
import type { Question, Questionnaire } from '../../src/questionnaire/types.js';
import { exprContext } from '../../src/record/context.js';
import type { Answer, AnswerValue, InterviewRecord } from '../../src/record/types.js';
import { assess } from '../../src/scoring/index.js';

const FILE = join(import.meta.dirname, '..', '..', 'questionnaires', 'iom-screening.yaml');
const q: Questionnaire = (() => {
  const r = loadQuestionnaire(FILE);
  if (!r.questionnaire) throw new Error(`${FILE} does not load`);
  return r.questionnaire;
})();

type Planned = AnswerValue | 'dont_know' | 'declined';
type Plan = Readonly<Record<string, Planned>>;

const AT = '2031-03-02T09:00:00.000Z';

function toAnswer(p: Planned): Answer {
  return p === 'dont_know' || p === 'declined'
    ? { kind: p, at: AT }
    : { kind: 'value', value: p, at: AT };
}

interface Walk {
  readonly answers: Readonly<Record<string, Answer>>;
  readonly asked: readonly string[];
  /** The stop rule that ended the interview, if one did. */
  readonly stoppedBy: string | undefined;
}

function isAsked(question: Question, answers: Record<string, Answer>): boolean {
  const ctx = exprContext(answers);
  const section = q.sections.find((s) => s.id === question.sectionId);
  return (section?.when?.evaluate(ctx) ?? true) && (question.when?.evaluate(ctx) ?? true);
}

function stopRule(answers: Record<string, Answer>): string | undefined {
  const ctx = exprContext(answers);
  return q.rules.find((r) => r.stop && r.when.evaluate(ctx))?.id;
}

/**
 * Plays the plan in question order. A question the plan does not cover is declined
 * where allowed; where it is not (preparation and consent), its first answer that
 * stops nothing is taken, as a screener going ahead would.
 */
function walk(plan: Plan): Walk {
  const answers: Record<string, Answer> = {};
  const asked: string[] = [];
  for (const question of q.questions) {
    if (question.type === 'info' || !isAsked(question, answers)) continue;
    asked.push(question.id);
    const planned = plan[question.id];
    if (planned !== undefined) answers[question.id] = toAnswer(planned);
    else if (question.special.includes('declined')) answers[question.id] = toAnswer('declined');
    else {
      const calm = question.choices.find(
        (c) => !stopRule({ ...answers, [question.id]: toAnswer(c.value) }),
      );
      answers[question.id] = toAnswer(calm?.value ?? question.choices[0]!.value);
    }
    const stop = stopRule(answers);
    if (stop) return { answers, asked, stoppedBy: stop };
  }
  return { answers, asked, stoppedBy: undefined };
}

/** Indicators the walked answers raise: through a chosen answer, or a rule that holds. */
function raisedBy(w: Walk): Set<string> {
  const out = new Set<string>();
  for (const [id, a] of Object.entries(w.answers)) {
    if (a.kind !== 'value') continue;
    const values = Array.isArray(a.value) ? a.value : [a.value];
    for (const c of q.questionById.get(id)?.choices ?? [])
      if (values.includes(c.value)) c.raises.forEach((x) => out.add(x));
  }
  const ctx = exprContext(w.answers);
  for (const r of q.rules) if (r.when.evaluate(ctx)) r.raises.forEach((x) => out.add(x));
  return out;
}

// ---- search ------------------------------------------------------------------------

/** The questions a condition depends on, and what they depend on in turn. */
function dependencies(refs: readonly string[]): string[] {
  const seen = new Set<string>();
  const stack = [...refs];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const question = q.questionById.get(id);
    if (!question) continue;
    const section = q.sections.find((s) => s.id === question.sectionId);
    stack.push(...(question.when?.refs ?? []), ...(section?.when?.refs ?? []));
  }
  return [...q.questions.filter((x) => seen.has(x.id)).map((x) => x.id)];
}

/** Answers worth trying for a question: each choice alone, telling numbers, then the specials. */
function candidates(id: string): Planned[] {
  const question = q.questionById.get(id)!;
  const out: Planned[] = [];
  if (question.type === 'yesno' || question.type === 'single')
    out.push(...question.choices.map((c) => c.value));
  else if (question.type === 'multi') out.push(...question.choices.map((c) => [c.value]));
  else if (question.type === 'number') out.push(0, 10, 12, 15, 17, 30);
  else out.push('2031-01-01');
  out.push(...question.special);
  return out;
}

/** The first plan (in a fixed order) over `over` for which `ok` holds on the walk. */
function search(over: readonly string[], fixed: Plan, ok: (w: Walk) => boolean): Plan | undefined {
  const ids = over.filter((id) => !(id in fixed));
  const options = ids.map(candidates);
  const pick = ids.map(() => 0);
  for (let tries = 0; tries < 50_000; tries++) {
    const plan: Record<string, Planned> = { ...fixed };
    ids.forEach((id, i) => (plan[id] = options[i]![pick[i]!]!));
    if (ok(walk(plan))) return plan;
    let i = 0;
    for (; i < pick.length; i++) {
      pick[i]!++;
      if (pick[i]! < options[i]!.length) break;
      pick[i] = 0;
    }
    if (i === pick.length) return undefined;
  }
  return undefined;
}

/** A plan under which the indicator is raised along an askable path, or undefined. */
function pathRaising(indicator: string): Plan | undefined {
  for (const question of q.questions) {
    for (const c of question.choices.filter((x) => x.raises.includes(indicator))) {
      const section = q.sections.find((s) => s.id === question.sectionId);
      const deps = dependencies([...(question.when?.refs ?? []), ...(section?.when?.refs ?? [])]);
      const value: Planned = question.type === 'multi' ? [c.value] : c.value;
      const plan = search(
        deps,
        { [question.id]: value },
        (w) => w.asked.includes(question.id) && raisedBy(w).has(indicator),
      );
      if (plan) return plan;
    }
  }
  for (const r of q.rules.filter((x) => x.raises.includes(indicator))) {
    const plan = search(dependencies(r.when.refs), {}, (w) => raisedBy(w).has(indicator));
    if (plan) return plan;
  }
  return undefined;
}

describe('every indicator is reachable', () => {
  it.each(q.indicators.map((i) => i.id))(
    '%s is raised by some answers along an askable path',
    (id) => {
      const plan = pathRaising(id);
      expect(plan, `no askable answers raise ${id}`).toBeDefined();
      const w = walk(plan!);
      expect(w.stoppedBy).toBeUndefined();
      expect([...raisedBy(w)]).toContain(id);
    },
  );
});

describe('branching asks only what is relevant', () => {
  const sectionOf = (id: string) => q.questionById.get(id)!.sectionId;
  const askedIn = (w: Walk, section: string) => w.asked.filter((id) => sectionOf(id) === section);

  it('asks no travel questions of someone who never moved', () => {
    expect(askedIn(walk({ moved_from_home: 'no' }), 'd_travel')).toEqual([]);
    expect(askedIn(walk({ moved_from_home: 'within_country' }), 'd_travel')).toContain(
      'travel_documents',
    );
    expect(askedIn(walk({ moved_from_home: 'within_country' }), 'd_travel')).not.toContain(
      'border_crossing',
    );
    // "Don't know" whether they moved: ask, rather than miss the journey.
    expect(askedIn(walk({ moved_from_home: 'dont_know' }), 'd_travel')).toContain(
      'border_crossing',
    );
  });

  it('asks about sexual exploitation only when that came up', () => {
    const base = { started_work: 'yes', work_type: ['agriculture'] } as const;
    expect(askedIn(walk({ ...base, sexual_exploitation_mentioned: 'no' }), 'e_sexual')).toEqual([]);
    expect(askedIn(walk({ ...base, sexual_exploitation_mentioned: 'yes' }), 'e_sexual')).toEqual([
      'sx_forced_clients',
      'sx_health_care',
      'sx_conditions',
    ]);
    const sexWork = walk({ started_work: 'yes', work_type: ['sexual_services'] });
    expect(sexWork.asked).not.toContain('sexual_exploitation_mentioned');
    expect(askedIn(sexWork, 'e_sexual')).toHaveLength(3);
  });

  it('asks the child questions when the person is, or may be, under 18', () => {
    expect(askedIn(walk({ age: 34 }), 'child_safeguards')).toEqual([]);
    expect(askedIn(walk({ age: 16 }), 'child_safeguards')).toContain('child_guardian');
    expect(askedIn(walk({ age: 'declined', may_be_minor: 'yes' }), 'child_safeguards')).toContain(
      'child_guardian',
    );
    expect(askedIn(walk({ age: 'declined', may_be_minor: 'no' }), 'child_safeguards')).toEqual([]);
    expect(
      askedIn(
        walk({
          prep_age_group: 'uncertain',
          prep_guardian: 'present',
          prep_proceed: 'yes',
          age: 'dont_know',
          may_be_minor: 'dont_know',
        }),
        'child_safeguards',
      ),
    ).toContain('child_guardian');
  });

  it('skips the work questions for someone stopped before the exploitation began', () => {
    const w = walk({ started_work: 'intercepted' });
    expect(w.asked).toContain('promise_vs_reality');
    expect(w.asked).not.toContain('hours_per_day');
    expect(w.asked).toContain('exit_how');
  });

  it('ends at once without consent, before any identifying question', () => {
    const w = walk({ consent_given: 'no' });
    expect(w.stoppedBy).toBe('no_consent');
    expect(w.asked[w.asked.length - 1]).toBe('consent_given');
    expect(w.asked.some((id) => q.questionById.get(id)?.identifying)).toBe(false);
  });

  it('records a postponement when an essential preparation is missing', () => {
    const ready = walk({});
    expect(ready.asked).not.toContain('prep_proceed');
    const w = walk({ prep_no_companion: 'no', prep_proceed: 'no' });
    expect(w.stoppedBy).toBe('postponed');
    expect(w.answers['prep_no_companion']).toMatchObject({ kind: 'value', value: 'no' });
    const ctx = exprContext(w.answers);
    expect(q.rules.filter((r) => r.advisory && r.when.evaluate(ctx)).map((r) => r.id)).toEqual([
      'prep_companion_advisory',
    ]);
  });

  it('ends when the person does not feel safe to talk', () => {
    expect(walk({ safe_to_talk: 'no' }).stoppedBy).toBe('not_safe_to_talk');
  });
});

// ---- scoring through the real scorer --------------------------------------------------

function record(plan: Plan): InterviewRecord {
  const w = walk(plan);
  for (const id of Object.keys(plan))
    if (!w.asked.includes(id))
      throw new Error(`the plan answers ${id}, which this path does not ask`);
  return {
    formatVersion: 1,
    id: 'R-TEST-PATH',
    questionnaire: { id: q.id, version: q.version, hash: q.hash },
    lang: 'en',
    mode: 'practice',
    status: w.stoppedBy ? 'stopped' : 'completed',
    startedAt: AT,
    updatedAt: AT,
    answers: w.answers,
    path: w.asked.filter((id) => w.answers[id] !== undefined),
    shown: [],
  };
}

const positive = (plan: Plan) =>
  assess(q, record(plan))
    .dimensions.filter((d) => d.positive)
    .map((d) => d.id);

/** DOMAIN.md §6: hotel job promised, farm work, less pay, 14-hour days, fees deducted, passport held, travel debt. */
const WORKED_EXAMPLE: Plan = {
  prep_age_group: 'adult',
  age: 29,
  moved_from_home: 'abroad',
  promised: ['job', 'pay'],
  started_work: 'yes',
  promise_vs_reality: ['job', 'pay'],
  work_type: ['agriculture'],
  hours_per_day: 14,
  rest_days: 'never',
  pay_problems: ['deductions'],
  debt: 'work_off',
  documents_held: 'taken',
};

describe('DOMAIN.md worked example and counter-example', () => {
  it('worked example: deception, exploitation and coercion are positive; an adult meets the combination', () => {
    const a = assess(q, record(WORKED_EXAMPLE));
    expect(a.population.population).toBe('adult');
    expect(a.indicators.map((i) => [i.id, i.strength])).toEqual([
      ['deceived_nature_of_job', 'strong'],
      ['deceived_wages', 'medium'],
      ['excessive_hours', 'strong'],
      ['wage_manipulation', 'medium'],
      ['confiscation_of_documents', 'strong'],
      ['debt_bondage', 'strong'],
    ]);
    expect(positive(WORKED_EXAMPLE)).toEqual([
      'deceptive_recruitment',
      'exploitative_conditions',
      'coercion_at_destination',
    ]);
    expect(a.outcome.id).toBe('indicators_met');
  });

  it('counter-example: excessive hours alone leave exploitation negative; indicators present, combination not met', () => {
    const plan: Plan = {
      prep_age_group: 'adult',
      age: 41,
      started_work: 'yes',
      work_type: ['construction'],
      hours_per_day: 14,
    };
    const a = assess(q, record(plan));
    expect(a.indicators.map((i) => i.id)).toEqual(['excessive_hours']);
    expect(positive(plan)).toEqual([]);
    expect(a.outcome.id).toBe('indicators_partial');
  });

  it('nothing raised: indicators not met', () => {
    expect(assess(q, record({ age: 41, started_work: 'yes' })).outcome.id).toBe(
      'indicators_not_met',
    );
  });

  it('a child needs no coercion: recruitment and exploitation are enough', () => {
    const child: Plan = { ...WORKED_EXAMPLE, age: 15, debt: 'none', documents_held: 'person' };
    const a = assess(q, record(child));
    expect(a.population.population).toBe('child');
    expect(a.outcome.id).toBe('indicators_met');
    const adult = assess(q, record({ ...child, age: 25 }));
    expect(adult.outcome.id).toBe('indicators_partial');
  });

  it('an unknown age with a possible minor is scored as a child and says so', () => {
    const a = assess(q, record({ ...WORKED_EXAMPLE, age: 'declined', may_be_minor: 'yes' }));
    expect(a.population).toMatchObject({ population: 'child', possibleMinor: true });
    expect(a.flags.map((f) => f.id)).toContain('possible_minor');
  });

  it('long hours in sexual exploitation alone raise the unverified medium variant, not the strong labour one', () => {
    const a = assess(
      q,
      record({
        age: 30,
        started_work: 'yes',
        work_type: ['sexual_services'],
        hours_per_day: 13,
        sx_forced_clients: 'yes',
      }),
    );
    expect(a.indicators.map((i) => [i.id, i.strength, i.verified])).toEqual([
      ['sx_forced_tasks_or_clients', 'strong', false],
      ['sx_excessive_hours', 'medium', false],
    ]);
  });
});

describe('urgent needs mark the interview urgent', () => {
  it.each<[string, Plan]>([
    ['immediate danger', { immediate_danger: 'yes' }],
    ['an urgent medical need before the interview', { prep_medical: 'unmet', prep_proceed: 'yes' }],
    ['an urgent medical need found later', { medical_now: 'urgent' }],
    ['a child without a guardian', { age: 14, child_guardian: 'none' }],
    [
      'a possible child with no guardian arranged',
      { prep_age_group: 'uncertain', prep_guardian: 'none', prep_proceed: 'yes' },
    ],
    ['not safe where the person stays', { current_safety: 'unsafe' }],
    ['the exploiters know where the person is', { exploiters_know: 'yes' }],
  ])('%s', (_, plan) => {
    const a = assess(q, record(plan));
    expect(a.flags.map((f) => f.id)).toContain('urgent');
    expect(a.urgent.length).toBeGreaterThan(0);
  });

  it('an ordinary interview is not urgent', () => {
    expect(assess(q, record(WORKED_EXAMPLE)).flags.map((f) => f.id)).not.toContain('urgent');
  });

  it('recommends child protection for a child and the hotline to everyone', () => {
    const categories = assess(q, record({ age: 14, child_guardian: 'none' })).referrals.map(
      (r) => r.category,
    );
    expect(categories).toContain('child_protection');
    expect(categories).toContain('hotline');
  });
});

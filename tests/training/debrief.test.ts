/**
 * A trainee who codes some questions wrongly, driven through the same rehearsal loop
 * as `screener rehearse` (persona at each step, memory-only store) by the scripted
 * adapter: the debrief must say exactly what was missed, what was raised wrongly, and
 * the score.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rehearseWith } from '../../src/cli/commands/rehearse.js';
import type { Step } from '../../src/engine/index.js';
import type { Action, Prompter, StepContext } from '../../src/prompt/prompter.js';
import { ScriptedPrompter } from '../../src/prompt/scripted.js';
import {
  computeDebrief,
  renderDebriefMarkdown,
  requireScenario,
  type Scenario,
} from '../../src/training/index.js';
import { FIXTURES, SCENARIOS } from './helpers.js';

const NOW = () => '2024-01-01T00:00:00.000Z';

/** The scripted trainee, and what the screen showed above each question. */
class Trainee implements Prompter {
  readonly shown = new Map<string, string>();
  private readonly inner: ScriptedPrompter;
  constructor(answers: Record<string, unknown>) {
    this.inner = new ScriptedPrompter({
      answers: new Map(Object.entries(answers)),
      notes: new Map(),
    });
  }
  step(step: Step, ctx: StepContext): Promise<Action> {
    if (step.kind === 'question' || step.kind === 'info') {
      const intro = step.section.intro;
      this.shown.set(
        step.question.id,
        typeof intro === 'string' ? intro : (intro?.en ?? intro?.fr ?? ''),
      );
    }
    return this.inner.step(step, ctx);
  }
  get problems() {
    return this.inner.problems;
  }
}

/** The expected coding of a scenario as a trainee's script, with some answers changed. */
function codingWith(s: Scenario, changes: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [id, a] of Object.entries(s.expected.record.answers))
    out[id] = a.kind === 'value' ? a.value : a.kind;
  return { ...out, ...changes };
}

describe('debrief of a scripted trainee', () => {
  it('small scenario: exact questions, indicators, impact and score', async () => {
    const s = await requireScenario(join(FIXTURES, 'small.yaml'));
    const trainee = new Trainee({
      venue_private: 'yes',
      consent_given: 'yes',
      age: 30,
      arrived_on: '2023-03-02',
      job_as_promised: 'same', // wrong: the job was different
      hours_per_day: 15, // accepted by the scenario
      controls: ['documents_taken', 'threats'], // misses the debt, adds threats
    });
    const { record, store } = await rehearseWith(s, trainee, { lang: 'en', now: NOW });
    expect(trainee.problems).toEqual([]);

    // The persona is on screen at every question; the card on the first one.
    expect(trainee.shown.get('venue_private')).toContain(
      'Persona: Testa Placeholder (fictional), 30',
    );
    expect(trainee.shown.get('venue_private')).toContain(
      'Situation: The office door is closed; nobody came with Testa.',
    );
    expect(trainee.shown.get('job_as_promised')).toBe(
      'Testa Placeholder: “They told me kitchen work. It was the fields, all day.”',
    );
    expect(trainee.shown.get('name')).toBe(
      '(No scripted reply for this question: code it as you judge.)',
    );
    // The section intro of the questionnaire is still there, before the persona.
    expect(trainee.shown.get('explained')).toMatch(
      /^Explain the purpose, confidentiality and its limits.*\n\nSituation: You explain/s,
    );

    // Kept in memory only, marked as a rehearsal.
    expect(record.mode).toBe('rehearsal');
    expect((await store.list()).map((r) => r.id)).toEqual([record.id]);

    const d = computeDebrief(s, record, { mode: 'trainee', lang: 'en' });
    expect(d.questions.map((x) => [x.id, x.verdict])).toEqual([
      ['venue_private', 'match'],
      ['consent_given', 'match'],
      ['age', 'match'],
      ['arrived_on', 'unscored'],
      ['job_as_promised', 'differs'],
      ['hours_per_day', 'accepted'],
      ['controls', 'differs'],
    ]);
    expect(d.score).toEqual({
      questions: { right: 4, scored: 6, percent: 67 },
      indicators: { found: 2, expected: 4, extra: 1 },
    });
    const brief = (list: typeof d.indicators.missed) =>
      list.map((i) => [i.id, i.dimension, i.strength, i.impact, i.evidence]);
    expect(brief(d.indicators.missed)).toEqual([
      [
        'deceived_nature_of_job',
        'deceptive_recruitment',
        'strong',
        'adds_weight',
        ['job_as_promised: different_job'],
      ],
      ['debt_bondage', 'coercion_at_destination', 'strong', 'dimension_holds', ['controls: debt']],
    ]);
    expect(brief(d.indicators.extra)).toEqual([
      [
        'threats_of_violence',
        'coercion_at_destination',
        'medium',
        'dimension_holds',
        ['controls: threats'],
      ],
    ]);
    expect(d.outcome).toMatchObject({
      expected: 'indicators_partial',
      reached: 'indicators_partial',
      positive: { expected: ['coercion_at_destination'], reached: ['coercion_at_destination'] },
    });

    const md = renderDebriefMarkdown(d);
    expect(md).toContain('- Questions coded as expected: **4 of 6** (67 %)\n');
    expect(md).toContain('- Indicators found: **2 of 4**; raised wrongly: **1**\n');
    expect(md).toContain(
      '- Outcome: expected **indicators_partial**, reached **indicators_partial** ✓\n',
    );
    expect(md).toContain(
      [
        '## Indicators missed (2)',
        '',
        '- **Deceived about the nature of the job** (`deceived_nature_of_job`) — Deceptive recruitment, strong.',
        '  Expected from: `job_as_promised: different_job`.',
        '  Why it matters: it adds weight to *Deceptive recruitment*, which is not positive on this account alone; the report loses it.',
        '- **Debt bondage** (`debt_bondage`) — Coercion at destination, strong.',
        '  Expected from: `controls: debt`.',
        '  Why it matters: *Coercion at destination* is positive in your coding anyway, but the report loses this evidence.',
        '  A debt that grows faster than it can be repaid binds the person to the employer.',
        '',
        '## Indicators raised wrongly (1)',
        '',
        '- **Threats of violence** (`threats_of_violence`) — Coercion at destination, medium.',
        '  Raised by your answer: `controls: threats`.',
        '  Why it matters: *Coercion at destination* is positive in the expected coding anyway, but this evidence is not in the account.',
      ].join('\n'),
    );
    expect(md).toContain('| 5 | `job_as_promised` | different_job | same | ✗ |');
    expect(md).toContain('| 6 | `hours_per_day` | 14 | 15 | ✓ (accepted) |');
    expect(md).toContain('| 4 | `arrived_on` | 2023-03-01 | 2023-03-02 | not scored |');
    expect(md).toContain(
      '- expected: A different kind of work (`different_job`)\n- yours: The same work (`same`)\n- Teaching note: A different kind of work',
    );
    expect(md).toContain('### What not to ask\n\n- Do not ask why Testa did not simply leave.');
  });

  it('shipped construction scenario: missing the coercion turns "met" into "partial"', async () => {
    const s = await requireScenario(join(SCENARIOS, 'construction-debt-bondage.yaml'));
    const trainee = new Trainee(
      codingWith(s, {
        pay_problems: ['less_than_promised', 'deductions'],
        debt: 'none',
        documents_held: 'person',
        movement_control: ['free'],
        threats_violence: ['none'],
        situation_at_destination: ['economic'],
      }),
    );
    const { record } = await rehearseWith(s, trainee, { lang: 'en', now: NOW });
    expect(trainee.problems).toEqual([]);
    expect(trainee.shown.get('debt')).toContain('Jan Kowalski: “At the start eight hundred.');

    const d = computeDebrief(s, record, { mode: 'trainee', lang: 'en' });
    expect(d.score).toEqual({
      questions: { right: 54, scored: 60, percent: 90 },
      indicators: { found: 14, expected: 22, extra: 0 },
    });
    expect(d.indicators.missed.map((i) => i.id)).toEqual([
      'confiscation_of_documents',
      'debt_bondage',
      'isolation_confinement_surveillance',
      'threats_of_violence',
      'threat_of_denunciation',
      'withholding_of_wages',
      'dependency_on_exploiters',
      'unfamiliar_environment',
    ]);
    expect(d.indicators.extra).toEqual([]);
    expect(d.outcome.expected).toBe('indicators_met');
    expect(d.outcome.reached).toBe('indicators_partial');
    expect(d.outcome.positive.reached).not.toContain('coercion_at_destination');
    expect(d.questions.filter((x) => x.verdict === 'differs').map((x) => x.id)).toEqual([
      'pay_problems',
      'debt',
      'documents_held',
      'movement_control',
      'threats_violence',
      'situation_at_destination',
    ]);

    const md = renderDebriefMarkdown(d);
    expect(md).toContain('- Questions coded as expected: **54 of 60** (90 %)\n');
    expect(md).toContain('- Indicators found: **14 of 22**; raised wrongly: **0**\n');
    expect(md).toContain(
      '- Outcome: expected **indicators_met**, reached **indicators_partial** ✗\n',
    );
    expect(md).toContain(
      '- **Debt bondage** (`debt_bondage`) — Coercion at destination, strong.\n' +
        '  Expected from: `debt: growing`.\n' +
        '  Why it matters: with it, *Coercion at destination* is positive in the expected coding; in yours it is not.\n' +
        '  The growing debt is what kept Jan on the site;',
    );
    expect(md).toContain('## Indicators raised wrongly (0)\n\nNone.');
  });

  it('French scenario: the debrief speaks French', async () => {
    const s = await requireScenario(join(SCENARIOS, 'servitude-domestique-documents.yaml'));
    const trainee = new Trainee(codingWith(s, { documents_held: 'person' }));
    const { record } = await rehearseWith(s, trainee, { lang: 'fr', now: NOW });
    expect(trainee.shown.get('documents_held')).toContain('Marie Toulemonde : «');
    const md = renderDebriefMarkdown(computeDebrief(s, record, { mode: 'trainee', lang: 'fr' }));
    expect(md).toContain('# REHEARSAL — débriefing');
    expect(md).toContain('## Indicateurs manqués (1)');
    expect(md).toContain('(`confiscation_of_documents`) — Contrainte à destination, fort.');
    expect(md).toMatch(/Questions codées comme attendu : \*\*(\d+) sur (\d+)\*\*/);
  });
});

import { join } from 'node:path';
import {
  acknowledge,
  answer,
  back,
  coerceAnswer,
  nextStep,
  startRecord,
  stateOf,
  type EngineState,
  type Step,
} from '../../src/engine/index.js';
import { requireQuestionnaire } from '../../src/questionnaire/load.js';
import type { Questionnaire } from '../../src/questionnaire/types.js';
import type { RecordMode } from '../../src/record/types.js';

export const FIXTURE = join(import.meta.dirname, 'fixtures', 'interview.yaml');

let cached: Questionnaire | undefined;
export function fixture(): Questionnaire {
  return (cached ??= requireQuestionnaire(FIXTURE));
}

let tick = 0;
/** A deterministic clock: one second per call. */
export function now(): string {
  return new Date(Date.UTC(2024, 0, 1, 9, 0, tick++)).toISOString();
}

export function start(q: Questionnaire = fixture(), mode: RecordMode = 'practice'): EngineState {
  return stateOf(startRecord(q, { id: 'R-TEST-0001', mode, lang: 'en', now: now() }));
}

/**
 * Plays loose answers through the engine until a question without an answer in the
 * script, the end, or a stop. Notices and information steps are acknowledged.
 * Returns the state and every step seen.
 */
export function play(
  q: Questionnaire,
  state: EngineState,
  script: Record<string, unknown>,
  opts: { untilMissing?: boolean } = { untilMissing: true },
): { state: EngineState; steps: Step[]; last: Step } {
  const steps: Step[] = [];
  for (let guard = 0; guard < 1000; guard++) {
    const step = nextStep(q, state);
    steps.push(step);
    switch (step.kind) {
      case 'urgent':
      case 'advisory':
      case 'child':
        state = acknowledge(q, state, step.id, now());
        continue;
      case 'info':
        state = acknowledge(q, state, step.question.id, now());
        continue;
      case 'question': {
        const id = step.question.id;
        if (!Object.hasOwn(script, id) && opts.untilMissing) return { state, steps, last: step };
        const checked = coerceAnswer(step.question, script[id]);
        if (!checked.ok) throw new Error(`${id}: ${checked.problem.message}`);
        const out = answer(q, state, id, checked.input, { now: now() });
        if (!out.ok) throw new Error(`${id}: ${out.problem.message}`);
        state = out.state;
        continue;
      }
      case 'done':
      case 'stop':
      case 'closed':
        return { state, steps, last: step };
    }
  }
  throw new Error('the interview did not end');
}

/** Question ids in the order the steps asked them. */
export function asked(steps: readonly Step[]): string[] {
  return steps.flatMap((s) => (s.kind === 'question' ? [s.question.id] : []));
}

export const ADULT = {
  venue_private: 'yes',
  consent_given: 'yes',
  name: 'Ana Fictional',
  age: 30,
  arrived_on: '2023-04-30',
  job_as_promised: 'different_job',
  hours_per_day: 14,
  controls: ['documents_taken', 'debt'],
  recruiter_name: 'Mr Invented',
  notes: 'Calm, asked for water.',
};

/** Goes back until the question `id` is the current step. */
export function backTo(q: Questionnaire, state: EngineState, id: string): EngineState {
  for (let i = 0; i < 50; i++) {
    const step = nextStep(q, state);
    if (step.kind === 'question' && step.question.id === id) return state;
    const r = back(q, state, now());
    if (!r.moved) break;
    state = r.state;
  }
  throw new Error(`could not go back to ${id}`);
}

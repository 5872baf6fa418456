/**
 * The engine decides each step's conditions with one view of the answers, and the
 * session hands the step it already has back to `answer` and `acknowledge`. Both are
 * shortcuts: the results must be those of deciding everything afresh.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  acknowledge,
  answer,
  childStatus,
  coerceAnswer,
  firstStop,
  nextStep,
  progressOf,
  prune,
  startRecord,
  stateOf,
  type EngineState,
} from '../../src/engine/index.js';
import { requireQuestionnaire } from '../../src/questionnaire/load.js';
import { loadYamlFile } from '../../src/questionnaire/yaml-source.js';
import { exprContext } from '../../src/record/context.js';
import { defaultQuestionnairePath } from '../../src/shipped.js';

const ANSWERS = join(import.meta.dirname, '..', 'fixtures', 'answers', 'bench-full-interview.yaml');

describe('one expression context per step', () => {
  it('gives the results of deciding every step afresh, through a whole interview', () => {
    const q = requireQuestionnaire(defaultQuestionnairePath());
    const script = (loadYamlFile(ANSWERS).source!.value as { answers: Record<string, unknown> })
      .answers;
    let state: EngineState = stateOf(
      startRecord(q, { id: 'R-TEST-0001', mode: 'practice', lang: 'en', now: 'T0' }),
    );
    let answered = 0;
    for (let i = 0; i < 1000; i++) {
      const step = nextStep(q, state);
      const r = state.record;
      const ctx = exprContext(r.answers);
      // The context passed down gives what each would build itself.
      expect(progressOf(q, r, ctx)).toEqual(progressOf(q, r));
      expect(childStatus(q, r.answers, ctx)).toBe(childStatus(q, r.answers));
      expect(firstStop(q, r.answers, ctx)?.id).toBe(firstStop(q, r.answers)?.id);
      const now = `T${i + 1}`;
      if (step.kind === 'question') {
        const checked = coerceAnswer(step.question, script[step.question.id]);
        const input = checked.ok ? checked.input : ({ kind: 'skip' } as const);
        const given = answer(q, state, step.question.id, input, { now, current: step });
        expect(given).toEqual(answer(q, state, step.question.id, input, { now }));
        if (!given.ok) throw new Error(given.problem.message);
        // prune's context is that of the answers it kept.
        const kept = prune(q, given.state.record.answers, given.state.record.path);
        expect(kept.context).toEqual(exprContext(given.state.record.answers));
        state = given.state;
        answered++;
      } else if (step.kind === 'info') {
        const next = acknowledge(q, state, step.question.id, now, step);
        expect(next).toEqual(acknowledge(q, state, step.question.id, now));
        state = next;
      } else if (step.kind === 'urgent' || step.kind === 'advisory' || step.kind === 'child') {
        const next = acknowledge(q, state, step.id, now, step);
        expect(next).toEqual(acknowledge(q, state, step.id, now));
        state = next;
      } else break;
    }
    expect(nextStep(q, state).kind).toBe('done');
    expect(answered).toBeGreaterThan(70);
  });
});

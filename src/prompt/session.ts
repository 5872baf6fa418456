/**
 * The interview loop shared by `interview`, `resume` and `run`: ask the prompter for
 * an action on each step, apply it through the engine, save. Saving goes through a
 * narrow callback so the loop never knows how (or whether) records are stored.
 */
import {
  acknowledge,
  answer,
  back,
  complete,
  endAtStop,
  nextStep,
  recordOf,
  setNote,
  type AnswerProblem,
  type EngineState,
  type Step,
} from '../engine/index.js';
import type { Questionnaire } from '../questionnaire/types.js';
import type { AuditEvent } from '../record/store-api.js';
import type { InterviewRecord } from '../record/types.js';
import type { Action, Prompter } from './prompter.js';

export interface SessionHooks {
  /** ISO 8601; injected so tests and replays are deterministic. */
  now(): string;
  /** Called after every change, before the next step is shown. */
  save(record: InterviewRecord, event: AuditEvent): Promise<void>;
}

export interface SessionResult {
  readonly state: EngineState;
  readonly outcome: 'completed' | 'stopped';
}

/** Guards against an adapter that never ends (a bug): far more steps than any questionnaire has. */
const STEP_LIMIT = 100_000;

export async function runSession(
  q: Questionnaire,
  initial: EngineState,
  prompter: Prompter,
  hooks: SessionHooks,
): Promise<SessionResult> {
  let state = initial;
  let pruned: readonly string[] = [];
  let rejected: AnswerProblem | undefined;
  let backRefused = false;
  for (let i = 0; i < STEP_LIMIT; i++) {
    const step = nextStep(q, state);
    if (step.kind === 'closed') {
      return { state, outcome: step.status === 'completed' ? 'completed' : 'stopped' };
    }
    const action = await prompter.step(step, {
      questionnaire: q,
      record: state.record,
      pruned,
      rejected,
      backRefused,
    });
    pruned = [];
    rejected = undefined;
    backRefused = false;
    const now = hooks.now();
    const applied = apply(q, state, step, action, now);
    if ('problem' in applied) {
      rejected = applied.problem;
      continue;
    }
    if (applied.backRefused) backRefused = true;
    pruned = applied.pruned;
    if (applied.state !== state) {
      state = applied.state;
      // Saved with the position, so that a quick exit while revisiting resumes right there.
      await hooks.save(recordOf(state), { ...applied.event, at: now });
    }
    if (applied.end) return { state, outcome: applied.end };
  }
  throw new Error('the interview did not end');
}

type Applied =
  | {
      state: EngineState;
      event: Omit<AuditEvent, 'at'>;
      pruned: readonly string[];
      end?: 'completed' | 'stopped';
      backRefused?: boolean;
    }
  | { problem: AnswerProblem };

function mismatch(step: Step, action: Action): never {
  throw new Error(`the action ${action.kind} does not fit the step ${step.kind}`);
}

function apply(
  q: Questionnaire,
  state: EngineState,
  step: Step,
  action: Action,
  now: string,
): Applied {
  switch (action.kind) {
    case 'answer':
    case 'pass': {
      if (step.kind !== 'question') return mismatch(step, action);
      const id = step.question.id;
      const out =
        action.kind === 'pass'
          ? answer(q, state, id, { kind: 'skip' }, { now, force: true, current: step })
          : answer(q, state, id, action.input, { now, note: action.note, current: step });
      if (!out.ok) return { problem: out.problem };
      return {
        state: out.state,
        // Not yet stopped: the stop screen waits for the screener to confirm ('end').
        event: { type: 'answered', question: id },
        pruned: out.pruned,
      };
    }
    case 'acknowledge': {
      if (step.kind === 'info')
        return {
          state: acknowledge(q, state, step.question.id, now, step),
          event: { type: 'answered', question: step.question.id },
          pruned: [],
        };
      if (step.kind === 'urgent' || step.kind === 'advisory' || step.kind === 'child')
        return {
          state: acknowledge(q, state, step.id, now, step),
          event: { type: 'answered' },
          pruned: [],
        };
      return mismatch(step, action);
    }
    case 'note': {
      if (step.kind !== 'question') return mismatch(step, action);
      const id = step.question.id;
      return {
        state: setNote(q, state, id, action.note, now),
        event: { type: 'note', question: id },
        pruned: [],
      };
    }
    case 'back': {
      const r = back(q, state, now);
      return { state: r.state, event: { type: 'back' }, pruned: [], backRefused: !r.moved };
    }
    case 'finish':
      if (step.kind !== 'done') return mismatch(step, action);
      return {
        state: complete(q, state, now),
        event: { type: 'completed' },
        pruned: [],
        end: 'completed',
      };
    case 'end': {
      if (step.kind !== 'stop') return mismatch(step, action);
      const stopped = endAtStop(q, state, now);
      return { state: stopped, event: { type: 'stopped' }, pruned: [], end: 'stopped' };
    }
  }
}

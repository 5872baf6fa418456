/**
 * The engine takes two shortcuts: answering after everything already passed adds the
 * answer to what was kept instead of pruning again, and a step's progress is counted
 * only when read. Random walks (answers, changed answers, skips, don't know, going
 * back, notices) through the shipped questionnaire and the test fixture check that
 * every result is exactly what deciding everything afresh gives.
 */
import { describe, expect, it } from 'vitest';
import {
  acknowledge,
  answer,
  back,
  coerceAnswer,
  nextStep,
  progressOf,
  prune,
  startRecord,
  stateOf,
  type AnswerInput,
  type EngineState,
  type Step,
} from '../../src/engine/index.js';
import { requireQuestionnaire } from '../../src/questionnaire/load.js';
import type { Question, Questionnaire } from '../../src/questionnaire/types.js';
import type { Answer } from '../../src/record/types.js';
import { defaultQuestionnairePath } from '../../src/shipped.js';
import { fixture } from './helpers.js';
import { mulberry32 } from '../helpers/rng.js';

type Rng = () => number;
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** An input the question takes (now and then a special answer or nothing). */
function randomInput(question: Question, r: Rng): AnswerInput {
  const roll = r();
  if (roll < 0.08) return { kind: 'skip' };
  if (roll < 0.16 && question.special.length > 0) return { kind: pick(r, question.special) };
  const values = question.choices.map((c) => c.value);
  let raw: unknown;
  switch (question.type) {
    case 'yesno':
    case 'single':
      raw = pick(r, values);
      break;
    case 'multi':
      raw = values.filter(() => r() < 0.35);
      if ((raw as string[]).length === 0) raw = [pick(r, values)];
      break;
    case 'number': {
      const lo = question.min ?? 0;
      const hi = question.max ?? 80;
      raw = Math.floor(lo + r() * (Math.min(hi, lo + 80) - lo + 1));
      break;
    }
    default:
      raw = pick(r, ['Port Ellery', '2024-03-12', 'Test Canary Town']);
  }
  const checked = coerceAnswer(question, raw);
  return checked.ok ? checked.input : { kind: 'skip' };
}

/** The record's answers in a fresh object: the engine has no shortcut for these. */
function fresh(state: EngineState): EngineState {
  return { ...state, record: { ...state.record, answers: { ...state.record.answers } } };
}

/** What a step shows, with its progress read (so a lazily counted one is compared too). */
function shown(step: Step): unknown {
  return JSON.parse(JSON.stringify(step)) as unknown;
}

function walk(q: Questionnaire, seed: number): { answered: number; backs: number } {
  const r = mulberry32(seed);
  let state: EngineState = stateOf(
    startRecord(q, { id: 'R-TEST-0001', mode: 'practice', lang: 'en', now: 'T0' }),
  );
  let answered = 0;
  let backs = 0;
  const kept: { step: Step; state: EngineState }[] = [];
  for (let i = 0; i < 400; i++) {
    const now = `T${i + 1}`;
    const step = nextStep(q, state);
    // The same step as from answers the engine has never seen, progress included.
    expect(shown(nextStep(q, state))).toEqual(shown(nextStep(q, fresh(state))));
    // `step` itself is read only at the end, after every later answer.
    kept.push({ step, state });
    if (step.kind === 'closed' || step.kind === 'done' || step.kind === 'stop') {
      if (r() < 0.5 && step.kind !== 'closed') {
        state = back(q, state, now).state;
        backs++;
        continue;
      }
      break;
    }
    if (r() < 0.1 && step.canGoBack) {
      state = back(q, state, now).state;
      backs++;
      continue;
    }
    if (step.kind !== 'question') {
      const id = step.kind === 'info' ? step.question.id : step.id;
      state = acknowledge(q, state, id, now, step);
      continue;
    }
    const question = step.question;
    const input = randomInput(question, r);
    const given = answer(q, state, question.id, input, { now, current: step });
    // The reference: the answer set into the answers, then everything pruned afresh.
    const raw: Record<string, Answer> = { ...state.record.answers };
    delete raw[question.id];
    if (input.kind !== 'skip')
      raw[question.id] =
        input.kind === 'value'
          ? { at: now, kind: 'value', value: input.value }
          : { at: now, kind: input.kind };
    const path = [...new Set([...state.record.path, question.id])].sort(
      (a, b) => q.questionById.get(a)!.order - q.questionById.get(b)!.order,
    );
    const reference = prune(q, raw, path);
    if (!given.ok) {
      expect(input.kind).toBe('skip');
      continue;
    }
    const rec = given.state.record;
    if (!given.stopped) {
      // Same answers, in the same order, same path, same answers removed.
      expect(Object.entries(rec.answers)).toEqual(Object.entries(reference.answers));
      expect(rec.path).toEqual(reference.path);
      expect(given.pruned).toEqual(reference.pruned);
    }
    state = given.state;
    answered++;
  }
  // A step's progress is that of its own state, whenever it is read.
  for (const { step, state: at } of kept)
    if ('progress' in step) expect(step.progress).toEqual(progressOf(q, at.record));
  return { answered, backs };
}

describe('the engine’s shortcuts give what deciding afresh gives', () => {
  it('on random walks through the shipped questionnaire', () => {
    const q = requireQuestionnaire(defaultQuestionnairePath());
    let answered = 0;
    let backs = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const w = walk(q, seed);
      answered += w.answered;
      backs += w.backs;
    }
    // The walks went deep and turned back often enough to exercise both paths.
    expect(answered).toBeGreaterThan(300);
    expect(backs).toBeGreaterThan(20);
  });

  it('on random walks through the test fixture', () => {
    const q = fixture();
    let answered = 0;
    for (let seed = 100; seed < 140; seed++) answered += walk(q, seed).answered;
    expect(answered).toBeGreaterThan(100);
  });

  it('counts a step’s progress once, whenever it is read', () => {
    const q = fixture();
    const step = nextStep(
      q,
      stateOf(startRecord(q, { id: 'R-TEST-0001', mode: 'practice', lang: 'en', now: 'T0' })),
    );
    expect(step.kind).toBe('question');
    const first = step.kind === 'question' ? step.progress : undefined;
    expect(first).toEqual({ answered: 0, reachable: 13 });
    expect(step.kind === 'question' && step.progress).toBe(first);
    expect(Object.keys(step)).toContain('progress');
  });
});

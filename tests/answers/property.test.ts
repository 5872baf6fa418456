/**
 * Property: for any valid answers file (made by walking the engine with random
 * decisions), playing it never crashes and the record holds exactly the answers on the
 * path that was asked. And for arbitrary junk, playing never crashes and every
 * problem has a position.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import {
  endAtStop,
  acknowledge,
  answer,
  checkAnswer,
  nextStep,
  startRecord,
  stateOf,
  type AnswerInput,
} from '../../src/engine/index.js';
import { requireQuestionnaire } from '../../src/questionnaire/load.js';
import type { Question, Questionnaire } from '../../src/questionnaire/types.js';
import { shippedQuestionnaires } from '../../src/shipped.js';
import { FIXTURE, now } from '../engine/helpers.js';
import { playText } from './helpers.js';

const QUESTIONNAIRES: Questionnaire[] = [FIXTURE, ...shippedQuestionnaires()].map((f) =>
  requireQuestionnaire(f),
);

type Gen = fc.GeneratorValue;

const SPECIALS = new Set(['dont_know', 'declined']);

function randomText(g: Gen, q: Question): string {
  const s = g(fc.string, { unit: 'grapheme', minLength: 1, maxLength: 40 });
  const oneLine = q.multiline ? s.replace(/\r/g, '') : s.replace(/[\r\n]/g, ' ');
  const t = oneLine.trim();
  return t === '' || SPECIALS.has(t) ? 'Fictional text' : oneLine;
}

function randomValue(g: Gen, q: Question): unknown {
  switch (q.type) {
    case 'yesno':
    case 'single':
      return g(fc.constantFrom, ...q.choices.map((c) => c.value));
    case 'multi': {
      const exclusive = q.choices.filter((c) => c.exclusive);
      if (exclusive.length && g(fc.boolean)) return [g(fc.constantFrom, ...exclusive).value];
      const others = q.choices.filter((c) => !c.exclusive).map((c) => c.value);
      return g(fc.subarray, others, { minLength: q.required ? 1 : 0 });
    }
    case 'number': {
      const min = q.min ?? -1000;
      const max = q.max ?? 1000;
      return q.integer
        ? g(fc.integer, { min: Math.ceil(min), max: Math.floor(max) })
        : g(fc.double, { min, max, noNaN: true, noDefaultInfinity: true });
    }
    case 'date': {
      const d = g(fc.date, {
        min: new Date('1950-01-01'),
        max: new Date('2030-12-31'),
        noInvalidDate: true,
      });
      return d.toISOString().slice(0, 10);
    }
    case 'text':
      return randomText(g, q);
    case 'info':
      return undefined;
  }
}

/** Walks the engine making random decisions; returns the answers file and what the record must hold. */
function walk(g: Gen, q: Questionnaire) {
  let state = stateOf(
    startRecord(q, { id: 'R-WALK-0001', mode: 'practice', lang: 'en', now: now() }),
  );
  const file: Record<string, unknown> = {};
  const notes: Record<string, string> = {};
  for (let i = 0; i < 10_000; i++) {
    const step = nextStep(q, state);
    if (step.kind === 'question') {
      const question = step.question;
      const roll = g(fc.integer, { min: 0, max: 9 });
      let raw: unknown;
      if (roll === 0 && question.special.length) raw = g(fc.constantFrom, ...question.special);
      else if (roll === 1 && !question.required) raw = undefined;
      else raw = randomValue(g, question);
      const input: AnswerInput =
        raw === undefined
          ? { kind: 'skip' }
          : typeof raw === 'string' && SPECIALS.has(raw)
            ? { kind: raw as 'dont_know' }
            : { kind: 'value', value: raw as string };
      const checked = checkAnswer(question, input);
      if (!checked.ok)
        throw new Error(`generator made an invalid answer: ${checked.problem.message}`);
      const note =
        raw !== undefined && g(fc.integer, { min: 0, max: 5 }) === 0
          ? 'A fictional note'
          : undefined;
      if (raw !== undefined) file[question.id] = raw;
      if (note) notes[question.id] = note;
      const out = answer(q, state, question.id, checked.input, { now: now(), note });
      if (!out.ok) throw new Error(out.problem.message);
      state = out.state;
    } else if (step.kind === 'info') state = acknowledge(q, state, step.question.id, now());
    else if (step.kind === 'urgent' || step.kind === 'advisory' || step.kind === 'child')
      state = acknowledge(q, state, step.id, now());
    else {
      // A stop screen: `run` confirms it, as the screener does.
      if (step.kind === 'stop') state = endAtStop(q, state, now());
      break;
    }
  }
  return { file, notes, expected: state.record };
}

const strip = (answers: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(answers).map(([k, a]) => {
      const { at: _at, ...rest } = a as { at: string };
      return [k, rest];
    }),
  );

describe('property: valid answers files', () => {
  for (const q of QUESTIONNAIRES) {
    it(`${q.id}: the record holds exactly the answers on the asked path`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.gen(), async (g) => {
          const { file, notes, expected } = walk(g, q);
          const text = stringify({
            questionnaire: q.id,
            answers: file,
            ...(Object.keys(notes).length ? { notes } : {}),
          });
          const r = await playText(text, q);
          expect(r.diagnostics).toEqual([]);
          expect(strip(r.record!.answers as Record<string, unknown>)).toEqual(
            strip(expected.answers as Record<string, unknown>),
          );
          expect(r.record!.path).toEqual(expected.path);
          expect(r.record!.status).toBe(
            expected.status === 'in_progress' ? 'completed' : expected.status,
          );
          expect(r.record!.shown).toEqual(expected.shown);
        }),
        { numRuns: 100 },
      );
    });
  }
});

describe('property: arbitrary answers files', () => {
  const q = QUESTIONNAIRES[0]!;
  const ids = [...q.questionById.keys(), 'unknown_q', 'nme'];
  const value = fc.oneof(
    fc.constantFrom('yes', 'no', 'dont_know', 'declined', 'same', 'debt', 'none', '2023-02-29'),
    fc.integer({ min: -5, max: 200 }),
    fc.double(),
    fc.boolean(),
    fc.string(),
    fc.array(fc.constantFrom('debt', 'none', 'threats', 'x', 'declined')),
    fc.constant(null),
    fc.dictionary(fc.string(), fc.string()),
  );
  it('never crash, and every problem has a position', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...ids), value), async (answers) => {
        const r = await playText(stringify({ questionnaire: q.id, answers }), q);
        if (!r.record) {
          expect(r.diagnostics.length).toBeGreaterThan(0);
          for (const d of r.diagnostics) {
            expect(d.line).toBeGreaterThanOrEqual(1);
            expect(d.col).toBeGreaterThanOrEqual(1);
            expect(d.code).toMatch(/^E_/);
          }
        } else expect(r.diagnostics).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * The export's outline of an assessment must publish exactly what the full
 * assessment says: over random records of the shipped questionnaire and of the
 * fixtures, outcome, population, dimensions, indicators and flags are the same.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Questionnaire } from '../../src/questionnaire/types.js';
import { assess, assessOutline } from '../../src/scoring/index.js';
import { mulberry32 } from '../helpers/rng.js';
import { fixture, record, shipped, type PlainAnswer } from './helpers.js';

function randomAnswers(q: Questionnaire, rand: () => number): Record<string, PlainAnswer> {
  const out: Record<string, PlainAnswer> = {};
  for (const question of q.questions) {
    const u = rand();
    if (u < 0.35) continue;
    if (u < 0.4) {
      out[question.id] = rand() < 0.5 ? 'dont_know' : 'declined';
      continue;
    }
    const values = question.choices.map((c) => c.value);
    if (question.type === 'multi') out[question.id] = values.filter(() => rand() < 0.3);
    else if (values.length > 0) out[question.id] = values[Math.floor(rand() * values.length)]!;
    else if (question.type === 'number') out[question.id] = Math.floor(rand() * 70);
  }
  return out;
}

const cases: [string, Questionnaire][] = [
  ['shipped iom-screening', shipped('iom-screening.yaml')],
  ['ilo-slice fixture', fixture('ilo-slice.yaml')],
  [
    'export fixture',
    fixture(join(import.meta.dirname, '..', 'export', 'fixtures', 'export-fixture.yaml')),
  ],
];

describe('assessOutline', () => {
  for (const [name, q] of cases)
    it(`agrees with assess on 400 random records (${name})`, () => {
      const rand = mulberry32(20261128);
      const outcomes = new Set<string>();
      for (let i = 0; i < 400; i++) {
        const r = record(q, randomAnswers(q, rand));
        const full = assess(q, r);
        const outline = assessOutline(q, r);
        expect(outline).toEqual({
          outcome: { id: full.outcome.id },
          population: full.population,
          dimensions: full.dimensions.map((d) => ({ id: d.id, positive: d.positive })),
          indicators: full.indicators.map((x) => ({ id: x.id })),
          flags: full.flags.map((f) => ({ id: f.id })),
        });
        outcomes.add(full.outcome.id);
      }
      // The comparison means something only if the records reach different outcomes.
      expect(outcomes.size).toBeGreaterThan(1);
    });
});

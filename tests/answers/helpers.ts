import { playAnswers, type PlayResult } from '../../src/answers/index.js';
import { quickYamlValue } from '../../src/questionnaire/quick-yaml.js';
import { parseYamlText } from '../../src/questionnaire/yaml-source.js';
import type { Questionnaire } from '../../src/questionnaire/types.js';
import { fixture, now } from '../engine/helpers.js';

export { fixture };

/**
 * Plays answers-file text (named `answers.yaml`) against the engine fixture, read as
 * `screener run` reads it (js-yaml first, quick-yaml.ts) unless `quick` is false.
 */
export async function playText(
  text: string,
  q: Questionnaire = fixture(),
  lang?: string,
  quick = true,
): Promise<PlayResult> {
  const parsed = parseYamlText('answers.yaml', text, quick ? { quick: quickYamlValue } : {});
  if (!parsed.source) return { diagnostics: parsed.diagnostics, asked: [] };
  return playAnswers(q, parsed.source, { id: 'R-TEST-0002', mode: 'practice', lang, now });
}

/** A complete, valid adult path for the fixture, as answers-file lines. */
export const VALID = `questionnaire: engine_fixture
lang: en
answers:
  venue_private: yes
  consent_given: yes
  name: Ana Fictional
  age: 30
  arrived_on: 2023-04-30
  job_as_promised: different_job
  hours_per_day: 14
  controls: [documents_taken, debt]
  recruiter_name: Mr Invented
  notes: Calm, asked for water.
notes:
  hours_per_day: said "from dawn"
`;

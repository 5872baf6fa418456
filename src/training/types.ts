/**
 * Training scenarios: a fictional persona, the questionnaire it is played against,
 * per question what the persona says and how a well-trained screener codes it, the
 * expected result and the teaching notes. As written (validated by
 * scenario.schema.json) and as loaded (with the expected coding played and scored).
 */
import type { OutcomeId, Population, Questionnaire } from '../questionnaire/types.js';
import type { Assessment } from '../scoring/index.js';
import type { InterviewRecord } from '../record/types.js';
import type { AnswerInput } from '../engine/index.js';

// ---- As written ------------------------------------------------------------------------

export interface ScenarioEntryDoc {
  /** The persona's reply, in their own words. */
  says?: string;
  /** What the trainee sees or knows instead (the setting, for the screener's own checklist). */
  situation?: string;
  /** The expected coding, written as in an answers file. Absent: no answer expected. */
  code?: unknown;
  /** Other codings that also count as right (a vague reply can fairly be read two ways). */
  accept?: unknown[];
  /** What a trainee should learn at this question. */
  teaching?: string;
}

export interface ScenarioDoc {
  format?: 1;
  scenario: string;
  title: string;
  summary?: string;
  /** A shipped questionnaire id, or a file path relative to the scenario. */
  questionnaire: string;
  /** The language the persona speaks (and the default interview language). */
  lang: string;
  persona: { name: string; age: number | string; background: string; presentation?: string };
  setting?: string;
  interview: Record<string, ScenarioEntryDoc>;
  expected: {
    population?: Population;
    outcome: OutcomeId;
    dimensions?: string[];
    indicators: string[];
  };
  teaching?: {
    notice?: string[];
    avoid?: string[];
    pitfalls?: string[];
    indicators?: Record<string, string>;
  };
}

// ---- Loaded ----------------------------------------------------------------------------

export interface ScenarioEntry {
  readonly says: string | undefined;
  readonly situation: string | undefined;
  /** The expected coding, normalised by the engine's rules; undefined when none is expected. */
  readonly code: AnswerInput | undefined;
  /** The expected coding and every accepted alternative, normalised. */
  readonly acceptable: readonly AnswerInput[];
  readonly teaching: string | undefined;
}

/** What the expected coding leads to: the record a perfect trainee would produce, scored. */
export interface ExpectedResult {
  readonly record: InterviewRecord;
  readonly assessment: Assessment;
}

export interface Scenario {
  readonly id: string;
  readonly title: string;
  readonly summary: string | undefined;
  readonly file: string;
  readonly lang: string;
  readonly persona: ScenarioDoc['persona'];
  readonly setting: string | undefined;
  readonly questionnaire: Questionnaire;
  readonly entries: ReadonlyMap<string, ScenarioEntry>;
  readonly expected: ExpectedResult;
  readonly teaching: {
    readonly notice: readonly string[];
    readonly avoid: readonly string[];
    readonly pitfalls: readonly string[];
    readonly indicators: Readonly<Record<string, string>>;
  };
}

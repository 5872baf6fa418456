/**
 * The scenario's expected coding is an answers file in all but name, so it is played
 * by src/answers exactly as `run --answers` plays one: same engine, same branching,
 * same checks. Its diagnostics come back pointing into an `answers:` mapping that
 * does not exist here; they are moved to the `interview:` entries they came from.
 */
import { ANSWER_PROBLEM_CODES, playAnswers } from '../answers/index.js';
import { coerceAnswer } from '../engine/index.js';
import type { Diagnostic } from '../questionnaire/diagnostics.js';
import type { Questionnaire } from '../questionnaire/types.js';
import {
  diag,
  locate,
  parsePointer,
  pointer,
  type PathSegment,
  type YamlSource,
} from '../questionnaire/yaml-source.js';
import type { InterviewRecord } from '../record/types.js';
import type { ScenarioDoc } from './types.js';

/** A fixed clock and id: the expected record is the same on every run. */
const EXPECTED_AT = '2000-01-01T00:00:00.000Z';
export const EXPECTED_RECORD_ID = 'R-0000-0000';

export interface PlayedCoding {
  readonly record: InterviewRecord | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

export async function playExpectedCoding(
  q: Questionnaire,
  src: YamlSource,
  doc: ScenarioDoc,
  lang: string,
): Promise<PlayedCoding> {
  const answers: Record<string, unknown> = {};
  for (const [id, entry] of Object.entries(doc.interview)) {
    // Unknown ids are reported once, by the scenario's own reference check.
    if (q.questionById.has(id) && Object.hasOwn(entry, 'code')) answers[id] = entry.code;
  }
  const played = await playAnswers(
    q,
    { ...src, value: { answers } },
    { id: EXPECTED_RECORD_ID, mode: 'rehearsal', lang, now: () => EXPECTED_AT },
  );
  const diagnostics = played.diagnostics.map((d) => moveToInterview(q, src, doc, d));
  diagnostics.push(...checkAccepted(q, src, doc));
  return { record: diagnostics.length === 0 ? played.record : undefined, diagnostics };
}

/** Re-points a diagnostic about `answers/<id>…` at `interview/<id>/code…`. */
function moveToInterview(
  q: Questionnaire,
  src: YamlSource,
  doc: ScenarioDoc,
  d: Diagnostic,
): Diagnostic {
  const from = d.path !== undefined ? parsePointer(d.path) : [];
  let path: PathSegment[];
  let at: 'key' | 'value' = 'value';
  let hint = d.hint;
  const id = from[0] === 'answers' && typeof from[1] === 'string' ? from[1] : undefined;
  if (id !== undefined) {
    const atKey =
      d.code === 'E_ANSWER_HIDDEN' ||
      d.code === 'E_ANSWER_UNKNOWN_QUESTION' ||
      q.questionById.get(id)?.type === 'info';
    path = atKey ? ['interview', id] : ['interview', id, 'code', ...from.slice(2)];
    if (atKey) at = 'key';
    if (d.code === 'E_ANSWER_HIDDEN')
      hint =
        'remove its `code:` (a reply may stay), or change the coding that decides whether it is asked';
  } else {
    // A required question with no answer: the play names it in its message.
    const missing = /^`([^`]+)`/.exec(d.message)?.[1];
    const written = missing !== undefined && Object.hasOwn(doc.interview, missing);
    path = written ? ['interview', missing] : ['interview'];
    at = 'key';
    if (d.code === 'E_ANSWER_MISSING' && missing !== undefined)
      hint = written
        ? 'add `code:` with the answer a screener should record (or dont_know / declined)'
        : `add \`${missing}:\` under interview, with \`says:\` and \`code:\``;
  }
  return diag(src.file, d.code, d.message, locate(src, path, at), { hint, path: pointer(path) });
}

/** Every accepted alternative must be an answer the question could take. */
function checkAccepted(q: Questionnaire, src: YamlSource, doc: ScenarioDoc): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [id, entry] of Object.entries(doc.interview)) {
    const question = q.questionById.get(id);
    if (!question || !entry.accept) continue;
    entry.accept.forEach((raw, i) => {
      const checked = coerceAnswer(question, raw);
      if (checked.ok) return;
      const p = checked.problem;
      const path = ['interview', id, 'accept', i, ...(p.item !== undefined ? [p.item] : [])];
      out.push(
        diag(src.file, ANSWER_PROBLEM_CODES[p.code], p.message, locate(src, path), {
          hint: p.hint,
          path: pointer(path),
        }),
      );
    });
  }
  return out;
}

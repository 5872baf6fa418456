/** Every question, indicator and dimension a scenario names must exist in its questionnaire. */
import type { Diagnostic } from '../questionnaire/diagnostics.js';
import { didYouMean } from '../questionnaire/suggest.js';
import type { Questionnaire } from '../questionnaire/types.js';
import {
  diag,
  locate,
  pointer,
  type PathSegment,
  type YamlSource,
} from '../questionnaire/yaml-source.js';
import type { ScenarioDoc } from './types.js';

export function checkReferences(src: YamlSource, doc: ScenarioDoc, q: Questionnaire): Diagnostic[] {
  const out: Diagnostic[] = [];
  const problem = (
    code: Diagnostic['code'],
    message: string,
    path: PathSegment[],
    key: boolean,
    hint: string | undefined,
  ) =>
    out.push(
      diag(src.file, code, message, locate(src, path, key ? 'key' : 'value'), {
        hint,
        path: pointer(path),
      }),
    );

  for (const id of Object.keys(doc.interview)) {
    if (q.questionById.has(id)) continue;
    problem(
      'E_SCENARIO_UNKNOWN_QUESTION',
      `the questionnaire \`${q.id}\` has no question \`${id}\``,
      ['interview', id],
      true,
      didYouMean(id, q.questionById.keys()),
    );
  }

  const indicatorIds = [...q.indicatorById.keys()];
  const unknownIndicator = (id: string, path: PathSegment[], key: boolean) => {
    if (q.indicatorById.has(id)) return;
    problem(
      'E_SCENARIO_UNKNOWN_INDICATOR',
      `the questionnaire \`${q.id}\` declares no indicator \`${id}\``,
      path,
      key,
      didYouMean(id, indicatorIds),
    );
  };
  doc.expected.indicators.forEach((id, i) =>
    unknownIndicator(id, ['expected', 'indicators', i], false),
  );
  for (const id of Object.keys(doc.teaching?.indicators ?? {}))
    unknownIndicator(id, ['teaching', 'indicators', id], true);

  const dimensionIds = q.dimensions.map((d) => d.id);
  (doc.expected.dimensions ?? []).forEach((id, i) => {
    if (dimensionIds.includes(id)) return;
    problem(
      'E_SCENARIO_UNKNOWN_DIMENSION',
      `the questionnaire \`${q.id}\` declares no dimension \`${id}\``,
      ['expected', 'dimensions', i],
      false,
      didYouMean(id, dimensionIds),
    );
  });
  return out;
}

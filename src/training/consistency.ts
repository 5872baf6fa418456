/**
 * A scenario states what its coding should lead to; the scorer decides what it does
 * lead to. Any difference is an error at the statement, with the scorer's reasons,
 * so a trainer never teaches an outcome the tool would not reach.
 */
import type { Diagnostic, DiagnosticCode } from '../questionnaire/diagnostics.js';
import type { Questionnaire } from '../questionnaire/types.js';
import {
  diag,
  locate,
  pointer,
  type PathSegment,
  type YamlSource,
} from '../questionnaire/yaml-source.js';
import type { Assessment, Evidence } from '../scoring/index.js';
import type { ScenarioDoc } from './types.js';

function at(
  src: YamlSource,
  code: DiagnosticCode,
  message: string,
  path: PathSegment[],
  opts: { key?: boolean; hint?: string | undefined } = {},
): Diagnostic {
  return diag(src.file, code, message, locate(src, path, opts.key ? 'key' : 'value'), {
    hint: opts.hint,
    path: pointer(path),
  });
}

export function describeEvidence(e: Evidence): string {
  return e.kind === 'answer' ? `\`${e.question}\`: ${e.value}` : `rule \`${e.rule}\``;
}

/** The answers and rules that can raise an indicator: what the author could code to raise it. */
export function sourcesOf(q: Questionnaire, indicator: string): string[] {
  const out: string[] = [];
  for (const question of q.questions)
    for (const c of question.choices)
      if (c.raises.includes(indicator)) out.push(`\`${question.id}\`: ${c.value}`);
  for (const r of q.rules) if (r.raises.includes(indicator)) out.push(`rule \`${r.id}\``);
  return out;
}

export function checkExpected(
  src: YamlSource,
  doc: ScenarioDoc,
  q: Questionnaire,
  a: Assessment,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const exp = doc.expected;
  const positive = a.dimensions.filter((d) => d.positive).map((d) => d.id);
  const population = a.population.population;

  if (exp.population !== undefined && exp.population !== population)
    out.push(
      at(
        src,
        'E_SCENARIO_POPULATION',
        `the expected coding is scored as \`${population}\`, not \`${exp.population}\``,
        ['expected', 'population'],
        { hint: `the questionnaire decides with \`${q.scoring.childWhen.source}\`` },
      ),
    );

  if (exp.outcome !== a.outcome.id) {
    const missing = a.outcome.missing.map((m) => m.anyOf.join(' or ')).join('; and ');
    const why =
      `positive dimensions: ${positive.length ? positive.join(', ') : 'none'}` +
      (missing ? `; the ${population} combination still needs ${missing}` : '') +
      `; ${a.indicators.length} indicator${a.indicators.length === 1 ? '' : 's'} raised`;
    out.push(
      at(
        src,
        'E_SCENARIO_OUTCOME',
        `the expected coding reaches \`${a.outcome.id}\`, not \`${exp.outcome}\``,
        ['expected', 'outcome'],
        { hint: why },
      ),
    );
  }

  const raised = new Map(a.indicators.map((i) => [i.id, i]));
  exp.indicators.forEach((id, i) => {
    if (raised.has(id) || !q.indicatorById.has(id)) return;
    const sources = sourcesOf(q, id);
    out.push(
      at(
        src,
        'E_SCENARIO_INDICATOR_NOT_RAISED',
        `\`${id}\` is expected, but the expected coding does not raise it`,
        ['expected', 'indicators', i],
        {
          hint: sources.length
            ? `it is raised by ${sources.slice(0, 6).join(', ')}; or remove it from the list`
            : 'remove it from the list',
        },
      ),
    );
  });
  const listed = new Set(exp.indicators);
  for (const ind of a.indicators) {
    if (listed.has(ind.id)) continue;
    out.push(
      at(
        src,
        'E_SCENARIO_INDICATOR_UNLISTED',
        `the expected coding raises \`${ind.id}\` (from ${ind.evidence.map(describeEvidence).join(', ')}), which is not listed`,
        ['expected', 'indicators'],
        { key: true, hint: `add \`${ind.id}\` to the list, or change the coding that raises it` },
      ),
    );
  }

  if (exp.dimensions !== undefined) {
    const positiveSet = new Set(positive);
    exp.dimensions.forEach((id, i) => {
      if (positiveSet.has(id) || !q.dimensions.some((d) => d.id === id)) return;
      out.push(
        at(
          src,
          'E_SCENARIO_DIMENSIONS',
          `\`${id}\` is listed as positive, but the expected coding does not make it positive`,
          ['expected', 'dimensions', i],
          { hint: `positive: ${positive.length ? positive.join(', ') : 'none'}` },
        ),
      );
    });
    const expectedSet = new Set(exp.dimensions);
    for (const id of positive) {
      if (expectedSet.has(id)) continue;
      out.push(
        at(
          src,
          'E_SCENARIO_DIMENSIONS',
          `the expected coding makes \`${id}\` positive, which is not listed`,
          ['expected', 'dimensions'],
          { key: true, hint: `add \`${id}\` to the list` },
        ),
      );
    }
  }
  return out;
}

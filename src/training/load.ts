/**
 * Loading a scenario: YAML → schema → the questionnaire it targets → references →
 * the expected coding played through the engine → re-scored and compared with what
 * the scenario expects. Each stage runs only when the one before found no error; all
 * problems of a stage are reported together, each at its file:line:col.
 */
import validateSchema from './generated/validate-scenario.js';
import { interviewLanguage } from '../answers/index.js';
import { coerceAnswer, type AnswerInput } from '../engine/index.js';
import {
  formatDiagnostic,
  hasErrors,
  sortDiagnostics,
  type Diagnostic,
} from '../questionnaire/diagnostics.js';
import { schemaDiagnostics } from '../questionnaire/schema-errors.js';
import type { Questionnaire } from '../questionnaire/types.js';
import { diag, loadYamlFile, locate, type YamlSource } from '../questionnaire/yaml-source.js';
import { assess } from '../scoring/index.js';
import { basename, extname } from 'node:path';
import { inputError, usageError } from '../errors.js';
import { shippedScenarios } from '../shipped.js';
import { checkExpected } from './consistency.js';
import { playExpectedCoding } from './expected-coding.js';
import { resolveQuestionnaire } from './questionnaire-ref.js';
import { checkReferences } from './references.js';
import type { Scenario, ScenarioDoc, ScenarioEntry } from './types.js';

export interface ScenarioLoad {
  readonly scenario?: Scenario;
  /** Sorted. */
  readonly diagnostics: readonly Diagnostic[];
  readonly source?: YamlSource;
}

export async function loadScenarioFromSource(src: YamlSource): Promise<ScenarioLoad> {
  const fail = (diagnostics: Diagnostic[]): ScenarioLoad => ({
    diagnostics: sortDiagnostics(diagnostics),
    source: src,
  });
  if (!validateSchema(src.value)) return fail(schemaDiagnostics(src, validateSchema.errors ?? []));
  const doc = src.value as ScenarioDoc;

  const ref = resolveQuestionnaire(doc.questionnaire, src.file);
  if (!ref.ok)
    return fail([
      diag(src.file, 'E_SCENARIO_QUESTIONNAIRE', ref.message, locate(src, ['questionnaire']), {
        hint: ref.hint,
        path: '/questionnaire',
      }),
    ]);
  const q = ref.questionnaire;

  const references = checkReferences(src, doc, q);
  const lang = interviewLanguage(q, q.languages.includes(doc.lang) ? doc.lang : undefined);
  const played = await playExpectedCoding(q, src, doc, lang);
  const problems = [...references, ...played.diagnostics];
  if (hasErrors(problems) || !played.record) return fail(problems);

  const assessment = assess(q, played.record);
  const inconsistent = checkExpected(src, doc, q, assessment);
  if (hasErrors(inconsistent)) return fail(inconsistent);

  return {
    scenario: build(src.file, doc, q, { record: played.record, assessment }),
    diagnostics: [],
    source: src,
  };
}

function normalised(q: Questionnaire, id: string, raw: unknown): AnswerInput | undefined {
  const question = q.questionById.get(id);
  if (!question) return undefined;
  const checked = coerceAnswer(question, raw);
  return checked.ok ? checked.input : undefined;
}

function build(
  file: string,
  doc: ScenarioDoc,
  q: Questionnaire,
  expected: Scenario['expected'],
): Scenario {
  const entries = new Map<string, ScenarioEntry>();
  for (const [id, e] of Object.entries(doc.interview)) {
    const code = Object.hasOwn(e, 'code') ? normalised(q, id, e.code) : undefined;
    const alternatives = (e.accept ?? [])
      .map((raw) => normalised(q, id, raw))
      .filter((x): x is AnswerInput => x !== undefined);
    entries.set(id, {
      says: e.says,
      situation: e.situation,
      code,
      acceptable: code ? [code, ...alternatives] : alternatives,
      teaching: e.teaching,
    });
  }
  return {
    id: doc.scenario,
    title: doc.title,
    summary: doc.summary,
    file,
    lang: doc.lang,
    persona: doc.persona,
    setting: doc.setting,
    questionnaire: q,
    entries,
    expected,
    teaching: {
      notice: doc.teaching?.notice ?? [],
      avoid: doc.teaching?.avoid ?? [],
      pitfalls: doc.teaching?.pitfalls ?? [],
      indicators: doc.teaching?.indicators ?? {},
    },
  };
}

export async function loadScenario(file: string): Promise<ScenarioLoad> {
  const parsed = loadYamlFile(file);
  if (!parsed.source) return { diagnostics: parsed.diagnostics };
  return loadScenarioFromSource(parsed.source);
}

/** The diagnostics `screener validate` shows for a scenario. */
export async function validateScenarioSource(src: YamlSource): Promise<readonly Diagnostic[]> {
  return (await loadScenarioFromSource(src)).diagnostics;
}

/** For `rehearse`: a usable scenario, or exit 3 with every problem. */
export async function requireScenario(file: string): Promise<Scenario> {
  const parsed = loadYamlFile(file);
  const other = parsed.source ? otherKind(parsed.source.value) : undefined;
  if (other)
    throw usageError(
      'E_NOT_A_SCENARIO',
      `${file} is ${other}, not a scenario: rehearse plays a training scenario (a fictional person and the answers they give)`,
      [
        `Shipped scenarios: ${shippedScenarios()
          .map((f) => basename(f, extname(f)))
          .join(', ')}`,
      ],
    );
  const r: ScenarioLoad = parsed.source
    ? await loadScenarioFromSource(parsed.source)
    : { diagnostics: parsed.diagnostics };
  if (r.scenario) return r.scenario;
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  throw inputError(
    'E_INVALID_SCENARIO',
    `${file} is not a valid scenario (${errors.length} problem${errors.length === 1 ? '' : 's'}); run \`screener validate ${file}\``,
    errors.slice(0, 20).map((d) => formatDiagnostic(d, r.source?.text)),
  );
}

/**
 * A file of another kind given where a scenario belongs (told apart as `validate`
 * does): said in one line, not as a score of missing scenario keys.
 */
function otherKind(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  if ('persona' in value || 'scenario' in value) return undefined;
  if ('sections' in value) return 'a questionnaire';
  if ('categories' in value) return 'a referral directory';
  return undefined;
}

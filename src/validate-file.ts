/**
 * Validates one input file of any kind the tool reads, telling the kind from its
 * content: a questionnaire has `sections`, a referral directory `categories`, a scenario
 * `persona`.
 * A validator may be asynchronous: a scenario is checked by playing its expected
 * coding through the interview loop, which is.
 */
import { loadQuestionnaireFromSource } from './questionnaire/load.js';
import { loadReferralsFromSource } from './referrals/load.js';
import { validateScenarioSource } from './training/load.js';
import type { Diagnostic } from './questionnaire/diagnostics.js';
import { parseYamlText, readTextFile, type YamlSource } from './questionnaire/yaml-source.js';

export type FileKind = 'questionnaire' | 'scenario' | 'referrals' | 'unknown';

export interface FileValidation {
  readonly kind: FileKind;
  readonly diagnostics: readonly Diagnostic[];
  /** The file's text, for excerpts. */
  readonly text?: string;
}

type Validator = (src: YamlSource) => readonly Diagnostic[] | Promise<readonly Diagnostic[]>;
const validators = new Map<FileKind, Validator>([
  ['questionnaire', validateQuestionnaire],
  ['scenario', validateScenarioSource],
  ['referrals', (src) => loadReferralsFromSource(src).diagnostics],
]);

/**
 * A questionnaire, and then its export section: a coordinator's export would stop
 * on a bad one, so the author should hear of it first. The export code is loaded
 * only for files that have the section.
 */
async function validateQuestionnaire(src: YamlSource): Promise<readonly Diagnostic[]> {
  const r = loadQuestionnaireFromSource(src);
  const v = src.value;
  if (!r.questionnaire || !v || typeof v !== 'object' || !('export' in v)) return r.diagnostics;
  const [{ readExportConfig }, { configDiagnostics }] = await Promise.all([
    import('./export/config.js'),
    import('./export/config-errors.js'),
  ]);
  const config = readExportConfig(r.questionnaire);
  return config.ok
    ? r.diagnostics
    : [...r.diagnostics, ...configDiagnostics(src.file, config.problems, src)];
}

export function kindOf(value: unknown): FileKind {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    if ('persona' in value || 'scenario' in value) return 'scenario';
    if ('categories' in value && !('sections' in value)) return 'referrals';
  }
  return 'questionnaire';
}

export async function validateFile(file: string): Promise<FileValidation> {
  const read = readTextFile(file);
  if (read.text === undefined) return { kind: 'unknown', diagnostics: read.diagnostics };
  const parsed = parseYamlText(file, read.text);
  if (!parsed.source) return { kind: 'unknown', diagnostics: parsed.diagnostics, text: read.text };
  const kind = kindOf(parsed.source.value);
  const v = validators.get(kind) ?? validators.get('questionnaire')!;
  return { kind, diagnostics: await v(parsed.source), text: parsed.source.text };
}

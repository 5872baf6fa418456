/**
 * The loading pipeline: file → YAML with positions → schema → linter → compiled,
 * frozen Questionnaire. Each stage collects all its problems; a later stage runs only
 * when the earlier one found no error (its input would not be trustworthy).
 */
import * as celLibrary from '@marcbachmann/cel-js';
import validateSchema from './generated/validate-questionnaire.js';
import { provideCel } from './cel.js';
import { formatDiagnostic, hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { compileQuestionnaire } from './compile.js';
import { lintQuestionnaire } from './lint.js';
import { schemaDiagnostics } from './schema-errors.js';
import { precompiledQuestionnaire } from './trusted.js';
import type { Questionnaire, QuestionnaireDoc } from './types.js';
import { loadYamlFile, parseYamlText, readTextFile, type YamlSource } from './yaml-source.js';
import { inputError } from '../errors.js';

export { loadTrusted } from './trusted.js';

// Checking compiles every condition with CEL: the bundled copy, not one loaded on demand.
provideCel(celLibrary);

export interface LoadResult {
  readonly questionnaire?: Questionnaire;
  /** Sorted; may hold warnings even when the questionnaire loaded. */
  readonly diagnostics: readonly Diagnostic[];
  readonly source?: YamlSource;
}

export function loadQuestionnaireFromSource(src: YamlSource): LoadResult {
  if (!validateSchema(src.value)) {
    return { diagnostics: sortDiagnostics(schemaErrors(src)), source: src };
  }
  const doc = src.value as QuestionnaireDoc;
  const lint = lintQuestionnaire(src, doc);
  const diagnostics = sortDiagnostics(lint.diagnostics);
  if (hasErrors(diagnostics)) return { diagnostics, source: src };
  return {
    questionnaire: compileQuestionnaire(doc, lint.conditions, src.file, src.text),
    diagnostics,
    source: src,
  };
}

function schemaErrors(src: YamlSource): Diagnostic[] {
  return schemaDiagnostics(src, validateSchema.errors ?? []);
}

export function loadQuestionnaire(file: string): LoadResult {
  const parsed = loadYamlFile(file);
  if (!parsed.source) return { diagnostics: parsed.diagnostics };
  return loadQuestionnaireFromSource(parsed.source);
}

export function loadQuestionnaireText(file: string, text: string): LoadResult {
  const parsed = parseYamlText(file, text);
  if (!parsed.source) return { diagnostics: parsed.diagnostics };
  return loadQuestionnaireFromSource(parsed.source);
}

/** For commands that need a usable questionnaire: invalid → exit 3 with every diagnostic. */
export function requireQuestionnaire(file: string): Questionnaire {
  const read = readTextFile(file);
  if (read.text !== undefined) {
    const trusted = precompiledQuestionnaire(file, read.text);
    if (trusted) return trusted;
  }
  const r: LoadResult =
    read.text === undefined
      ? { diagnostics: read.diagnostics }
      : loadQuestionnaireText(file, read.text);
  if (r.questionnaire) return r.questionnaire;
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  throw inputError(
    'E_INVALID_QUESTIONNAIRE',
    `${file} is not a valid questionnaire (${errors.length} problem${errors.length === 1 ? '' : 's'}); run \`screener validate ${file}\``,
    errors.slice(0, 20).map((d) => formatDiagnostic(d, r.source?.text)),
  );
}

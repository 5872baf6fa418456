/**
 * The quick way to a shipped questionnaire: its document as checked at build time
 * (precompiled.ts), compiled without the checks. Apart from load.ts so that a command
 * that finds it never loads the schema validator (generated code the size of the rest
 * of the loading pipeline) nor the linter's checks.
 */
import type { ASTNode } from '@marcbachmann/cel-js';
import { readFileSync } from 'node:fs';
import { compileQuestionnaire } from './compile.js';
import { compileExpressions } from './lint.js';
import { precompiled } from './precompiled.js';
import type { Condition, Questionnaire, QuestionnaireDoc } from './types.js';

/**
 * A document checked at build time: compile its conditions, skip the checks. `trees`:
 * the conditions' syntax trees as the build parsed them, by JSON pointer.
 */
export function loadTrusted(
  file: string,
  /** The file's text; not needed when `hash` is given. */
  text: string | undefined,
  doc: QuestionnaireDoc,
  trees?: ReadonlyMap<string, ASTNode>,
  /** The text's hash, when the build computed it. */
  hash?: string,
): Questionnaire | undefined {
  const conditions = new Map<string, Condition>();
  let failed = false;
  compileExpressions(doc, true, conditions, () => (failed = true), trees);
  return failed ? undefined : compileQuestionnaire(doc, conditions, file, text, false, hash);
}

/**
 * The questionnaire in `file` when the build checked this very text, else undefined.
 * Without `text`, the file's bytes are compared with the build's, never decoded.
 */
export function precompiledQuestionnaire(file: string, text?: string): Questionnaire | undefined {
  let content: string | Uint8Array;
  try {
    content = text ?? readFileSync(file);
  } catch {
    // Unreadable: the checked path says why.
    return undefined;
  }
  const pre = precompiled(content);
  return pre && loadTrusted(file, text, pre.doc as QuestionnaireDoc, pre.trees, pre.hash);
}

/**
 * requireQuestionnaire (load.ts) for commands that start an interview: the checked
 * path, and its validator, are loaded only for a file the build did not check.
 */
export async function requireQuestionnaireAsync(file: string): Promise<Questionnaire> {
  return precompiledQuestionnaire(file) ?? (await import('./load.js')).requireQuestionnaire(file);
}

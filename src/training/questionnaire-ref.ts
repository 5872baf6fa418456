/**
 * The questionnaire a scenario targets: a shipped questionnaire by its id
 * (`iom_screening`), or a file path relative to the scenario. Loaded questionnaires
 * are kept for the process, because `validate` checks every shipped scenario and
 * they all target the same large questionnaire.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadQuestionnaire } from '../questionnaire/load.js';
import { hasErrors } from '../questionnaire/diagnostics.js';
import { didYouMean } from '../questionnaire/suggest.js';
import type { Questionnaire } from '../questionnaire/types.js';
import { shippedQuestionnaires } from '../shipped.js';

export type QuestionnaireRef =
  | { readonly ok: true; readonly questionnaire: Questionnaire }
  | { readonly ok: false; readonly message: string; readonly hint: string | undefined };

const ID = /^[a-z][a-z0-9_]*$/;

/** Shipped questionnaire id → file. The id is read from its `id:` line: no need to load them all. */
export function shippedQuestionnaireIds(): Map<string, string> {
  const ids = new Map<string, string>();
  for (const file of shippedQuestionnaires()) {
    const m = /^id:\s*['"]?([a-z][a-z0-9_]*)/m.exec(readFileSync(file, 'utf8'));
    if (m?.[1] && !ids.has(m[1])) ids.set(m[1], file);
  }
  return ids;
}

const cache = new Map<string, { stamp: string; result: ReturnType<typeof loadQuestionnaire> }>();

function loadCached(file: string): ReturnType<typeof loadQuestionnaire> {
  let stamp = '';
  try {
    const st = statSync(file);
    stamp = `${st.mtimeMs}:${st.size}`;
  } catch {
    // The loader reports the missing file itself.
  }
  const hit = cache.get(file);
  if (hit && stamp !== '' && hit.stamp === stamp) return hit.result;
  const result = loadQuestionnaire(file);
  cache.set(file, { stamp, result });
  return result;
}

export function resolveQuestionnaire(ref: string, scenarioFile: string): QuestionnaireRef {
  let file: string;
  if (ID.test(ref)) {
    const shipped = shippedQuestionnaireIds();
    const found = shipped.get(ref);
    if (!found)
      return {
        ok: false,
        message: `no shipped questionnaire has the id \`${ref}\``,
        hint:
          didYouMean(ref, shipped.keys()) ??
          `shipped: ${[...shipped.keys()].join(', ')}; or give a file path relative to the scenario`,
      };
    file = found;
  } else {
    file = resolve(dirname(scenarioFile), ref);
  }
  const loaded = loadCached(file);
  if (loaded.questionnaire) return { ok: true, questionnaire: loaded.questionnaire };
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  const unreadable = errors.find((d) => d.code === 'E_FILE_UNREADABLE');
  if (unreadable)
    return { ok: false, message: `${ref}: ${unreadable.message}`, hint: `looked for ${file}` };
  const n = hasErrors(errors) ? errors.length : 0;
  return {
    ok: false,
    message: `${ref} is not a valid questionnaire (${n} problem${n === 1 ? '' : 's'})`,
    hint: `run \`screener validate ${file}\``,
  };
}

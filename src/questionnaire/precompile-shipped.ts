/**
 * Build step: the checked JSON of each shipped questionnaire that is valid, and the
 * syntax trees of its conditions (see precompiled.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { shippedQuestionnaires } from '../shipped.js';
import { astToJson } from './ast-json.js';
import { conditionTrees } from './lint.js';
import { loadQuestionnaire } from './load.js';
import type { QuestionnaireDoc } from './types.js';

export function writePrecompiled(outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const file of shippedQuestionnaires()) {
    const r = loadQuestionnaire(file);
    // An invalid file is not cached: at run time it takes the checked path and its errors show.
    if (!r.questionnaire || !r.source) continue;
    const hash = r.questionnaire.hash;
    writeFileSync(join(outDir, `${hash}.json`), JSON.stringify(r.source.value));
    const trees: Record<string, unknown> = {};
    for (const [at, ast] of conditionTrees(r.source.value as QuestionnaireDoc)) {
      // A tree JSON cannot carry exactly is left out: that condition is parsed at run time.
      const json = astToJson(ast);
      if (json !== undefined) trees[at] = json;
    }
    writeFileSync(join(outDir, `${hash}.conditions.json`), JSON.stringify(trees));
    written.push(basename(file));
  }
  return written;
}

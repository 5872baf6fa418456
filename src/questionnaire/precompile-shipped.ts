/**
 * Build step: the checked JSON of each shipped questionnaire that is valid, the syntax
 * trees of its conditions, the text itself and the index that finds it (see
 * precompiled.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { shippedQuestionnaires } from '../shipped.js';
import { astToJson } from './ast-json.js';
import { conditionTrees } from './lint.js';
import { loadQuestionnaire } from './load.js';
import { PRECOMPILED_INDEX, type PrecompiledIndex } from './precompiled.js';
import type { QuestionnaireDoc } from './types.js';

export function writePrecompiled(outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  const index: PrecompiledIndex = {};
  for (const file of shippedQuestionnaires()) {
    const r = loadQuestionnaire(file);
    // An invalid file is not cached: at run time it takes the checked path and its errors show.
    if (!r.questionnaire || !r.source) continue;
    const hash = r.questionnaire.hash;
    writeFileSync(join(outDir, `${hash}.json`), JSON.stringify(r.source.value));
    // The text as read (a byte-order mark already removed), which the hash is of.
    writeFileSync(join(outDir, `${hash}.source.yaml`), r.source.text);
    const sameLength = (index[String(Buffer.byteLength(r.source.text, 'utf8'))] ??= []);
    if (!sameLength.includes(hash)) sameLength.push(hash);
    const trees: Record<string, unknown> = {};
    for (const [at, ast] of conditionTrees(r.source.value as QuestionnaireDoc)) {
      // A tree JSON cannot carry exactly is left out: that condition is parsed at run time.
      const json = astToJson(ast);
      if (json !== undefined) trees[at] = json;
    }
    writeFileSync(join(outDir, `${hash}.conditions.json`), JSON.stringify(trees));
    written.push(basename(file));
  }
  // Written last: a build stopped half-way leaves no index, and every file is checked.
  writeFileSync(join(outDir, PRECOMPILED_INDEX), JSON.stringify(index));
  return written;
}

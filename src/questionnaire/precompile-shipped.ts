/** Build step: the checked JSON of each shipped questionnaire that is valid (see precompiled.ts). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { shippedQuestionnaires } from '../shipped.js';
import { loadQuestionnaire } from './load.js';

export function writePrecompiled(outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const file of shippedQuestionnaires()) {
    const r = loadQuestionnaire(file);
    // An invalid file is not cached: at run time it takes the checked path and its errors show.
    if (!r.questionnaire || !r.source) continue;
    writeFileSync(join(outDir, `${r.questionnaire.hash}.json`), JSON.stringify(r.source.value));
    written.push(basename(file));
  }
  return written;
}

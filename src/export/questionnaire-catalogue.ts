/**
 * Every questionnaire a record may name: those given with --questionnaire (checked
 * now, so a bad file stops the export before anything is read) and the shipped ones,
 * compiled only when a record names one: the shipped questionnaire is large, and an
 * export of records made with another should not pay for it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadQuestionnaire, requireQuestionnaire } from '../questionnaire/load.js';
import type { Questionnaire } from '../questionnaire/types.js';
import { shippedQuestionnaires } from '../shipped.js';

export function questionnaireCatalogue(
  extra: readonly string[],
): (hash: string) => Questionnaire | undefined {
  const byHash = new Map<string, Questionnaire>();
  for (const file of extra) {
    const q = requireQuestionnaire(file);
    byHash.set(q.hash, q);
  }
  let shipped: Map<string, string> | undefined;
  let everything = false;
  const load = (file: string) => {
    const q = loadQuestionnaire(file).questionnaire;
    if (q) byHash.set(q.hash, q);
    return q;
  };
  return (hash) => {
    const known = byHash.get(hash);
    if (known) return known;
    // The compiled hash is SHA-256 of the file's text: match files without compiling them.
    shipped ??= new Map(
      shippedQuestionnaires().map((f) => [
        createHash('sha256').update(readFileSync(f, 'utf8')).digest('hex'),
        f,
      ]),
    );
    const file = shipped.get(hash);
    if (file) {
      const q = load(file);
      if (q?.hash === hash) return q;
    }
    if (!everything) {
      everything = true;
      for (const f of shippedQuestionnaires()) load(f);
    }
    return byHash.get(hash);
  };
}

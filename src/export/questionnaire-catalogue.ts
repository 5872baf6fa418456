/**
 * Every questionnaire a record may name: those given with --questionnaire (checked
 * now, so a bad file stops the export before anything is read) and the shipped ones,
 * compiled only when a record names one: the shipped questionnaire is large, and an
 * export of records made with another should not pay for it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadQuestionnaire, requireQuestionnaire } from '../questionnaire/load.js';
import { precompiledQuestionnaire } from '../questionnaire/trusted.js';
import type { Questionnaire } from '../questionnaire/types.js';
import { defaultQuestionnairePath, shippedQuestionnaires } from '../shipped.js';

export interface QuestionnaireCatalogue {
  /** The questionnaire whose text has this hash: the one a record was made with. */
  byHash(hash: string): Questionnaire | undefined;
  /**
   * For a record whose exact text is nowhere (the shipped file was corrected since,
   * keeping its version): the available questionnaire of the same id and version, the
   * --questionnaire files first, then the shipped ones. `screener report` does the same.
   */
  like(id: string, version: string): Questionnaire | undefined;
  /**
   * The questionnaires whose columns a file with no row has when no record read names
   * one available here (every file skipped, say): the --questionnaire files, else the
   * shipped default, the one `screener interview` uses.
   */
  forEmptyFile(): readonly Questionnaire[];
}

export function questionnaireCatalogue(extra: readonly string[]): QuestionnaireCatalogue {
  const byHash = new Map<string, Questionnaire>();
  const given: Questionnaire[] = [];
  for (const file of extra) {
    const q = requireQuestionnaire(file);
    byHash.set(q.hash, q);
    given.push(q);
  }
  let shipped: Map<string, string> | undefined;
  let shippedCompiled: Questionnaire[] | undefined;
  const load = (file: string) => {
    // A shipped file as the build checked it comes ready (precompiled.ts): the YAML
    // path takes about 0.3 s for the shipped questionnaire, in every reading thread.
    const q = precompiledQuestionnaire(file) ?? loadQuestionnaire(file).questionnaire;
    if (q) byHash.set(q.hash, q);
    return q;
  };
  const everything = () =>
    (shippedCompiled ??= shippedQuestionnaires().flatMap((f) => {
      const q = load(f);
      return q ? [q] : [];
    }));
  return {
    byHash(hash) {
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
      everything();
      return byHash.get(hash);
    },
    like(id, version) {
      const same = (q: Questionnaire) => q.id === id && q.version === version;
      return given.find(same) ?? everything().find(same);
    },
    forEmptyFile() {
      if (given.length > 0) return given;
      const q = load(defaultQuestionnairePath());
      return q ? [q] : [];
    },
  };
}

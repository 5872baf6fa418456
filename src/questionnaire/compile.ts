/** Builds the frozen Questionnaire the rest of the program uses, from a document that passed the linter. */
import type {
  Choice,
  Combination,
  CombinationDoc,
  Condition,
  Indicator,
  Population,
  Question,
  Questionnaire,
  QuestionnaireDoc,
  Rule,
  Section,
  Strength,
} from './types.js';
import { textHash } from './text-hash.js';
import { pointer } from './yaml-source.js';

function hashOf(text: string | undefined, hash: string | undefined): string {
  if (hash !== undefined) return hash;
  if (text === undefined) throw new Error('internal: a questionnaire needs its text or its hash');
  return textHash(text);
}

/**
 * Freezing catches code that would change a questionnaire in the middle of an interview.
 * It runs on the checked path, which every test from sources takes; the build-checked
 * path (trusted.ts) builds the very same object and skips it, because freezing its
 * two thousand objects was a noticeable part of the wait for the first question.
 */
function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as object)) deepFreeze(v);
  }
  return o;
}

function combination(c: CombinationDoc): Combination {
  if (typeof c === 'string') return { kind: 'dimension', id: c };
  if ('all_of' in c) return { kind: 'all_of', items: c.all_of.map(combination) };
  return { kind: 'any_of', items: c.any_of.map(combination) };
}

export function compileQuestionnaire(
  doc: QuestionnaireDoc,
  conditions: ReadonlyMap<string, Condition>,
  file: string,
  /** The file's text; not needed when `hash` is given. */
  text: string | undefined,
  /** False only for a document the build checked (trusted.ts); see deepFreeze. */
  freeze = true,
  /** textHash(text), when the build already computed it (precompiled.ts). */
  hash?: string,
): Questionnaire {
  const cond = (path: (string | number)[]) => conditions.get(pointer(path));
  const questions: Question[] = [];
  const sections: Section[] = doc.sections.map((s, si) => {
    const ids: string[] = [];
    s.questions.forEach((q, qi) => {
      const choices: Choice[] =
        q.type === 'yesno'
          ? (['yes', 'no'] as const).map((v) => {
              const c = q.choices?.find((x) => x.value === v);
              return {
                value: v,
                text: c?.text ?? {
                  en: v === 'yes' ? 'Yes' : 'No',
                  fr: v === 'yes' ? 'Oui' : 'Non',
                },
                raises: c?.raises ?? [],
                urgent: c?.urgent ?? false,
                flags: c?.flags ?? [],
                exclusive: false,
              };
            })
          : (q.choices ?? []).map((c) => ({
              value: c.value,
              text: c.text ?? c.value,
              raises: c.raises ?? [],
              urgent: c.urgent ?? false,
              flags: c.flags ?? [],
              exclusive: c.exclusive ?? false,
            }));
      questions.push({
        id: q.id,
        type: q.type,
        text: q.text,
        help: q.help,
        when: cond(['sections', si, 'questions', qi, 'when']),
        required: q.type === 'info' ? false : (q.required ?? true),
        special: q.type === 'info' ? [] : (q.special ?? ['dont_know', 'declined']),
        identifying: q.identifying,
        choices,
        min: q.min,
        max: q.max,
        integer: q.integer ?? false,
        unit: q.unit,
        multiline: q.multiline ?? false,
        maxLength: q.max_length ?? (q.multiline ? 20000 : 2000),
        sectionId: s.id,
        order: questions.length,
      });
      ids.push(q.id);
    });
    return {
      id: s.id,
      title: s.title,
      kind: s.kind ?? 'interview',
      intro: s.intro,
      when: cond(['sections', si, 'when']),
      questionIds: ids,
    };
  });
  const rules: Rule[] = (doc.rules ?? []).map((r, i) => ({
    id: r.id,
    when: cond(['rules', i, 'when'])!,
    raises: r.raises ?? [],
    urgent: r.urgent ?? false,
    flags: r.flags ?? [],
    advisory: r.advisory,
    stop: r.stop,
  }));
  const indicators: Indicator[] = doc.indicators.map((d) => {
    const strength: Partial<Record<Population, Strength>> =
      typeof d.strength === 'string' ? { adult: d.strength, child: d.strength } : { ...d.strength };
    return {
      id: d.id,
      dimension: d.dimension,
      strength,
      exploitation: d.exploitation ?? 'labour',
      text: d.text,
      verified: d.verified ?? true,
      note: d.note,
    };
  });
  const q: Questionnaire = {
    id: doc.id,
    version: doc.version,
    title: doc.title,
    description: doc.description,
    languages: doc.languages,
    sections,
    questions,
    questionById: new Map(questions.map((x) => [x.id, x])),
    rules,
    dimensions: doc.dimensions.map((d) => ({ id: d.id, title: d.title, palermo: d.palermo ?? [] })),
    indicators,
    indicatorById: new Map(indicators.map((x) => [x.id, x])),
    scoring: {
      dimensionRule: doc.scoring.dimension_rule.any_of.map((alt) =>
        alt.map((slot) => slot.split('|') as Strength[]),
      ),
      populations: {
        adult: combination(doc.scoring.populations.adult),
        child: combination(doc.scoring.populations.child),
      },
      childWhen: cond(['scoring', 'child_when'])!,
      possibleMinorWhen: cond(['scoring', 'possible_minor_when']),
    },
    referrals: (doc.referrals ?? []).map((r) => ({
      category: r.category,
      ifOutcomes: r.if_outcomes ?? [],
      ifFlags: r.if_flags ?? [],
      reason: r.reason,
    })),
    messages: doc.messages ?? {},
    exportConfig: doc.export ?? {},
    hash: hashOf(text, hash),
    file,
  };
  return freeze ? deepFreeze(q) : q;
}

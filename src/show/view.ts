/** What both renderers need from a compiled questionnaire, in a reviewer's language. */
import { resolveText } from '../questionnaire/text.js';
import type {
  Choice,
  Combination,
  Indicator,
  LocalText,
  Population,
  Question,
  Questionnaire,
  Rule,
  Strength,
} from '../questionnaire/types.js';
import { describeCondition } from './describe-condition.js';
import { labelsFor, type Labels } from './labels.js';
import { joinAlternatives, wordsFor, type Words } from './words.js';

export interface ShowOptions {
  /** Language of the texts; the questionnaire's first language when absent. */
  readonly lang?: string;
}

export type Raiser =
  | { readonly kind: 'choice'; readonly question: Question; readonly choice: Choice }
  | { readonly kind: 'rule'; readonly rule: Rule };

export class View {
  readonly lang: string;
  readonly w: Words;
  readonly l: Labels;
  /** Indicator id → every answer or rule that raises it, in questionnaire order. */
  readonly raisers: ReadonlyMap<string, readonly Raiser[]>;

  constructor(
    readonly q: Questionnaire,
    opts: ShowOptions,
  ) {
    this.lang = opts.lang ?? q.languages[0] ?? 'en';
    this.w = wordsFor(this.lang);
    this.l = labelsFor(this.lang);
    const raisers = new Map<string, Raiser[]>();
    const add = (id: string, r: Raiser) => raisers.set(id, [...(raisers.get(id) ?? []), r]);
    for (const question of q.questions)
      for (const choice of question.choices)
        for (const id of choice.raises) add(id, { kind: 'choice', question, choice });
    for (const rule of q.rules) for (const id of rule.raises) add(id, { kind: 'rule', rule });
    this.raisers = raisers;
  }

  /** A text in the reviewer's language, on one line. */
  text(t: LocalText | undefined): string {
    if (t === undefined) return '';
    return resolveText(t, this.lang, this.q.languages[0] ?? 'en')
      .text.replace(/\s+/g, ' ')
      .trim();
  }

  condition(source: string, maxQuestionLength?: number): string {
    return describeCondition(source, this.q, {
      lang: this.lang,
      ...(maxQuestionLength ? { maxQuestionLength } : {}),
    });
  }

  strength(ind: Indicator, population: Population): string {
    const s = ind.strength[population];
    return s ? this.w.strengths[s] : this.l.notOnList;
  }

  /** "1 strong, 8 medium, 1 weak" for the indicators of one population. */
  strengthCounts(indicators: readonly Indicator[], population: Population): string {
    const counts = new Map<Strength, number>();
    for (const ind of indicators) {
      const s = ind.strength[population];
      if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    const order: Strength[] = ['strong', 'medium', 'weak'];
    const parts = order
      .filter((s) => counts.has(s))
      .map((s) => `${counts.get(s)} ${this.w.strengths[s]}`);
    return parts.length > 0 ? parts.join(', ') : this.w.numbers[0]!;
  }

  /** One alternative of the dimension rule: "one strong and one medium or weak". */
  slotsText(alternative: readonly (readonly Strength[])[]): string {
    const groups = new Map<string, number>();
    for (const slot of alternative) {
      const key = slot.map((s) => this.w.strengths[s]).join(` ${this.w.or} `);
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    return [...groups]
      .map(([k, n]) => `${this.w.numbers[n] ?? String(n)} ${k}`)
      .join(` ${this.w.and} `);
  }

  dimensionTitle(id: string): string {
    const d = this.q.dimensions.find((x) => x.id === id);
    return d ? this.text(d.title) : id;
  }

  combinationText(c: Combination, nested = false): string {
    switch (c.kind) {
      case 'dimension':
        return this.w.quote(this.dimensionTitle(c.id));
      case 'any_of': {
        const items = joinAlternatives(
          c.items.map((x) => this.combinationText(x, true)),
          this.w,
        );
        return c.items.length === 1 ? items : this.l.atLeastOneOf(items);
      }
      case 'all_of': {
        // "A; and B; and C" keeps "at least one of X or Y" from swallowing what follows.
        const sep = nested ? ` ${this.w.and} ` : `; ${this.w.and} `;
        const s = c.items.map((x) => this.combinationText(x, true)).join(sep);
        return nested && c.items.length > 1 ? `(${s})` : s;
      }
    }
  }
}

/**
 * The scripted adapter: answers each step from a prepared map of answers (an answers
 * file, a rehearsal script), exactly as a screener would at the terminal. Problems are
 * collected, never thrown, so one pass finds all of them; the caller decides what a
 * record with problems is worth (`run` keeps none).
 */
import { coerceAnswer, type AnswerProblemCode, type Step } from '../engine/index.js';
import type { Action, Prompter, StepContext } from './prompter.js';

export interface Script {
  /** Question id → the answer as written (loose: coerced by the engine's rules). */
  readonly answers: ReadonlyMap<string, unknown>;
  /** Question id → a note to store with that answer. */
  readonly notes: ReadonlyMap<string, string>;
}

export interface ScriptProblem {
  readonly code: AnswerProblemCode | 'missing';
  readonly question: string;
  readonly message: string;
  readonly hint?: string | undefined;
  readonly item?: number | undefined;
}

export class ScriptedPrompter implements Prompter {
  readonly problems: ScriptProblem[] = [];
  /** Question ids whose answers were used (the rest were never asked). */
  readonly used = new Set<string>();
  /** Question ids the interview asked, in order. */
  readonly asked: string[] = [];
  private readonly script: Script;

  constructor(script: Script) {
    this.script = script;
  }

  async step(step: Step, ctx: StepContext): Promise<Action> {
    switch (step.kind) {
      case 'question': {
        const q = step.question;
        if (ctx.rejected) {
          this.problems.push({ ...ctx.rejected, question: q.id });
          return { kind: 'pass' };
        }
        this.asked.push(q.id);
        if (!this.script.answers.has(q.id)) {
          if (!q.required) return { kind: 'answer', input: { kind: 'skip' } };
          this.problems.push({
            code: 'missing',
            question: q.id,
            message: `\`${q.id}\` is asked and needs an answer`,
            hint: q.special.length
              ? `add \`${q.id}: …\` under answers (or ${q.special.join(' or ')})`
              : `add \`${q.id}: …\` under answers`,
          });
          return { kind: 'pass' };
        }
        this.used.add(q.id);
        const checked = coerceAnswer(q, this.script.answers.get(q.id));
        if (!checked.ok) {
          this.problems.push({ ...checked.problem, question: q.id });
          return { kind: 'pass' };
        }
        return { kind: 'answer', input: checked.input, note: this.script.notes.get(q.id) };
      }
      case 'info':
      case 'urgent':
      case 'advisory':
      case 'child':
        return { kind: 'acknowledge' };
      case 'done':
        return { kind: 'finish' };
      case 'stop':
        return { kind: 'end' };
      case 'closed':
        throw new Error('a closed interview has no step to answer');
    }
  }
}

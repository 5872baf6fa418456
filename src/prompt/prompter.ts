/**
 * The seam between the interview loop and whoever answers: a person at a terminal
 * (inquirer adapter) or an answers file (scripted adapter). Both get the same steps
 * from the same engine and return the same actions, so they produce the same record.
 */
import type { AnswerInput, AnswerProblem, Step } from '../engine/index.js';
import type { Questionnaire } from '../questionnaire/types.js';
import type { InterviewRecord } from '../record/types.js';

export type Action =
  /** Answer the current question (or skip it: input kind 'skip'). */
  | { readonly kind: 'answer'; readonly input: AnswerInput; readonly note?: string | undefined }
  /** Go on after a notice or an information step. */
  | { readonly kind: 'acknowledge' }
  /** Set or change the note at the current question (saved at once; empty removes it). */
  | { readonly kind: 'note'; readonly note: string | undefined }
  | { readonly kind: 'back' }
  /** At the end: mark the interview completed. */
  | { readonly kind: 'finish' }
  /** At a stop: end the interview there. */
  | { readonly kind: 'end' }
  /**
   * Pass a required question without an answer. Only the scripted adapter uses it,
   * to go on finding problems in a file that has some; such a record is never kept.
   */
  | { readonly kind: 'pass' };

export interface StepContext {
  readonly questionnaire: Questionnaire;
  readonly record: InterviewRecord;
  /** Answers that the previous change pruned (branching now hides them): tell the screener. */
  readonly pruned: readonly string[];
  /** The previous action was refused (the adapter should not let this happen). */
  readonly rejected: AnswerProblem | undefined;
  /** Going back was not possible (already at the first question). */
  readonly backRefused: boolean;
}

export interface Prompter {
  step(step: Step, ctx: StepContext): Promise<Action>;
}

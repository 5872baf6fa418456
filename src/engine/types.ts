/**
 * The interview engine's vocabulary: what the screener is shown next (a Step), what
 * they can give back (an AnswerInput), and the state the engine moves between.
 * Plain data only, so the terminal session, the answers-file player and the trainer's
 * rehearsal all drive the same machine.
 */
import type { LocalText, Question, Section, StopReason } from '../questionnaire/types.js';
import type { Answer, AnswerValue, InterviewRecord } from '../record/types.js';

/** What the screener (or an answers file) gives for a question, before validation. */
export type AnswerInput =
  | { readonly kind: 'value'; readonly value: AnswerValue }
  | { readonly kind: 'dont_know' }
  | { readonly kind: 'declined' }
  /** Leave an optional question unanswered. */
  | { readonly kind: 'skip' };

/** The engine's state: the record, plus where the screener went back to (not stored). */
export interface EngineState {
  readonly record: InterviewRecord;
  /** The question being revisited after `back`; undefined when at the frontier. */
  readonly revisit: string | undefined;
  /**
   * The question whose answer made a stop rule hold, while the stop screen waits for
   * the screener to confirm: nothing is discarded until then, and going back reopens it.
   */
  readonly stopAt?: string | undefined;
}

/** "answered / still reachable": the second number shrinks as branches close, it never jumps. */
export interface Progress {
  /** Questions passed (answered, don't know, declined or skipped). */
  readonly answered: number;
  /** answered + questions not yet passed that branching may still ask. */
  readonly reachable: number;
}

/** Whether the child pathway applies: the questionnaire's child_when / possible_minor_when. */
export type ChildStatus = 'child' | 'possible_minor';

export interface QuestionStep {
  readonly kind: 'question';
  readonly question: Question;
  readonly section: Section;
  /** The first question shown in its section (show the section intro). */
  readonly firstInSection: boolean;
  /** The current answer when revisiting after `back`. */
  readonly previous: Answer | undefined;
  readonly progress: Progress;
  readonly canGoBack: boolean;
  readonly child: ChildStatus | undefined;
}

export interface InfoStep {
  readonly kind: 'info';
  readonly question: Question;
  readonly section: Section;
  readonly firstInSection: boolean;
  readonly progress: Progress;
  readonly canGoBack: boolean;
  readonly child: ChildStatus | undefined;
}

/** Shown once, before anything else: the session pauses with the emergency/referral information. */
export interface UrgentStep {
  readonly kind: 'urgent';
  /** Rule id, or `question.choice` for an urgent choice. */
  readonly id: string;
  readonly text: LocalText;
  /** The questionnaire's emergency/referral information (messages.emergency), or a built-in text. */
  readonly referral: LocalText;
  readonly canGoBack: boolean;
}

export interface AdvisoryStep {
  readonly kind: 'advisory';
  readonly id: string;
  readonly text: LocalText;
  readonly canGoBack: boolean;
}

/** Reminder of guardian and child-protection referral, once per status. */
export interface ChildStep {
  readonly kind: 'child';
  readonly id: string;
  readonly status: ChildStatus;
  readonly text: LocalText;
  readonly canGoBack: boolean;
}

export interface StopStep {
  readonly kind: 'stop';
  readonly reason: StopReason;
  readonly rule: string;
  readonly text: LocalText;
  /** The screener may go back (a mis-key); the record stays stopped unless they do. */
  readonly canGoBack: boolean;
}

export interface DoneStep {
  readonly kind: 'done';
  readonly progress: Progress;
  readonly canGoBack: boolean;
  readonly child: ChildStatus | undefined;
}

/** A completed or stopped record: nothing more to do. */
export interface ClosedStep {
  readonly kind: 'closed';
  readonly status: 'completed' | 'stopped' | 'abandoned';
}

export type Step =
  | QuestionStep
  | InfoStep
  | UrgentStep
  | AdvisoryStep
  | ChildStep
  | StopStep
  | DoneStep
  | ClosedStep;

export type NoticeStep = UrgentStep | AdvisoryStep | ChildStep;

/** Why an answer was refused. Codes are API (the answers file maps them to E_ANSWER_*). */
export type AnswerProblemCode =
  'type' | 'not_a_choice' | 'out_of_range' | 'special_not_allowed' | 'required' | 'info';

export interface AnswerProblem {
  readonly code: AnswerProblemCode;
  readonly message: string;
  readonly hint?: string;
  /** For a list answer: the index of the offending item. */
  readonly item?: number;
}

export type AnswerOutcome =
  | {
      readonly ok: true;
      readonly state: EngineState;
      /** Questions whose answers branching now hides, removed by this change. */
      readonly pruned: readonly string[];
      /** When a stop rule now holds: the stop screen follows (the interview ends when confirmed). */
      readonly stopped: boolean;
    }
  | { readonly ok: false; readonly problem: AnswerProblem };

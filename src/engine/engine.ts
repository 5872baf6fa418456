/**
 * The interview state machine. Every function takes the questionnaire and a state
 * and returns a new state: no terminal, no file system, no clock (callers pass `now`),
 * so the terminal session, `run --answers` and rehearsal all behave identically.
 */
import type { ExprContext, Question, Questionnaire } from '../questionnaire/types.js';
import {
  RECORD_FORMAT_VERSION,
  type Answer,
  type InterviewRecord,
  type RecordMode,
} from '../record/types.js';
import { childStatus, firstStop, pendingNotices } from './notices.js';
import { progressOf } from './progress.js';
import type {
  AnswerInput,
  AnswerOutcome,
  DoneStep,
  EngineState,
  InfoStep,
  Progress,
  QuestionStep,
  Step,
} from './types.js';
import { checkAnswer } from './validate.js';
import { isAskedIn, prune, sectionOf } from './visibility.js';
import { addToContext, exprContext } from '../record/context.js';
import { memoise } from './decide.js';

/** Misuse of the engine by its caller (a bug, not a user error). */
export class EngineError extends Error {
  readonly code: 'E_ENGINE_NOT_CURRENT' | 'E_ENGINE_CLOSED';
  constructor(code: EngineError['code'], message: string) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
  }
}

export interface StartOptions {
  readonly id: string;
  readonly mode: RecordMode;
  readonly lang: string;
  /** ISO 8601. */
  readonly now: string;
}

export function startRecord(q: Questionnaire, opts: StartOptions): InterviewRecord {
  return {
    formatVersion: RECORD_FORMAT_VERSION,
    id: opts.id,
    questionnaire: { id: q.id, version: q.version, hash: q.hash },
    lang: opts.lang,
    mode: opts.mode,
    status: 'in_progress',
    startedAt: opts.now,
    updatedAt: opts.now,
    answers: {},
    path: [],
    shown: [],
  };
}

/**
 * The state a record was saved in: at the frontier, or revisiting the question it was
 * saved at after going back (a new interview, or one being resumed).
 */
export function stateOf(record: InterviewRecord): EngineState {
  const { position, ...rest } = record;
  const revisit = position !== undefined && rest.path.includes(position) ? position : undefined;
  return { record: rest, revisit };
}

/**
 * The record as it is saved: with the position when revisiting (see `stateOf`), or at
 * a stop not yet confirmed, the question that caused it, so that an interruption there
 * resumes at that question with every answer kept.
 */
export function recordOf(state: EngineState): InterviewRecord {
  const { position: _stale, ...rest } = state.record;
  const position = state.revisit ?? state.stopAt;
  return position === undefined ? rest : { ...rest, position };
}

/**
 * The expression context of each answers object `answer` made, registered when it is
 * complete: records are immutable, so the steps that follow (notices, information
 * steps, the next question) reuse it, and the conditions it decided (decide.ts),
 * instead of building it again. Answers from elsewhere (a new or resumed record) get
 * a context built at each step.
 *
 * The next answer extends the context in place (see `extended`), which then describes
 * the new answers only: `owners` says which answers a context describes now, and the
 * earlier answers, if ever used again, get theirs rebuilt.
 */
const contexts = new WeakMap<object, ExprContext>();
const owners = new WeakMap<ExprContext, object>();

function register(answers: InterviewRecord['answers'], ctx: ExprContext): void {
  contexts.set(answers, ctx);
  owners.set(ctx, answers);
}

function contextOf(answers: InterviewRecord['answers']): ExprContext {
  const ctx = contexts.get(answers);
  if (ctx === undefined) return exprContext(answers);
  if (owners.get(ctx) === answers) return ctx;
  const rebuilt = exprContext(answers);
  register(answers, rebuilt);
  memoise(rebuilt);
  return rebuilt;
}

/**
 * Where the search for the next question may start, for a path and the answers it
 * was made with: after the question just answered (or acknowledged) at the frontier.
 * Every question before it was passed or not asked, and the answer changed nothing
 * before it (conditions read only earlier questions), so none of them is asked now.
 */
const frontierHints = new WeakMap<readonly string[], { answers: object; from: number }>();

function questionOf(q: Questionnaire, id: string): Question {
  const question = q.questionById.get(id);
  if (!question) throw new EngineError('E_ENGINE_NOT_CURRENT', `no question ${id}`);
  return question;
}

/** The first question, in document order, that branching asks and that has not been passed. */
function frontier(
  q: Questionnaire,
  record: InterviewRecord,
  ctx: ExprContext,
): Question | undefined {
  const questions = q.questions;
  const hint = frontierHints.get(record.path);
  if (hint?.answers === record.answers) {
    // Past the hint nothing has been passed yet.
    for (let i = hint.from; i < questions.length; i++)
      if (isAskedIn(q, questions[i]!, ctx)) return questions[i];
    return undefined;
  }
  const passed = new Set(record.path);
  return questions.find((x) => !passed.has(x.id) && isAskedIn(q, x, ctx));
}

function firstInSection(record: InterviewRecord, question: Question, q: Questionnaire): boolean {
  return !record.path.some((id) => {
    const other = q.questionById.get(id);
    return (
      other !== undefined && other.sectionId === question.sectionId && other.order < question.order
    );
  });
}

export function nextStep(q: Questionnaire, state: EngineState): Step {
  const r = state.record;
  if (r.status === 'completed' || r.status === 'abandoned')
    return { kind: 'closed', status: r.status };
  const canGoBack = r.path.length > 0;
  // One view of the answers for every condition this step decides.
  const ctx = contextOf(r.answers);
  const stopRule = r.stop
    ? q.rules.find((x) => x.id === r.stop!.rule)
    : state.revisit === undefined
      ? firstStop(q, r.answers, ctx)
      : undefined;
  if (r.status === 'stopped' || stopRule) {
    const reason = r.stop?.reason ?? stopRule?.stop?.reason ?? 'stopped';
    return {
      kind: 'stop',
      reason,
      rule: r.stop?.rule ?? stopRule?.id ?? '',
      text: stopRule?.stop?.text ?? reason,
      canGoBack,
    };
  }
  const notice = pendingNotices(q, r.answers, r.shown, canGoBack, ctx)[0];
  if (notice) return notice;
  const child = childStatus(q, r.answers, ctx);
  const question = state.revisit !== undefined ? questionOf(q, state.revisit) : frontier(q, r, ctx);
  if (!question) return withProgress({ kind: 'done', canGoBack, child }, q, r);
  const section = sectionOf(q, question);
  const common = {
    question,
    section,
    firstInSection: firstInSection(r, question, q),
    canGoBack: state.revisit !== undefined ? r.path.indexOf(state.revisit) > 0 : canGoBack,
    child,
  };
  if (question.type === 'info') return withProgress({ kind: 'info', ...common }, q, r);
  const previous = Object.hasOwn(r.answers, question.id) ? r.answers[question.id] : undefined;
  return withProgress({ kind: 'question', ...common, previous }, q, r);
}

/**
 * The step with its `progress`, worked out when first read. Counting it decides the
 * condition of every question not yet passed; the terminal reads it at every step,
 * but `run --answers` and rehearsal never do, and for them it was a fifth of the
 * interview's work. Records are never changed, so the value is the same whenever it
 * is read; it then stays as a plain property.
 */
function withProgress<S extends Omit<QuestionStep | InfoStep | DoneStep, 'progress'>>(
  step: S,
  q: Questionnaire,
  record: InterviewRecord,
): S & { readonly progress: Progress } {
  return Object.defineProperty(step, 'progress', {
    enumerable: true,
    configurable: true,
    get(this: S) {
      // The context as it is when read: by then a later answer may have taken over
      // the one this step was decided with (see `owners`).
      const progress = progressOf(q, record, contextOf(record.answers));
      Object.defineProperty(this, 'progress', { value: progress, enumerable: true });
      return progress;
    },
  }) as S & { readonly progress: Progress };
}

/** Inserts an id into the path in document order (the order the questions are asked). */
function withOnPath(q: Questionnaire, path: readonly string[], id: string): string[] {
  if (path.includes(id)) return [...path];
  const order = questionOf(q, id).order;
  const out = [...path];
  const at = out.findIndex((x) => (q.questionById.get(x)?.order ?? -1) > order);
  out.splice(at < 0 ? out.length : at, 0, id);
  return out;
}

export interface AnswerOptions {
  readonly now: string;
  /** A note the screener added at this question (free text; dropped if the question is skipped). */
  readonly note?: string | undefined;
  /**
   * Pass a required question without an answer. Only for playing an answers file that
   * has errors, so that every problem is found; such a record is never stored.
   */
  readonly force?: boolean;
  /**
   * What `nextStep` gives for this very state, when the caller has just asked (the
   * session loop has): spares deciding every condition again.
   */
  readonly current?: Step;
}

/** Answers the current question. Refuses a value the question does not take. */
export function answer(
  q: Questionnaire,
  state: EngineState,
  questionId: string,
  input: AnswerInput,
  opts: AnswerOptions,
): AnswerOutcome {
  const step = opts.current ?? nextStep(q, state);
  if (step.kind !== 'question' || step.question.id !== questionId)
    throw new EngineError(
      'E_ENGINE_NOT_CURRENT',
      `\`${questionId}\` is not the current question (the current step is ${step.kind === 'question' ? step.question.id : step.kind})`,
    );
  const question = step.question;
  let checked = checkAnswer(question, input);
  if (!checked.ok && opts.force && checked.problem.code === 'required')
    checked = { ok: true, input: { kind: 'skip' } };
  if (!checked.ok) return { ok: false, problem: checked.problem };

  const r = state.record;
  const answers: Record<string, Answer> = { ...r.answers };
  const given = checked.input;
  const typed = opts.note ?? r.pendingNotes?.[questionId];
  const note = typed?.trim() ? typed.trim() : undefined;
  const base = { at: opts.now, ...(note ? { note } : {}) };
  let added: Answer | undefined;
  switch (given.kind) {
    case 'skip':
      delete answers[questionId];
      break;
    case 'value':
      added = answers[questionId] = { ...base, kind: 'value', value: given.value };
      break;
    case 'dont_know':
    case 'declined':
      added = answers[questionId] = { ...base, kind: given.kind };
      break;
  }
  const path = withOnPath(q, r.path, questionId);
  const quick = lastPassed(q, r, question);
  const kept = quick
    ? extended(r.answers, answers, path, questionId, added)
    : prune(q, answers, path);
  const record: InterviewRecord = {
    ...withoutPendingNote(r, questionId),
    updatedAt: opts.now,
    answers: kept.answers,
    path: kept.path,
  };
  register(kept.answers, kept.context);
  // `extended` carried the earlier memo over; prune's context starts one.
  if (!quick) memoise(kept.context);
  if (quick && state.revisit === undefined)
    // At the frontier, after every question passed: see frontierHints.
    frontierHints.set(kept.path, { answers: kept.answers, from: question.order + 1 });
  // The stop screen follows; nothing is discarded until the screener confirms it.
  const stop = firstStop(q, record.answers, kept.context);
  return {
    ok: true,
    state: { record, revisit: undefined, ...(stop ? { stopAt: questionId } : {}) },
    pruned: kept.pruned,
    stopped: Boolean(stop),
  };
}

/** The record without a pending note at this question (it is now with the answer, or dropped). */
function withoutPendingNote(r: InterviewRecord, questionId: string): InterviewRecord {
  if (r.pendingNotes === undefined || !Object.hasOwn(r.pendingNotes, questionId)) return r;
  const { [questionId]: _moved, ...others } = r.pendingNotes;
  const { pendingNotes: _all, ...rest } = r;
  return Object.keys(others).length ? { ...rest, pendingNotes: others } : rest;
}

/**
 * Sets (or, when empty, removes) the screener's note at the current question, saved at
 * once: with its answer when it has one (revisiting), else until it is answered.
 */
export function setNote(
  q: Questionnaire,
  state: EngineState,
  questionId: string,
  text: string | undefined,
  now: string,
): EngineState {
  const step = nextStep(q, state);
  if (step.kind !== 'question' || step.question.id !== questionId)
    throw new EngineError('E_ENGINE_NOT_CURRENT', `\`${questionId}\` is not the current question`);
  const note = text?.trim() ? text.trim() : undefined;
  const r = withoutPendingNote(state.record, questionId);
  const answered = Object.hasOwn(r.answers, questionId) ? r.answers[questionId] : undefined;
  let record: InterviewRecord;
  if (answered) {
    const { note: _old, ...bare } = answered;
    const changed = (note ? { ...bare, note } : bare) as Answer;
    record = { ...r, answers: { ...r.answers, [questionId]: changed } };
  } else if (note) record = { ...r, pendingNotes: { ...r.pendingNotes, [questionId]: note } };
  else record = r;
  return { ...state, record: { ...record, updatedAt: now } };
}

/**
 * Whether prune would keep everything already kept, so that answering `question`
 * only adds (or removes) its own answer: the record's answers are prune's own
 * result (registered with their context), and every other question passed or
 * answered comes before it. Conditions read only earlier questions, so an answer
 * can change nothing before it. This is every answer at the frontier, most of an
 * interview; prune decided every answered question's conditions again each time.
 */
function lastPassed(q: Questionnaire, r: InterviewRecord, question: Question): boolean {
  return (
    contexts.has(r.answers) &&
    allUpTo(q, r.path, question) &&
    allUpTo(q, Object.keys(r.answers), question)
  );
}

/** Whether every id is the question's own or an earlier question's. */
function allUpTo(q: Questionnaire, ids: readonly string[], question: Question): boolean {
  return ids.every(
    (id) => id === question.id || (q.questionById.get(id)?.order ?? Infinity) < question.order,
  );
}

/**
 * prune's result in the case `lastPassed` allows: the context of the previous answers,
 * changed for this one answer, and what it decided without reading that answer.
 */
function extended(
  previous: InterviewRecord['answers'],
  answers: Record<string, Answer>,
  path: string[],
  id: string,
  added: Answer | undefined,
): ReturnType<typeof prune> {
  const old = contexts.get(previous)!;
  // Taken over when it still describes the previous answers (the usual case), else
  // rebuilt: it has been extended for other answers since.
  const owned = owners.get(old) === previous;
  const context = owned ? old : exprContext(previous);
  const values = context.answers as Record<string, unknown>;
  const status = context.status as Record<string, unknown>;
  delete values[id];
  delete status[id];
  if (added) addToContext(context, id, added);
  memoise(context, owned ? { ctx: old, changed: id } : undefined);
  return { answers, path, pruned: [], context };
}

/**
 * Ends the interview by a stop rule. When the person did not consent nothing
 * identifying is kept: answers to identifying questions and free text are removed,
 * and so are all notes (free text the screener typed).
 */
function applyStop(
  q: Questionnaire,
  record: InterviewRecord,
  rule: string,
  reason: NonNullable<InterviewRecord['stop']>['reason'],
  now: string,
): InterviewRecord {
  let answers = record.answers;
  let path = record.path;
  if (reason === 'no_consent') {
    const kept: Record<string, Answer> = {};
    const removed = new Set<string>();
    for (const [id, a] of Object.entries(record.answers)) {
      const question = q.questionById.get(id);
      if (!question || question.identifying || question.type === 'text') {
        removed.add(id);
        continue;
      }
      const { note: _dropped, ...rest } = a;
      kept[id] = rest as Answer;
    }
    answers = kept;
    path = path.filter((id) => !removed.has(id));
    const { pendingNotes: _notes, ...rest } = record;
    return { ...rest, status: 'stopped', stop: { reason, rule }, answers, path, updatedAt: now };
  }
  return { ...record, status: 'stopped', stop: { reason, rule }, answers, path, updatedAt: now };
}

/**
 * Ends the interview at the current stop step, once the screener confirms it: only
 * then are answers discarded (see applyStop).
 */
export function endAtStop(q: Questionnaire, state: EngineState, now: string): EngineState {
  const step = nextStep(q, state);
  if (step.kind !== 'stop')
    throw new EngineError('E_ENGINE_NOT_CURRENT', `the current step is ${step.kind}, not a stop`);
  if (state.record.status === 'stopped') return state;
  return { record: applyStop(q, state.record, step.rule, step.reason, now), revisit: undefined };
}

/**
 * Acknowledges the current notice (urgent, advisory, child reminder) or information
 * step. `current`: what `nextStep` gives for this very state, if the caller has it.
 */
export function acknowledge(
  q: Questionnaire,
  state: EngineState,
  id: string,
  now: string,
  current?: Step,
): EngineState {
  const step = current ?? nextStep(q, state);
  const r = state.record;
  switch (step.kind) {
    case 'urgent':
    case 'advisory':
    case 'child':
      if (step.id !== id) break;
      return { ...state, record: { ...r, shown: [...r.shown, id], updatedAt: now } };
    case 'info': {
      if (step.question.id !== id) break;
      const path = withOnPath(q, r.path, id);
      if (state.revisit === undefined && allUpTo(q, path, step.question))
        frontierHints.set(path, { answers: r.answers, from: step.question.order + 1 });
      return { record: { ...r, path, updatedAt: now }, revisit: undefined };
    }
    case 'question':
    case 'stop':
    case 'done':
    case 'closed':
      break;
  }
  throw new EngineError('E_ENGINE_NOT_CURRENT', `\`${id}\` is not the current step`);
}

/**
 * Goes back to the previous question passed. Nothing is removed: the answer is kept
 * and offered again, and later answers stay unless a changed answer hides them.
 * From a stop, going back reopens the interview (the screener mis-keyed) at the
 * question that caused it.
 */
export function back(
  q: Questionnaire,
  state: EngineState,
  now: string,
): { state: EngineState; moved: boolean } {
  const r = state.record;
  if (r.status === 'completed' || r.status === 'abandoned')
    throw new EngineError('E_ENGINE_CLOSED', `the interview is ${r.status}`);
  if (state.stopAt !== undefined && r.status !== 'stopped')
    return { state: { record: r, revisit: state.stopAt }, moved: true };
  if (r.status === 'stopped') {
    const { stop: _stop, ...open } = r;
    const last = r.path.at(-1);
    return {
      state: { record: { ...open, status: 'in_progress', updatedAt: now }, revisit: last },
      moved: true,
    };
  }
  const at = state.revisit === undefined ? r.path.length : r.path.indexOf(state.revisit);
  const target = at > 0 ? r.path[at - 1] : undefined;
  if (target === undefined) return { state, moved: false };
  return { state: { record: r, revisit: target }, moved: true };
}

/** Marks the interview completed (only when every question branching asks has been passed). */
export function complete(q: Questionnaire, state: EngineState, now: string): EngineState {
  const step = nextStep(q, state);
  if (step.kind !== 'done')
    throw new EngineError(
      'E_ENGINE_NOT_CURRENT',
      `the interview is not finished (current step: ${step.kind})`,
    );
  // A note at a question never answered (branching no longer asks it) goes with it.
  const { pendingNotes: _unanswered, ...rest } = state.record;
  return { record: { ...rest, status: 'completed', updatedAt: now }, revisit: undefined };
}

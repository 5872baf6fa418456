/**
 * What interrupts the questions: stop rules, urgent needs, advisories and the child
 * pathway reminder. Each notice has an id recorded in `record.shown` so it shows once.
 */
import type { ExprContext, Question, Questionnaire, Rule } from '../questionnaire/types.js';
import { exprContext } from '../record/context.js';
import type { Answer } from '../record/types.js';
import { decide } from './decide.js';
import { message } from './messages.js';
import type { ChildStatus, NoticeStep } from './types.js';

export const CHILD_NOTICE_ID: Readonly<Record<ChildStatus, string>> = {
  child: 'pathway:child',
  possible_minor: 'pathway:possible_minor',
};

/**
 * The first stop rule that holds, in document order. `ctx` is the answers' expression
 * context when the caller already has it (one per engine step, not one per question).
 */
export function firstStop(
  q: Questionnaire,
  answers: Readonly<Record<string, Answer>>,
  ctx: ExprContext = exprContext(answers),
): (Rule & { stop: NonNullable<Rule['stop']> }) | undefined {
  return q.rules.find((r): r is Rule & { stop: NonNullable<Rule['stop']> } =>
    Boolean(r.stop && decide(r.when, ctx)),
  );
}

/**
 * Whether the child pathway applies. A possible minor is told as possible even where
 * `child_when` also holds (questionnaires include possible minors in it so that the
 * child scoring applies): the screener must not read as a fact an age nobody knows.
 */
export function childStatus(
  q: Questionnaire,
  answers: Readonly<Record<string, Answer>>,
  ctx: ExprContext = exprContext(answers),
): ChildStatus | undefined {
  const possible = q.scoring.possibleMinorWhen;
  if (possible && decide(possible, ctx)) return 'possible_minor';
  if (decide(q.scoring.childWhen, ctx)) return 'child';
  return undefined;
}

/** Per questionnaire (frozen, so never stale): the questions with an urgent choice, in order. */
const urgentQuestions = new WeakMap<Questionnaire, readonly Question[]>();

function withUrgentChoices(q: Questionnaire): readonly Question[] {
  let out = urgentQuestions.get(q);
  if (!out) {
    out = q.questions.filter((x) => x.choices.some((c) => c.urgent !== false));
    urgentQuestions.set(q, out);
  }
  return out;
}

function selected(a: Answer): readonly string[] {
  if (a.kind !== 'value') return [];
  if (typeof a.value === 'string') return [a.value];
  return Array.isArray(a.value) ? (a.value as readonly string[]) : [];
}

/** Notices not yet shown, most pressing first: urgent, then advisories, then the child reminder. */
export function pendingNotices(
  q: Questionnaire,
  answers: Readonly<Record<string, Answer>>,
  shown: readonly string[],
  canGoBack: boolean,
  ctx: ExprContext = exprContext(answers),
): NoticeStep[] {
  const seen = new Set(shown);
  const urgent: NoticeStep[] = [];
  const advisories: NoticeStep[] = [];
  const referral = message(q, 'emergency');
  for (const question of withUrgentChoices(q)) {
    const a = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
    if (!a) continue;
    for (const value of selected(a)) {
      const choice = question.choices.find((c) => c.value === value);
      const id = `${question.id}.${value}`;
      if (!choice || choice.urgent === false || seen.has(id)) continue;
      const text = choice.urgent === true ? message(q, 'urgent') : choice.urgent;
      urgent.push({ kind: 'urgent', id, text, referral, canGoBack });
    }
  }
  for (const rule of q.rules) {
    if (seen.has(rule.id) || rule.stop) continue;
    if (rule.urgent === false && !rule.advisory) continue;
    if (!decide(rule.when, ctx)) continue;
    if (rule.urgent !== false) {
      const text = rule.urgent === true ? message(q, 'urgent') : rule.urgent;
      urgent.push({ kind: 'urgent', id: rule.id, text, referral, canGoBack });
      // An urgent rule's advisory, if any, is shown with it (one notice per rule).
      if (rule.advisory)
        advisories.push({
          kind: 'advisory',
          id: `${rule.id}:advisory`,
          text: rule.advisory,
          canGoBack,
        });
    } else if (rule.advisory) {
      advisories.push({ kind: 'advisory', id: rule.id, text: rule.advisory, canGoBack });
    }
  }
  const notices = [...urgent, ...advisories.filter((n) => !seen.has(n.id))];
  const child = childStatus(q, answers, ctx);
  if (child && !seen.has(CHILD_NOTICE_ID[child]) && !seen.has(CHILD_NOTICE_ID.child)) {
    notices.push({
      kind: 'child',
      id: CHILD_NOTICE_ID[child],
      status: child,
      text: message(q, child === 'child' ? 'child_reminder' : 'possible_minor_reminder'),
      canGoBack,
    });
  }
  return notices;
}

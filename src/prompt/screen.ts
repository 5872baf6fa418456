/**
 * What the screen shows above each prompt: the PRACTICE banner, section, progress,
 * the child-pathway line, what the last change removed, the section intro, the
 * question's guidance when toggled on, the note, and the keys. Pure: returns text.
 */
import type { ChildStatus, Progress, Step } from '../engine/index.js';
import type { LocalText, Questionnaire } from '../questionnaire/types.js';
import { resolveText } from '../questionnaire/text.js';
import { KEY_LABELS } from './keys.js';
import type { UiText } from './ui-text.js';

/** Styling functions (chalk fits); identity functions give plain text. */
export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  inverse(s: string): string;
  yellow(s: string): string;
  red(s: string): string;
  cyan(s: string): string;
}

export const PLAIN: Style = {
  bold: (s) => s,
  dim: (s) => s,
  inverse: (s) => s,
  yellow: (s) => s,
  red: (s) => s,
  cyan: (s) => s,
};

export interface ScreenContext {
  readonly questionnaire: Questionnaire;
  readonly lang: string;
  readonly ui: UiText;
  readonly style: Style;
  readonly practice: boolean;
}

/** A questionnaire text in the interview language; English with a visible marker when it is missing. */
export function say(sc: ScreenContext, t: LocalText): string {
  const r = resolveText(t, sc.lang, sc.questionnaire.languages[0] ?? 'en');
  return r.fellBack && r.lang !== sc.lang ? `${sc.style.dim(`[${r.lang}]`)} ${r.text}` : r.text;
}

function progressLine(sc: ScreenContext, p: Progress): string {
  return `${p.answered} / ${p.reachable} ${sc.ui.answered}`;
}

function childLine(sc: ScreenContext, child: ChildStatus | undefined): string[] {
  if (!child) return [];
  return [sc.style.yellow(child === 'child' ? sc.ui.childLine : sc.ui.possibleMinorLine)];
}

export interface StepView {
  readonly step: Step;
  readonly help: boolean;
  readonly note: string | undefined;
  readonly pruned: readonly string[];
  /** A one-line message about the last key or answer (e.g. "first question"). */
  readonly flash: string | undefined;
}

export function banner(sc: ScreenContext): string[] {
  return sc.practice ? [sc.style.inverse(sc.style.bold(` ${sc.ui.practice} `)), ''] : [];
}

export function keyLine(sc: ScreenContext): string {
  return sc.style.dim(KEY_LABELS.map(([k, a]) => `${k} ${sc.ui.keys[a]}`).join('  '));
}

/** The lines above the prompt. */
export function renderStep(sc: ScreenContext, v: StepView): string {
  const { style: s, ui } = sc;
  const out: string[] = [...banner(sc)];
  const step = v.step;
  switch (step.kind) {
    case 'question':
    case 'info': {
      out.push(`${s.bold(say(sc, step.section.title))}  ${s.dim(progressLine(sc, step.progress))}`);
      out.push(...childLine(sc, step.child));
      break;
    }
    case 'done':
      out.push(s.dim(progressLine(sc, step.progress)));
      out.push(...childLine(sc, step.child));
      break;
    case 'urgent':
    case 'advisory':
    case 'child':
    case 'stop':
    case 'closed':
      break;
  }
  if (v.pruned.length) {
    const names = v.pruned.map((id) => {
      const q = sc.questionnaire.questionById.get(id);
      return q ? `${say(sc, q.text)} (${id})` : id;
    });
    out.push(s.yellow(`${ui.pruned} ${names.join('; ')}`));
  }
  if (v.flash) out.push(s.yellow(v.flash));
  out.push('');
  switch (step.kind) {
    case 'question':
    case 'info':
      if (step.firstInSection && step.section.intro) out.push(say(sc, step.section.intro), '');
      if (v.help && step.question.help)
        out.push(s.cyan(`${ui.guidance}: ${say(sc, step.question.help)}`), '');
      if (v.note) out.push(s.dim(`${ui.note}: ${v.note}`), '');
      break;
    case 'urgent':
      out.push(
        s.red(s.bold(`${ui.urgent}: ${say(sc, step.text)}`)),
        '',
        say(sc, step.referral),
        '',
      );
      break;
    case 'advisory':
      out.push(s.yellow(`${ui.advisory}: ${say(sc, step.text)}`), '');
      break;
    case 'child':
      out.push(
        s.yellow(
          s.bold(`${step.status === 'child' ? ui.child : ui.possibleMinor}: ${say(sc, step.text)}`),
        ),
        '',
      );
      break;
    case 'stop':
      out.push(s.bold(`${ui.stopped}: ${say(sc, step.text)}`), '');
      break;
    case 'done':
      out.push(ui.done, '');
      break;
    case 'closed':
      break;
  }
  out.push(keyLine(sc), '');
  return out.join('\n') + '\n';
}

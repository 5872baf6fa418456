/**
 * What the trainee sees of the persona at each step. The normal prompts show a
 * section's intro above the question; a rehearsal step carries the persona's reply
 * there (after the real intro, if any), so the trainee codes with the ordinary
 * screens and keys. Pure: the caller decides how the words are styled.
 */
import type { Step } from '../engine/index.js';
import { resolveText } from '../questionnaire/text.js';
import { debriefLabels } from './labels.js';
import type { Scenario } from './types.js';

export interface PersonaView {
  /** The persona's name, marked fictional. */
  readonly speaker: string;
  readonly says: string | undefined;
  readonly situation: string | undefined;
  /** On the first step: who the persona is and where the interview happens. */
  readonly card:
    | {
        readonly background: string;
        readonly presentation: string | undefined;
        readonly setting: string | undefined;
      }
    | undefined;
}

export function personaAt(s: Scenario, step: Step, first: boolean): PersonaView | undefined {
  if (step.kind !== 'question' && step.kind !== 'info') return undefined;
  const entry = s.entries.get(step.question.id);
  return {
    speaker: s.persona.name,
    says: entry?.says?.trim(),
    situation: entry?.situation?.trim(),
    card: first
      ? {
          background: s.persona.background.trim(),
          presentation: s.persona.presentation?.trim(),
          setting: s.setting?.trim(),
        }
      : undefined,
  };
}

/**
 * The step with `text` shown as its section intro (after the section's own intro
 * when the step opens the section). The engine's step is not changed.
 */
export function withIntro(s: Scenario, step: Step, lang: string, text: string): Step {
  if (step.kind !== 'question' && step.kind !== 'info') return step;
  const own =
    step.firstInSection && step.section.intro
      ? resolveText(step.section.intro, lang, s.questionnaire.languages[0] ?? 'en').text.trim()
      : undefined;
  const intro = own ? `${own}\n\n${text}` : text;
  // Keyed by the interview language, so the prompts show it as is, with no fallback marker.
  return { ...step, firstInSection: true, section: { ...step.section, intro: { [lang]: intro } } };
}

/** Styling functions (chalk fits); the default is plain text. */
type Paint = (s: string) => string;
export interface PersonaStyle {
  readonly bold: Paint;
  readonly dim: Paint;
  readonly cyan: Paint;
}
const PLAIN: PersonaStyle = { bold: (s) => s, dim: (s) => s, cyan: (s) => s };

/** The persona's lines above a question: the card on the first step, then the reply. */
export function personaText(
  s: Scenario,
  v: PersonaView,
  lang: string,
  style: PersonaStyle = PLAIN,
): string {
  const L = debriefLabels(lang);
  const age = typeof s.persona.age === 'number' ? `, ${s.persona.age}` : ` (${s.persona.age})`;
  const lines: string[] = [];
  if (v.card) {
    lines.push(
      style.bold(`${L.speaker(L.persona)} ${v.speaker} (${L.fictional})${age}`),
      v.card.background,
    );
    if (v.card.presentation) lines.push(`${L.speaker(L.presentation)} ${v.card.presentation}`);
    if (v.card.setting) lines.push(`${L.speaker(L.setting)} ${v.card.setting}`);
    lines.push('');
  }
  if (v.situation) lines.push(style.dim(`${L.speaker(L.situation)} ${v.situation}`));
  if (v.says) lines.push(`${style.bold(L.speaker(v.speaker))} ${style.cyan(L.quoted(v.says))}`);
  if (!v.says && !v.situation) lines.push(style.dim(L.noReply));
  return lines.join('\n');
}

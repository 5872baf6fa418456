/** Training: scenarios, rehearsal support and the debrief. Pure apart from reading files. */
export {
  loadScenario,
  loadScenarioFromSource,
  requireScenario,
  validateScenarioSource,
} from './load.js';
export type { ScenarioLoad } from './load.js';
export { findScenario, shippedScenarioNames } from './find.js';
export { computeDebrief } from './debrief.js';
export type { Debrief, IndicatorCheck, Impact, QuestionCheck, Verdict } from './debrief.js';
export { renderDebriefMarkdown } from './markdown.js';
export { debriefLabels } from './labels.js';
export {
  personaAt,
  personaText,
  withIntro,
  type PersonaStyle,
  type PersonaView,
} from './persona.js';
export type { Scenario, ScenarioDoc, ScenarioEntry } from './types.js';

/** The interview engine's public API. */
export {
  EngineError,
  acknowledge,
  answer,
  back,
  complete,
  endAtStop,
  nextStep,
  setNote,
  startRecord,
  recordOf,
  stateOf,
  type AnswerOptions,
  type StartOptions,
} from './engine.js';
export { checkAnswer, coerceAnswer, isIsoDate, type Checked } from './validate.js';
export { progressOf } from './progress.js';
export { childStatus, firstStop, CHILD_NOTICE_ID } from './notices.js';
export { isAsked, hidingCondition, prune, sectionOf } from './visibility.js';
export { message, type MessageKey } from './messages.js';
export type * from './types.js';

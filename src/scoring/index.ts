/** Scoring: answers → indicators → dimensions → outcome, with the evidence trail. Pure. */
export { assess, outcomeOf, raisedIndicators } from './assess.js';
export { assessOutline, type AssessmentOutline } from './outline.js';
export {
  fillAlternative,
  isPositive,
  nearestPositive,
  satisfiedAlternative,
  STRENGTHS,
  type DimensionRule,
} from './dimension-rule.js';
export { evaluateCombination, dimensionsIn } from './combination.js';
export { palermoView, requiredElements } from './palermo.js';
export { BUILTIN_FLAG_ORDER } from './flags.js';
export { chosen } from './evidence.js';
export type * from './types.js';

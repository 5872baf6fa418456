/** Answers files: parse the shape, play them through the interview, report every problem with its position. */
export { parseAnswers, type AnswersDoc } from './parse.js';
export {
  ANSWER_PROBLEM_CODES,
  playAnswers,
  interviewLanguage,
  type PlayOptions,
  type PlayResult,
} from './play.js';

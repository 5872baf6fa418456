/**
 * Reports: model → redacted view → Markdown / HTML / JSON. Renderers take only the
 * redacted view. Pure: no terminal, no files.
 */
export {
  prepareReport,
  renderReport,
  renderView,
  reportView,
  type ReportFormat,
  type ReportOptions,
} from './render.js';
export { renderMarkdown } from './markdown.js';
export { renderHtml } from './html.js';
export { renderJson, REPORT_JSON_VERSION } from './json.js';
export type { RedactedReport, RedactionSummary } from './view.js';
export {
  reviewPassages,
  withRemoval,
  withRestore,
  type ReviewPassage,
  type ReviewOptions,
} from './review.js';
export { REPORT_LANGUAGES, reportStrings } from './strings/index.js';

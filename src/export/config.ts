/**
 * The questionnaire's `export:` section, read and checked once: which questions
 * become quasi-identifier columns, how each is coarsened (age bands, date grain,
 * country, place → country, category groups), the interview month's grain, and
 * HTCDS column names. Every problem is collected with the path of the offending
 * value (positions are added by config-errors.ts), never thrown one at a time.
 *
 *   export:
 *     interview_month: { finest: month }
 *     quasi_identifiers:
 *       age: { as: age, adult_band: 5, open_from: 65 }
 *       nationality: { as: country }
 *       region: { as: category, levels: [{ name: zone, groups: { north: [r1, r2] } }] }
 *     htcds: { ind_debt_bondage: vic_MethodsOfControl.DebtBondage }
 *
 * Without `quasi_identifiers`, every question marked `identifying: quasi` is exported
 * by its type (see inferQi); questions that cannot be exported safely are listed in
 * `notExported` so the summary can say so.
 */
import type { DiagnosticCode } from '../questionnaire/diagnostics.js';
import type { Question, Questionnaire } from '../questionnaire/types.js';
import { didYouMean } from '../questionnaire/suggest.js';
import { countryCode, countryOfPlace } from './countries.js';
import {
  DEFAULT_AGE_BANDS,
  type AgeBands,
  type CategoryLevel,
  type DateGrain,
} from './hierarchy.js';
import { SUPPRESSED, UNKNOWN } from './values.js';

export type QiSpec =
  | {
      readonly kind: 'interview_month';
      readonly column: string;
      readonly finest: DateGrain;
      /**
       * A date question that holds the interview's date (a paper form typed in later),
       * read first; the record's start is used when it has no date.
       */
      readonly dateQuestion?: string;
    }
  | { readonly kind: 'population'; readonly column: string }
  | {
      readonly kind: 'age';
      readonly column: string;
      readonly question: string;
      readonly bands: AgeBands;
    }
  | {
      readonly kind: 'date';
      readonly column: string;
      readonly question: string;
      readonly finest: DateGrain;
    }
  | { readonly kind: 'country'; readonly column: string; readonly question: string }
  | {
      readonly kind: 'place';
      readonly column: string;
      readonly question: string;
      /** Choice value → country code, for places that are not ISO 3166-2 codes. */
      readonly countries: ReadonlyMap<string, string>;
    }
  | {
      readonly kind: 'category';
      readonly column: string;
      readonly question: string;
      readonly levels: readonly CategoryLevel[];
    };

export interface NotExported {
  readonly question: string;
  readonly reason: string;
}

export interface ExportConfig {
  /** In column order: interview month, population, then the questions' columns. */
  readonly qis: readonly QiSpec[];
  /** Our column name → HTCDS column name, from the questionnaire (built-ins are in htcds.ts). */
  readonly htcds: ReadonlyMap<string, string>;
  readonly notExported: readonly NotExported[];
}

/** The export section's codes are diagnostics like any other (documented in docs/diagnostics.md). */
export type ConfigErrorCode = Extract<DiagnosticCode, `E_EXPORT_CONFIG_${string}`>;

export interface ConfigProblem {
  readonly code: ConfigErrorCode;
  readonly message: string;
  /** Path inside the questionnaire document, starting with 'export'. */
  readonly path: readonly (string | number)[];
  /** Where the caret goes: the value (default) or its key. */
  readonly at?: 'key' | 'value';
  readonly hint?: string;
}

export type ConfigResult =
  | { readonly ok: true; readonly config: ExportConfig }
  | { readonly ok: false; readonly problems: readonly ConfigProblem[] };

/** Column names the row layout itself uses; a quasi-identifier may not take them. */
export const FIXED_COLUMNS = [
  'pseudonym',
  'questionnaire_id',
  'questionnaire_version',
  'interview_month',
  'population',
  'outcome',
  'flags',
] as const;

const COLUMN_NAME = /^[a-z][a-z0-9_]{0,62}$/;
const HTCDS_NAME = /^[A-Za-z][A-Za-z0-9_.]{0,127}$/;
const TOP_KEYS = ['interview_month', 'quasi_identifiers', 'htcds'];
const KINDS = ['age', 'date', 'country', 'place', 'category'] as const;
type QuestionKind = (typeof KINDS)[number];
const KEYS_OF: Record<QuestionKind, readonly string[]> = {
  age: ['as', 'column', 'adult_band', 'open_from'],
  date: ['as', 'column', 'finest'],
  country: ['as', 'column'],
  place: ['as', 'column', 'countries'],
  category: ['as', 'column', 'levels'],
};
const GRAINS: readonly DateGrain[] = ['month', 'quarter', 'year'];

type Path = (string | number)[];

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function readExportConfig(q: Questionnaire): ConfigResult {
  const problems: ConfigProblem[] = [];
  const report: Report = (code, message, path, hint, at) => {
    // A misspelt key or question id is pointed at as the key itself, unless told otherwise
    // (a question id given as a value).
    const where =
      at ??
      (code === 'E_EXPORT_CONFIG_UNKNOWN_KEY' || code === 'E_EXPORT_CONFIG_UNKNOWN_QUESTION'
        ? 'key'
        : undefined);
    problems.push({
      code,
      message,
      path,
      ...(where === 'key' ? { at: where } : {}),
      ...(hint ? { hint } : {}),
    });
  };
  const raw = q.exportConfig;

  for (const key of Object.keys(raw))
    if (!TOP_KEYS.includes(key))
      report(
        'E_EXPORT_CONFIG_UNKNOWN_KEY',
        `unknown key \`${key}\` in the export section`,
        ['export', key],
        didYouMean(key, TOP_KEYS) ?? `the export section knows ${TOP_KEYS.join(', ')}`,
      );

  const month = readInterviewMonth(raw.interview_month, q, report);
  const specs: QiSpec[] = [];
  const notExported: NotExported[] = [];

  if (raw.quasi_identifiers === undefined) {
    for (const question of q.questions) {
      // The interview month's own question is that column, not a second one.
      if (question.identifying !== 'quasi' || question.id === month.dateQuestion) continue;
      const inferred = inferQi(question);
      if ('reason' in inferred)
        notExported.push({ question: question.id, reason: inferred.reason });
      else specs.push(inferred);
    }
  } else if (!isMap(raw.quasi_identifiers)) {
    report('E_EXPORT_CONFIG_TYPE', '`quasi_identifiers` must be a map of question id → rule', [
      'export',
      'quasi_identifiers',
    ]);
  } else {
    const listed = new Set<string>();
    for (const [id, rule] of Object.entries(raw.quasi_identifiers)) {
      const path: Path = ['export', 'quasi_identifiers', id];
      const question = questionNamed(q, id, path, report);
      if (!question) continue;
      listed.add(id);
      const spec = readQuestionRule(question, rule, path, report);
      if (spec) specs.push(spec);
    }
    for (const question of q.questions)
      if (
        question.identifying === 'quasi' &&
        !listed.has(question.id) &&
        question.id !== month.dateQuestion
      )
        notExported.push({
          question: question.id,
          reason: 'quasi-identifying, not listed in export.quasi_identifiers',
        });
  }

  // Questionnaire order, whatever order the export section lists them in: stable columns.
  const order = new Map(q.questions.map((x) => [x.id, x.order]));
  specs.sort((a, b) => orderOf(a, order) - orderOf(b, order));
  const qis: QiSpec[] = [
    { kind: 'interview_month', column: 'interview_month', ...month },
    { kind: 'population', column: 'population' },
    ...specs,
  ];
  checkColumns(qis, report);
  const known = [
    ...FIXED_COLUMNS,
    ...qis.map((s) => s.column),
    ...q.dimensions.map((d) => `dim_${d.id}`),
    ...q.indicators.map((i) => `ind_${i.id}`),
  ];
  const htcds = readHtcds(raw.htcds, known, report);

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, config: { qis, htcds, notExported } };
}

function orderOf(s: QiSpec, order: ReadonlyMap<string, number>): number {
  return 'question' in s ? (order.get(s.question) ?? 0) : -1;
}

type Report = (
  code: ConfigErrorCode,
  message: string,
  path: Path,
  hint?: string,
  at?: 'key' | 'value',
) => void;

interface InterviewMonth {
  readonly finest: DateGrain;
  readonly dateQuestion?: string;
}

/** The question `id` names, or a report (with the nearest id) that there is none. */
function questionNamed(
  q: Questionnaire,
  id: string,
  path: Path,
  report: Report,
  at?: 'value',
): Question | undefined {
  const question = q.questionById.get(id);
  if (!question)
    report(
      'E_EXPORT_CONFIG_UNKNOWN_QUESTION',
      `\`${id}\` is not a question of ${q.id}`,
      path,
      didYouMean(id, q.questionById.keys()),
      at,
    );
  return question;
}

const MONTH_KEYS = ['finest', 'question'];

function readInterviewMonth(raw: unknown, q: Questionnaire, report: Report): InterviewMonth {
  if (raw === undefined) return { finest: 'month' };
  const path: Path = ['export', 'interview_month'];
  if (!isMap(raw)) {
    report(
      'E_EXPORT_CONFIG_TYPE',
      '`interview_month` must be a map such as { finest: month }',
      path,
    );
    return { finest: 'month' };
  }
  for (const key of Object.keys(raw))
    if (!MONTH_KEYS.includes(key))
      report(
        'E_EXPORT_CONFIG_UNKNOWN_KEY',
        `unknown key \`${key}\``,
        [...path, key],
        didYouMean(key, MONTH_KEYS) ?? 'only `finest` and `question` are known here',
      );
  const finest = readGrain(raw.finest, [...path, 'finest'], report) ?? 'month';
  const dateQuestion = readMonthQuestion(raw.question, q, [...path, 'question'], report);
  return dateQuestion === undefined ? { finest } : { finest, dateQuestion };
}

/** The question an interview's date is read from: a date question, never a direct identifier. */
function readMonthQuestion(
  raw: unknown,
  q: Questionnaire,
  path: Path,
  report: Report,
): string | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') {
    report('E_EXPORT_CONFIG_TYPE', '`question` must be the id of a date question', path);
    return undefined;
  }
  const question = questionNamed(q, raw, path, report, 'value');
  if (!question) return undefined;
  if (question.identifying === 'direct') {
    // A date of birth's month would be published as the interview month.
    report(
      'E_EXPORT_CONFIG_IDENTIFYING',
      `\`${raw}\` is a direct identifier and is never exported`,
      path,
      'name the question that holds the date of the interview',
    );
    return undefined;
  }
  if (question.type !== 'date') {
    report(
      'E_EXPORT_CONFIG_QUESTION_TYPE',
      `\`${raw}\` is a ${question.type} question; the interview month is read from a date question`,
      path,
    );
    return undefined;
  }
  return raw;
}

function readGrain(raw: unknown, path: Path, report: Report): DateGrain | undefined {
  if (raw === undefined) return 'month';
  if (typeof raw === 'string' && (GRAINS as readonly string[]).includes(raw))
    return raw as DateGrain;
  report(
    'E_EXPORT_CONFIG_VALUE',
    `\`finest\` must be one of ${GRAINS.join(', ')}, not ${JSON.stringify(raw)}`,
    path,
  );
  return undefined;
}

/**
 * Export by type when the author listed nothing: a number whose id names an age →
 * age bands; a date → month; a single choice among country codes → country; other
 * single choices and yes/no → category. Free text and multiple choice never leave.
 */
export function inferQi(question: Question): QiSpec | NotExported {
  const column = question.id;
  const questionId = question.id;
  switch (question.type) {
    case 'number':
      return /(^|_)age($|_)/.test(question.id)
        ? { kind: 'age', column, question: questionId, bands: DEFAULT_AGE_BANDS }
        : {
            question: questionId,
            reason: 'a number with no export rule (declare it in export.quasi_identifiers)',
          };
    case 'date':
      return { kind: 'date', column, question: questionId, finest: 'month' };
    case 'single': {
      const codes = question.choices.filter((c) => countryCode(c.value) !== undefined).length;
      return codes >= 2
        ? { kind: 'country', column, question: questionId }
        : { kind: 'category', column, question: questionId, levels: [] };
    }
    case 'yesno':
      return { kind: 'category', column, question: questionId, levels: [] };
    case 'text':
      // Read through the closed list of country codes and names: nothing typed passes through.
      return /nationalit|citizenship|country/.test(question.id)
        ? { kind: 'country', column, question: questionId }
        : { question: questionId, reason: 'free text is never exported' };
    case 'multi':
      return {
        question: questionId,
        reason: 'multiple choice is not exported as a quasi-identifier',
      };
    case 'info':
      return { question: questionId, reason: 'an information item has no answer' };
  }
}

const KIND_TYPES: Record<QuestionKind, readonly string[]> = {
  age: ['number'],
  date: ['date'],
  // A text answer is read through a closed vocabulary (codes, country names), never copied.
  country: ['single', 'text'],
  place: ['single', 'text'],
  category: ['single', 'yesno'],
};

function readQuestionRule(
  question: Question,
  rule: unknown,
  path: Path,
  report: Report,
): QiSpec | undefined {
  if (question.identifying === 'direct') {
    report(
      'E_EXPORT_CONFIG_IDENTIFYING',
      `\`${question.id}\` is a direct identifier and is never exported`,
      path,
      'remove it from export.quasi_identifiers',
    );
    return undefined;
  }
  const closedText = isMap(rule) && (rule.as === 'country' || rule.as === 'place');
  if (
    (question.type === 'text' && !closedText) ||
    question.type === 'multi' ||
    question.type === 'info'
  ) {
    report(
      'E_EXPORT_CONFIG_QUESTION_TYPE',
      `\`${question.id}\` is a ${question.type} question and cannot be a quasi-identifier column` +
        (question.type === 'text' ? ' (free text is never exported)' : ''),
      path,
      question.type === 'text'
        ? 'a text answer can only be read as a country (`as: country` or `as: place`): codes and country names are kept, anything else is not'
        : undefined,
    );
    return undefined;
  }
  if (!isMap(rule)) {
    report(
      'E_EXPORT_CONFIG_TYPE',
      `the rule for \`${question.id}\` must be a map such as { as: category }`,
      path,
    );
    return undefined;
  }
  const as = rule.as;
  if (typeof as !== 'string' || !(KINDS as readonly string[]).includes(as)) {
    report(
      'E_EXPORT_CONFIG_VALUE',
      `\`as\` must be one of ${KINDS.join(', ')}, not ${JSON.stringify(as)}`,
      [...path, ...(as === undefined ? [] : ['as'])],
      typeof as === 'string' ? didYouMean(as, KINDS) : undefined,
    );
    return undefined;
  }
  const kind = as as QuestionKind;
  for (const key of Object.keys(rule))
    if (!KEYS_OF[kind].includes(key))
      report(
        'E_EXPORT_CONFIG_UNKNOWN_KEY',
        `unknown key \`${key}\` for \`as: ${kind}\``,
        [...path, key],
        didYouMean(key, KEYS_OF[kind]) ?? `keys for ${kind}: ${KEYS_OF[kind].join(', ')}`,
      );
  if (!KIND_TYPES[kind].includes(question.type)) {
    report(
      'E_EXPORT_CONFIG_QUESTION_TYPE',
      `\`as: ${kind}\` needs a ${KIND_TYPES[kind].join(' or ')} question; \`${question.id}\` is ${question.type}`,
      [...path, 'as'],
    );
    return undefined;
  }
  let column = question.id;
  if (rule.column !== undefined) {
    if (typeof rule.column === 'string') column = rule.column;
    else report('E_EXPORT_CONFIG_TYPE', '`column` must be a string', [...path, 'column']);
  }
  const base = { column, question: question.id };
  switch (kind) {
    case 'age':
      return { kind, ...base, bands: readBands(rule, path, report) };
    case 'date':
      return {
        kind,
        ...base,
        finest: readGrain(rule.finest, [...path, 'finest'], report) ?? 'month',
      };
    case 'country':
      return { kind, ...base };
    case 'place':
      return {
        kind,
        ...base,
        countries: readPlaceCountries(question, rule.countries, [...path, 'countries'], report),
      };
    case 'category':
      return {
        kind,
        ...base,
        levels: readLevels(question, rule.levels, [...path, 'levels'], report),
      };
  }
}

function readBands(rule: Record<string, unknown>, path: Path, report: Report): AgeBands {
  let adultBand = DEFAULT_AGE_BANDS.adultBand;
  let openFrom = DEFAULT_AGE_BANDS.openFrom;
  if (rule.adult_band !== undefined) {
    if (rule.adult_band === 5 || rule.adult_band === 10) adultBand = rule.adult_band;
    else
      report(
        'E_EXPORT_CONFIG_VALUE',
        `\`adult_band\` must be 5 or 10, not ${JSON.stringify(rule.adult_band)}`,
        [...path, 'adult_band'],
      );
  }
  if (rule.open_from !== undefined) {
    const v = rule.open_from;
    const step = adultBand;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 30 && v <= 100 && v % step === 0)
      openFrom = v;
    else
      report(
        'E_EXPORT_CONFIG_VALUE',
        `\`open_from\` must be a multiple of ${step} from 30 to 100, not ${JSON.stringify(v)}`,
        [...path, 'open_from'],
      );
  } else if (adultBand === 10) openFrom = 60;
  return { adultBand, openFrom };
}

function choiceValues(question: Question): string[] {
  return question.choices.map((c) => c.value);
}

function readPlaceCountries(
  question: Question,
  raw: unknown,
  path: Path,
  report: Report,
): Map<string, string> {
  const map = new Map<string, string>();
  if (raw !== undefined && !isMap(raw)) {
    report(
      'E_EXPORT_CONFIG_TYPE',
      '`countries` must map a choice value to an ISO 3166 country code',
      path,
    );
    return map;
  }
  const values = choiceValues(question);
  for (const [value, code] of Object.entries(raw ?? {})) {
    if (!values.includes(value))
      report(
        'E_EXPORT_CONFIG_GROUPS',
        `\`${value}\` is not a choice of \`${question.id}\``,
        [...path, value],
        didYouMean(value, values),
      );
    const cc = typeof code === 'string' ? countryCode(code) : undefined;
    if (!cc)
      report(
        'E_EXPORT_CONFIG_VALUE',
        `${JSON.stringify(code)} is not an ISO 3166 alpha-2 country code`,
        [...path, value],
      );
    else map.set(value, cc);
  }
  for (const value of values)
    if (!map.has(value) && countryOfPlace(value) === undefined)
      report(
        'E_EXPORT_CONFIG_GROUPS',
        `the place \`${value}\` of \`${question.id}\` has no country`,
        path,
        `add \`${value}: CC\` under countries, or use ISO 3166-2 codes (NG-LA) as choice values`,
      );
  return map;
}

function readLevels(question: Question, raw: unknown, path: Path, report: Report): CategoryLevel[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    report('E_EXPORT_CONFIG_TYPE', '`levels` must be a list of { name, groups }', path);
    return [];
  }
  const levels: CategoryLevel[] = [];
  // Each level groups the values of the level below it; the first groups the choices.
  let below = choiceValues(question);
  raw.forEach((level: unknown, i) => {
    const lp: Path = [...path, i];
    if (!isMap(level) || typeof level.name !== 'string' || !isMap(level.groups)) {
      report(
        'E_EXPORT_CONFIG_TYPE',
        'a level must be a map { name: text, groups: { group: [values] } }',
        lp,
      );
      return;
    }
    for (const key of Object.keys(level))
      if (key !== 'name' && key !== 'groups')
        report(
          'E_EXPORT_CONFIG_UNKNOWN_KEY',
          `unknown key \`${key}\` in a level`,
          [...lp, key],
          didYouMean(key, ['name', 'groups']),
        );
    const groups = new Map<string, string>();
    for (const [group, members] of Object.entries(level.groups)) {
      const gp: Path = [...lp, 'groups', group];
      if (group === SUPPRESSED || group === UNKNOWN) {
        report('E_EXPORT_CONFIG_VALUE', `\`${group}\` is reserved and cannot name a group`, gp);
        continue;
      }
      if (!Array.isArray(members) || !members.every((m) => typeof m === 'string')) {
        report('E_EXPORT_CONFIG_TYPE', `group \`${group}\` must list values`, gp);
        continue;
      }
      for (const [j, m] of (members as string[]).entries()) {
        if (!below.includes(m))
          report(
            'E_EXPORT_CONFIG_GROUPS',
            `\`${m}\` is not a value of the level below (${i === 0 ? `choices of \`${question.id}\`` : `level ${i}`})`,
            [...gp, j],
            didYouMean(m, below),
          );
        else if (groups.has(m))
          report(
            'E_EXPORT_CONFIG_GROUPS',
            `\`${m}\` is in two groups (\`${groups.get(m)}\` and \`${group}\`)`,
            [...gp, j],
          );
        else groups.set(m, group);
      }
    }
    const missing = below.filter((v) => !groups.has(v));
    if (missing.length > 0)
      report(
        'E_EXPORT_CONFIG_GROUPS',
        `level \`${level.name}\` does not place ${missing.map((m) => `\`${m}\``).join(', ')} in any group`,
        [...lp, 'groups'],
        'every value of the level below must be in exactly one group, so the levels nest',
      );
    levels.push({ name: level.name, groups });
    below = [...new Set(groups.values())];
  });
  return levels;
}

function checkColumns(qis: readonly QiSpec[], report: Report): void {
  const seen = new Map<string, string>();
  const fixed = new Set<string>(FIXED_COLUMNS);
  for (const s of qis) {
    if (!('question' in s)) {
      seen.set(s.column, s.kind);
      continue;
    }
    const path: Path = ['export', 'quasi_identifiers', s.question];
    if (!COLUMN_NAME.test(s.column))
      report(
        'E_EXPORT_CONFIG_COLUMN',
        `column name ${JSON.stringify(s.column)} must be snake_case`,
        [...path, 'column'],
      );
    else if (fixed.has(s.column) || s.column.startsWith('dim_') || s.column.startsWith('ind_'))
      report('E_EXPORT_CONFIG_COLUMN', `column name \`${s.column}\` is used by the export itself`, [
        ...path,
        'column',
      ]);
    else if (seen.has(s.column))
      report('E_EXPORT_CONFIG_COLUMN', `two quasi-identifiers are both named \`${s.column}\``, [
        ...path,
        'column',
      ]);
    seen.set(s.column, s.kind);
  }
}

function readHtcds(raw: unknown, known: readonly string[], report: Report): Map<string, string> {
  const map = new Map<string, string>();
  if (raw === undefined) return map;
  if (!isMap(raw)) {
    report('E_EXPORT_CONFIG_TYPE', '`htcds` must map a column name to an HTCDS field name', [
      'export',
      'htcds',
    ]);
    return map;
  }
  const used = new Map<string, string>();
  for (const [column, name] of Object.entries(raw)) {
    const path: Path = ['export', 'htcds', column];
    if (!known.includes(column))
      report(
        'E_EXPORT_CONFIG_COLUMN',
        `\`${column}\` is not a column of the export`,
        path,
        didYouMean(column, known),
      );
    else if (typeof name !== 'string' || !HTCDS_NAME.test(name))
      report(
        'E_EXPORT_CONFIG_VALUE',
        `${JSON.stringify(name)} is not a usable HTCDS field name`,
        path,
      );
    else if (used.has(name))
      report(
        'E_EXPORT_CONFIG_COLUMN',
        `\`${name}\` is already the name of \`${used.get(name)}\``,
        path,
      );
    else {
      used.set(name, column);
      map.set(column, name);
    }
  }
  return map;
}

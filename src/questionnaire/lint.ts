/**
 * Semantic checks on a questionnaire that passed the schema: ids, references,
 * question shapes, expressions (compiled here, once), reachability, translations.
 * Every problem is collected with its position; nothing is thrown.
 */
import type { ASTNode } from '@marcbachmann/cel-js';
import type { Diagnostic, DiagnosticCode } from './diagnostics.js';
import { ExpressionCompiler, type ExprProblem, type ExprQuestion } from './expressions.js';
import { didYouMean } from './suggest.js';
import { languagesOf } from './text.js';
import type {
  CombinationDoc,
  Condition,
  ExprContext,
  LocalText,
  QuestionDoc,
  QuestionnaireDoc,
} from './types.js';
import {
  diag,
  locate,
  locateInString,
  pointer,
  type PathSegment,
  type YamlSource,
} from './yaml-source.js';

export interface LintResult {
  readonly diagnostics: Diagnostic[];
  /** Compiled conditions by JSON pointer of the expression. */
  readonly conditions: ReadonlyMap<string, Condition>;
}

/** Flags the program itself sets; questionnaires may add their own. */
export const BUILTIN_FLAGS = [
  'urgent',
  'minor',
  'possible_minor',
  'consent_limited',
  'verified_false_weights_used',
];

const ENUMERATION_LIMIT = 4096;

export function lintQuestionnaire(src: YamlSource, q: QuestionnaireDoc): LintResult {
  const out: Diagnostic[] = [];
  const conditions = new Map<string, Condition>();
  const report = (
    code: DiagnosticCode,
    message: string,
    path: PathSegment[],
    opts: { at?: 'key' | 'value'; hint?: string | undefined } = {},
  ) =>
    out.push(
      diag(src.file, code, message, locate(src, path, opts.at ?? 'value'), {
        hint: opts.hint,
        path: pointer(path),
      }),
    );

  // ---- ids -----------------------------------------------------------------------
  const firstSeen = new Map<string, PathSegment[]>();
  const unique = (kind: string, id: string, path: PathSegment[]) => {
    const key = `${kind}:${id}`;
    const prev = firstSeen.get(key);
    if (prev) {
      const p = locate(src, prev);
      report('E_DUPLICATE_ID', `${kind} id \`${id}\` is already used at line ${p.line}`, path);
    } else firstSeen.set(key, path);
  };

  const questionDocs: { doc: QuestionDoc; path: PathSegment[]; section: number; order: number }[] =
    [];
  q.sections.forEach((s, si) => {
    unique('section', s.id, ['sections', si, 'id']);
    s.questions.forEach((qd, qi) => {
      const path: PathSegment[] = ['sections', si, 'questions', qi];
      // Questions share one namespace with each other (expressions name them), not with sections.
      unique('question', qd.id, [...path, 'id']);
      questionDocs.push({ doc: qd, path, section: si, order: questionDocs.length });
    });
  });
  (q.rules ?? []).forEach((r, i) => unique('rule', r.id, ['rules', i, 'id']));
  q.dimensions.forEach((d, i) => unique('dimension', d.id, ['dimensions', i, 'id']));
  q.indicators.forEach((d, i) => unique('indicator', d.id, ['indicators', i, 'id']));

  // ---- question shapes -------------------------------------------------------------
  for (const { doc, path } of questionDocs) lintQuestionShape(doc, path, report);

  // ---- references to indicators and dimensions ------------------------------------------
  const indicatorIds = new Set(q.indicators.map((i) => i.id));
  const dimensionIds = new Set(q.dimensions.map((d) => d.id));
  const raised = new Set<string>();
  const checkRaises = (ids: readonly string[] | undefined, path: PathSegment[]) => {
    ids?.forEach((id, k) => {
      if (indicatorIds.has(id)) raised.add(id);
      else
        report('E_UNKNOWN_INDICATOR', `no indicator has the id \`${id}\``, [...path, k], {
          hint: didYouMean(id, indicatorIds),
        });
    });
  };
  for (const { doc, path } of questionDocs) {
    doc.choices?.forEach((c, ci) => checkRaises(c.raises, [...path, 'choices', ci, 'raises']));
  }
  (q.rules ?? []).forEach((r, i) => checkRaises(r.raises, ['rules', i, 'raises']));
  q.indicators.forEach((ind, i) => {
    if (!dimensionIds.has(ind.dimension)) {
      report(
        'E_UNKNOWN_DIMENSION',
        `no dimension has the id \`${ind.dimension}\``,
        ['indicators', i, 'dimension'],
        {
          hint: didYouMean(ind.dimension, dimensionIds),
        },
      );
    }
    if (!raised.has(ind.id)) {
      report(
        'E_INDICATOR_NEVER_RAISED',
        `no choice or rule raises \`${ind.id}\``,
        ['indicators', i, 'id'],
        {
          hint: 'add it to the `raises` of the answer that reveals it, or remove the indicator',
        },
      );
    }
  });
  const checkCombination = (c: CombinationDoc, path: PathSegment[]) => {
    if (typeof c === 'string') {
      if (!dimensionIds.has(c))
        report('E_UNKNOWN_DIMENSION', `no dimension has the id \`${c}\``, path, {
          hint: didYouMean(c, dimensionIds),
        });
    } else if ('all_of' in c)
      c.all_of.forEach((x, i) => checkCombination(x, [...path, 'all_of', i]));
    else c.any_of.forEach((x, i) => checkCombination(x, [...path, 'any_of', i]));
  };
  checkCombination(q.scoring.populations.adult, ['scoring', 'populations', 'adult']);
  checkCombination(q.scoring.populations.child, ['scoring', 'populations', 'child']);

  // ---- referral flags ---------------------------------------------------------------
  // A referral on a flag nothing sets never applies: a misspelt `minr` would silently
  // drop the child-protection referral. Directories list contacts, not flags, so the
  // questionnaire alone says which flags exist.
  const flags = new Set(BUILTIN_FLAGS);
  for (const { doc } of questionDocs)
    doc.choices?.forEach((c) => c.flags?.forEach((f) => flags.add(f)));
  (q.rules ?? []).forEach((r) => r.flags?.forEach((f) => flags.add(f)));
  (q.referrals ?? []).forEach((r, i) =>
    r.if_flags?.forEach((f, k) => {
      if (!flags.has(f))
        report(
          'E_UNKNOWN_FLAG',
          `no choice or rule sets the flag \`${f}\`, and it is not built in, so this referral never applies on it`,
          ['referrals', i, 'if_flags', k],
          { hint: didYouMean(f, flags) },
        );
    }),
  );

  // ---- expressions ---------------------------------------------------------------
  compileExpressions(q, false, conditions, (p, path) =>
    out.push(
      diag(src.file, p.code, p.message, locateInString(src, path, p.offset, p.length), {
        hint: p.hint,
        path: pointer(path),
      }),
    ),
  );

  // ---- reachability (where it can be decided) -------------------------------------------
  const reachable = new Map<string, boolean>();
  const docById = new Map(questionDocs.map((x) => [x.doc.id, x.doc]));
  q.sections.forEach((s, si) => {
    const sPath: PathSegment[] = ['sections', si, 'when'];
    const sCond = conditions.get(pointer(sPath));
    const sectionOk = !sCond || canBeTrue(sCond, docById, reachable);
    if (!sectionOk)
      report('E_UNREACHABLE', `section \`${s.id}\`'s condition can never be true`, sPath);
    s.questions.forEach((qd, qi) => {
      const qPath: PathSegment[] = ['sections', si, 'questions', qi, 'when'];
      const cond = conditions.get(pointer(qPath));
      const ok = sectionOk && (!cond || canBeTrue(cond, docById, reachable));
      if (sectionOk && !ok)
        report(
          'E_UNREACHABLE',
          `question \`${qd.id}\` can never be asked: its condition is never true`,
          qPath,
        );
      if (!reachable.has(qd.id)) reachable.set(qd.id, ok);
    });
  });

  // ---- translations --------------------------------------------------------------
  const langs = q.languages;
  const defaultLang = langs[0]!;
  const checkText = (t: LocalText | undefined, path: PathSegment[]) => {
    if (t === undefined) return;
    const have = languagesOf(t, defaultLang);
    const missing = langs.filter((l) => !have.includes(l));
    if (missing.length > 0) {
      report(
        'W_MISSING_TRANSLATION',
        `no ${missing.join(', ')} text here (declared languages: ${langs.join(', ')})`,
        path,
      );
    }
    if (typeof t !== 'string') {
      for (const l of have) {
        if (!langs.includes(l)) {
          report(
            'W_UNDECLARED_LANGUAGE',
            `language \`${l}\` is not in \`languages\``,
            [...path, l],
            {
              at: 'key',
              hint: didYouMean(l, langs),
            },
          );
        }
      }
    }
  };
  checkText(q.title, ['title']);
  checkText(q.description, ['description']);
  q.sections.forEach((s, si) => {
    checkText(s.title, ['sections', si, 'title']);
    checkText(s.intro, ['sections', si, 'intro']);
    s.questions.forEach((qd, qi) => {
      const p: PathSegment[] = ['sections', si, 'questions', qi];
      checkText(qd.text, [...p, 'text']);
      checkText(qd.help, [...p, 'help']);
      checkText(qd.unit, [...p, 'unit']);
      qd.choices?.forEach((c, ci) => {
        checkText(c.text, [...p, 'choices', ci, 'text']);
        if (typeof c.urgent === 'object' || typeof c.urgent === 'string')
          checkText(c.urgent, [...p, 'choices', ci, 'urgent']);
      });
    });
  });
  (q.rules ?? []).forEach((r, i) => {
    checkText(r.advisory, ['rules', i, 'advisory']);
    checkText(r.stop?.text, ['rules', i, 'stop', 'text']);
    if (typeof r.urgent === 'object' || typeof r.urgent === 'string')
      checkText(r.urgent, ['rules', i, 'urgent']);
  });
  q.dimensions.forEach((d, i) => checkText(d.title, ['dimensions', i, 'title']));
  q.indicators.forEach((d, i) => checkText(d.text, ['indicators', i, 'text']));
  (q.referrals ?? []).forEach((r, i) => checkText(r.reason, ['referrals', i, 'reason']));
  for (const [k, t] of Object.entries(q.messages ?? {})) checkText(t, ['messages', k]);

  return { diagnostics: out, conditions };
}

/** The questions as conditions see them, and each one's position in the document. */
function exprQuestionsOf(q: QuestionnaireDoc): {
  questions: Map<string, ExprQuestion>;
  orderOf: Map<string, number>;
} {
  const questions = new Map<string, ExprQuestion>();
  const orderOf = new Map<string, number>();
  let n = 0;
  for (const s of q.sections) {
    for (const doc of s.questions) {
      if (!questions.has(doc.id)) {
        questions.set(doc.id, {
          id: doc.id,
          type: doc.type,
          integer: doc.integer === true,
          values: doc.type === 'yesno' ? ['yes', 'no'] : (doc.choices ?? []).map((c) => c.value),
        });
        orderOf.set(doc.id, n);
      }
      n++;
    }
  }
  return { questions, orderOf };
}

/**
 * Every condition of the questionnaire, with its path and the position of the first
 * question it decides (undefined for rules and scoring, which may read any question).
 */
function forEachCondition(
  q: QuestionnaireDoc,
  fn: (expr: string, path: PathSegment[], before: number | undefined) => void,
): void {
  let order = 0;
  q.sections.forEach((s, si) => {
    if (s.when) fn(s.when, ['sections', si, 'when'], order);
    s.questions.forEach((qd, qi) => {
      if (qd.when) fn(qd.when, ['sections', si, 'questions', qi, 'when'], order);
      order++;
    });
  });
  (q.rules ?? []).forEach((r, i) => fn(r.when, ['rules', i, 'when'], undefined));
  fn(q.scoring.child_when, ['scoring', 'child_when'], undefined);
  if (q.scoring.possible_minor_when)
    fn(q.scoring.possible_minor_when, ['scoring', 'possible_minor_when'], undefined);
}

/**
 * Compiles every condition of the questionnaire into `into`, keyed by JSON pointer.
 * `trusted` skips the type checks, for a document that already passed them (the
 * shipped questionnaires, checked at build time); `trees` are their syntax trees as
 * the build parsed them (conditionTrees), by the same pointers.
 */
export function compileExpressions(
  q: QuestionnaireDoc,
  trusted: boolean,
  into: Map<string, Condition>,
  onProblem: (p: ExprProblem, path: PathSegment[]) => void,
  trees?: ReadonlyMap<string, ASTNode>,
): void {
  const { questions, orderOf } = exprQuestionsOf(q);
  const compiler = new ExpressionCompiler(questions, { trusted });
  forEachCondition(q, (expr, path, before) => {
    const at = pointer(path);
    const { condition, problems } = compiler.compile(
      expr,
      (id) => (before === undefined || (orderOf.get(id) ?? Infinity) < before ? 'ok' : 'later'),
      trees?.get(at),
    );
    for (const p of problems) onProblem(p, path);
    if (condition) into.set(at, condition);
  });
}

/** Build step: the syntax tree of every condition, by JSON pointer, for compileExpressions. */
export function conditionTrees(q: QuestionnaireDoc): Map<string, ASTNode> {
  const compiler = new ExpressionCompiler(exprQuestionsOf(q).questions, { trusted: true });
  const out = new Map<string, ASTNode>();
  forEachCondition(q, (expr, path) => out.set(pointer(path), compiler.syntaxTree(expr)));
  return out;
}

type Report = (
  code: DiagnosticCode,
  message: string,
  path: PathSegment[],
  opts?: { at?: 'key' | 'value'; hint?: string },
) => void;

function lintQuestionShape(doc: QuestionDoc, path: PathSegment[], report: Report): void {
  const hasChoices = doc.choices !== undefined;
  const t = doc.type;
  if ((t === 'single' || t === 'multi') && !hasChoices) {
    report('E_QUESTION_SHAPE', `a \`${t}\` question needs \`choices\``, [...path, 'type']);
  }
  if (hasChoices && !['single', 'multi', 'yesno'].includes(t)) {
    report('E_QUESTION_SHAPE', `a \`${t}\` question has no choices`, [...path, 'choices'], {
      at: 'key',
    });
  }
  const seen = new Map<string, number>();
  doc.choices?.forEach((c, ci) => {
    if (t === 'yesno' && c.value !== 'yes' && c.value !== 'no') {
      report(
        'E_QUESTION_SHAPE',
        `the choices of a yesno question are \`yes\` and \`no\`, not \`${c.value}\``,
        [...path, 'choices', ci, 'value'],
        {
          hint: didYouMean(c.value, ['yes', 'no']),
        },
      );
    }
    if (t !== 'yesno' && c.text === undefined) {
      report('E_SCHEMA_MISSING_KEY', `choice \`${c.value}\` needs a \`text\``, [
        ...path,
        'choices',
        ci,
        'value',
      ]);
    }
    if (c.exclusive !== undefined && t !== 'multi') {
      report(
        'E_QUESTION_SHAPE',
        '`exclusive` applies only to multi questions',
        [...path, 'choices', ci, 'exclusive'],
        { at: 'key' },
      );
    }
    if (c.value === 'dont_know' || c.value === 'declined') {
      report(
        'E_QUESTION_SHAPE',
        `\`${c.value}\` is offered by every question already; use \`special\` to control it`,
        [...path, 'choices', ci, 'value'],
      );
    }
    const prev = seen.get(c.value);
    if (prev !== undefined) {
      report(
        'E_DUPLICATE_CHOICE',
        `choice value \`${c.value}\` is already used by choice ${prev + 1}`,
        [...path, 'choices', ci, 'value'],
      );
    } else seen.set(c.value, ci);
  });
  for (const k of ['min', 'max', 'integer'] as const) {
    if (doc[k] !== undefined && t !== 'number')
      report('E_QUESTION_SHAPE', `\`${k}\` applies only to number questions`, [...path, k], {
        at: 'key',
      });
  }
  if (doc.unit !== undefined && t !== 'number')
    report('E_QUESTION_SHAPE', '`unit` applies only to number questions', [...path, 'unit'], {
      at: 'key',
    });
  for (const k of ['multiline', 'max_length'] as const) {
    if (doc[k] !== undefined && t !== 'text')
      report('E_QUESTION_SHAPE', `\`${k}\` applies only to text questions`, [...path, k], {
        at: 'key',
      });
  }
  if (doc.min !== undefined && doc.max !== undefined && doc.min > doc.max) {
    report('E_QUESTION_SHAPE', `min (${doc.min}) is greater than max (${doc.max})`, [
      ...path,
      'min',
    ]);
  }
  if (t === 'info') {
    for (const k of ['special', 'identifying', 'required'] as const) {
      if (doc[k] !== undefined)
        report(
          'E_QUESTION_SHAPE',
          `an \`info\` step takes no answer, so \`${k}\` does not apply`,
          [...path, k],
          { at: 'key' },
        );
    }
  }
}

/**
 * Can the condition be true for some answers to the questions it reads? Answers are
 * enumerated for choice questions (each value, don't know, declined, not asked); an
 * unreachable question is only ever "not asked". Open-ended questions (number, text,
 * date) make it undecidable here, and undecidable counts as reachable.
 */
function canBeTrue(
  cond: Condition,
  docs: ReadonlyMap<string, QuestionDoc>,
  reachable: ReadonlyMap<string, boolean>,
): boolean {
  type State = { status?: 'answered' | 'dont_know' | 'declined'; value?: string | string[] };
  const domains: { id: string; states: State[] }[] = [];
  let combos = 1;
  for (const id of cond.refs) {
    const doc = docs.get(id);
    if (!doc) return true;
    const states: State[] = [{}];
    if (reachable.get(id) !== false) {
      states.push({ status: 'dont_know' }, { status: 'declined' });
      const values = doc.type === 'yesno' ? ['yes', 'no'] : (doc.choices ?? []).map((c) => c.value);
      if (doc.type === 'yesno' || doc.type === 'single')
        for (const v of values) states.push({ status: 'answered', value: v });
      else if (doc.type === 'multi' && values.length <= 6) {
        for (let mask = 0; mask < 1 << values.length; mask++) {
          states.push({ status: 'answered', value: values.filter((_, i) => mask & (1 << i)) });
        }
      } else return true;
    }
    combos *= states.length;
    if (combos > ENUMERATION_LIMIT) return true;
    domains.push({ id, states });
  }
  const pick: number[] = domains.map(() => 0);
  for (let n = 0; n < combos; n++) {
    const answers: Record<string, string | string[]> = {};
    const status: Record<string, 'answered' | 'dont_know' | 'declined'> = {};
    domains.forEach((d, i) => {
      const s = d.states[pick[i]!]!;
      if (s.status) status[d.id] = s.status;
      if (s.value !== undefined) answers[d.id] = s.value;
    });
    if (cond.evaluate({ answers, status } as ExprContext)) return true;
    for (let i = 0; i < pick.length; i++) {
      pick[i]!++;
      if (pick[i]! < domains[i]!.states.length) break;
      pick[i] = 0;
    }
  }
  return false;
}

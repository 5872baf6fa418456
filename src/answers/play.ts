/**
 * Plays an answers file through the interview loop with the scripted adapter and turns
 * every problem into a diagnostic at its `file:line:col`. Pure apart from the
 * questionnaire and file already loaded: nothing is stored here.
 */
import { hidingCondition, startRecord, stateOf } from '../engine/index.js';
import type { Diagnostic, DiagnosticCode } from '../questionnaire/diagnostics.js';
import { sortDiagnostics } from '../questionnaire/diagnostics.js';
import { didYouMean } from '../questionnaire/suggest.js';
import type { Questionnaire } from '../questionnaire/types.js';
import type { YamlSource } from '../questionnaire/yaml-source.js';
import type { InterviewRecord, RecordMode } from '../record/types.js';
import { ScriptedPrompter, type ScriptProblem } from '../prompt/scripted.js';
import { runSession } from '../prompt/session.js';
import { parseAnswers, problemAt } from './parse.js';

export interface PlayOptions {
  readonly id: string;
  readonly mode: RecordMode;
  /** --lang, which wins over the file's `lang`. */
  readonly lang: string | undefined;
  readonly now: () => string;
}

export interface PlayResult {
  /** Present only when the file has no error. */
  readonly record?: InterviewRecord;
  readonly diagnostics: readonly Diagnostic[];
  /** Question ids the interview asked, in order. */
  readonly asked: readonly string[];
}

/** The diagnostic code of each kind of answer problem (also used to check scenarios' codings). */
export const ANSWER_PROBLEM_CODES: Record<ScriptProblem['code'], DiagnosticCode> = {
  type: 'E_ANSWER_TYPE',
  info: 'E_ANSWER_TYPE',
  not_a_choice: 'E_ANSWER_NOT_A_CHOICE',
  out_of_range: 'E_ANSWER_OUT_OF_RANGE',
  special_not_allowed: 'E_ANSWER_SPECIAL_NOT_ALLOWED',
  required: 'E_ANSWER_MISSING',
  missing: 'E_ANSWER_MISSING',
};

/** The interview language: --lang, else the file's, else English if offered, else the first. */
export function interviewLanguage(q: Questionnaire, ...wanted: (string | undefined)[]): string {
  for (const l of wanted) if (l) return l;
  return q.languages.includes('en') ? 'en' : (q.languages[0] ?? 'en');
}

export async function playAnswers(
  q: Questionnaire,
  src: YamlSource,
  opts: PlayOptions,
): Promise<PlayResult> {
  const parsed = parseAnswers(src);
  if (!parsed.doc) return { diagnostics: parsed.diagnostics, asked: [] };
  const doc = parsed.doc;
  const out: Diagnostic[] = [];
  if (doc.questionnaire !== undefined && doc.questionnaire !== q.id) {
    out.push(
      problemAt(
        src,
        'E_ANSWER_QUESTIONNAIRE_MISMATCH',
        `these answers are for questionnaire \`${doc.questionnaire}\`, not \`${q.id}\` (${q.file})`,
        ['questionnaire'],
        { hint: 'pass the right file with --questionnaire, or correct the id' },
      ),
    );
    return { diagnostics: out, asked: [] };
  }
  const lang = interviewLanguage(q, opts.lang, doc.lang);
  const prompter = new ScriptedPrompter({ answers: doc.answers, notes: doc.notes });
  const initial = stateOf(startRecord(q, { id: opts.id, mode: opts.mode, lang, now: opts.now() }));
  const result = await runSession(q, initial, prompter, {
    now: opts.now,
    save: async () => {},
  });
  const record = result.state.record;

  const broken = new Set<string>();
  for (const p of prompter.problems) {
    broken.add(p.question);
    const written = doc.answers.has(p.question);
    const path = written
      ? ['answers', p.question, ...(p.item !== undefined ? [p.item] : [])]
      : ['answers'];
    out.push(
      problemAt(src, ANSWER_PROBLEM_CODES[p.code], p.message, path, {
        at: written ? 'value' : 'key',
        hint: p.hint,
      }),
    );
  }
  const stop = record.status === 'stopped' ? record.stop : undefined;
  for (const id of doc.answers.keys()) {
    if (prompter.used.has(id)) continue;
    const question = q.questionById.get(id);
    if (!question) {
      out.push(
        problemAt(
          src,
          'E_ANSWER_UNKNOWN_QUESTION',
          `the questionnaire \`${q.id}\` has no question \`${id}\``,
          ['answers', id],
          {
            at: 'key',
            hint: didYouMean(id, q.questionById.keys()),
          },
        ),
      );
      continue;
    }
    if (question.type === 'info') {
      out.push(
        problemAt(
          src,
          'E_ANSWER_TYPE',
          `\`${id}\` is an information step and takes no answer`,
          ['answers', id],
          { at: 'key', hint: 'remove this line' },
        ),
      );
      continue;
    }
    const hiding = hidingCondition(q, question, record.answers);
    // A question hidden because an earlier answer is wrong: that answer's error says enough.
    if (hiding && hiding.refs.some((r) => broken.has(r))) continue;
    const why = stop
      ? `the interview stopped before it (rule \`${stop.rule}\`, ${stop.reason})`
      : hiding
        ? `its condition \`${hiding.source}\` is false for these answers`
        : 'it is not asked on this path';
    out.push(
      problemAt(src, 'E_ANSWER_HIDDEN', `\`${id}\` is not asked: ${why}`, ['answers', id], {
        at: 'key',
        hint: 'remove the answer, or change the answers that decide whether it is asked',
      }),
    );
  }
  for (const id of doc.notes.keys()) {
    if (record.answers[id] || broken.has(id)) continue;
    const question = q.questionById.get(id);
    const code: DiagnosticCode = !question
      ? 'E_ANSWER_UNKNOWN_QUESTION'
      : prompter.asked.includes(id)
        ? 'E_ANSWER_MISSING'
        : 'E_ANSWER_HIDDEN';
    const message = !question
      ? `a note for \`${id}\`, which the questionnaire \`${q.id}\` does not have`
      : code === 'E_ANSWER_MISSING'
        ? `a note for \`${id}\`, which has no answer: a note is kept with an answer`
        : `a note for \`${id}\`, which is not asked on this path`;
    out.push(
      problemAt(src, code, message, ['notes', id], {
        at: 'key',
        hint: question ? undefined : didYouMean(id, q.questionById.keys()),
      }),
    );
  }
  if (out.length > 0) return { diagnostics: sortDiagnostics(out), asked: prompter.asked };
  return { record, diagnostics: [], asked: prompter.asked };
}

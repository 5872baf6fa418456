/**
 * The answers file (contract, DESIGN.md): YAML with `questionnaire` (optional id
 * check), `lang`, `answers` (question id → value) and optional `notes` (question id →
 * text). Its shape is checked here, once; the values are checked by the engine when
 * the file is played.
 */
import type { Diagnostic, DiagnosticCode } from '../questionnaire/diagnostics.js';
import { didYouMean } from '../questionnaire/suggest.js';
import {
  diag,
  locate,
  pointer,
  type PathSegment,
  type YamlSource,
} from '../questionnaire/yaml-source.js';

export interface AnswersDoc {
  readonly questionnaire: string | undefined;
  readonly lang: string | undefined;
  readonly answers: ReadonlyMap<string, unknown>;
  readonly notes: ReadonlyMap<string, string>;
}

const TOP_KEYS = ['questionnaire', 'lang', 'answers', 'notes'];

const isMapping = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function problemAt(
  src: YamlSource,
  code: DiagnosticCode,
  message: string,
  path: readonly PathSegment[],
  opts: { at?: 'key' | 'value'; hint?: string | undefined } = {},
): Diagnostic {
  return diag(src.file, code, message, locate(src, path, opts.at ?? 'value'), {
    hint: opts.hint,
    path: pointer(path),
  });
}

export function parseAnswers(src: YamlSource): { doc?: AnswersDoc; diagnostics: Diagnostic[] } {
  const out: Diagnostic[] = [];
  const v = src.value;
  if (!isMapping(v)) {
    out.push(problemAt(src, 'E_SCHEMA_TYPE', 'an answers file is a mapping with `answers:`', []));
    return { diagnostics: out };
  }
  for (const key of Object.keys(v)) {
    if (!TOP_KEYS.includes(key))
      out.push(
        problemAt(
          src,
          'E_SCHEMA_UNKNOWN_KEY',
          `\`${key}\` is not a key of an answers file`,
          [key],
          {
            at: 'key',
            hint: didYouMean(key, TOP_KEYS) ?? `the keys are ${TOP_KEYS.join(', ')}`,
          },
        ),
      );
  }
  const str = (key: string): string | undefined => {
    const x = v[key];
    if (x === undefined || x === null) return undefined;
    if (typeof x === 'string') return x;
    out.push(problemAt(src, 'E_SCHEMA_TYPE', `\`${key}\` must be text`, [key]));
    return undefined;
  };
  const questionnaire = str('questionnaire');
  const lang = str('lang');
  const answers = new Map<string, unknown>();
  if (!Object.hasOwn(v, 'answers')) {
    out.push(
      problemAt(src, 'E_SCHEMA_MISSING_KEY', 'the file has no `answers:`', [], {
        hint: 'add `answers:` with one `question_id: value` per line',
      }),
    );
  } else if (v.answers === null) {
    // `answers:` with nothing under it: an interview where nothing was answered.
  } else if (!isMapping(v.answers)) {
    out.push(
      problemAt(src, 'E_SCHEMA_TYPE', '`answers` must be a mapping of question id → answer', [
        'answers',
      ]),
    );
  } else {
    for (const [id, value] of Object.entries(v.answers)) answers.set(id, value);
  }
  const notes = new Map<string, string>();
  if (v.notes !== undefined && v.notes !== null) {
    if (!isMapping(v.notes)) {
      out.push(
        problemAt(src, 'E_SCHEMA_TYPE', '`notes` must be a mapping of question id → text', [
          'notes',
        ]),
      );
    } else {
      for (const [id, text] of Object.entries(v.notes)) {
        if (typeof text === 'string') notes.set(id, text);
        else
          out.push(
            problemAt(src, 'E_SCHEMA_TYPE', `the note for \`${id}\` must be text`, ['notes', id]),
          );
      }
    }
  }
  if (out.length > 0) return { diagnostics: out };
  return { doc: { questionnaire, lang, answers, notes }, diagnostics: out };
}

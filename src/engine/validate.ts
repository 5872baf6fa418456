/**
 * Checks an answer against its question: type, choices, bounds, length, and whether
 * "don't know" / "declined" / skipping are allowed. The terminal prompts validate with
 * this too, so a value the engine refuses can never be typed.
 */
import type { Question } from '../questionnaire/types.js';
import { didYouMean } from '../questionnaire/suggest.js';
import type { AnswerValue } from '../record/types.js';
import type { AnswerInput, AnswerProblem } from './types.js';

export type Checked =
  | { readonly ok: true; readonly input: AnswerInput }
  | { readonly ok: false; readonly problem: AnswerProblem };

const fail = (
  code: AnswerProblem['code'],
  message: string,
  hint?: string,
  item?: number,
): Checked => ({
  ok: false,
  problem: { code, message, ...(hint ? { hint } : {}), ...(item !== undefined ? { item } : {}) },
});

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Validates and normalises (trims text, orders multi values as the choices are ordered). */
export function checkAnswer(question: Question, input: AnswerInput): Checked {
  switch (input.kind) {
    case 'skip':
      if (question.type === 'info') return { ok: true, input };
      return question.required
        ? fail('required', `\`${question.id}\` needs an answer`, specialHint(question))
        : { ok: true, input };
    case 'dont_know':
    case 'declined':
      if (question.type === 'info')
        return fail('info', `\`${question.id}\` is an information step and takes no answer`);
      return question.special.includes(input.kind)
        ? { ok: true, input }
        : fail(
            'special_not_allowed',
            `\`${question.id}\` cannot be answered ${input.kind === 'dont_know' ? "don't know" : 'declined'}`,
            question.special.length
              ? `allowed here: ${question.special.join(', ')}`
              : 'this question needs a real answer',
          );
    case 'value':
      return checkValue(question, input.value);
  }
}

function specialHint(question: Question): string | undefined {
  return question.special.length ? `or answer ${question.special.join(' or ')}` : undefined;
}

function checkValue(question: Question, value: AnswerValue): Checked {
  const ok = (v: AnswerValue): Checked => ({ ok: true, input: { kind: 'value', value: v } });
  switch (question.type) {
    case 'info':
      return fail('info', `\`${question.id}\` is an information step and takes no answer`);
    case 'yesno':
    case 'single': {
      if (typeof value !== 'string')
        return fail('type', `\`${question.id}\` takes one choice, not ${describe(value)}`);
      const values = question.choices.map((c) => c.value);
      if (!values.includes(value))
        return fail(
          'not_a_choice',
          `'${value}' is not a choice of \`${question.id}\` (choices: ${values.join(', ')})`,
          didYouMean(value, values),
        );
      return ok(value);
    }
    case 'multi': {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
        return fail('type', `\`${question.id}\` takes a list of choices, not ${describe(value)}`);
      // Nothing ticked is no answer: a required question needs a choice (such as
      // "None of these"), don't know or declined.
      if (value.length === 0 && question.required)
        return fail(
          'required',
          `\`${question.id}\` needs at least one choice`,
          specialHint(question) ?? 'choose one of its choices',
        );
      const values = question.choices.map((c) => c.value);
      for (const [i, v] of value.entries()) {
        if (!values.includes(v))
          return fail(
            'not_a_choice',
            `'${v}' is not a choice of \`${question.id}\` (choices: ${values.join(', ')})`,
            didYouMean(v, values),
            i,
          );
        if (value.indexOf(v) !== i)
          return fail('not_a_choice', `'${v}' is listed twice`, undefined, i);
      }
      const exclusive = question.choices.find((c) => c.exclusive && value.includes(c.value));
      if (exclusive && value.length > 1)
        return fail(
          'not_a_choice',
          `'${exclusive.value}' cannot be combined with other choices of \`${question.id}\``,
          'it means none of the others',
          value.indexOf(exclusive.value),
        );
      return ok(values.filter((v) => value.includes(v)));
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value))
        return fail('type', `\`${question.id}\` takes a number, not ${describe(value)}`);
      if (question.integer && !Number.isInteger(value))
        return fail('type', `\`${question.id}\` takes a whole number, not ${value}`);
      if (question.min !== undefined && value < question.min)
        return fail(
          'out_of_range',
          `${value} is below the minimum ${question.min} of \`${question.id}\``,
        );
      if (question.max !== undefined && value > question.max)
        return fail(
          'out_of_range',
          `${value} is above the maximum ${question.max} of \`${question.id}\``,
        );
      return ok(value);
    }
    case 'date': {
      if (typeof value === 'string' && ISO_DATE.test(value.trim()) && !isIsoDate(value.trim()))
        return fail(
          'type',
          `\`${question.id}\` takes a real date; ${value.trim()} does not exist`,
          'that month has no such day',
        );
      if (typeof value !== 'string' || !isIsoDate(value.trim()))
        return fail(
          'type',
          `\`${question.id}\` takes a date written YYYY-MM-DD, not ${describe(value)}`,
          'for example 2023-04-30',
        );
      return ok(value.trim());
    }
    case 'text': {
      if (typeof value !== 'string')
        return fail('type', `\`${question.id}\` takes text, not ${describe(value)}`);
      const text = value.replace(/\r\n?/g, '\n').trim();
      if (text === '')
        return question.required
          ? fail('required', `\`${question.id}\` needs an answer`, specialHint(question))
          : { ok: true, input: { kind: 'skip' } };
      if (text.length > question.maxLength)
        return fail(
          'out_of_range',
          `the text is ${text.length} characters; \`${question.id}\` takes at most ${question.maxLength}`,
        );
      if (!question.multiline && text.includes('\n'))
        return fail('type', `\`${question.id}\` takes one line of text`);
      return ok(text);
    }
  }
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (v === null || v === undefined) return 'nothing';
  if (typeof v === 'string') return `'${v.length > 40 ? v.slice(0, 40) + '…' : v}'`;
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${String(v)}`;
}

/**
 * Loose input (an answers file, a scenario) → AnswerInput, normalised once here:
 * `dont_know` / `declined` are the specials, true/false mean yes/no; a multi question
 * takes a list, never a single value.
 */
export function coerceAnswer(question: Question, raw: unknown): Checked {
  if (raw === 'dont_know' || raw === 'declined') return checkAnswer(question, { kind: raw });
  if (question.type === 'yesno' && typeof raw === 'boolean')
    return checkAnswer(question, { kind: 'value', value: raw ? 'yes' : 'no' });
  // The format asks for a list (DESIGN.md): a bare value is refused rather than
  // guessed at, so that a half-written list is never read as a complete answer.
  if (question.type === 'multi' && !Array.isArray(raw) && raw !== null && raw !== undefined)
    return fail(
      'type',
      `\`${question.id}\` is a multiple choice and takes a list of choices, not ${describe(raw)}`,
      typeof raw === 'string' ? `write it as a list: [${raw}]` : undefined,
    );
  if (
    question.type === 'multi' &&
    Array.isArray(raw) &&
    raw.some((v) => v === 'dont_know' || v === 'declined')
  )
    return fail(
      'type',
      `write dont_know or declined alone, not inside the list of \`${question.id}\``,
    );
  if (typeof raw === 'string' || typeof raw === 'number' || Array.isArray(raw))
    return checkAnswer(question, { kind: 'value', value: raw as AnswerValue });
  if (raw === null || raw === undefined)
    return question.required
      ? fail('required', `\`${question.id}\` has no value`, specialHint(question))
      : { ok: true, input: { kind: 'skip' } };
  return fail('type', `\`${question.id}\` cannot take ${describe(raw)}`);
}

/** Test helpers for scoring: load fixture questionnaires and build records from plain answers. */
import { join } from 'node:path';
import { loadQuestionnaire } from '../../src/questionnaire/load.js';
import { formatDiagnostic } from '../../src/questionnaire/diagnostics.js';
import type { Questionnaire } from '../../src/questionnaire/types.js';
import type { Answer, AnswerValue, InterviewRecord } from '../../src/record/types.js';

export const ROOT = join(import.meta.dirname, '..', '..');

export function fixture(name: string): Questionnaire {
  const file = name.includes('/') ? name : join(import.meta.dirname, 'fixtures', name);
  const r = loadQuestionnaire(file);
  if (!r.questionnaire) {
    throw new Error(
      `${file} does not load:\n${r.diagnostics.map((d) => formatDiagnostic(d, r.source?.text)).join('\n')}`,
    );
  }
  return r.questionnaire;
}

export function shipped(name: string): Questionnaire {
  return fixture(join(ROOT, 'questionnaires', name));
}

export type PlainAnswer =
  | AnswerValue
  | 'dont_know'
  | 'declined'
  | { readonly value?: AnswerValue; readonly kind?: Answer['kind']; readonly note: string };

const AT = '2031-05-17T10:00:00.000Z';

function answerOf(a: PlainAnswer): Answer {
  if (a === 'dont_know' || a === 'declined') return { kind: a, at: AT };
  if (typeof a === 'object' && !Array.isArray(a)) {
    const o = a as { value?: AnswerValue; kind?: Answer['kind']; note: string };
    if (o.value !== undefined) return { kind: 'value', value: o.value, note: o.note, at: AT };
    return { kind: o.kind === 'declined' ? 'declined' : 'dont_know', note: o.note, at: AT };
  }
  return { kind: 'value', value: a as AnswerValue, at: AT };
}

export function record(
  q: Questionnaire,
  answers: Readonly<Record<string, PlainAnswer>>,
  extra: Partial<InterviewRecord> = {},
): InterviewRecord {
  const out: Record<string, Answer> = {};
  for (const [k, v] of Object.entries(answers)) out[k] = answerOf(v);
  return {
    formatVersion: 1,
    id: 'R-TEST-0001',
    questionnaire: { id: q.id, version: q.version, hash: q.hash },
    lang: 'en',
    mode: 'practice',
    status: 'completed',
    startedAt: AT,
    updatedAt: AT,
    answers: out,
    path: Object.keys(out),
    shown: [],
    ...extra,
  };
}

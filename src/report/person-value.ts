/**
 * What the model holds where the person's own data goes, before redaction. Only
 * redact.ts turns these into text for a report: free text is scrubbed, quasi
 * identifiers are generalised, direct identifiers are withheld.
 */
import type { Question } from '../questionnaire/types.js';
import type { AnswerValue } from '../record/types.js';

export type PersonValue =
  /** Free text that is not itself an identifying field: notes, open answers. Scrubbed. */
  | { readonly kind: 'free_text'; readonly text: string }
  /** A number or date marked quasi-identifying: generalised unless --full. */
  | { readonly kind: 'quasi'; readonly question: Question; readonly value: AnswerValue }
  /** Free text marked quasi-identifying (a town, a language): withheld unless --full, then scrubbed. */
  | { readonly kind: 'quasi_text'; readonly text: string }
  /** A direct identifier: never shown. */
  | { readonly kind: 'direct' }
  /** Not identifying, in the questionnaire's or the tool's words (choice labels, numbers). */
  | { readonly kind: 'plain'; readonly text: string }
  | { readonly kind: 'special'; readonly which: 'dont_know' | 'declined' | 'unanswered' };

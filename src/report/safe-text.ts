/**
 * SafeText: the only kind of text a renderer receives. It is either authored (the
 * questionnaire's or the tool's own words) or the output of redaction, as pieces of
 * kept text and typed placeholders. The brand cannot be forged by accident: a raw
 * answer or note is a plain string and does not type-check where SafeText is needed.
 */
import type { RedactionKind } from './redaction/index.js';

declare const SAFE: unique symbol;

export type Piece =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'redacted'; readonly as: RedactionKind };

export interface SafeText {
  readonly [SAFE]: true;
  readonly pieces: readonly Piece[];
}

/** Text written by the questionnaire's author or by this tool: never something the person said. */
export function authored(text: string): SafeText {
  return { pieces: text === '' ? [] : [{ kind: 'text', text }] } as unknown as SafeText;
}

/** Only the redaction step calls this, with the segments scrub() produced. */
export function fromScrubbed(pieces: readonly Piece[]): SafeText {
  return { pieces } as unknown as SafeText;
}

/** The text with placeholders written as [kind]: for JSON and for comparisons. */
export function plain(t: SafeText): string {
  return t.pieces.map((p) => (p.kind === 'text' ? p.text : `[${p.as}]`)).join('');
}

export function isEmpty(t: SafeText): boolean {
  return t.pieces.every((p) => p.kind === 'text' && p.text.trim() === '');
}

/** Joins safe texts with an authored separator. */
export function joinSafe(parts: readonly SafeText[], separator: string): SafeText {
  const pieces: Piece[] = [];
  parts.forEach((p, i) => {
    if (i > 0 && separator !== '') pieces.push({ kind: 'text', text: separator });
    pieces.push(...p.pieces);
  });
  return { pieces } as unknown as SafeText;
}

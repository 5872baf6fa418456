/** Recall per kind and over-redaction of the redactor on the corpus. */
import {
  DEFAULT_PHONE_COUNTRIES,
  findRedactions,
  matchersFor,
  type Span,
} from '../../../src/report/redaction/index.js';
import type { CorpusNote, Planted } from './generate.js';

export interface Tally {
  found: number;
  total: number;
}

export interface Figures {
  /** "kind/given" or "kind/detected" → removed of planted. */
  readonly identifiers: Record<string, Tally>;
  /** Ordinary word kind → touched by a redaction of planted. */
  readonly ordinary: Record<string, Tally>;
  /** Every other word of the notes (not planted) touched by a redaction. */
  readonly otherWords: Tally;
  readonly misses: { note: number; planted: Planted; output: string }[];
  readonly overRedacted: { note: number; planted: Planted }[];
}

export function spansFor(note: CorpusNote): Span[] {
  const f = note.fields;
  const matchers = [
    ...matchersFor(f.full_name, 'text'),
    ...matchersFor(f.recruiter_name, 'text'),
    ...matchersFor(f.phone, 'text'),
    ...matchersFor(f.passport_number, 'text'),
    ...matchersFor(f.date_of_birth, 'date'),
    ...matchersFor(f.address, 'text'),
    ...matchersFor(f.email, 'text'),
    ...(f.iban ? matchersFor(f.iban, 'text') : []),
  ];
  return findRedactions(note.text, {
    fieldMatchers: matchers,
    phoneCountries: DEFAULT_PHONE_COUNTRIES,
  });
}

function coverage(spans: readonly Span[], start: number, end: number, text: string) {
  let alnum = 0;
  let covered = 0;
  for (let i = start; i < end; i++) {
    if (!/[\p{L}\p{N}]/u.test(text[i]!)) continue;
    alnum++;
    if (spans.some((s) => s.start <= i && i < s.end)) covered++;
  }
  return { alnum, covered };
}

export function render(text: string, spans: readonly Span[]): string {
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += `${text.slice(at, s.start)}[${s.kind}]`;
    at = s.end;
  }
  return out + text.slice(at);
}

export function measure(notes: readonly CorpusNote[]): Figures {
  const identifiers: Record<string, Tally> = {};
  const ordinary: Record<string, Tally> = {};
  const otherWords: Tally = { found: 0, total: 0 };
  const misses: Figures['misses'] = [];
  const overRedacted: Figures['overRedacted'] = [];
  const bump = (m: Record<string, Tally>, k: string, ok: boolean) => {
    const t = (m[k] ??= { found: 0, total: 0 });
    t.total++;
    if (ok) t.found++;
  };
  for (const note of notes) {
    const spans = spansFor(note);
    for (const p of note.planted) {
      const c = coverage(spans, p.start, p.end, note.text);
      if (p.type === 'identifier') {
        const ok = c.covered === c.alnum;
        bump(identifiers, `${p.kind}/${p.given ? 'given' : 'detected'}`, ok);
        if (!ok) misses.push({ note: note.id, planted: p, output: render(note.text, spans) });
      } else {
        const touched = c.covered > 0;
        bump(ordinary, p.kind, touched);
        if (touched) overRedacted.push({ note: note.id, planted: p });
      }
    }
    const word = /[\p{L}\p{N}]+/gu;
    for (let m = word.exec(note.text); m; m = word.exec(note.text)) {
      const s = m.index;
      const e = s + m[0].length;
      if (note.planted.some((p) => p.start < e && s < p.end)) continue;
      otherWords.total++;
      if (spans.some((sp) => sp.start < e && s < sp.end)) otherWords.found++;
    }
  }
  return { identifiers, ordinary, otherWords, misses, overRedacted };
}

export function pct(t: Tally): number {
  return t.total === 0 ? 100 : (100 * t.found) / t.total;
}

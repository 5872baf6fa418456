/** The redaction review as data: passages, removals, restores, and what a restore can never undo. */
import { describe, expect, it } from 'vitest';
import { renderReport, reviewPassages, withRemoval, withRestore } from '../../src/report/index.js';
import { canaryQuestionnaire, canaryRecord } from './helpers.js';

const q = canaryQuestionnaire();
const r = canaryRecord(q);
const AT = '2031-05-17T12:00:00.000Z';

describe('redaction review', () => {
  const passages = reviewPassages(q, r, { lang: 'en' });

  it('lists each free-text passage once, with what will be removed and why', () => {
    expect(passages.map((p) => p.label)).toEqual([
      'What limits?',
      'Hours a day',
      "Screener's notes",
    ]);
    const hours = passages[1]!;
    expect(hours.spans.map((s) => [hours.text.slice(s.start, s.end), s.kind, s.source])).toEqual([
      ['Zuleika', 'name', 'field'],
      ['Tamsin', 'name', 'detector'],
      ['+44 7700 900871', 'phone', 'detector'],
    ]);
  });

  it('a removal applies to every passage and every later report', () => {
    const review = withRemoval(undefined, 'Italy', 'name', AT);
    const md = renderReport(q, { ...r, redactionReview: review }, { format: 'md' });
    expect(md).not.toContain('Italy');
    expect(md).toContain('She worked as a cleaner in [name] for 3,000 euros');
  });

  it('a restore brings back what a rule removed, never a value given in a field', () => {
    const hours = passages[1]!;
    const tamsin = hours.spans[1]!;
    const zuleika = hours.spans[0]!;
    expect(withRestore(undefined, hours, zuleika, AT)).toBeUndefined();
    const review = withRestore(undefined, hours, tamsin, AT)!;
    expect(review).toEqual({ remove: [], restore: ['Tamsin'], at: AT });
    const md = renderReport(q, { ...r, redactionReview: review }, { format: 'md' });
    expect(md).toContain('> [name] worked 14 hours; Tamsin confirmed it ([phone]).');
    // Restoring the text of a field value by hand changes nothing either.
    const forced = { remove: [], restore: ['Zuleika', 'Brantisvaara'], at: AT };
    const md2 = renderReport(q, { ...r, redactionReview: forced }, { format: 'md' });
    expect(md2).not.toMatch(/zuleika|brantisvaara/i);
  });

  it('removing a word undoes an earlier restore of it, and the other way round', () => {
    const restored = withRestore(undefined, passages[1]!, passages[1]!.spans[1]!, AT)!;
    const removed = withRemoval(restored, 'tamsin', 'name', AT);
    expect(removed).toEqual({ remove: [{ text: 'tamsin', kind: 'name' }], restore: [], at: AT });
  });
});

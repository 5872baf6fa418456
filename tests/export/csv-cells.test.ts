/**
 * Layout writes a pseudonym into the CSV as it is, without asking csv-stringify (one
 * call per row was a tenth of the write pass): that is only right while csv-stringify
 * writes any string of hex digits unchanged.
 */
import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { Layout } from '../../src/export/layout.js';

describe('CSV cells', () => {
  it('csv-stringify writes hex digits unchanged', () => {
    for (let i = 0; i < 200; i++) {
      const hex = randomBytes(1 + (i % 40)).toString('hex');
      expect(stringify([[hex]]).slice(0, -1)).toBe(hex);
    }
    expect(stringify([['0123456789abcdef']]).slice(0, -1)).toBe('0123456789abcdef');
  });

  it('a row is written as csv-stringify writes it', () => {
    const layout = new Layout({
      dimensions: ['deceptive_recruitment'],
      indicators: ['debt_bondage'],
      quasiIdentifiers: ['interview_month', 'population', 'age', 'region'],
      profile: 'default',
      htcds: new Map(),
    });
    const pseudonym = randomBytes(16).toString('hex');
    const row = {
      pseudonym,
      questionnaireId: 'q',
      questionnaireVersion: '1.0',
      outcome: 'indicators_met' as const,
      dimensions: { deceptive_recruitment: true },
      indicators: ['debt_bondage'],
      flags: ['urgent', 'consent_limited'],
      qi: {},
    };
    const published = ['2024-Q2', 'adult', '25-29', 'a "quoted", region'];
    const expected = stringify([
      [
        pseudonym,
        'q',
        '1.0',
        '2024-Q2',
        'adult',
        'indicators_met',
        'positive',
        '1',
        'consent_limited;urgent',
        '25-29',
        'a "quoted", region',
      ],
    ]);
    expect(layout.csvRows([{ row, published }])).toBe(expected);
  });
});

/**
 * The export's spill: entries in their binary form (spill-codec.ts), from one or
 * several encoding threads, encrypted under a key held only in memory.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pseudonymDigest, pseudonymOf } from '../../src/export/pseudonym.js';
import { BUCKETS, FrameReader, Spill } from '../../src/export/spill.js';
import {
  EntryDecoder,
  EntryEncoder,
  exclusionOf,
  SpillWords,
  type RowFields,
} from '../../src/export/spill-codec.js';
import { removeDir, tempDir } from './helpers/records.js';

let dir: string;
beforeEach(() => {
  dir = tempDir('spill');
});
afterEach(() => removeDir(dir));

const SECRET = Buffer.alloc(32, 7);

function row(over: Partial<RowFields> = {}): RowFields {
  return {
    questionnaireId: 'export_fixture',
    questionnaireVersion: '1.0.0',
    outcome: 'indicators_met',
    dimensions: { deceptive_recruitment: true, exploitative_conditions: false },
    indicators: ['deceived_wages', 'debt_bondage'],
    flags: ['interpreter_used'],
    qi: { interview_month: '2024-05', population: 'adult', age: '25-29', sex: 'f' },
    ...over,
  };
}

describe('spill entries', () => {
  it('round-trip from several encoding threads, each with its own numbering of words', async () => {
    const spill = await Spill.create(dir);
    try {
      const words = new SpillWords();
      const a = new EntryEncoder();
      const b = new EntryEncoder();
      // b meets the words in another order, so its codes differ from a's.
      b.entry(
        pseudonymDigest(SECRET, 'warm-up'),
        0,
        0,
        null,
        row({ qi: { sex: 'x', age: '0-11' } }),
      );
      b.reset();
      const rows: { source: number; id: string; fields: RowFields | null; index: number }[] = [];
      const many = Array.from({ length: 400 }, (_, i) => `f${i}`);
      const long = Array.from({ length: 900 }, (_, i) => `flag_${i}`);
      for (let i = 0; i < 40; i++) {
        const source = i % 2;
        const enc = source === 0 ? a : b;
        const fields =
          i % 7 === 3
            ? null
            : row({
                outcome: i % 3 === 0 ? 'indicators_partial' : 'indicators_met',
                flags: i === 5 ? long : i % 4 === 0 ? [] : ['interpreter_used', many[i]!],
                qi: { interview_month: `2024-${10 + (i % 3)}`, population: 'adult', age: `${i}` },
              });
        const id = `record-${i}`;
        const start = enc.entry(
          pseudonymDigest(SECRET, id),
          1_700_000_000_000 + i,
          i,
          fields ? null : 'stopped',
          fields,
        );
        spill.append(source, enc.view(), start, enc.length);
        const { first, words: fresh } = enc.takeWords();
        words.add(source, first, fresh);
        enc.reset();
        rows.push({ source, id, fields, index: i });
      }
      spill.flushAll();
      expect(spill.rows).toBe(40);
      const found = new Map<string, unknown>();
      const decoder = new EntryDecoder(new Uint8Array(0));
      for (let bucket = 0; bucket < BUCKETS; bucket++) {
        const bytes = spill.readBucket(bucket);
        const frames = new FrameReader(bytes);
        while (frames.next()) {
          expect(bytes[frames.start]).toBe(bucket);
          const hex = bytes.toString('hex', frames.start, frames.start + 16);
          const status = bytes[frames.start + 28]!;
          if (status !== 0) {
            found.set(hex, exclusionOf(status));
            continue;
          }
          decoder.at(bytes, frames.start, words.of(frames.source));
          const qi = decoder.qi();
          const { pseudonym, ...fields } = decoder.row(hex, qi);
          found.set(pseudonym, fields);
        }
      }
      expect(found.size).toBe(40);
      for (const r of rows)
        expect(found.get(pseudonymOf(SECRET, r.id))).toEqual(r.fields ?? 'stopped');
    } finally {
      await spill.dispose();
    }
  });

  it('are unreadable on disk without the in-memory key, and a changed byte is refused', async () => {
    const spill = await Spill.create(dir);
    try {
      const enc = new EntryEncoder();
      const digest = pseudonymDigest(SECRET, 'R-CANA-RY01');
      const fields = row({ flags: ['ZZCANARY-flag'] });
      for (let i = 0; i < 300; i++) {
        const start = enc.entry(digest, i, i, null, fields);
        spill.append(0, enc.view(), start, enc.length);
        enc.reset();
      }
      spill.flushAll();
      const [sub] = readdirSync(dir);
      const file = join(dir, sub!, 'rows.spill');
      const bytes = readFileSync(file);
      expect(bytes.length).toBeGreaterThan(300 * 20);
      // Neither the pseudonym's bytes, nor an entry's, nor any word appears.
      expect(bytes.includes(digest.subarray(0, 16))).toBe(false);
      const start = enc.entry(digest, 0, 0, null, fields);
      expect(bytes.includes(enc.view().subarray(start + 16, start + 40))).toBe(false);
      expect(bytes.includes(Buffer.from('ZZCANARY'))).toBe(false);
      expect(bytes.includes(Buffer.from('export_fixture'))).toBe(false);
      // The entries went to bucket digest[0]; its first chunk is at offset 0.
      expect(spill.readBucket(digest[0]!).length).toBeGreaterThan(0);
      bytes[10]! ^= 1;
      writeFileSync(file, bytes);
      expect(() => spill.readBucket(digest[0]!)).toThrow();
    } finally {
      await spill.dispose();
    }
  });
});

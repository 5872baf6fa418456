/**
 * What an export writes must not depend on how its spill encodes rows: the golden
 * files were written by the build whose spill kept each row as JSON text (commit
 * db1ae9a), and every later encoding must give the same bytes, in both formats.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InterviewRecord } from '../../src/record/types.js';
import { runExport, type ExportRequest } from '../../src/export/run-export.js';
import { makeRecord, removeDir, tempDir, type Person } from './helpers/records.js';
import { memoryExportRequest } from './helpers/request.js';

let dir: string;
beforeEach(() => {
  dir = tempDir('golden');
});
afterEach(() => removeDir(dir));

const SECRET = Buffer.alloc(32, 7);

/** A record id from a number, the same in every run (the golden files depend on it). */
function idOf(i: number): string {
  const s = (i * 2654435761 + 12345).toString(32).toUpperCase().padStart(8, '0').slice(-8);
  return `R-${s.slice(0, 4)}-${s.slice(4)}`;
}

/** Varied people, some duplicates (an older and a newer copy) and some excluded records. */
function goldenRecords(): Record<string, InterviewRecord> {
  const nationalities = ['ng', 'gh', 'ph', 'vn', 'np', 'et', 'ro'];
  const outcomes = ['met', 'partial', 'not_met'] as const;
  const out: Record<string, InterviewRecord> = {};
  for (let i = 0; i < 300; i++) {
    const p: Person = {
      age: 10 + ((i * 7) % 55),
      sex: (['f', 'm', 'f', 'x', 'f', 'm'] as const)[i % 6],
      nationality: nationalities[(i * i) % nationalities.length],
      region: `r0${1 + (i % 5)}`,
      month: `2024-${String(1 + ((i * 5) % 12)).padStart(2, '0')}`,
      outcome: outcomes[i % 3],
      ...(i % 41 === 0 ? { mode: 'practice' as const } : {}),
      ...(i % 53 === 0 ? { status: 'stopped' as const } : {}),
    };
    out[`f${String(i).padStart(4, '0')}.rec`] = makeRecord(idOf(i), p);
  }
  for (const i of [4, 17, 99]) {
    const base = { ...out[`f${String(i).padStart(4, '0')}.rec`]! };
    out[`g${i}.rec`] = { ...base, updatedAt: '2025-01-01T00:00:00.000Z' };
  }
  return out;
}

function request(records: Record<string, InterviewRecord>, over: Partial<ExportRequest>) {
  return memoryExportRequest(dir, SECRET, records, { out: join(dir, 'out'), ...over });
}

const GOLDEN = join(import.meta.dirname, 'fixtures', 'golden');

describe('export output is the same whatever the spill encoding', () => {
  it.each(['csv', 'jsonl'] as const)('%s: the bytes the JSON-text spill gave', async (format) => {
    await runExport(request(goldenRecords(), { format }));
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as {
      output: { file: string };
    };
    summary.output.file = 'out';
    await expect(readFileSync(join(dir, 'out'), 'utf8')).toMatchFileSnapshot(
      join(GOLDEN, `spill-golden.${format}`),
    );
    await expect(JSON.stringify(summary, null, 2) + '\n').toMatchFileSnapshot(
      join(GOLDEN, `spill-golden.${format}.summary`),
    );
  });
});

/**
 * An in-process export request over records held in memory (a stand-in for the file
 * reader): the fixture questionnaire, k = 3, CSV, output and temporary files in `dir`.
 * A record given as an Error is a file that fails to open.
 */
import { join } from 'node:path';
import type { ExportRequest } from '../../../src/export/run-export.js';
import type { InterviewRecord } from '../../../src/record/types.js';
import { assess } from '../../../src/scoring/index.js';
import { fixtureQuestionnaire } from './records.js';

export function memoryExportRequest(
  dir: string,
  secret: Buffer,
  records: Record<string, InterviewRecord | Error>,
  over: Partial<ExportRequest> = {},
): ExportRequest {
  const q = fixtureQuestionnaire();
  return {
    reader: {
      files: Object.keys(records).sort(),
      async open(file) {
        const r = records[file]!;
        if (r instanceof Error) throw r;
        return structuredClone(r);
      },
    },
    questionnaireByHash: (hash) => (hash === q.hash ? q : undefined),
    assess,
    secret,
    k: 3,
    format: 'csv',
    profile: 'default',
    out: join(dir, 'out.csv'),
    summary: join(dir, 'summary.json'),
    tmpDir: dir,
    ...over,
  };
}

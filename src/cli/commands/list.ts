/**
 * `screener list [--json]`: ids, dates, status and questionnaire of every stored
 * interview, never anything the person said. Unreadable files are named on stderr
 * (exit 4) without hiding the readable ones.
 */
import { shortTime } from '../short-time.js';
import type { CliContext } from '../context.js';
import { writeLine } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { openStore } from '../open-store.js';
import type { RecordSummary } from '../../record/store-api.js';
import type { RecordStatus } from '../../record/types.js';

interface Options {
  json?: boolean;
}

const STATUS_TEXT: Record<RecordStatus, string> = {
  in_progress: 'in progress',
  completed: 'completed',
  stopped: 'stopped',
  abandoned: 'abandoned',
};

export async function run(ctx: CliContext, args: readonly unknown[]): Promise<number> {
  const [opts] = args as [Options];
  const store = await openStore(ctx);
  const { records, problems } = await store.listWithProblems();
  if (opts.json) {
    writeLine(ctx.stdout, JSON.stringify(records.map(toJson), null, 2));
  } else if (records.length === 0) {
    if (problems.length === 0) writeLine(ctx.stderr, `No stored interviews in ${store.dataDir}.`);
  } else {
    writeTable(ctx, records);
  }
  for (const p of problems)
    writeLine(ctx.stderr, `screener: ${p.id ?? p.file}: ${p.message} [${p.code}]`);
  if (problems.length === 0) return EXIT.ok;
  writeLine(
    ctx.stderr,
    `${problems.length} record file${problems.length === 1 ? '' : 's'} could not be read; the others are listed.`,
  );
  return problems.some((p) => p.kind === 'data') ? EXIT.data : EXIT.unexpected;
}

/** Explicit fields: a summary gains no new field in the output without a decision here. */
function toJson(r: RecordSummary) {
  return {
    id: r.id,
    startedAt: r.startedAt,
    updatedAt: r.updatedAt,
    status: r.status,
    questionnaire: { id: r.questionnaire.id, version: r.questionnaire.version },
  };
}

function writeTable(ctx: CliContext, records: readonly RecordSummary[]): void {
  const rows = [
    ['ID', 'STARTED', 'UPDATED', 'STATUS', 'QUESTIONNAIRE'],
    ...records.map((r) => [
      r.id,
      shortTime(r.startedAt),
      shortTime(r.updatedAt),
      STATUS_TEXT[r.status] ?? r.status,
      `${r.questionnaire.id} ${r.questionnaire.version}`,
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const row of rows)
    writeLine(
      ctx.stdout,
      row
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    );
}

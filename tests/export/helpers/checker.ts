/**
 * The independent checker: re-reads an export's bytes with a plain CSV / JSONL parser
 * written here (not the code under test) and checks the guarantee by counting.
 */
export interface ParsedExport {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** RFC 4180 CSV: quoted fields, doubled quotes, LF or CRLF line ends. */
export function parseCsv(text: string): ParsedExport {
  const records: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      records.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    records.push(row);
  }
  const [header = [], ...rows] = records;
  return { header, rows };
}

export function parseJsonl(text: string): ParsedExport {
  const objects = text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const header = objects[0] ? Object.keys(objects[0]) : [];
  const rows = objects.map((o) =>
    header.map((h) => (typeof o[h] === 'string' ? (o[h] as string) : JSON.stringify(o[h]))),
  );
  return { header, rows };
}

/** Combinations of the given columns that occur fewer than k times (empty when the guarantee holds). */
export function violations(
  table: ParsedExport,
  columns: readonly string[],
  k: number,
): { combination: string; count: number }[] {
  const idx = columns.map((c) => {
    const i = table.header.indexOf(c);
    if (i < 0) throw new Error(`column ${c} missing from the export`);
    return i;
  });
  const counts = new Map<string, number>();
  for (const r of table.rows) {
    const key = JSON.stringify(idx.map((i) => r[i]));
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .filter(([, n]) => n < k)
    .map(([combination, count]) => ({ combination, count }));
}

/** Same check on plain rows of quasi-identifier values. */
export function rowViolations(rows: readonly (readonly string[])[], k: number): number {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const key = JSON.stringify(r);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.values()].filter((n) => n < k).length;
}

/**
 * Aggregate counts for the summary, in the CTDC manner: a count below k is shown as
 * the string "<k" (never the number), and other counts are rounded down to a multiple
 * of k, so no published figure singles out fewer than k people, and totals cannot be
 * differenced back into one. Counted on the rows as published (population as it
 * appears in the file, `*` included), so the summary never tells more than the file.
 */
import type { DeidRow } from './deidentify.js';
import { compareStrings } from './kanon/counter.js';

export type SafeCount = number | `<${number}`;

/** 0 stays 0 (nobody); 1…k−1 becomes "<k"; otherwise rounded down to a multiple of k. */
export function safeCount(n: number, k: number): SafeCount {
  if (n === 0) return 0;
  if (n < k) return `<${k}`;
  return Math.floor(n / k) * k;
}

export class Tally {
  private readonly outcome = new Map<string, number>();
  private readonly population = new Map<string, number>();
  private readonly positive = new Map<string, number>();
  private readonly negative = new Map<string, number>();
  private readonly indicator = new Map<string, number>();
  private readonly flag = new Map<string, number>();

  add(row: DeidRow, publishedPopulation: string): void {
    bump(this.outcome, row.outcome);
    bump(this.population, publishedPopulation);
    for (const [d, pos] of Object.entries(row.dimensions))
      bump(pos ? this.positive : this.negative, d);
    for (const i of row.indicators) bump(this.indicator, i);
    for (const f of row.flags) bump(this.flag, f);
  }

  /** Every count made safe for k; `outcomes`, `dimensions` and `indicators` list the ids that must appear even at 0. */
  report(
    k: number,
    ids: {
      outcomes: readonly string[];
      dimensions: readonly string[];
      indicators: readonly string[];
    },
  ) {
    const table = (m: Map<string, number>, keys: readonly string[]) => {
      const out: Record<string, SafeCount> = {};
      for (const key of [...new Set([...keys, ...[...m.keys()].sort(compareStrings)])])
        out[key] = safeCount(m.get(key) ?? 0, k);
      return out;
    };
    const dimension: Record<string, { positive: SafeCount; negative: SafeCount }> = {};
    for (const d of ids.dimensions)
      dimension[d] = {
        positive: safeCount(this.positive.get(d) ?? 0, k),
        negative: safeCount(this.negative.get(d) ?? 0, k),
      };
    return {
      outcome: table(this.outcome, ids.outcomes),
      population: table(this.population, ['adult', 'child']),
      dimension,
      indicator: table(this.indicator, ids.indicators),
      flag: table(this.flag, []),
    };
  }
}

function bump(m: Map<string, number>, key: string): void {
  m.set(key, (m.get(key) ?? 0) + 1);
}

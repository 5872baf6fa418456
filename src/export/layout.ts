/**
 * The row layout of an export, fixed once pass 1 has seen which questionnaires the
 * records use: the fixed columns, one column per dimension (positive/negative) and
 * per indicator (1/0), the flags, then the quasi-identifiers.
 *
 *   pseudonym, questionnaire_id, questionnaire_version, interview_month, population,
 *   outcome, dim_<id>…, ind_<id>…, flags, <quasi-identifier columns>…
 *
 * interview_month and population are quasi-identifiers too (they sit where readers
 * expect them); every quasi-identifier column carries the published, generalised
 * value, `*` when blanked.
 */
import { stringify } from 'csv-stringify/sync';
import { DIMENSION_IDS } from '../questionnaire/types.js';
import type { DeidRow } from './deidentify.js';
import { htcdsHeaders } from './htcds.js';
import { compareStrings } from './kanon/counter.js';

export type ExportFormat = 'csv' | 'jsonl';
export type ExportProfile = 'default' | 'htcds';

export interface LayoutInput {
  /** Dimension ids, in first-questionnaire order. */
  readonly dimensions: readonly string[];
  readonly indicators: readonly string[];
  /** Quasi-identifier columns in the plan's order (interview_month and population first). */
  readonly quasiIdentifiers: readonly string[];
  readonly profile: ExportProfile;
  readonly htcds: ReadonlyMap<string, string>;
  /**
   * Questionnaire id → version → the indicators it has. In a row, an indicator its
   * questionnaire does not have is empty (not applicable), not 0 (not raised).
   * Without it, every indicator applies to every row.
   */
  readonly indicatorsOf?: ReadonlyMap<string, ReadonlyMap<string, ReadonlySet<string>>>;
}

const MAX_REMEMBERED_CELLS = 10_000;
const PSEUDONYM = /^[0-9a-f]{16,}$/;

export class Layout {
  /** Our column names, in file order. */
  readonly columns: readonly string[];
  /** The names written in the header (differ under --profile htcds). */
  readonly headers: readonly string[];
  /** Dimension ids in column order. */
  readonly dimensionIds: readonly string[];
  readonly indicatorIds: readonly string[];
  private readonly qiIndex: ReadonlyMap<string, number>;
  private readonly indicatorsOf:
    ReadonlyMap<string, ReadonlyMap<string, ReadonlySet<string>>> | undefined;
  /** Quasi-identifiers other than interview_month and population, which sit at the end. */
  private readonly restQis: readonly string[];

  constructor(input: LayoutInput) {
    // Contract order for the six ILO dimensions, then any others a questionnaire adds.
    const contract = DIMENSION_IDS as readonly string[];
    this.dimensionIds = [
      ...contract.filter((d) => input.dimensions.includes(d)),
      ...input.dimensions.filter((d) => !contract.includes(d)).sort(compareStrings),
    ];
    this.indicatorIds = input.indicators;
    this.indicatorsOf = input.indicatorsOf;
    this.qiIndex = new Map(input.quasiIdentifiers.map((c, i) => [c, i]));
    const rest = input.quasiIdentifiers.filter(
      (c) => c !== 'interview_month' && c !== 'population',
    );
    this.columns = [
      'pseudonym',
      'questionnaire_id',
      'questionnaire_version',
      'interview_month',
      'population',
      'outcome',
      ...this.dimensionIds.map((d) => `dim_${d}`),
      ...this.indicatorIds.map((i) => `ind_${i}`),
      'flags',
      ...rest,
    ];
    this.restQis = rest;
    this.headers =
      input.profile === 'htcds' ? htcdsHeaders(this.columns, input.htcds) : this.columns;
  }

  /** The name a column of ours has in the file's header (under --profile htcds, the standard's). */
  headerOf(column: string): string {
    const i = this.columns.indexOf(column);
    return i < 0 ? column : this.headers[i]!;
  }

  /** The indicators of the row's questionnaire; undefined: every indicator applies. */
  private applicable(row: DeidRow): ReadonlySet<string> | undefined {
    return this.indicatorsOf?.get(row.questionnaireId)?.get(row.questionnaireVersion);
  }

  /** The cells of one row as strings (CSV) — published quasi-identifier values in plan order. */
  private cells(row: DeidRow, published: readonly string[]): (string | number | string[] | null)[] {
    const qi = (c: string) => published[this.qiIndex.get(c)!]!;
    const raised = new Set(row.indicators);
    const has = this.applicable(row);
    const known = (d: string) => row.dimensions[d];
    return [
      row.pseudonym,
      row.questionnaireId,
      row.questionnaireVersion,
      qi('interview_month'),
      qi('population'),
      row.outcome,
      ...this.dimensionIds.map((d) => {
        const v = known(d);
        return v === undefined ? null : v ? 'positive' : 'negative';
      }),
      ...this.indicatorIds.map((i) => (has && !has.has(i) ? null : raised.has(i) ? 1 : 0)),
      [...row.flags].sort(compareStrings),
      ...this.restQis.map(qi),
    ];
  }

  csvHeader(): string {
    return stringify([this.headers as string[]]);
  }

  /**
   * The cells of cells(), each as its text (null → empty, a list joined by `;`, a
   * number as digits), written straight into the line: the same bytes without an
   * array of cells and a set of indicators per row, in the loop that writes every row.
   */
  csvRows(rows: readonly { row: DeidRow; published: readonly string[] }[]): string {
    const month = this.qiIndex.get('interview_month')!;
    const population = this.qiIndex.get('population')!;
    const rest = this.restQis.map((c) => this.qiIndex.get(c)!);
    let out = '';
    for (const { row, published } of rows) {
      // A pseudonym is hex (csvCell would return it as it is) and unique: no lookup.
      let line =
        (PSEUDONYM.test(row.pseudonym) ? row.pseudonym : this.csvCell(row.pseudonym)) +
        ',' +
        this.csvCell(row.questionnaireId) +
        ',' +
        this.csvCell(row.questionnaireVersion) +
        ',' +
        this.csvCell(published[month]!) +
        ',' +
        this.csvCell(published[population]!) +
        ',' +
        this.csvCell(row.outcome);
      for (const d of this.dimensionIds) {
        const v = row.dimensions[d];
        line += ',' + this.csvCell(v === undefined ? '' : v ? 'positive' : 'negative');
      }
      const has = this.applicable(row);
      for (const i of this.indicatorIds)
        line +=
          ',' + this.csvCell(has && !has.has(i) ? '' : row.indicators.includes(i) ? '1' : '0');
      line += ',' + this.csvCell([...row.flags].sort(compareStrings).join(';'));
      for (const q of rest) line += ',' + this.csvCell(published[q]!);
      out += line + '\n';
    }
    return out;
  }

  /**
   * One cell as csv-stringify writes it (quoted and escaped where needed), remembered:
   * nearly every cell comes from a small vocabulary (choice values, bands, 0/1), and
   * handing the library one row of a hundred cells at a time costs most of an export's
   * writing time. Pseudonyms, unique per row, are not remembered.
   */
  private readonly csvCells = new Map<string, string>();
  private csvCell(v: string): string {
    // Remembered cells first: nearly every cell is one, and the pattern below cost more
    // than the lookup when tried on every cell.
    const known = this.csvCells.get(v);
    if (known !== undefined) return known;
    // Hex digits need no quoting: csv-stringify writes a pseudonym as it is (a test checks).
    if (PSEUDONYM.test(v)) return v;
    const text = stringify([[v]]).slice(0, -1);
    if (this.csvCells.size < MAX_REMEMBERED_CELLS) this.csvCells.set(v, text);
    return text;
  }

  jsonlRows(rows: readonly { row: DeidRow; published: readonly string[] }[]): string {
    let out = '';
    for (const { row, published } of rows) {
      const cells = this.cells(row, published);
      const obj: Record<string, unknown> = {};
      this.headers.forEach((h, i) => (obj[h] = cells[i]));
      out += JSON.stringify(obj) + '\n';
    }
    return out;
  }
}

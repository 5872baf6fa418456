/**
 * The k-anonymity step: from the counts of pass 1, choose one generalisation level
 * per column (a node of the lattice of levels) and the cells to blank, so that every
 * combination of published quasi-identifier values occurs in at least k rows, losing
 * as little information as possible.
 *
 * Optimal over the lattice for the loss measure of tables.ts: nodes are visited in
 * order of their generalisation loss alone, which is a lower bound of their total
 * loss (generalisation + blanking). The first node that needs no blanking ends the
 * search; nodes that need blanking are costed exactly by local suppression unless a
 * cheaper bound already rules them out. Every decision depends only on the counts
 * and the hierarchies, so the same data always gives the same plan.
 */
import type { Hierarchy } from '../hierarchy.js';
import { Classifier, type Classes } from './classes.js';
import type { Histogram } from './counter.js';
import { buildTables, type ColumnTables } from './tables.js';
import { GroupScratch, NumberIndex } from './hash.js';
import { localSuppression, type SuppressionResult } from './suppress.js';
import { SUPPRESSED, UNKNOWN } from '../values.js';

export interface ColumnOutcome {
  readonly column: string;
  /** The level published: the top (`suppressed`) when every cell is `*`, however it got there. */
  readonly level: number;
  readonly levelName: string;
  /** Level names of the column's hierarchy, finest first. */
  readonly levels: readonly string[];
  /** Cells of this column blanked by local suppression (not counting a column at `*`). */
  readonly suppressedCells: number;
}

export interface KAnonReport {
  readonly k: number;
  readonly records: number;
  readonly columns: readonly ColumnOutcome[];
  /** Cells blanked by local suppression. */
  readonly suppressedCells: number;
  /** Quasi-identifier cells that are `*` in the file, whether by suppression or by a column at its top level. */
  readonly blankCells: number;
  readonly quasiIdentifierCells: number;
  /** Columns that are `*` in every row, by generalisation or by blanking every cell. */
  readonly columnsSuppressed: readonly string[];
  /**
   * Of columnsSuppressed, those k could not be met without: no table of these rows
   * that publishes a value of the column in even one row reaches k.
   */
  readonly columnsForced: readonly string[];
  /** Average information loss per quasi-identifier cell, 0 (none) to 1 (all blank). */
  readonly informationLoss: number;
  readonly nodesVisited: number;
  readonly nodesCosted: number;
  /** Distinct level-0 combinations counted in pass 1. */
  readonly combinations: number;
}

export interface KAnonPlan {
  readonly k: number;
  readonly columns: readonly string[];
  readonly levels: readonly number[];
  /** Per column: level-0 value → code of its generalised value. */
  readonly codeOf: readonly ReadonlyMap<string, number>[];
  /** Per column: generalised code → published value (before blanking). */
  readonly values: readonly (readonly string[])[];
  /** Class key (classKey) → bit mask of blanked columns; absent means none. */
  readonly masks: ReadonlyMap<number | string, number>;
  /** Class key → rows of it (first met) blanked in every column that can be. */
  readonly overflow: ReadonlyMap<number | string, number>;
  /** Bit mask of every column not already `*` by generalisation. */
  readonly fullMask: number;
  readonly report: KAnonReport;
}

/**
 * The key of a combination of generalised codes: a mixed-radix number when the
 * value space allows (it nearly always does), else the codes joined.
 */
export function classKey(
  values: readonly (readonly string[])[],
  codes: ArrayLike<number>,
): number | string {
  let space = 1;
  for (const v of values) space *= v.length;
  if (space > Number.MAX_SAFE_INTEGER) return Array.from(codes).join(',');
  let key = 0;
  for (let c = 0; c < values.length; c++) key = key * values[c]!.length + codes[c]!;
  return key;
}

export type KAnonResult =
  | { readonly ok: true; readonly plan: KAnonPlan }
  /** Fewer records than k (but some): no table of them can meet k. */
  | { readonly ok: false; readonly records: number; readonly k: number };

export interface KAnonOptions {
  readonly k: number;
  /** Lattices larger than this are refused (too many quasi-identifier columns). */
  readonly maxLatticeNodes?: number;
}

export const MAX_LATTICE_NODES = 1 << 20;
export class LatticeTooLargeError extends Error {
  constructor(readonly nodes: number) {
    super(`the generalisation lattice has ${nodes} nodes`);
  }
}

export function anonymise(
  h: Histogram,
  hierarchies: readonly Hierarchy[],
  options: KAnonOptions,
): KAnonResult {
  const k = Math.max(1, Math.floor(options.k));
  const q = h.columns.length;
  if (q > 30) throw new LatticeTooLargeError(Infinity);
  const N = h.total;
  if (N > 0 && N < k && k > 1) return { ok: false, records: N, k };
  const tables = buildTables(h, hierarchies);
  const classifier = new Classifier(h, tables);

  const radix = tables.map((t) => t.top + 1);
  const latticeSize = radix.reduce((a, b) => a * b, 1);
  if (latticeSize > (options.maxLatticeNodes ?? MAX_LATTICE_NODES))
    throw new LatticeTooLargeError(latticeSize);

  const nodes = enumerateNodes(radix, tables);

  // Phase 1: visit nodes cheapest-generalisation first, bounding each node's total
  // loss from below (one cheapest cell per row at risk) and from above (the naive
  // plan: blank every cell of every row at risk), until no node left can beat the
  // best found. A node with few rows at risk is costed exactly at once: that is cheap
  // and gives a much tighter bound than the naive plan, so fewer nodes are visited.
  interface Visit {
    readonly node: Node;
    readonly atRisk: number;
    readonly lower: number;
    costed: boolean;
  }
  type Best = {
    levels: number[];
    total: number;
    suppression: SuppressionResult | undefined;
    classes: Classes;
  };
  const visits: Visit[] = [];
  let bestUpper = Infinity;
  let best: Best | undefined;
  let costed = 0;
  const scratch = new GroupScratch();
  const boundsScratch = new BoundsScratch(h);
  const cost = (v: Visit, classes: Classes): void => {
    v.costed = true;
    if (v.atRisk === 0) {
      if (!best || v.node.loss < best.total)
        best = {
          levels: v.node.levels,
          total: v.node.loss,
          suppression: undefined,
          classes: copy(classes),
        };
      return;
    }
    costed++;
    const limit = best ? best.total - v.node.loss : Infinity;
    const suppression = suppress(h, tables, classes, v.node.levels, k, limit, scratch);
    if (!suppression) return;
    const total = v.node.loss + suppression.cost;
    if (!best || total < best.total)
      best = { levels: v.node.levels, total, suppression, classes: copy(classes) };
  };
  const EAGER_SHARE = 0.1;
  for (const node of nodes) {
    const bound = Math.min(bestUpper, best?.total ?? Infinity);
    if (node.loss >= bound) break;
    const classes = classifier.classify(node.levels);
    const b = bounds(classes, tables, node, k, boundsScratch);
    const v: Visit = { node, atRisk: b.atRisk, lower: b.lower, costed: false };
    visits.push(v);
    bestUpper = Math.min(bestUpper, b.upper);
    if (b.lower < (best?.total ?? Infinity) && b.atRisk <= EAGER_SHARE * N) cost(v, classes);
  }

  // Phase 2: cost the other promising nodes exactly, most promising first; local
  // suppression gives up on a node as soon as it cannot beat the best so far.
  const candidates = visits
    .filter((v) => !v.costed && v.lower <= bestUpper)
    .sort(
      (a, b) =>
        a.lower - b.lower ||
        a.node.loss - b.node.loss ||
        a.node.height - b.node.height ||
        lexicographic(a.node.levels, b.node.levels),
    );
  for (const v of candidates) {
    if (best && v.lower >= best.total) break;
    cost(v, classifier.classify(v.node.levels));
  }
  const visited = visits.length;
  const chosen = best as Best | undefined;
  if (!chosen) {
    // Only an empty histogram gets here (no rows at all): publish at the finest level.
    const levels = new Array<number>(q).fill(0);
    return {
      ok: true,
      plan: buildPlan(
        h,
        tables,
        k,
        levels,
        classifier.classify(levels),
        undefined,
        0,
        visited,
        costed,
      ),
    };
  }
  return {
    ok: true,
    plan: buildPlan(
      h,
      tables,
      k,
      chosen.levels,
      chosen.classes,
      chosen.suppression,
      chosen.total,
      visited,
      costed,
    ),
  };
}

/**
 * What `bounds` reads at every node: each entry's level-0 codes side by side
 * ([entry × columns + column], so one class's cells are read together), and room for
 * the node's blanking cost of each level-0 value of each column.
 */
class BoundsScratch {
  readonly entryCodes: Int32Array;
  /** Column c's values start at offsets[c] in `cellCost`. */
  readonly offsets: Int32Array;
  readonly cellCost: Float64Array;
  readonly active: Int32Array;
  /** Rows at risk, lower sum, upper sum. */
  readonly out = new Float64Array(3);

  constructor(h: Histogram) {
    const q = h.columns.length;
    const n = h.counts.length;
    this.entryCodes = new Int32Array(n * q);
    for (let c = 0; c < q; c++) interleave(h.codes[c]!, n, q, c, this.entryCodes);
    this.offsets = new Int32Array(q);
    let size = 0;
    for (let c = 0; c < q; c++) {
      this.offsets[c] = size;
      size += h.values[c]!.length;
    }
    this.cellCost = new Float64Array(size);
    this.active = new Int32Array(q);
  }
}

/** Column `c` of `codes` into every q-th place of `out` (a loop alone: see `riskBounds`). */
function interleave(codes: Int32Array, n: number, q: number, c: number, out: Int32Array): number {
  for (let e = 0; e < n; e++) out[e * q + c] = codes[e]!;
  return n;
}

/**
 * Rows at risk, and bounds on the node's total loss: one cheapest cell per row at
 * risk ≤ loss ≤ every active cell of those rows. One pass over the classes; per class
 * the cell costs are added in column order and the classes in class order, as they
 * always were, so the sums are the same to the last bit.
 */
function bounds(
  classes: Classes,
  tables: readonly ColumnTables[],
  node: Node,
  k: number,
  scratch: BoundsScratch,
): { atRisk: number; lower: number; upper: number } {
  const { offsets, cellCost, active, out } = scratch;
  let na = 0;
  for (const c of activeColumns(tables, node.levels)) {
    const l = node.levels[c]!;
    const t = tables[c]!;
    nodeCellCosts(t.gen[l]!, t.loss[l]!, offsets[c]!, cellCost);
    active[na++] = c;
  }
  const q = tables.length;
  riskBounds(
    classes.n,
    classes.size,
    classes.first,
    k,
    scratch.entryCodes,
    q,
    active,
    na,
    offsets,
    cellCost,
    out,
  );
  const atRisk = out[0]!;
  const lower = out[1]!;
  const upper = out[2]!;
  return {
    atRisk,
    lower: node.loss + lower,
    upper: atRisk === 0 ? node.loss : atRisk >= k ? node.loss + upper : Infinity,
  };
}

// The loops of `bounds`, each alone in a function that returns a number, so that the
// code V8 compiles for a long loop while it runs is the whole function (code after
// the loop, not yet run then, would make every later call leave the compiled loop).

/** The extra loss of blanking a cell at this level, by the cell's level-0 value. */
function nodeCellCosts(
  gen: Int32Array,
  loss: Float64Array,
  offset: number,
  cellCost: Float64Array,
): number {
  for (let v = 0; v < gen.length; v++) cellCost[offset + v] = 1 - loss[gen[v]!]!;
  return gen.length;
}

/**
 * Over the classes under k: their rows, Σ rows × cheapest active cell (none: 0) and
 * Σ rows × all active cells, into out[0..2].
 */
function riskBounds(
  n: number,
  classSize: Int32Array,
  classFirst: Int32Array,
  k: number,
  entryCodes: Int32Array,
  q: number,
  active: Int32Array,
  na: number,
  offsets: Int32Array,
  cellCost: Float64Array,
  out: Float64Array,
): number {
  let atRisk = 0;
  let lower = 0;
  let upper = 0;
  for (let cls = 0; cls < n; cls++) {
    const size = classSize[cls]!;
    if (size >= k) continue;
    const row = classFirst[cls]! * q;
    let min = Infinity;
    let sum = 0;
    for (let j = 0; j < na; j++) {
      const c = active[j]!;
      const cost = cellCost[offsets[c]! + entryCodes[row + c]!]!;
      if (cost < min) min = cost;
      sum += cost;
    }
    atRisk += size;
    lower += size * (min === Infinity ? 0 : min);
    upper += size * sum;
  }
  out[0] = atRisk;
  out[1] = lower;
  out[2] = upper;
  return n;
}

interface Node {
  readonly levels: number[];
  readonly loss: number;
  readonly height: number;
}

/** Every node with its generalisation loss, cheapest first; ties to the lower, then lexicographic. */
function enumerateNodes(radix: readonly number[], tables: readonly ColumnTables[]): Node[] {
  const nodes: Node[] = [];
  const levels = new Array<number>(radix.length).fill(0);
  const total = radix.reduce((a, b) => a * b, 1);
  for (let i = 0; i < total; i++) {
    let rest = i;
    let loss = 0;
    let height = 0;
    for (let c = radix.length - 1; c >= 0; c--) {
      levels[c] = rest % radix[c]!;
      rest = Math.floor(rest / radix[c]!);
    }
    for (let c = 0; c < radix.length; c++) {
      loss += tables[c]!.levelLoss[levels[c]!]!;
      height += levels[c]!;
    }
    nodes.push({ levels: [...levels], loss, height });
  }
  nodes.sort((a, b) => a.loss - b.loss || a.height - b.height || lexicographic(a.levels, b.levels));
  return nodes;
}

function lexicographic(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/**
 * Columns local suppression may blank at this node: not already `*`, and with more
 * than one value. Blanking a column every row agrees on never makes two rows alike,
 * so it would only lose a cell (a constant interview month, say).
 */
function activeColumns(tables: readonly ColumnTables[], levels: readonly number[]): number[] {
  return tables
    .map((_, c) => c)
    .filter((c) => levels[c]! < tables[c]!.top && tables[c]!.genValues[levels[c]!]!.length > 1);
}

function suppress(
  h: Histogram,
  tables: readonly ColumnTables[],
  classes: Classes,
  levels: readonly number[],
  k: number,
  limit: number,
  scratch: GroupScratch,
): SuppressionResult | undefined {
  // One row per class of codes and blanking costs, read many times by the greedy search.
  const q = tables.length;
  const codes = new Int32Array(classes.n * q);
  const costs = new Float64Array(classes.n * q);
  const first = classes.first;
  for (let c = 0; c < q; c++) {
    const l = levels[c]!;
    const loss = tables[c]!.loss[l]!;
    classCells(classes.n, first, h.codes[c]!, tables[c]!.gen[l]!, loss, q, c, codes, costs);
  }
  return localSuppression(
    {
      k,
      columns: q,
      active: activeColumns(tables, levels),
      classes: classes.n,
      size: classes.size,
      codes,
      costs,
      cards: tables.map((t, c) => t.genValues[levels[c]!]!.length),
    },
    limit,
    scratch,
  );
}

/** Column `c` of the classes' codes and blanking costs (a loop alone: see `riskBounds`). */
function classCells(
  n: number,
  first: Int32Array,
  entryCodes: Int32Array,
  gen: Int32Array,
  loss: Float64Array,
  q: number,
  c: number,
  codes: Int32Array,
  costs?: Float64Array,
): number {
  for (let cls = 0; cls < n; cls++) {
    const code = gen[entryCodes[first[cls]!]!]!;
    codes[cls * q + c] = code;
    if (costs) costs[cls * q + c] = 1 - loss[code]!;
  }
  return n;
}

/** The plan's masks and rows lent, by numeric class key (as `classKey`); a loop alone, as `riskBounds`. */
function planMasks(
  n: number,
  q: number,
  values: readonly (readonly string[])[],
  classCodes: Int32Array,
  suppression: SuppressionResult,
  masks: Map<number | string, number>,
  overflow: Map<number | string, number>,
): number {
  for (let cls = 0; cls < n; cls++) {
    const m = suppression.mask[cls]!;
    const extra = suppression.overflow.get(cls) ?? 0;
    if (m === 0 && extra === 0) continue;
    let key = 0;
    for (let c = 0; c < q; c++) key = key * values[c]!.length + classCodes[cls * q + c]!;
    if (m !== 0) masks.set(key, m);
    if (extra !== 0) overflow.set(key, extra);
  }
  return n;
}

/** The classifier may reuse its buffers; the chosen node's classes must survive the next visit. */
function copy(c: Classes): Classes {
  return { n: c.n, size: c.size.slice(0, c.n), first: c.first.slice(0, c.n) };
}

function buildPlan(
  h: Histogram,
  tables: readonly ColumnTables[],
  k: number,
  levels: readonly number[],
  classes: Classes,
  suppression: SuppressionResult | undefined,
  totalLoss: number,
  visited: number,
  costed: number,
): KAnonPlan {
  const q = tables.length;
  const values = tables.map((t, c) => t.genValues[levels[c]!]!);
  const codeOf = tables.map((t, c) => {
    const g = t.gen[levels[c]!]!;
    return new Map(h.values[c]!.map((v, code) => [v, g[code]!]));
  });
  const masks = new Map<number | string, number>();
  const overflow = new Map<number | string, number>();
  if (suppression) {
    const numeric = values.reduce((a, v) => a * v.length, 1) <= Number.MAX_SAFE_INTEGER;
    const classCodes = new Int32Array(classes.n * q);
    for (let c = 0; c < q; c++) {
      const l = levels[c]!;
      const loss = tables[c]!.loss[l]!;
      classCells(classes.n, classes.first, h.codes[c]!, tables[c]!.gen[l]!, loss, q, c, classCodes);
    }
    if (numeric) planMasks(classes.n, q, values, classCodes, suppression, masks, overflow);
    else {
      const codes = new Int32Array(q);
      for (let cls = 0; cls < classes.n; cls++) {
        const m = suppression.mask[cls]!;
        const extra = suppression.overflow.get(cls) ?? 0;
        if (m === 0 && extra === 0) continue;
        for (let c = 0; c < q; c++) codes[c] = classCodes[cls * q + c]!;
        const key = classKey(values, codes);
        if (m !== 0) masks.set(key, m);
        if (extra !== 0) overflow.set(key, extra);
      }
    }
  }
  const active = activeColumns(tables, levels);
  let fullMask = 0;
  for (const c of active) fullMask |= 1 << c;
  const N = h.total;
  const topColumns = tables.filter((t, c) => levels[c] === t.top);
  const suppressedCells = suppression?.suppressedCells ?? 0;
  const columns: ColumnOutcome[] = tables.map((t, c) => {
    const suppressedCells = suppression ? suppression.perColumn[c]! : 0;
    // Blanked in every row, the column publishes nothing of the level it was at.
    const level = N > 0 && suppressedCells === N ? t.top : levels[c]!;
    return {
      column: t.name,
      level,
      levelName: t.levelNames[level]!,
      levels: t.levelNames,
      suppressedCells,
    };
  });
  // Blanked everywhere, by generalisation to `*` or by suppressing every one of its cells.
  const suppressedColumns = columns
    .map((_, c) => c)
    .filter((c) => N > 0 && columns[c]!.level === tables[c]!.top);
  return {
    k,
    columns: h.columns,
    levels,
    codeOf,
    values,
    masks,
    overflow,
    fullMask,
    report: {
      k,
      records: N,
      columns,
      suppressedCells,
      blankCells: suppressedCells + topColumns.length * N,
      quasiIdentifierCells: N * q,
      columnsSuppressed: suppressedColumns.map((c) => tables[c]!.name),
      columnsForced: suppressedColumns
        .filter((c) => !keepable(h, tables[c]!, c, k))
        .map((c) => tables[c]!.name),
      informationLoss: N * q > 0 ? totalLoss / (N * q) : 0,
      nodesVisited: visited,
      nodesCosted: costed,
      combinations: h.counts.length,
    },
  };
}

/**
 * Whether some table reaching k publishes a value of column `c` in at least one row.
 * It does exactly when, at the column's coarsest level short of `*`, some value v has
 * at least k records and the rest can be a combination of their own (none, or at
 * least k): keep v in k of its rows, or all of them when they are every row, blank
 * every other cell. Any table that keeps the column somewhere coarsens to that one,
 * and merging combinations never takes one below k.
 */
function keepable(h: Histogram, t: ColumnTables, c: number, k: number): boolean {
  if (t.top === 0) return false;
  const gen = t.gen[t.top - 1]!;
  const perValue = new Float64Array(t.genValues[t.top - 1]!.length);
  const codes = h.codes[c]!;
  for (let e = 0; e < h.counts.length; e++) perValue[gen[codes[e]!]!]! += h.counts[e]!;
  return perValue.some((n) => n >= k && (n === h.total || h.total >= 2 * k));
}

/**
 * Pass 2: publishes rows one at a time by the plan. Stateful only for the rows a
 * combination lends to the all-blank combination (the first ones met, so the stream
 * order, which is deterministic, decides which). It also counts what it published,
 * so the guarantee is checked on the actual output before the file is kept.
 */
export class PlanApplier {
  /**
   * Class key → slot: one lookup per row finds everything the plan says about the
   * row's class (its blanked columns, the rows it still lends) and the published
   * combinations its rows count towards, instead of one map per question.
   */
  private readonly slotOf = new Map<number | string, number>();
  /** The same for numeric class keys (nearly always): no boxed keys, no Map hashing. */
  private readonly slotOfNumber = new NumberIndex();
  private readonly slotMask: number[] = [];
  /** Rows the class still lends to the all-blank combination (its first ones). */
  private readonly slotLend: number[] = [];
  /** Published combination of the class's rows with its own mask, and of rows it lends; −1 until met. */
  private readonly slotOwn: number[] = [];
  private readonly slotLent: number[] = [];
  private readonly publishedId = new Map<number | string, number>();
  private readonly publishedIdNumber = new NumberIndex();
  private readonly publishedCount: number[] = [];
  /** The plan's masks and rows lent, by numeric class key: a Map lookup per class cost more than the rest of its first row. */
  private readonly maskOfNumber = new NumberIndex();
  private readonly lendOfNumber = new NumberIndex();
  private readonly codes: Int32Array;
  private readonly numeric: boolean;
  private readonly classNumeric: boolean;
  private readonly radix: readonly number[];

  constructor(private readonly plan: KAnonPlan) {
    this.codes = new Int32Array(plan.columns.length);
    this.radix = plan.values.map((v) => v.length);
    this.classNumeric = this.radix.reduce((a, b) => a * b, 1) <= Number.MAX_SAFE_INTEGER;
    // Published keys have one more code per column (the blank), hence radix + 1.
    this.numeric = this.radix.reduce((a, b) => a * (b + 1), 1) <= Number.MAX_SAFE_INTEGER;
    if (this.classNumeric) {
      indexNumbers(plan.masks, this.maskOfNumber);
      indexNumbers(plan.overflow, this.lendOfNumber);
    }
  }

  /** Key of the published values: a blanked cell is one more code per column, so equal rows get equal keys. */
  private publishedKey(m: number): number | string {
    const { codes, radix } = this;
    if (!this.numeric) return Array.from(codes, (code, c) => (m & (1 << c) ? '*' : code)).join(',');
    let key = 0;
    for (let c = 0; c < codes.length; c++)
      key = key * (radix[c]! + 1) + (m & (1 << c) ? radix[c]! : codes[c]!);
    return key;
  }

  /** The published combination of the current row's codes with mask `m`, numbered on first sight. */
  private publishedOf(m: number): number {
    const key = this.publishedKey(m);
    if (typeof key === 'number') {
      let id = this.publishedIdNumber.get(key);
      if (id < 0) {
        id = this.publishedCount.length;
        this.publishedIdNumber.add(key, id);
        this.publishedCount.push(0);
      }
      return id;
    }
    let id = this.publishedId.get(key);
    if (id === undefined) {
      id = this.publishedCount.length;
      this.publishedId.set(key, id);
      this.publishedCount.push(0);
    }
    return id;
  }

  private newSlot(key: number | string): number {
    const slot = this.slotMask.length;
    if (typeof key === 'number') {
      this.slotOfNumber.add(key, slot);
      this.slotMask.push(Math.max(0, this.maskOfNumber.get(key)));
      this.slotLend.push(Math.max(0, this.lendOfNumber.get(key)));
    } else {
      this.slotOf.set(key, slot);
      this.slotMask.push(this.plan.masks.get(key) ?? 0);
      this.slotLend.push(this.plan.overflow.get(key) ?? 0);
    }
    this.slotOwn.push(-1);
    this.slotLent.push(-1);
    return slot;
  }

  /** Level-0 values in the plan's column order → the published values. */
  apply(values: readonly string[]): string[] {
    const out = new Array<string>(values.length);
    for (let c = 0; c < values.length; c++) this.cell(c, values[c]!, out);
    return this.publish(out);
  }

  /**
   * A row's quasi-identifiers by column name (a column it lacks is `unknown`) → the
   * published values in the plan's column order. The same as `apply` on those values
   * in that order, without building the array of values for every row.
   */
  applyRecord(qi: Readonly<Record<string, string>>): string[] {
    const columns = this.plan.columns;
    const q = columns.length;
    const out = new Array<string>(q);
    // As in the counter: a row holding exactly the columns, in order, is read by walking
    // its own keys; any other row by name.
    let c = 0;
    for (const name in qi) {
      if (c === q || name !== columns[c]) {
        c = -1;
        break;
      }
      this.cell(c, qi[name] ?? UNKNOWN, out);
      c++;
    }
    if (c !== q) for (c = 0; c < q; c++) this.cell(c, qi[columns[c]!] ?? UNKNOWN, out);
    return this.publish(out);
  }

  /** Codes and publishes (before blanking) one cell of the current row. */
  private cell(c: number, value: string, out: string[]): void {
    const plan = this.plan;
    const code = plan.codeOf[c]!.get(value);
    if (code === undefined)
      throw new Error(`internal: a value not counted in pass 1 in column ${plan.columns[c]}`);
    this.codes[c] = code;
    out[c] = plan.values[c]![code]!;
  }

  /** Blanks the current row's cells as its class says, and counts what it published. */
  private publish(out: string[]): string[] {
    const { plan, codes, radix } = this;
    let slot: number;
    if (this.classNumeric) {
      let key = 0;
      for (let c = 0; c < codes.length; c++) key = key * radix[c]! + codes[c]!;
      slot = this.slotOfNumber.get(key);
      if (slot < 0) slot = this.newSlot(key);
    } else {
      const key = classKey(plan.values, codes);
      slot = this.slotOf.get(key) ?? this.newSlot(key);
    }
    let m: number;
    let id: number;
    if (this.slotLend[slot]! > 0) {
      this.slotLend[slot]!--;
      m = plan.fullMask;
      id = this.slotLent[slot]!;
      if (id < 0) id = this.slotLent[slot] = this.publishedOf(m);
    } else {
      m = this.slotMask[slot]!;
      id = this.slotOwn[slot]!;
      if (id < 0) id = this.slotOwn[slot] = this.publishedOf(m);
    }
    this.publishedCount[id]!++;
    if (m !== 0) for (let c = 0; c < out.length; c++) if (m & (1 << c)) out[c] = SUPPRESSED;
    return out;
  }

  /** Published combinations seen fewer than k times: must be none before the file is kept. */
  violations(): number {
    let n = 0;
    for (const count of this.publishedCount) if (count < this.plan.k) n++;
    return n;
  }

  /** Distinct published combinations. */
  combinations(): number {
    return this.publishedCount.length;
  }
}

/** A map's entries, whose keys are numbers, into `index` (a loop alone: see `riskBounds`). */
function indexNumbers(map: ReadonlyMap<number | string, number>, index: NumberIndex): number {
  for (const [key, value] of map) index.add(key as number, value);
  return map.size;
}

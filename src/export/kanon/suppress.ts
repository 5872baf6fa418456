/**
 * Local suppression: after generalisation, the classes still smaller than k get
 * single cells blanked (`*`) until every published combination occurs at least k
 * times. A blanked cell is a value of its own here (`*` matches only `*`), so the
 * guarantee can be checked by counting the file's rows, with no wildcard semantics.
 *
 * The anchor is sdcMicro's local suppression (blank, per unsafe record, the key
 * variable that costs least), adapted to that strict reading: blanking the same
 * columns in several small classes makes them one combination, and the merged
 * combination is published only if it reaches k. Greedy, as sdcMicro's is: fewest
 * blanked cells per row first (one column, then two, …); within one size, column
 * sets that bring more records to k go first, ties to the one that loses least.
 * What is left at the end joins the all-blank combination; if that holds fewer than
 * k rows, rows are borrowed from combinations that have more than k (cheapest
 * first) or, failing that, one whole combination joins it. The result is never worse
 * than the naive plan (blank every cell of every unsafe row) when that one is valid.
 */
import { GroupScratch, hashKey } from './hash.js';

export interface SuppressionInput {
  readonly k: number;
  /** Number of columns (row width of the matrices below). */
  readonly columns: number;
  /** Columns that can still be blanked (those not already at `*` by generalisation). */
  readonly active: readonly number[];
  readonly classes: number;
  /** Class → records. */
  readonly size: ArrayLike<number>;
  /** [class × columns + column] → generalised value code. */
  readonly codes: Int32Array;
  /** [class × columns + column] → extra loss of blanking that cell (1 − its value's loss). */
  readonly costs: Float64Array;
  /** Column → number of codes at this node. */
  readonly cards: ArrayLike<number>;
}

export interface SuppressionResult {
  /** Class → bit mask of blanked columns (bit i = column i). */
  readonly mask: Int32Array;
  /** Class → how many of its rows (the first ones met) are blanked in every active column instead. */
  readonly overflow: ReadonlyMap<number, number>;
  readonly suppressedCells: number;
  /** Blanked cells per column. */
  readonly perColumn: Float64Array;
  /** Information loss added by blanking. */
  readonly cost: number;
}

interface Group {
  readonly mask: number;
  readonly members: number[];
  readonly total: number;
}

/**
 * Returns undefined when the cost would reach `limit` (the caller already has a
 * plan at least that good), so hopeless nodes are abandoned early.
 */
export function localSuppression(
  input: SuppressionInput,
  limit = Infinity,
  scratch = new GroupScratch(),
): SuppressionResult | undefined {
  const { k, active, classes, size, columns } = input;
  const mask = new Int32Array(classes);
  const overflow = new Map<number, number>();

  let open: number[] = [];
  for (let i = 0; i < classes; i++) if (size[i]! < k) open.push(i);
  if (open.length === 0 || active.length === 0) return finish(input, mask, overflow, 0);

  const full = fullMask(active);
  // What the open classes will cost at least: one cheapest cell per row.
  const floor = new Float64Array(classes);
  let openFloor = floorsOf(open, active, input.costs, columns, size, floor);
  if (openFloor >= limit) return undefined;

  const naive = naivePlan(input, open, full);
  let cost = 0;
  const groups: Group[] = [];
  const grouper = new Grouper(input, scratch);
  for (let s = 1; s <= active.length && open.length > 0; s++) {
    const masks = subsetsOfSize(active, s);
    const scored = masks
      .map((m, i) => ({ m, i, ...grouper.score(open, m) }))
      .filter((x) => x.rescued > 0)
      .sort((a, b) => b.rescued - a.rescued || a.cost - b.cost || a.i - b.i);
    for (const { m } of scored) {
      const taken = grouper.take(open, m);
      if (taken.length === 0) continue;
      for (const g of taken) {
        groups.push(g);
        for (const cls of g.members) {
          mask[cls] = m;
          cost += size[cls]! * maskCost(input, cls, m);
          openFloor -= floor[cls]!;
        }
      }
      open = open.filter((cls) => mask[cls] === 0);
      if (cost + openFloor >= Math.min(limit, naive?.cost ?? Infinity)) break;
      if (open.length === 0) break;
    }
    if (cost + openFloor >= Math.min(limit, naive?.cost ?? Infinity)) break;
  }

  if (open.length > 0 && cost + openFloor < Math.min(limit, naive?.cost ?? Infinity))
    cost += settleResidue(input, open, groups, mask, overflow);
  else if (open.length > 0) cost = Infinity;

  if (naive && naive.cost <= cost) {
    if (naive.cost >= limit) return undefined;
    return finish(input, naive.mask, new Map(), naive.cost);
  }
  if (cost >= limit) return undefined;
  return finish(input, mask, overflow, cost);
}

/** Blank every active cell of every unsafe row: valid when those rows are at least k together. */
function naivePlan(
  input: SuppressionInput,
  open: readonly number[],
  full: number,
): { mask: Int32Array; cost: number } | undefined {
  let total = 0;
  let cost = 0;
  const mask = new Int32Array(input.classes);
  for (const cls of open) {
    total += input.size[cls]!;
    cost += input.size[cls]! * maskCost(input, cls, full);
    mask[cls] = full;
  }
  return total >= input.k ? { mask, cost } : undefined;
}

function finish(
  input: SuppressionInput,
  mask: Int32Array,
  overflow: ReadonlyMap<number, number>,
  cost: number,
): SuppressionResult {
  const perColumn = new Float64Array(input.columns);
  const suppressedCells = countBlanked(input, mask, overflow, perColumn);
  return { mask, overflow, suppressedCells, perColumn, cost };
}

/**
 * Blanked cells per column (added into `perColumn`); returns them all. A loop alone in
 * its function (see the grouper's loops below): with the object built after it, the
 * loop's compiled code deoptimised on every call.
 */
function countBlanked(
  input: SuppressionInput,
  mask: Int32Array,
  overflow: ReadonlyMap<number, number>,
  perColumn: Float64Array,
): number {
  const { active, classes, size } = input;
  const full = fullMask(active);
  let suppressedCells = 0;
  for (let cls = 0; cls < classes; cls++) {
    const m = mask[cls]!;
    const extra = overflow.get(cls) ?? 0;
    if (m === 0 && extra === 0) continue;
    for (const c of active) {
      const bit = 1 << c;
      // Rows lent to the all-blank combination are blanked in every active column.
      const n = m & bit ? size[cls]! : full & bit ? extra : 0;
      perColumn[c]! += n;
      suppressedCells += n;
    }
  }
  return suppressedCells;
}

/** Extra loss of blanking the columns in `m` of one row of a class (added in column order). */
function maskCost(input: SuppressionInput, cls: number, m: number): number {
  const { active, costs, columns } = input;
  const row = cls * columns;
  let s = 0;
  for (let i = 0; i < active.length; i++) {
    const c = active[i]!;
    if (m & (1 << c)) s += costs[row + c]!;
  }
  return s;
}

/** Beyond this many cells the dense group table gives way to a hashed one. */
const DENSE_LIMIT = 1 << 22;

/** Groups open classes by their values with some columns blanked, on reusable typed arrays. */
class Grouper {
  private totals = new Float64Array(0);
  private ids = new Int32Array(0);
  private keys = new Float64Array(0);
  /** Active column i's code of each class times its place value: [class × active + i]. */
  private readonly digits: Float64Array;
  /** Active column i's blank code times its place value. */
  private readonly blanks: Float64Array;
  private readonly width: number;
  private readonly space: number;

  constructor(
    private readonly input: SuppressionInput,
    private readonly scratch: GroupScratch,
  ) {
    const { active, cards, classes, codes, columns } = input;
    const a = active.length;
    this.width = a;
    // The key of a class with some columns blanked: the mixed-radix number of its
    // active codes, first active column most significant, a blank being one more code.
    const place = new Float64Array(a);
    let space = 1;
    for (let i = a - 1; i >= 0; i--) {
      place[i] = space;
      space *= cards[active[i]!]! + 1;
    }
    this.space = space;
    this.blanks = new Float64Array(a);
    for (let i = 0; i < a; i++) this.blanks[i] = cards[active[i]!]! * place[i]!;
    this.digits = new Float64Array(space <= Number.MAX_SAFE_INTEGER ? classes * a : 0);
    if (space <= Number.MAX_SAFE_INTEGER)
      for (let cls = 0; cls < classes; cls++)
        for (let i = 0; i < a; i++)
          this.digits[cls * a + i] = codes[cls * columns + active[i]!]! * place[i]!;
  }

  /** The dense table when it pays: a space not much larger than what is grouped. */
  private denseFor(items: number): Int32Array | undefined {
    return this.space <= DENSE_LIMIT && this.space <= Math.max(1 << 16, items * 16)
      ? this.scratch.table(this.space)
      : undefined;
  }

  /** Keys of the open classes with the columns in `m` blanked, into `this.keys`. */
  private keysOf(open: readonly number[], m: number): Float64Array {
    const { digits, blanks, width } = this;
    const active = this.input.active;
    let blanked = 0;
    let kept = 0;
    for (let i = 0; i < width; i++)
      if (m & (1 << active[i]!)) blanked += blanks[i]!;
      else kept |= 1 << i;
    keysOfOpen(open, digits, width, blanked, kept, this.keys);
    return this.keys;
  }

  private group(open: readonly number[], m: number): Int32Array {
    if (this.ids.length < open.length) {
      this.ids = new Int32Array(open.length);
      this.totals = new Float64Array(open.length);
      this.keys = new Float64Array(open.length);
    }
    if (this.space > Number.MAX_SAFE_INTEGER) return this.groupByString(open, m);
    const keys = this.keysOf(open, m);
    const dense = this.denseFor(open.length);
    return dense ? this.groupDense(open, keys, dense) : this.groupHashed(open, keys);
  }

  private groupDense(open: readonly number[], keys: Float64Array, dense: Int32Array): Int32Array {
    groupOpenDense(open, keys, dense, this.input.size, this.ids, this.totals);
    return this.ids;
  }

  /** Group ids by open addressing on numeric keys: ids in order of first member, as with a map. */
  private groupHashed(open: readonly number[], keys: Float64Array): Int32Array {
    const mask = this.scratch.hashed(open.length);
    const { slots, ids: table } = this.scratch;
    groupOpenHashed(open, keys, mask, slots, table, this.input.size, this.ids, this.totals);
    return this.ids;
  }

  /** Value spaces too large for one number: the codes joined, in a map. */
  private groupByString(open: readonly number[], m: number): Int32Array {
    const { ids, totals } = this;
    const { active, codes, columns, size } = this.input;
    const index = new Map<string, number>();
    let n = 0;
    for (let i = 0; i < open.length; i++) {
      const cls = open[i]!;
      const key = active.map((c) => (m & (1 << c) ? '*' : codes[cls * columns + c])).join(',');
      let id = index.get(key);
      if (id === undefined) {
        id = n++;
        index.set(key, id);
        totals[id] = 0;
      }
      ids[i] = id;
      totals[id]! += size[cls]!;
    }
    return ids;
  }

  /** Records that blanking `m` would bring to k, and what that would cost. */
  score(open: readonly number[], m: number): { rescued: number; cost: number } {
    const ids = this.group(open, m);
    const { k, size, costs, columns, active } = this.input;
    const rescued = rescuedRecords(open, ids, this.totals, k, size);
    if (rescued === 0) return { rescued, cost: 0 };
    const cost = rescuedCost(open, ids, this.totals, k, size, costs, columns, active, m);
    return { rescued, cost };
  }

  /** The groups under `m` that reach k, in the order of their first member. */
  take(open: readonly number[], m: number): Group[] {
    const ids = this.group(open, m);
    const members = new Map<number, number[]>();
    membersReachingK(open, ids, this.totals, this.input.k, members);
    // In the order of their first member, as the map was filled.
    const groups: Group[] = [];
    for (const [id, list] of members)
      groups.push({ mask: m, members: list, total: this.totals[id]! });
    return groups;
  }
}

// The hot loops of the grouper, each alone in a function that returns a number: V8
// compiles a long loop while it runs, and code after it in the same function, not yet
// run then, would make every later call leave that compiled loop.

/** Per open class, its records × its cheapest active cell into `floor`; returns their sum. */
function floorsOf(
  open: readonly number[],
  active: readonly number[],
  costs: Float64Array,
  columns: number,
  size: ArrayLike<number>,
  floor: Float64Array,
): number {
  let total = 0;
  for (let j = 0; j < open.length; j++) {
    const cls = open[j]!;
    let min = Infinity;
    for (let i = 0; i < active.length; i++) min = Math.min(min, costs[cls * columns + active[i]!]!);
    floor[cls] = size[cls]! * min;
    total += floor[cls]!;
  }
  return total;
}

/** Keys of the open classes: `blanked` plus the digits of the kept active columns. */
function keysOfOpen(
  open: readonly number[],
  digits: Float64Array,
  width: number,
  blanked: number,
  kept: number,
  keys: Float64Array,
): number {
  for (let j = 0; j < open.length; j++) {
    const row = open[j]! * width;
    let key = blanked;
    for (let i = 0; i < width; i++) if (kept & (1 << i)) key += digits[row + i]!;
    keys[j] = key;
  }
  return open.length;
}

/** Group ids (numbered by first member) and totals by a table indexed by the key; returns the groups. */
function groupOpenDense(
  open: readonly number[],
  keys: Float64Array,
  dense: Int32Array,
  size: ArrayLike<number>,
  ids: Int32Array,
  totals: Float64Array,
): number {
  let n = 0;
  for (let i = 0; i < open.length; i++) {
    const key = keys[i]!;
    let id = dense[key]!;
    if (id < 0) {
      id = n++;
      dense[key] = id;
      totals[id] = 0;
    }
    ids[i] = id;
    totals[id]! += size[open[i]!]!;
  }
  for (let i = 0; i < open.length; i++) dense[keys[i]!] = -1;
  return n;
}

/** The same by open addressing on numeric keys: ids in order of first member, as with a map. */
function groupOpenHashed(
  open: readonly number[],
  keys: Float64Array,
  mask: number,
  slots: Float64Array,
  table: Int32Array,
  size: ArrayLike<number>,
  ids: Int32Array,
  totals: Float64Array,
): number {
  let n = 0;
  for (let i = 0; i < open.length; i++) {
    const key = keys[i]!;
    let s = hashKey(key) & mask;
    let id = table[s]!;
    while (id >= 0 && slots[s] !== key) {
      s = (s + 1) & mask;
      id = table[s]!;
    }
    if (id < 0) {
      id = n++;
      table[s] = id;
      slots[s] = key;
      totals[id] = 0;
    }
    ids[i] = id;
    totals[id]! += size[open[i]!]!;
  }
  return n;
}

/**
 * The open classes whose group reaches k, by group id (first member first). Alone in
 * its function: in `take`, the code after the loop made its compiled code deoptimise
 * on every call (about 60 times in each search).
 */
function membersReachingK(
  open: readonly number[],
  ids: Int32Array,
  totals: Float64Array,
  k: number,
  members: Map<number, number[]>,
): number {
  for (let i = 0; i < open.length; i++) {
    const id = ids[i]!;
    if (totals[id]! < k) continue;
    const list = members.get(id);
    if (list) list.push(open[i]!);
    else members.set(id, [open[i]!]);
  }
  return members.size;
}

/** Records of the open classes whose group reaches k. */
function rescuedRecords(
  open: readonly number[],
  ids: Int32Array,
  totals: Float64Array,
  k: number,
  size: ArrayLike<number>,
): number {
  let rescued = 0;
  for (let i = 0; i < open.length; i++) if (totals[ids[i]!]! >= k) rescued += size[open[i]!]!;
  return rescued;
}

/** What blanking `m` costs those records: as `maskCost`, class by class in open order. */
function rescuedCost(
  open: readonly number[],
  ids: Int32Array,
  totals: Float64Array,
  k: number,
  size: ArrayLike<number>,
  costs: Float64Array,
  columns: number,
  active: readonly number[],
  m: number,
): number {
  let cost = 0;
  for (let i = 0; i < open.length; i++) {
    if (totals[ids[i]!]! < k) continue;
    const cls = open[i]!;
    const row = cls * columns;
    let s = 0;
    for (let j = 0; j < active.length; j++) {
      const c = active[j]!;
      if (m & (1 << c)) s += costs[row + c]!;
    }
    cost += size[cls]! * s;
  }
  return cost;
}

/**
 * The classes no column set could bring to k all get every active column blanked.
 * Together they are fewer than k records (or the full set would have taken them), so
 * the all-blank combination is topped up: first with rows other combinations can
 * spare (each keeps at least k), cheapest first; if all spare rows together are not
 * enough, the cheapest whole combination joins instead. Returns the loss added.
 */
function settleResidue(
  input: SuppressionInput,
  open: readonly number[],
  groups: readonly Group[],
  mask: Int32Array,
  overflow: Map<number, number>,
): number {
  const costOf = (cls: number, m: number): number => maskCost(input, cls, m);
  const { k, size, active, classes } = input;
  const full = fullMask(active);
  let cost = 0;
  let total = 0;
  for (const cls of open) {
    mask[cls] = full;
    cost += size[cls]! * costOf(cls, full);
    total += size[cls]!;
  }
  if (total >= k) return cost;
  const need = k - total;

  interface Donor {
    readonly cls: number;
    readonly perRow: number;
    readonly budget: { left: number };
  }
  const donors: Donor[] = [];
  // Classes in the residue or in a group: not donors on their own.
  const taken = new Uint8Array(classes);
  for (const cls of open) taken[cls] = 1;
  // Rows all budgets can spare, each budget counted once.
  let available = 0;
  for (const g of groups) {
    for (const cls of g.members) taken[cls] = 1;
    const budget = { left: g.total - k };
    if (g.mask === full || budget.left <= 0) continue;
    available += budget.left;
    for (const cls of g.members)
      donors.push({ cls, perRow: costOf(cls, full) - costOf(cls, g.mask), budget });
  }
  for (let cls = 0; cls < classes; cls++) {
    if (taken[cls] || size[cls]! <= k) continue;
    available += size[cls]! - k;
    donors.push({ cls, perRow: costOf(cls, full), budget: { left: size[cls]! - k } });
  }
  donors.sort((a, b) => a.perRow - b.perRow || a.cls - b.cls);

  if (available >= need) {
    let left = need;
    for (const d of donors) {
      if (left === 0) break;
      const take = Math.min(left, d.budget.left, size[d.cls]! - (overflow.get(d.cls) ?? 0));
      if (take <= 0) continue;
      overflow.set(d.cls, (overflow.get(d.cls) ?? 0) + take);
      d.budget.left -= take;
      left -= take;
      cost += take * d.perRow;
    }
    return cost;
  }

  // No combination can spare enough rows: the cheapest whole one joins the all-blank one.
  let best: { members: readonly number[]; cost: number } | undefined;
  for (const g of groups) {
    if (g.mask === full) continue;
    let c = 0;
    for (const cls of g.members) c += size[cls]! * (costOf(cls, full) - costOf(cls, g.mask));
    if (!best || c < best.cost) best = { members: g.members, cost: c };
  }
  for (let cls = 0; cls < classes; cls++) {
    if (taken[cls]) continue;
    const c = size[cls]! * costOf(cls, full);
    if (!best || c < best.cost) best = { members: [cls], cost: c };
  }
  if (!best) throw new Error('internal: fewer than k records reached local suppression');
  for (const cls of best.members) mask[cls] = full;
  return cost + best.cost;
}

export function fullMask(active: readonly number[]): number {
  let m = 0;
  for (const c of active) m |= 1 << c;
  return m;
}

/** Subsets of `items` with `size` elements as bit masks, in lexicographic order of the columns. */
export function subsetsOfSize(items: readonly number[], size: number): number[] {
  const out: number[] = [];
  const pick = (from: number, left: number, m: number) => {
    if (left === 0) {
      out.push(m);
      return;
    }
    for (let i = from; i <= items.length - left; i++) pick(i + 1, left - 1, m | (1 << items[i]!));
  };
  pick(0, size, 0);
  return out;
}

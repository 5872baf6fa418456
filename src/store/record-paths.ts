/**
 * The paths of the record files an export reads, held compactly. An export keeps its
 * list for the whole run, and a string object per path (40–90 bytes each, with the
 * folder repeated in every one) made its memory grow with the number of files. Here
 * each folder's prefix is kept once and the file names are joined into one string:
 * the heap at the start of an export of 100 000 files went from 13.5 to 10.4 MB. A
 * path is made when asked for, a chunk at a time.
 */

/** What an export needs of its file list; a plain array of paths is one too. */
export interface PathList {
  readonly length: number;
  at(index: number): string | undefined;
  slice(start?: number, end?: number): string[];
}

export class RecordPaths implements PathList, Iterable<string> {
  /** @internal: use RecordPathsBuilder or RecordPaths.from. */
  constructor(
    private readonly prefixes: readonly string[],
    /** Per path, the index of its prefix. */
    private readonly folderOf: Int32Array,
    /** Every name, one after the other. */
    private readonly names: string,
    /** Per path, where its name ends in `names` (it starts where the one before ends). */
    private readonly ends: Int32Array,
  ) {}

  /** The paths given, in their order (a folder's prefix is shared by its files). */
  static from(paths: Iterable<string>): RecordPaths {
    const builder = new RecordPathsBuilder();
    for (const path of paths) builder.addPath(path);
    return builder.finish();
  }

  get length(): number {
    return this.ends.length;
  }

  /** Like Array#at: a negative index counts from the end; outside the list, undefined. */
  at(index: number): string | undefined {
    const n = this.ends.length;
    const relative = Math.trunc(index) || 0;
    const i = relative < 0 ? n + relative : relative;
    if (i < 0 || i >= n) return undefined;
    return this.pathAt(i);
  }

  /** Like Array#slice: the paths [start, end) as strings. */
  slice(start = 0, end = this.ends.length): string[] {
    const n = this.ends.length;
    const from = clampIndex(start, n);
    const to = clampIndex(end, n);
    const out: string[] = [];
    for (let i = from; i < to; i++) out.push(this.pathAt(i));
    return out;
  }

  *[Symbol.iterator](): Iterator<string> {
    for (let i = 0; i < this.ends.length; i++) yield this.pathAt(i);
  }

  private pathAt(i: number): string {
    const start = i === 0 ? 0 : this.ends[i - 1]!;
    // One flat string (as Array#join makes it), not a concatenation over a slice of
    // `names`: it is what the file system calls and the skip list receive.
    return [this.prefixes[this.folderOf[i]!]!, this.names.slice(start, this.ends[i]!)].join('');
  }
}

function clampIndex(index: number, n: number): number {
  const i = Math.trunc(index) || 0;
  return i < 0 ? Math.max(0, n + i) : Math.min(i, n);
}

/** Names [from, to) of an array, all in one folder. */
interface Run {
  readonly folder: number;
  readonly names: readonly string[];
  readonly from: number;
  to: number;
  /** The builder's own array (single paths added one by one), which it may extend. */
  readonly own: boolean;
}

/**
 * Collects paths in order: a folder's prefix once, then its file names. A folder's
 * sorted names are taken as the array they already are, not copied: listing a folder
 * of a million files peaked at 212 MiB with a copy of every name in the builder, and
 * at 169 MiB without.
 */
export class RecordPathsBuilder {
  private readonly prefixes: string[] = [];
  private readonly prefixIndex = new Map<string, number>();
  private readonly runs: Run[] = [];
  private count = 0;

  /** The number of a folder prefix (a path up to and including its last separator). */
  folder(prefix: string): number {
    let index = this.prefixIndex.get(prefix);
    if (index === undefined) {
      index = this.prefixes.length;
      this.prefixes.push(prefix);
      this.prefixIndex.set(prefix, index);
    }
    return index;
  }

  /**
   * The paths `prefix + names[i]` for i in [from, to), where `folder` is the number of
   * `prefix`. The array is read again by finish(): it must not change until then.
   */
  addNames(folder: number, names: readonly string[], from = 0, to = names.length): void {
    if (to <= from) return;
    this.runs.push({ folder, names, from, to, own: false });
    this.count += to - from;
  }

  /** The path `prefix + name`, where `folder` is the number of `prefix`. */
  add(folder: number, name: string): void {
    const last = this.runs[this.runs.length - 1];
    if (last?.own && last.folder === folder) {
      (last.names as string[]).push(name);
      last.to++;
    } else this.runs.push({ folder, names: [name], from: 0, to: 1, own: true });
    this.count++;
  }

  /** A whole path: split after its last separator, so a folder's files share the prefix. */
  addPath(path: string): void {
    const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1;
    this.add(this.folder(path.slice(0, cut)), path.slice(cut));
  }

  finish(): RecordPaths {
    const ends = new Int32Array(this.count);
    const folderOf = new Int32Array(this.count);
    const parts: string[] = [];
    let i = 0;
    let end = 0;
    for (const { folder, names, from, to } of this.runs) {
      for (let j = from; j < to; j++) {
        end += names[j]!.length;
        ends[i] = end;
        folderOf[i++] = folder;
      }
      parts.push(
        from === 0 && to === names.length ? names.join('') : names.slice(from, to).join(''),
      );
    }
    const joined = parts.length === 1 ? parts[0]! : parts.join('');
    return new RecordPaths([...this.prefixes], folderOf, joined, ends);
  }
}

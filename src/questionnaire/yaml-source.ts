/**
 * Reading a YAML input file safely and keeping positions: size limit, strict UTF-8,
 * one document, no tags, no duplicate keys, bounded aliases and nesting. Used for
 * questionnaires, answers files and scenarios alike.
 */
import { readFileSync, statSync } from 'node:fs';
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
  type YAMLMap,
} from 'yaml';
import { severityOf, type Diagnostic, type DiagnosticCode } from './diagnostics.js';
import { scalarSourceOffsets, type ScalarStyle } from './scalar-offsets.js';

/** Larger than any sensible questionnaire (the shipped one is well under 1 MiB). */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
const MAX_ALIASES = 100;

export type PathSegment = string | number;

export interface YamlSource {
  readonly file: string;
  readonly text: string;
  /** The library's document, with every node's position. */
  readonly doc: Document.Parsed;
  readonly value: unknown;
  readonly lineCounter: LineCounter;
}

/**
 * How to read a file: `quick` is a reader tried before the library, whose value is
 * taken when it gives one (quickYamlValue in quick-yaml.ts, for answers files; passed
 * in, so that js-yaml is loaded only by the commands that use it).
 */
export interface ReadOptions {
  readonly quick?: (text: string) => { value: unknown } | undefined;
}

export interface Span {
  readonly line: number;
  readonly col: number;
  readonly length: number;
}

export function diag(
  file: string,
  code: DiagnosticCode,
  message: string,
  span: Span,
  extra: { hint?: string | undefined; path?: string | undefined } = {},
): Diagnostic {
  const d: Diagnostic = { code, severity: severityOf(code), message, file, ...span };
  return {
    ...d,
    ...(extra.hint ? { hint: extra.hint } : {}),
    ...(extra.path !== undefined ? { path: extra.path } : {}),
  };
}

const START: Span = { line: 1, col: 1, length: 1 };

function spanAt(text: string, lc: LineCounter, offset: number, length = 1): Span {
  const { line, col } = lc.linePos(Math.max(0, Math.min(offset, text.length)));
  return { line, col, length: Math.max(1, length) };
}

/** Line and column of the first invalid UTF-8 byte. */
function firstBadByte(bytes: Buffer): Span {
  let line = 1;
  let lineStart = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else break;
    let ok = i + need < bytes.length || need === 0;
    for (let k = 1; ok && k <= need; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (!ok) break;
    if (b === 0x0a) {
      line++;
      lineStart = i + 1;
    }
    i += need + 1;
  }
  const col = Buffer.from(bytes.subarray(lineStart, i)).toString('utf8').length + 1;
  return { line, col, length: 1 };
}

const ERRNO_WORDS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'the path is a loop of symbolic links that never reaches a file',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENAMETOOLONG: 'the path is too long',
  EISDIR: 'this is a folder, not a file',
  EIO: 'the disk could not be read (an input/output error)',
};

/** What went wrong, in words a screener understands, not a system error code. */
function errnoInWords(code: string | undefined): string {
  return (code && ERRNO_WORDS[code]) ?? `the system refused (${code ?? 'unknown error'})`;
}

/** Reads and decodes a file; any problem is a diagnostic, never an exception. */
export function readTextFile(file: string): { text?: string; diagnostics: Diagnostic[] } {
  const unreadable = (message: string) => ({
    diagnostics: [diag(file, 'E_FILE_UNREADABLE', message, START)],
  });
  const systemRefused = (e: unknown) =>
    unreadable(`cannot read the file: ${errnoInWords((e as NodeJS.ErrnoException).code)}`);
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) return unreadable('this is a folder, not a file');
    // A named pipe or a device is never opened: reading one can wait for ever.
    if (!st.isFile()) {
      const what = st.isFIFO()
        ? 'a named pipe'
        : st.isSocket()
          ? 'a socket'
          : st.isCharacterDevice() || st.isBlockDevice()
            ? 'a device'
            : 'not a regular file';
      return unreadable(
        `this is ${what}, not a regular file; save the content to a file and give its path`,
      );
    }
    size = st.size;
  } catch (e) {
    return systemRefused(e);
  }
  if (size > MAX_FILE_BYTES) {
    return {
      diagnostics: [
        diag(
          file,
          'E_FILE_TOO_LARGE',
          `the file is ${(size / 1048576).toFixed(1)} MiB; the limit is ${MAX_FILE_BYTES / 1048576} MiB`,
          START,
        ),
      ],
    };
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    return systemRefused(e);
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, diagnostics: [] };
  } catch {
    return {
      diagnostics: [
        diag(
          file,
          'E_FILE_ENCODING',
          'the file is not valid UTF-8; save it as UTF-8',
          firstBadByte(bytes),
        ),
      ],
    };
  }
}

const YAML_CODES: Record<string, DiagnosticCode> = {
  DUPLICATE_KEY: 'E_YAML_DUPLICATE_KEY',
  RESOURCE_EXHAUSTION: 'E_YAML_TOO_DEEP',
  MULTIPLE_DOCS: 'E_YAML_MULTI_DOCUMENT',
};

/** Parses YAML text; returns the document and value, or diagnostics. */
export function parseYamlText(
  file: string,
  text: string,
  opts: ReadOptions = {},
): { source?: YamlSource; diagnostics: Diagnostic[] } {
  if (text.trim() === '') {
    return { diagnostics: [diag(file, 'E_FILE_EMPTY', 'the file is empty', START)] };
  }
  const quick = opts.quick?.(text);
  if (quick) return { source: new QuickSource(file, text, quick.value), diagnostics: [] };
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseWithPositions(text, lineCounter);
  } catch (e) {
    // The parser reports resource exhaustion as an error; anything thrown is the same class of problem.
    return {
      diagnostics: [
        diag(file, 'E_YAML_TOO_DEEP', `the YAML cannot be parsed: ${(e as Error).message}`, START),
      ],
    };
  }
  const diagnostics: Diagnostic[] = [];
  for (const e of doc.errors) {
    const code = YAML_CODES[e.code] ?? 'E_YAML_SYNTAX';
    const [start, end] = e.pos;
    const message =
      e.code === 'RESOURCE_EXHAUSTION'
        ? 'the YAML is nested too deeply to read'
        : e.code === 'MULTIPLE_DOCS'
          ? 'only one YAML document per file: remove the `---` separator and what follows'
          : e.code === 'TAB_AS_INDENT'
            ? 'tabs are not allowed for indentation in YAML; indent with spaces'
            : e.message.split('\n')[0]!.replace(/^./, (c) => c.toLowerCase());
    const opened = e.code === 'MISSING_CHAR' ? unclosedQuoteStart(doc, start) : undefined;
    diagnostics.push(
      opened === undefined
        ? diag(file, code, message, spanAt(text, lineCounter, start, end - start))
        : diag(
            file,
            code,
            `${message}: the quoted text opened here runs on to the end of the file`,
            spanAt(text, lineCounter, opened),
            { hint: 'close the quote at the end of the text' },
          ),
    );
  }
  for (const w of doc.warnings) {
    if (w.code === 'TAG_RESOLVE_FAILED' || w.code === 'BAD_DIRECTIVE') {
      const [start, end] = w.pos;
      diagnostics.push(
        diag(
          file,
          'E_YAML_TAG',
          'YAML tags (`!…`) are not allowed; write plain values',
          spanAt(text, lineCounter, start, end - start),
        ),
      );
    }
  }
  // Tags that resolve (such as !!str) are still refused: the format has no use for them.
  visitNodes(doc.contents, (node) => {
    if (isMap(node)) duplicateKeys(file, text, lineCounter, node, diagnostics);
    if (node.tag && !diagnostics.some((d) => d.code === 'E_YAML_TAG') && node.range) {
      diagnostics.push(
        diag(
          file,
          'E_YAML_TAG',
          'YAML tags (`!…`) are not allowed; write plain values',
          spanAt(text, lineCounter, node.range[0]),
        ),
      );
    }
  });
  if (diagnostics.length > 0) return { diagnostics };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    const msg = (e as Error).message;
    if (/alias/i.test(msg)) {
      return {
        diagnostics: [
          diag(
            file,
            'E_YAML_ALIAS_LIMIT',
            `more than ${MAX_ALIASES} alias expansions; write the values out`,
            firstAlias(doc, text, lineCounter),
          ),
        ],
      };
    }
    return {
      diagnostics: [diag(file, 'E_YAML_TOO_DEEP', `the YAML cannot be read: ${msg}`, START)],
    };
  }
  return { source: { file, text, doc, value, lineCounter }, diagnostics: [] };
}

function parseWithPositions(text: string, lineCounter: LineCounter): Document.Parsed {
  return parseDocument(text, {
    lineCounter,
    // Checked in parseYamlText in one pass: the library compares each key with every
    // earlier key of its mapping, quadratic in a mapping's size (a questionnaire's
    // messages, an answers file's answers).
    uniqueKeys: false,
    prettyErrors: false,
    strict: true,
    stringKeys: true,
    version: '1.2',
    merge: false,
  });
}

/**
 * A file read by the quick reader: its value is the library's, and the library reads
 * it for positions only when a diagnostic first asks for one.
 */
class QuickSource implements YamlSource {
  #doc: Document.Parsed | undefined;
  #lineCounter: LineCounter | undefined;

  constructor(
    readonly file: string,
    readonly text: string,
    readonly value: unknown,
  ) {}

  get doc(): Document.Parsed {
    if (!this.#doc) {
      let lineCounter = new LineCounter();
      try {
        this.#doc = parseWithPositions(this.text, lineCounter);
      } catch {
        // js-yaml read it, so this is not expected; a diagnostic then points at line 1
        // rather than the command failing.
        lineCounter = new LineCounter();
        this.#doc = parseWithPositions('', lineCounter);
      }
      this.#lineCounter = lineCounter;
    }
    return this.#doc;
  }

  get lineCounter(): LineCounter {
    if (!this.#lineCounter) void this.doc;
    return this.#lineCounter!;
  }
}

/**
 * A key that appears twice in one mapping, reported at its second appearance. Keys are
 * the same when they are the same node or scalars of the same value, as the library's
 * own check (uniqueKeys: true) compares them.
 */
function duplicateKeys(
  file: string,
  text: string,
  lc: LineCounter,
  map: YAMLMap,
  diagnostics: Diagnostic[],
): void {
  const seen = new Map<unknown, number>();
  for (const { key } of map.items) {
    const value = isScalar(key) ? key.value : key;
    const at = (key as Node | null)?.range?.[0] ?? 0;
    const first = seen.get(value);
    if (first === undefined) {
      seen.set(value, at);
      continue;
    }
    const name = isScalar(key) ? `\`${String(value)}\`` : 'this key';
    diagnostics.push(
      diag(
        file,
        'E_YAML_DUPLICATE_KEY',
        `${name} is already a key of this mapping, at line ${lc.linePos(first).line}`,
        spanAt(text, lc, at, Math.max(1, ((key as Node | null)?.range?.[1] ?? at) - at)),
        { hint: 'keep one of the two' },
      ),
    );
  }
}

/**
 * Where the quote opened of a quoted scalar that runs on to `end`, where the parser
 * found its closing quote missing (at the end of the file, far from the mistake).
 */
function unclosedQuoteStart(doc: Document.Parsed, end: number): number | undefined {
  let found: number | undefined;
  visitNodes(doc.contents, (node) => {
    if (
      found === undefined &&
      isScalar(node) &&
      (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') &&
      node.range?.[1] === end
    )
      found = node.range[0];
  });
  return found;
}

function firstAlias(doc: Document.Parsed, text: string, lc: LineCounter): Span {
  let found: Span = START;
  let done = false;
  visitNodes(doc.contents, (node) => {
    if (
      !done &&
      node.range &&
      (node as { source?: unknown }).source !== undefined &&
      !isScalar(node)
    ) {
      found = spanAt(text, lc, node.range[0]);
      done = true;
    }
  });
  return found;
}

/** Iterative walk (documents may be deep; no recursion). */
function visitNodes(root: unknown, fn: (node: Node) => void): void {
  const stack: unknown[] = [root];
  let budget = 2_000_000;
  while (stack.length > 0 && budget-- > 0) {
    const n = stack.pop();
    if (!n || typeof n !== 'object') continue;
    if (isPair(n)) {
      stack.push(n.value, n.key);
      continue;
    }
    fn(n as Node);
    if (isMap(n) || isSeq(n)) for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]);
  }
}

/** Reads and parses a YAML file. */
export function loadYamlFile(
  file: string,
  opts: ReadOptions = {},
): { source?: YamlSource; diagnostics: Diagnostic[] } {
  const read = readTextFile(file);
  if (read.text === undefined) return { diagnostics: read.diagnostics };
  return parseYamlText(file, read.text, opts);
}

export function pointer(path: readonly PathSegment[]): string {
  return path.length === 0
    ? ''
    : '/' + path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

export function parsePointer(ptr: string): PathSegment[] {
  if (ptr === '') return [];
  return ptr
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * The span of the value at `path`, or of its key when `at` is 'key'. Falls back to
 * the nearest ancestor that exists, so every diagnostic has a position.
 */
export function locate(
  src: YamlSource,
  path: readonly PathSegment[],
  at: 'key' | 'value' = 'value',
): Span {
  let node: unknown = src.doc.contents;
  let keyNode: Node | undefined;
  let best: Node | undefined = node as Node;
  for (const seg of path) {
    keyNode = undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      keyNode = pair.key as Node;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
    } else break;
    if (node && (node as Node).range) best = node as Node;
    else if (keyNode) best = keyNode;
  }
  const target = at === 'key' && keyNode ? keyNode : best;
  if (!target?.range) return START;
  const [start, valueEnd] = target.range;
  // A long block spans lines; underline only its first line.
  const firstLineEnd = src.text.indexOf('\n', start);
  const end = firstLineEnd >= 0 && firstLineEnd < valueEnd ? firstLineEnd : valueEnd;
  return spanAt(src.text, src.lineCounter, start, end - start);
}

/**
 * The span of character `offset` inside the string scalar at `path` (an expression
 * error points into the expression), in any scalar style: folded, literal, plain over
 * several lines, or quoted with escapes (scalar-offsets.ts).
 */
export function locateInString(
  src: YamlSource,
  path: readonly PathSegment[],
  offset: number,
  length = 1,
): Span {
  let node: unknown = src.doc.contents;
  for (const seg of path) {
    if (isMap(node))
      node = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg))?.value;
    else if (isSeq(node) && typeof seg === 'number') node = node.items[seg];
    else return locate(src, path);
  }
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return locate(src, path);
  const value = node.value;
  const [start, end] = node.range;
  const raw = src.text.slice(start, end);
  const map = scalarSourceOffsets(raw, (node.type ?? 'PLAIN') as ScalarStyle, value);
  if (!map) return spanAt(src.text, src.lineCounter, start);
  const from = Math.max(0, Math.min(offset, value.length));
  const to = Math.max(from + 1, Math.min(offset + length, value.length));
  // The end of the expression (a syntax error at its end) is just after its last
  // written character, not on the line after a block scalar's final line break.
  const written = value.trimEnd().length;
  const at = from >= written && written > 0 ? map[written - 1]! + 1 : map[from]!;
  // The last character's own position, plus one: a span never runs on past it.
  let until = to <= value.length && to > from ? map[to - 1]! + 1 : at + 1;
  const lineEnd = raw.indexOf('\n', at);
  if (lineEnd >= 0 && until > lineEnd) until = lineEnd;
  return spanAt(src.text, src.lineCounter, start + at, until - at);
}

/**
 * A quicker reader for plain YAML files, used before the YAML library for answers files.
 *
 * The YAML library (yaml-source.ts) keeps every node's position, which every diagnostic
 * needs, but reading a 3 KB answers file takes it about 12 ms in a fresh process (its
 * lexer, parser and composer run cold), a tenth of a whole `screener run`. js-yaml reads
 * the same file in about 3 ms. So an answers file is read by js-yaml first, and the
 * library runs only when a position is asked for, that is when there is something to
 * report.
 *
 * The value must be exactly the library's, so js-yaml's answer is taken only where the
 * two cannot differ, and anything else goes to the library:
 * - scalars resolve by the YAML 1.2 core schema the library uses (js-yaml's own core
 *   types also accept `1_000`, `0b101` and the like), with the library's own patterns
 *   and conversions;
 * - no tag, anchor, alias or directive anywhere (the library refuses tags and bounds
 *   aliases): a text with `!`, `&` or `*` where a node may start, or `%` at a line's
 *   start, is left to the library, even when the character is only inside a string;
 * - no complex keys: a text where a flow collection or `?` may start a key is left to
 *   the library (js-yaml turns a key `[a]` into the text "a");
 * - no quoted scalar over several lines (the two disagree on how far its lines must be
 *   indented), and none of the few other spots where they were found to differ;
 * - every key is text that the core schema reads as text (a key `1`, `true` or `null`
 *   is converted to text differently by the two), on one line and short (the library
 *   refuses implicit keys over 1024 characters);
 * - anything js-yaml refuses (a syntax error, a duplicate key, a second document) is
 *   left to the library, which reports it with its position.
 * tests/fuzz/quick-yaml.fuzz.test.ts compares the two on generated and mutated files.
 */
import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';

/* The YAML 1.2 core schema's scalars, with the library's patterns (yaml/dist/schema/core). */
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const INT_OCT = /^0o[0-7]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

/** Whether the core schema reads this plain scalar as something other than text. */
function notText(s: string): boolean {
  return (
    NULL.test(s) ||
    BOOL.test(s) ||
    INT.test(s) ||
    INT_OCT.test(s) ||
    INT_HEX.test(s) ||
    FLOAT.test(s) ||
    FLOAT_EXP.test(s) ||
    FLOAT_NAN.test(s)
  );
}

const scalar = (tag: string, test: (s: string) => boolean, construct: (s: string) => unknown) =>
  new Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    // js-yaml hands over the plain scalar's text (null for an empty one).
    resolve: (s: string | null) => test(s ?? ''),
    construct: (s: string | null) => construct(s ?? ''),
  });

const CORE = FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar(
      'null',
      (s) => NULL.test(s),
      () => null,
    ),
    scalar(
      'bool',
      (s) => BOOL.test(s),
      (s) => s[0] === 't' || s[0] === 'T',
    ),
    scalar(
      'int',
      (s) => INT.test(s) || INT_OCT.test(s) || INT_HEX.test(s),
      (s) => (INT.test(s) ? parseInt(s, 10) : parseInt(s.substring(2), s[1] === 'o' ? 8 : 16)),
    ),
    scalar(
      'float',
      (s) => FLOAT.test(s) || FLOAT_EXP.test(s) || FLOAT_NAN.test(s),
      (s) =>
        FLOAT_NAN.test(s)
          ? s.slice(-3).toLowerCase() === 'nan'
            ? NaN
            : s[0] === '-'
              ? -Infinity
              : Infinity
          : parseFloat(s),
    ),
  ],
});

/**
 * Where a tag, anchor or alias could start (`!`, `&` or `*` other than after a letter
 * or digit, as in "R&D"), or a directive.
 */
const NODE_PROPERTY = /(?:^|[^A-Za-z0-9])[!&*]|^%/m;
/** Where a complex key could start: `?`, or a flow collection at a line's start or inside a flow collection. */
const COMPLEX_KEY = /^[ \t-]*[?[{]|[[{,]\s*[?[{]/m;

/**
 * Spots where the two readers were found to differ (by the comparison in
 * tests/fuzz/quick-yaml.fuzz.test.ts): a carriage return alone (a line break to
 * js-yaml, not to the library); a tab anywhere (the library refuses tabs that indent);
 * a sequence entry with nothing after its dash (js-yaml can merge it with the next
 * sequence); a block scalar that keeps its final line breaks (`|+`, `>+`, which
 * differ at the end of a file); a document marker with more on its line (`---&a`).
 */
const KNOWN_DIFFERENCES = /\r(?!\n)|\t|^ *-(?: +#.*)? *\r?$|[|>]\d?\+|^(?:---|\.\.\.)(?!\r?\n)/m;

/** A block scalar may end the file without a line break: the two end it differently. */
const BLOCK_AT_END = (text: string) => !text.endsWith('\n') && /[|>]/.test(text);

/** Where a quoted scalar may start: a quote other than after a letter or digit (as in "don't"). */
const QUOTE_START = /(?:^|[^A-Za-z0-9])(["'])/gm;

/**
 * Whether a quoted scalar may continue on another line: the two readers fold such
 * lines under different indentation rules. A quote inside plain text or a comment
 * that is not closed on its line is taken for one too (the library then reads the file).
 */
function quoteOverLines(text: string): boolean {
  QUOTE_START.lastIndex = 0;
  for (let m = QUOTE_START.exec(text); m; m = QUOTE_START.exec(text)) {
    const quote = m[1];
    let i = m.index + m[0].length;
    for (;;) {
      const c = text[i];
      if (c === undefined || c === '\n' || c === '\r') return true;
      if (c === '\\' && quote === '"') {
        // An escaped line break continues the scalar on the next line.
        const next = text[i + 1];
        if (next === undefined || next === '\n' || next === '\r') return true;
        i += 2;
      } else if (c === quote && quote === "'" && text[i + 1] === "'") i += 2;
      else if (c === quote) break;
      else i++;
    }
    QUOTE_START.lastIndex = i + 1;
  }
  return false;
}

/**
 * The file's value when js-yaml can read it and is certain to agree with the YAML
 * library; undefined when the library must read it.
 */
export function quickYamlValue(text: string): { value: unknown } | undefined {
  if (
    NODE_PROPERTY.test(text) ||
    COMPLEX_KEY.test(text) ||
    KNOWN_DIFFERENCES.test(text) ||
    BLOCK_AT_END(text) ||
    quoteOverLines(text)
  )
    return undefined;
  let value: unknown;
  try {
    value = load(text, { schema: CORE });
  } catch {
    // Any refusal (syntax, duplicate key, more than one document, too deep) is reported
    // by the library with its position.
    return undefined;
  }
  // js-yaml gives no value at all only for a document with nothing in it: the library
  // says what that is.
  if (value === undefined) return undefined;
  return plainKeys(value) ? { value } : undefined;
}

/**
 * A key js-yaml can have made from something other than text: the text of a core
 * scalar, or of a number it became (`.inf` becomes "Infinity").
 */
function convertedKey(key: string): boolean {
  return notText(key) || key === 'NaN' || key === 'Infinity' || key === '-Infinity';
}

/*
 * The library refuses an implicit key longer than 1024 characters of source and one
 * over two lines; a key is at most 6 characters of source for each of its characters
 * (`\u00e9`), so one of at most 128 characters on one line is far from the limit.
 */
const LONG_OR_BROKEN_KEY = /[\n\r]|^[^]{129}/;

/** Every mapping key, at any depth, is text the core schema reads as text, short and on one line. */
function plainKeys(root: unknown): boolean {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
      continue;
    }
    for (const key of Object.keys(v)) {
      if (convertedKey(key) || LONG_OR_BROKEN_KEY.test(key)) return false;
      stack.push((v as Record<string, unknown>)[key]);
    }
  }
  return true;
}

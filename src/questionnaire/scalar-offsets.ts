/**
 * Where each character of a YAML string scalar's value was written in the file. A
 * folded (`>-`), literal (`|`), plain multi-line or quoted scalar's value differs from
 * its source text (line breaks folded, indentation dropped, `''` and `\"` unescaped),
 * so an offset inside an expression needs this map to become a line and column.
 */

/** The scalar styles of the yaml library (Scalar.type). */
export type ScalarStyle =
  'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_FOLDED' | 'BLOCK_LITERAL';

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_ESCAPES: Record<string, number> = { x: 2, u: 4, U: 8 };

/** A double-quoted escape at `raw[p]` (a backslash): what it gives and how long it is. */
function escapeAt(raw: string, p: number): { text: string; length: number } | undefined {
  const c = raw[p + 1];
  if (c === undefined) return undefined;
  const simple = SIMPLE_ESCAPES[c];
  if (simple !== undefined) return { text: simple, length: 2 };
  const digits = HEX_ESCAPES[c];
  if (digits === undefined) return undefined;
  const hex = raw.slice(p + 2, p + 2 + digits);
  if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) return undefined;
  return { text: String.fromCodePoint(parseInt(hex, 16)), length: 2 + digits };
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/**
 * For each index of `value` (and one past its end), the offset in `raw` (the scalar's
 * source, from its first character: the quote or the `>`/`|` indicator) where that
 * character was written. A character made by folding a line break maps to the break.
 * Undefined when the source cannot be matched to the value (then the caller falls
 * back to the start of the scalar).
 */
export function scalarSourceOffsets(
  raw: string,
  style: ScalarStyle,
  value: string,
): number[] | undefined {
  let p = 0;
  if (style === 'QUOTE_DOUBLE' || style === 'QUOTE_SINGLE') p = 1;
  else if (style === 'BLOCK_FOLDED' || style === 'BLOCK_LITERAL') {
    // The header line (`>-`, `|2`, a comment) holds none of the value.
    const nl = raw.indexOf('\n');
    if (nl < 0) return undefined;
    p = nl + 1;
  }
  const out: number[] = [];
  let i = 0;
  while (i < value.length) {
    const c = value[i]!;
    if (style === 'QUOTE_DOUBLE' && raw[p] === '\\' && raw[p + 1] !== '\n' && raw[p + 1] !== '\r') {
      const esc = escapeAt(raw, p);
      if (!esc || value.slice(i, i + esc.text.length) !== esc.text) return undefined;
      for (let k = 0; k < esc.text.length; k++) out.push(p);
      i += esc.text.length;
      p += esc.length;
      continue;
    }
    if (style === 'QUOTE_SINGLE' && c === "'" && raw[p] === "'" && raw[p + 1] === "'") {
      out.push(p);
      i++;
      p += 2;
      continue;
    }
    if (isSpace(c)) {
      // Written as is, or made by folding the line break at p.
      out.push(p);
      if (isSpace(raw[p])) p++;
      i++;
      continue;
    }
    // Skip what folding dropped: indentation, line breaks, trailing spaces, and in
    // double quotes an escaped line break.
    while (p < raw.length && raw[p] !== c) {
      if (isSpace(raw[p])) p++;
      else if (style === 'QUOTE_DOUBLE' && raw[p] === '\\' && isSpace(raw[p + 1])) p += 2;
      else return undefined;
    }
    if (p >= raw.length) return undefined;
    out.push(p);
    i++;
    p++;
  }
  out.push(p);
  return out;
}

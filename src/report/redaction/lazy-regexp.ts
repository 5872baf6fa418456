/**
 * A regular expression built on first use. With Unicode property classes, even
 * building one costs up to a millisecond (V8 checks it then), and it is compiled on
 * its first match; most notes never need the address, e-mail, document-number or
 * date patterns at all (patterns.ts: hasDigit), so they are built only for the notes
 * that do.
 */
export function lazyRegExp(source: string, flags: string): () => RegExp {
  let re: RegExp | undefined;
  return () => (re ??= new RegExp(source, flags));
}

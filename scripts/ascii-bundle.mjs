// Build step (scripts/post-build.mjs): writes the bundle's characters outside ASCII as
// \u escapes, so bin/load-bundle.js can read it as one-byte text (decoding 2 MB of
// UTF-8 into a two-byte string took about 10 ms of every command's start).
//
// esbuild already escapes string literals; what it leaves are comments, regular
// expression literals and template literals. An escape means the same character in all
// of those, except inside a tagged template (String.raw`é` and String.raw`\u00e9` are
// different strings) and for U+2028/U+2029, which end a `//` comment. So the file is
// parsed (TypeScript's parser, a development dependency) and left as it is, with a
// warning, if any such character is found there; the loader then decodes UTF-8.

// Any UTF-16 code unit above U+007F.
const NOT_ASCII_ONE = /[\u0080-\uffff]/;
const NOT_ASCII_ALL = /[\u0080-\uffff]/g;

/** The text with every character outside ASCII escaped, or a reason it cannot be. */
export async function toAscii(text) {
  if (!NOT_ASCII_ONE.test(text)) return { text };
  if (/[\u2028\u2029]/.test(text)) return { reason: 'it contains U+2028 or U+2029' };
  let ts;
  try {
    ts = (await import('typescript')).default;
  } catch {
    return { reason: 'typescript is not installed' };
  }
  const file = ts.createSourceFile(
    'cli.cjs',
    text,
    ts.ScriptTarget.Latest,
    false,
    ts.ScriptKind.JS,
  );
  const tagged = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node)) tagged.push([node.template.pos, node.template.end]);
    ts.forEachChild(node, visit);
  };
  visit(file);
  for (const [from, to] of tagged) {
    const inside = text.slice(from, to);
    if (NOT_ASCII_ONE.test(inside)) {
      return { reason: `a tagged template has a character outside ASCII: ${inside.slice(0, 80)}` };
    }
  }
  return {
    text: text.replace(NOT_ASCII_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  };
}

/**
 * Shipped questionnaires are validated at build time and stored beside the bundle as
 * JSON (dist/precompiled/<sha256 of the YAML text>.json), so an interview starts
 * without parsing and checking 3 000 lines of YAML in front of the person waiting.
 * Beside it, <hash>.conditions.json holds the syntax tree of each condition
 * (ast-json.ts), so that they are not parsed again either, and <hash>.source.yaml the
 * exact text the build checked and hashed.
 *
 * A file is found without hashing it (Node's crypto module alone takes longer to load
 * than the rest of this lookup) and without decoding it: index.json lists the hashes by
 * length in UTF-8 bytes, and a candidate is taken only when its stored text has the very
 * same bytes. Then the hash the build computed is the text's hash. An edited file is
 * not in the cache and takes the full, checked path. Running from sources (tests),
 * there is no cache.
 */
import type { ASTNode } from '@marcbachmann/cel-js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { astFromJson } from './ast-json.js';

export const PRECOMPILED_INDEX = 'index.json';

/** The index.json of a precompiled folder: length in UTF-8 bytes → hashes of the texts of that length. */
export type PrecompiledIndex = Record<string, string[]>;

function cacheDir(): string {
  return join(import.meta.dirname, 'precompiled');
}

function readJson(file: string): unknown {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function readBytes(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** The hash of `content` (a text, or a file's bytes) if the build checked it, else undefined. */
function hashOf(content: string | Uint8Array, dir: string): string | undefined {
  const index = readJson(join(dir, PRECOMPILED_INDEX));
  if (typeof index !== 'object' || index === null) return undefined;
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const candidates = (index as PrecompiledIndex)[String(bytes.length)];
  if (!Array.isArray(candidates)) return undefined;
  for (const hash of candidates) {
    if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) continue;
    if (readBytes(join(dir, `${hash}.source.yaml`))?.equals(bytes)) return hash;
  }
  return undefined;
}

/**
 * The checked document for this exact text (or these exact bytes of a file), its hash
 * and, when the build stored them, its conditions' syntax trees by JSON pointer; or
 * undefined.
 */
export function precompiled(
  content: string | Uint8Array,
  dir: string = cacheDir(),
): { doc: unknown; hash: string; trees: ReadonlyMap<string, ASTNode> | undefined } | undefined {
  const hash = hashOf(content, dir);
  if (hash === undefined) return undefined;
  const doc = readJson(join(dir, `${hash}.json`));
  if (doc === undefined) return undefined;
  const stored = readJson(join(dir, `${hash}.conditions.json`));
  const trees =
    typeof stored === 'object' && stored !== null && !Array.isArray(stored)
      ? new Map(Object.entries(stored).map(([at, json]) => [at, astFromJson(json)]))
      : undefined;
  return { doc, hash, trees };
}

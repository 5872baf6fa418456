/**
 * Shipped questionnaires are validated at build time and stored beside the bundle as
 * JSON (dist/precompiled/<sha256 of the YAML text>.json), so an interview starts
 * without parsing and checking 3 000 lines of YAML in front of the person waiting.
 * Beside it, <hash>.conditions.json holds the syntax tree of each condition
 * (ast-json.ts), so that they are not parsed again either. The hash ties both to the
 * exact text: an edited file is not in the cache and takes the full, checked path.
 * Running from sources (tests), there is no cache.
 */
import type { ASTNode } from '@marcbachmann/cel-js';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { astFromJson } from './ast-json.js';

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function cacheDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), 'precompiled');
}

function readJson(file: string): unknown {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The checked document for this exact text and, when the build stored them, its
 * conditions' syntax trees by JSON pointer; or undefined.
 */
export function precompiled(
  text: string,
): { doc: unknown; trees: ReadonlyMap<string, ASTNode> | undefined } | undefined {
  const hash = textHash(text);
  const doc = readJson(join(cacheDir(), `${hash}.json`));
  if (doc === undefined) return undefined;
  const stored = readJson(join(cacheDir(), `${hash}.conditions.json`));
  const trees =
    typeof stored === 'object' && stored !== null && !Array.isArray(stored)
      ? new Map(Object.entries(stored).map(([at, json]) => [at, astFromJson(json)]))
      : undefined;
  return { doc, trees };
}

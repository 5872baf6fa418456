/**
 * Shipped questionnaires are validated at build time and stored beside the bundle as
 * JSON (dist/precompiled/<sha256 of the YAML text>.json), so an interview starts
 * without parsing and checking 3 000 lines of YAML in front of the person waiting.
 * The hash ties the JSON to the exact text: an edited file is not in the cache and
 * takes the full, checked path. Running from sources (tests), there is no cache.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function cacheDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), 'precompiled');
}

/** The checked document for this exact text, or undefined. */
export function precompiledValue(text: string): unknown {
  const file = join(cacheDir(), `${textHash(text)}.json`);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

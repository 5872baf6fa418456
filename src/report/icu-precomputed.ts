/**
 * Values a report takes from the runtime's ICU data (CLDR names, date formats) that
 * the build writes beside the bundle (scripts/post-build.mjs), because asking ICU for
 * them loads its data and costs a noticeable part of a whole report. The files are
 * named for the ICU and CLDR versions that gave them: a runtime with other versions,
 * or running from the sources, computes the values itself. Tests check that each file
 * holds exactly what computing it gives.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file of `name` for this runtime's ICU data in `dir`. */
export function icuPrecomputedFile(dir: string, name: string): string {
  const small = (process.config.variables as { icu_small?: boolean }).icu_small ? '-small' : '';
  const icu = process.versions.icu ?? 'none';
  const cldr = process.versions.cldr ?? 'none';
  return join(dir, `${name}-icu${icu}-cldr${cldr}${small}.json`);
}

/** What the build wrote as `name` for this runtime, if it did and it has the expected shape. */
export function readIcuPrecomputed<T>(name: string, valid: (x: unknown) => x is T): T | undefined {
  const dir = join(import.meta.dirname, 'precompiled');
  const file = icuPrecomputedFile(dir, name);
  // A missing file throws like an unreadable one: no separate check (one system call less).
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return valid(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Build step: writes `value` as `name` for this runtime into `outDir`; returns the file. */
export function writeIcuPrecomputed(outDir: string, name: string, value: unknown): string {
  mkdirSync(outDir, { recursive: true });
  const file = icuPrecomputedFile(outDir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
}

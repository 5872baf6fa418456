/**
 * A test driver (a small script over the product's real source) bundled to one ES
 * module, so a plain Node process can run it: a crash, a signal or a race needs a
 * process of its own, and TypeScript does not run there as it does under vitest.
 */
import { basename, join } from 'node:path';
import { buildSync } from 'esbuild';

/** Bundles `entry` (a .ts file) into `outDir`; returns the path of the .mjs made. */
export function bundleDriver(entry: string, outDir: string): string {
  const outfile = join(outDir, basename(entry).replace(/\.ts$/, '.mjs'));
  buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'error',
  });
  return outfile;
}

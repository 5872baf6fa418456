import { execFileSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time under a folder. */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** End-to-end tests run the built CLI; rebuild it when the sources are newer than the bundle. */
export default function setup(): void {
  const root = join(import.meta.dirname, '..');
  const bundle = join(root, 'dist', 'cli.cjs');
  if (!existsSync(bundle) || statSync(bundle).mtimeMs < newest(join(root, 'src'))) {
    execFileSync(process.execPath, [join(root, 'node_modules', 'tsup', 'dist', 'cli-default.js')], {
      cwd: root,
      stdio: 'ignore',
    });
  }
}

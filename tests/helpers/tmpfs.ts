/**
 * Small real disks for the tests of a full disk: a tmpfs of a few KiB mounted on a
 * folder, so the kernel itself answers ENOSPC. Mounting needs root with the right to
 * mount (as CI runs); tests that need it are skipped where it is refused.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Whether this process may mount a tmpfs: tried once, on a folder of its own. */
export const canMountTmpfs: boolean = (() => {
  if (process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'screener-mount-probe-'));
  try {
    const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4k', 'tmpfs', probe]);
    if (r.status !== 0) return false;
    spawnSync('umount', [probe]);
    return true;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
})();

const mounted: string[] = [];

/** Mounts a tmpfs of `kib` KiB on the existing folder `dir` (open to every user). */
export function mountTmpfs(dir: string, kib: number): string {
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kib}k,mode=0777`, 'tmpfs', dir], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`cannot mount a tmpfs: ${r.stderr || r.error?.message}`);
  mounted.push(dir);
  return dir;
}

/** Unmounts every tmpfs this process mounted (call it in afterAll). */
export function unmountAll(): void {
  for (const dir of mounted.splice(0)) spawnSync('umount', [dir]);
}

/** Fills the disk under `file` to the last byte; removing `file` frees it again. */
export function fillDisk(file: string): void {
  const fd = openSync(file, 'w');
  try {
    for (const size of [64 * 1024, 4096, 1]) {
      const chunk = Buffer.alloc(size);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      }
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Permission tests: root reads every file whatever its mode, so as root the CLI runs as
 * `nobody` (with runuser) on files handed to `nobody`. Without runuser, as root, such
 * tests must be skipped (`cannotDropRoot`): they would pass for the wrong reason.
 */
import { spawnSync } from 'node:child_process';
import { chownSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BIN } from './run-cli.js';

const isRoot = process.getuid?.() === 0;
const runuser = ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find((p) => {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
});
const NOBODY = 65534;

export const cannotDropRoot = isRoot && !runuser;

/** Runs the built CLI as `nobody` when the tests run as root, else as this user. */
export function cliAsNobody(
  args: readonly string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; input?: string },
) {
  const [cmd, argv] = isRoot
    ? [runuser!, ['-u', 'nobody', '--', process.execPath, BIN, ...args]]
    : [process.execPath, [BIN, ...args]];
  return spawnSync(cmd, argv, { ...opts, encoding: 'utf8' });
}

/** Hands `path` (and all below it) to `nobody` when the tests run as root. */
export function giveToNobody(path: string): void {
  if (!isRoot) return;
  chownSync(path, NOBODY, NOBODY);
  if (statSync(path).isDirectory())
    for (const name of readdirSync(path)) giveToNobody(join(path, name));
}

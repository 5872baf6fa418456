/**
 * Once the terminal is gone, more hang-up signals may come (the kernel's, the terminal
 * emulator's), some after the watch that took the first has stopped. With no listener
 * left, one killed the command half-way through its orderly exit: its exit handlers
 * (which give back an interview's lock) did not run, and its status was the signal's,
 * not 130. They are now taken and ignored for the rest of the process's life
 * (src/cli/terminal-gone.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleDriver } from '../helpers/bundle-driver.js';
import { afterAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(join(tmpdir(), 'screener-hangup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('hang-up signals after the terminal is gone', () => {
  it('a late one does not kill the process on its way out', () => {
    const driver = bundleDriver(join(import.meta.dirname, 'hang-up-driver.ts'), work);
    const r = spawnSync(process.execPath, [driver], { encoding: 'utf8' });
    expect(r.signal, r.stderr).toBeNull();
    expect(r.status).toBe(7);
  });
});

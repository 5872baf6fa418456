/**
 * The built CLI starts from V8's code cache (bin/load-bundle.js): each kind of command
 * has one, it is used only with the bundle it was made from, and it holds nothing of the
 * fictional interview it was trained on.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../e2e/pty.js';
import { ROOT } from '../helpers/run-cli.js';

const KINDS = ['run', 'validate', 'interview'] as const;

/** Loads the bundle under `root` in a fresh node, as the shim does for `command`. */
function load(root: string, command: string): { used: boolean; help: boolean } {
  const code = `
    const l = require(${JSON.stringify(join(root, 'bin', 'load-bundle.js'))})
      .loadBundle({ argv: ['node', 'screener', ${JSON.stringify(command)}] });
    process.stdout.write(JSON.stringify({
      used: l.cacheUsed,
      help: l.exports.helpText().includes('Usage: screener'),
    }));`;
  const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as { used: boolean; help: boolean };
}

describe('start-up from the code cache', () => {
  it("picks the cache of the command's kind, after global options", () => {
    const { kindOf } = createRequire(import.meta.url)(join(ROOT, 'bin', 'load-bundle.js')) as {
      kindOf: (argv: string[]) => string;
    };
    const kind = (...args: string[]) => kindOf(['node', 'screener', ...args]);
    expect(kind('interview', '--practice')).toBe('interview');
    expect(kind('--data-dir', 'laptop', 'resume')).toBe('interview');
    expect(kind('--data-dir=laptop', '--no-color', 'validate', 'q.yaml')).toBe('validate');
    expect(kind('--data-dir', 'interview', 'list')).toBe('run');
    expect(kind('export', 'interview')).toBe('run');
    expect(kind()).toBe('run');
  });

  it('checks the cached code with FNV-1a over 64-bit words, as a BigInt version computes it', () => {
    const { checksum } = createRequire(import.meta.url)(join(ROOT, 'bin', 'load-bundle.js')) as {
      checksum: (bytes: Uint8Array) => string;
    };
    const PRIME = 0x100000001b3n;
    const MASK = (1n << 64n) - 1n;
    const reference = (bytes: Buffer) => {
      let h = ((0xcbf29ce484222325n ^ BigInt(bytes.length)) * PRIME) & MASK;
      const padded = Buffer.alloc(Math.ceil(bytes.length / 8) * 8);
      bytes.copy(padded);
      for (let i = 0; i < padded.length; i += 8)
        h = ((h ^ padded.readBigUInt64LE(i)) * PRIME) & MASK;
      return h.toString(16).padStart(16, '0');
    };
    // Lengths around the word and the 64 KiB page, from a fixed seed.
    let seed = 7;
    const bytesOf = (n: number) =>
      Buffer.from(
        Array.from({ length: n }, () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24),
      );
    const sums = new Set<string>();
    for (const n of [0, 1, 7, 8, 9, 4095, 65535, 65536, 65537, 200_003]) {
      const bytes = bytesOf(n);
      expect(checksum(bytes), `${n} bytes`).toBe(reference(bytes));
      sums.add(checksum(bytes));
      // The length is part of the sum: a trailing zero byte is not the same file.
      expect(checksum(Buffer.concat([bytes, Buffer.alloc(1)]))).not.toBe(checksum(bytes));
    }
    expect(sums.size).toBe(10);
  });

  it('has a cache for each kind of command, which V8 accepts', () => {
    for (const command of ['run', 'validate', 'interview', 'resume', 'list', 'export']) {
      expect(load(ROOT, command), command).toEqual({ used: true, help: true });
    }
  });

  it('ignores a cache made for another build, or damaged, and still starts', () => {
    const root = tempDir('code-cache');
    mkdirSync(join(root, 'bin'));
    mkdirSync(join(root, 'dist'));
    copyFileSync(join(ROOT, 'bin', 'load-bundle.js'), join(root, 'bin', 'load-bundle.js'));
    // Another build: the same text with another stamp (the same length, which is all
    // V8 itself would compare).
    const bundle = readFileSync(join(ROOT, 'dist', 'cli.cjs'), 'utf8');
    const other = bundle.replace(
      /screener-build=([0-9a-f])/,
      (_, c: string) => `screener-build=${c === '0' ? '1' : '0'}`,
    );
    expect(other).not.toBe(bundle);
    expect(other.length).toBe(bundle.length);
    writeFileSync(join(root, 'dist', 'cli.cjs'), other);
    for (const kind of KINDS) {
      copyFileSync(
        join(ROOT, 'dist', `cli.cjs.${kind}.cache`),
        join(root, 'dist', `cli.cjs.${kind}.cache`),
      );
    }
    expect(load(root, 'run')).toEqual({ used: false, help: true });
    // The same files with the right stamp: used.
    writeFileSync(join(root, 'dist', 'cli.cjs'), bundle);
    expect(load(root, 'run')).toEqual({ used: true, help: true });
    // One byte of the compiled code damaged: V8 would take it (it checks no sum) and
    // run wrong code or crash; the cache's own checksum keeps it out.
    const cache = readFileSync(join(root, 'dist', 'cli.cjs.run.cache'));
    const at = cache.length >> 1;
    cache.writeUInt8(cache.readUInt8(at) ^ 0xff, at);
    writeFileSync(join(root, 'dist', 'cli.cjs.run.cache'), cache);
    expect(load(root, 'run')).toEqual({ used: false, help: true });
  });

  it('starts without the checksum where there is no WebAssembly (node --jitless)', () => {
    const answers = join(ROOT, 'tests', 'fixtures', 'answers', 'bench-full-interview.yaml');
    const r = spawnSync(
      process.execPath,
      ['--jitless', join(ROOT, 'bin', 'screener.js'), 'run', '--answers', answers, '--practice'],
      { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );
    expect(r.stderr).toContain('Interview completed (75 answers');
    expect(r.status).toBe(0);
  });

  it('holds nothing of the answers it was trained on', () => {
    const answers = readFileSync(
      join(ROOT, 'tests', 'fixtures', 'answers', 'bench-full-interview.yaml'),
      'utf8',
    );
    // Fictional place names only the answers file has (not the questionnaire).
    const canaries = ['Port Ellery', 'near Varn'];
    for (const c of canaries) expect(answers).toContain(c);
    for (const kind of KINDS) {
      const cache = readFileSync(join(ROOT, 'dist', `cli.cjs.${kind}.cache`));
      for (const c of canaries) {
        expect(cache.includes(Buffer.from(c, 'latin1')), `${kind}: ${c}`).toBe(false);
        expect(cache.includes(Buffer.from(c, 'utf16le')), `${kind}: ${c}`).toBe(false);
      }
    }
  });
});

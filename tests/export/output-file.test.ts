/** The export's output file: every write lands whole and in order, and only a commit makes it appear. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutputFile } from '../../src/export/output-file.js';

const DATASET = { what: 'the dataset', option: '--out' };
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'screener-output-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('OutputFile', () => {
  it('writes texts of any size one after the other, multi-byte characters included', async () => {
    const target = join(dir, 'out.csv');
    const out = await OutputFile.create(target, DATASET);
    // Sizes around the reused buffer's: a short text after a long one must not leave
    // the long one's tail behind, and a text longer than the buffer must grow it.
    const texts = [
      'a,b\n',
      'x'.repeat(200_000) + '\n',
      'é,ü,ß\n',
      '',
      'Ω'.repeat(70_000) + '\n',
      'end\n',
    ];
    for (const t of texts) await out.write(t);
    expect(existsSync(target)).toBe(false);
    await out.commit();
    expect(readFileSync(target, 'utf8')).toBe(texts.join(''));
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('leaves nothing behind when discarded', async () => {
    const out = await OutputFile.create(join(dir, 'out.csv'), DATASET);
    await out.write('partial\n');
    await out.discard();
    await out.discard();
    expect(readdirSync(dir)).toEqual([]);
  });
});

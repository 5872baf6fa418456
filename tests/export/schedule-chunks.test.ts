/**
 * The order in which a parallel export takes its results: chunk by chunk in file
 * order, whichever thread read each chunk and however long each took, so the skip
 * list, the spill and every tie-break are the same as with one thread.
 */
import { describe, expect, it } from 'vitest';
import type { FileResult } from '../../src/export/record-rows.js';
import { scheduleChunks } from '../../src/export/worker-pool.js';

/** A chunk's results name the chunk, so the test can see who read what. */
const resultsOf = (chunk: number, by: string): FileResult[] => [
  { kind: 'skip', skip: { file: `${chunk}`, reason: 'unreadable', code: by, message: '' } },
];

/** A small deterministic generator, so a failure replays. */
function delays(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % 7;
  };
}

async function run(chunks: number, readers: number, here: boolean, seed: number) {
  const delay = delays(seed);
  const taken: number[] = [];
  const readBy: string[] = [];
  await scheduleChunks({
    chunks,
    readers,
    ask: (reader, chunk) =>
      new Promise((resolve) =>
        setTimeout(() => resolve(resultsOf(chunk, `reader ${reader}`)), delay()),
      ),
    ...(here ? { here: (chunk: number) => resultsOf(chunk, 'here') } : {}),
    take: async (results, chunk) => {
      const r = results[0]!;
      if (r.kind !== 'skip') throw new Error('unexpected result');
      expect(r.skip.file).toBe(`${chunk}`);
      taken.push(chunk);
      readBy.push(r.skip.code);
      await new Promise((resolve) => setTimeout(resolve, delay() % 2));
    },
  });
  return { taken, readBy };
}

describe('scheduleChunks', () => {
  it.each([
    [1, 1, false],
    [17, 1, false],
    [17, 3, false],
    [1, 1, true],
    [17, 0, true],
    [17, 1, true],
    [40, 2, true],
  ])(
    '%i chunks, %i other readers, reading here: %s — every chunk once, in order',
    async (chunks, readers, here) => {
      for (let seed = 1; seed <= 5; seed++) {
        const { taken, readBy } = await run(chunks, readers, here, seed);
        expect(taken).toEqual(Array.from({ length: chunks }, (_, i) => i));
        if (readers === 0) expect(new Set(readBy)).toEqual(new Set(['here']));
        if (!here) expect(readBy).not.toContain('here');
      }
    },
  );

  it('a reader that fails stops the schedule with its error', async () => {
    await expect(
      scheduleChunks({
        chunks: 10,
        readers: 1,
        ask: (_reader, chunk) =>
          chunk === 3 ? Promise.reject(new Error('worker died')) : Promise.resolve([]),
        here: () => [],
        take: async () => undefined,
      }),
    ).rejects.toThrow('worker died');
  });
});

/** The build writes the bundle in ASCII (scripts/ascii-bundle.mjs) without changing what it does. */
import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { toAscii } from '../../scripts/ascii-bundle.mjs';
import { ROOT } from '../helpers/run-cli.js';

describe('the bundle in ASCII', () => {
  it('escapes comments, strings, regular expressions and templates to the same values', async () => {
    const code = [
      '// déjà vu',
      "const s = 'numéro ’';",
      "const r = /^[a-zé’]+$/u.test('dé’j');",
      'const t = `ª${1}º`;',
      'const astral = /😀/u.test("😀") && /^[😀]$/u.test("😀");',
      '({ s, r, t, astral });',
    ].join('\n');
    const { text } = (await toAscii(code)) as { text: string };
    expect(isAscii(Buffer.from(text))).toBe(true);
    expect(runInNewContext(text)).toEqual(runInNewContext(code));
    expect(runInNewContext(text)).toEqual({ s: 'numéro ’', r: true, t: 'ª1º', astral: true });
  });

  it('refuses a tagged template, whose raw text an escape would change', async () => {
    const result = await toAscii('const x = String.raw`é`;');
    expect(result).toEqual({ reason: expect.stringMatching(/tagged template/) as unknown });
    expect(await toAscii('// a\u2028b')).toEqual({
      reason: expect.stringMatching(/U\+2028/) as unknown,
    });
  });

  it('is what the build wrote', () => {
    expect(isAscii(readFileSync(join(ROOT, 'dist', 'cli.cjs')))).toBe(true);
  });
});

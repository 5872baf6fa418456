import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestionnaire, loadTrusted } from '../../src/questionnaire/load.js';
import type { Questionnaire } from '../../src/questionnaire/types.js';
import { shippedQuestionnaires } from '../../src/shipped.js';
import { runCli } from '../helpers/run-cli.js';

/** Functions (conditions) compared by their source and what they read. */
function plain(q: Questionnaire): unknown {
  return JSON.parse(
    JSON.stringify(q, (_k, v: unknown) => {
      if (v instanceof Map) return Object.fromEntries(v);
      if (v && typeof v === 'object' && 'evaluate' in v) {
        const c = v as unknown as { source: string; refs: readonly string[] };
        return { source: c.source, refs: c.refs };
      }
      return v;
    }),
  );
}

describe('precompiled shipped questionnaires', () => {
  it.each(shippedQuestionnaires())(
    '%s compiles to the same questionnaire on the trusted path',
    (file) => {
      const checked = loadQuestionnaire(file);
      expect(checked.questionnaire).toBeDefined();
      const text = readFileSync(file, 'utf8');
      const trusted = loadTrusted(file, text, JSON.parse(JSON.stringify(checked.source!.value)));
      expect(plain(trusted!)).toEqual(plain(checked.questionnaire!));
    },
  );

  it('an edited copy of a shipped questionnaire is checked, not trusted', () => {
    // The built CLI has the cache; a changed text has another hash, so its error shows.
    const file = shippedQuestionnaires()[0]!;
    const broken = readFileSync(file, 'utf8').replace(/^languages:.*$/m, 'languages: 7');
    const dir = mkdtempSync(join(tmpdir(), 'screener-precompiled-'));
    const tmp = join(dir, 'edited.yaml');
    writeFileSync(tmp, broken);
    try {
      const r = runCli(['show', tmp]);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain('E_SCHEMA_TYPE');
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../src/questionnaire/diagnostics.js';
import { loadQuestionnaire } from '../../src/questionnaire/load.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'questionnaires');
const INVALID = join(DIR, 'invalid');

// Each fixture is minimal.yaml with one defect; its first line says which code it must
// produce and where: `# expect: CODE line:col (what)`.
const fixtures = readdirSync(INVALID)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => {
    const first = readFileSync(join(INVALID, f), 'utf8').split('\n')[0]!;
    const m = /^# expect: (\S+) (\d+):(\d+)/.exec(first);
    if (!m) throw new Error(`${f}: first line must be "# expect: CODE line:col"`);
    return { file: f, code: m[1]!, line: Number(m[2]), col: Number(m[3]) };
  });

describe('invalid questionnaire fixtures', () => {
  it('the base fixture is valid with no warnings', () => {
    const r = loadQuestionnaire(join(DIR, 'minimal.yaml'));
    expect(r.diagnostics).toEqual([]);
    expect(r.questionnaire?.id).toBe('minimal');
  });

  it.each(fixtures)('$file reports $code at $line:$col', ({ file, code, line, col }) => {
    const r = loadQuestionnaire(join(INVALID, file));
    const found = r.diagnostics.filter((d) => d.code === code);
    expect(found.map((d) => `${d.line}:${d.col}`)).toContain(`${line}:${col}`);
    if (code.startsWith('E_')) expect(r.questionnaire).toBeUndefined();
    else expect(r.questionnaire).toBeDefined();
  });

  it('has a fixture for every questionnaire diagnostic that a file can show', () => {
    // File-level codes are produced by generated inputs in hostile-yaml.test.ts; answers
    // codes belong to answers files, scenario codes to scenarios (tests/training), export
    // section codes to tests/export/config.test.ts.
    const elsewhere =
      /^(E_FILE_|E_YAML_ALIAS|E_YAML_TOO_DEEP|E_ANSWER_|E_SCENARIO_|E_EXPORT_CONFIG_)/;
    const expected = Object.keys(DIAGNOSTIC_CODES).filter((c) => !elsewhere.test(c));
    expect(fixtures.map((f) => f.code).sort()).toEqual(expected.sort());
  });
});

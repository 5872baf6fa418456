import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestionnaireText } from '../../src/questionnaire/load.js';

const ROOT = join(import.meta.dirname, '..', '..');
const iom = readFileSync(join(ROOT, 'questionnaires', 'iom-screening.yaml'), 'utf8');
const minimal = readFileSync(
  join(ROOT, 'tests', 'fixtures', 'questionnaires', 'minimal.yaml'),
  'utf8',
);

describe('flags named by referrals', () => {
  it('a misspelt flag makes the questionnaire invalid, at the flag, with did-you-mean', () => {
    const text = iom.replace(
      'if_flags: [minor, possible_minor, unaccompanied_child',
      'if_flags: [minr, possible_minor, unaccompanied_child',
    );
    expect(text).not.toBe(iom);
    const r = loadQuestionnaireText('q.yaml', text);
    expect(r.questionnaire).toBeUndefined();
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.line}:${d.col} ${d.code} ${d.hint}`)).toEqual([
      '2874:16 E_UNKNOWN_FLAG did you mean `minor`?',
    ]);
  });

  it('a flag set by a rule, by a choice or built in is known', () => {
    const text =
      minimal.replace('    raises: [debt]\n', '    raises: [debt]\n    flags: [long_days]\n') +
      'referrals:\n  - category: labour_rights\n    if_flags: [long_days, urgent]\n    reason: Long days.\n';
    const r = loadQuestionnaireText('q.yaml', text);
    expect(r.diagnostics).toEqual([]);
    expect(r.questionnaire?.referrals[0]?.ifFlags).toEqual(['long_days', 'urgent']);
  });
});

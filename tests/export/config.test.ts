/**
 * The questionnaire's export section: what it declares, what is inferred without it,
 * and every problem reported at file:line:col.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadQuestionnaire, loadQuestionnaireText } from '../../src/questionnaire/load.js';
import { readExportConfig, type QiSpec } from '../../src/export/config.js';
import { exportConfigError } from '../../src/export/config-errors.js';
import { defaultQuestionnairePath } from '../../src/shipped.js';
import { FIXTURE, removeDir, tempDir } from './helpers/records.js';
import { runCli, STACK_TRACE } from '../helpers/run-cli.js';

const fixtureText = readFileSync(FIXTURE, 'utf8');

function withExport(section: string) {
  const text = fixtureText.replace(
    /\nexport:\n[\s\S]*$/,
    section === '' ? '\n' : `\nexport:\n${section}`,
  );
  const dir = tempDir('config');
  const file = join(dir, 'q.yaml');
  writeFileSync(file, text);
  const r = loadQuestionnaireText(file, text);
  if (!r.questionnaire) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return { q: r.questionnaire, file, text, cleanup: () => removeDir(dir) };
}

function kinds(qis: readonly QiSpec[]) {
  return qis.map((s) => `${s.column}:${s.kind}`);
}

describe('export section', () => {
  it('the fixture declares its quasi-identifiers; the others are listed as not exported', () => {
    const r = loadQuestionnaire(FIXTURE);
    const c = readExportConfig(r.questionnaire!);
    if (!c.ok) throw new Error('fixture invalid');
    expect(kinds(c.config.qis)).toEqual([
      'interview_month:interview_month',
      'population:population',
      'age:age',
      'sex:category',
      'nationality:country',
      'region:category',
    ]);
    expect(c.config.notExported.map((n) => n.question)).toEqual(['arrived_on', 'home_town']);
  });

  it('without an export section, quasi-identifying questions are exported by type; free text never', () => {
    const { q, cleanup } = withExport('');
    const c = readExportConfig(q);
    cleanup();
    if (!c.ok) throw new Error('invalid');
    expect(kinds(c.config.qis)).toEqual([
      'interview_month:interview_month',
      'population:population',
      'age:age',
      'sex:category',
      'nationality:country',
      'region:category',
      'arrived_on:date',
    ]);
    expect(c.config.notExported).toEqual([
      { question: 'home_town', reason: 'free text is never exported' },
    ]);
  });

  it('the shipped questionnaire exports age, sex, nationality (read as a country) and dates, never its text fields', () => {
    const r = loadQuestionnaire(defaultQuestionnairePath());
    const c = readExportConfig(r.questionnaire!);
    if (!c.ok) throw new Error('shipped questionnaire export section invalid');
    const columns = c.config.qis.map((s) => s.column);
    for (const col of ['age', 'sex']) expect(columns).toContain(col);
    const direct = r.questionnaire!.questions.filter((x) => x.identifying === 'direct');
    for (const d of direct) expect(columns).not.toContain(d.id);
    for (const s of c.config.qis)
      if ('question' in s) {
        const question = r.questionnaire!.questionById.get(s.question)!;
        if (question.type === 'text') expect(['country', 'place']).toContain(s.kind);
      }
  });

  it('the interview month may come from a date question, which is then not a column of its own', () => {
    const inferred = withExport('  interview_month: { question: arrived_on }\n');
    const c = readExportConfig(inferred.q);
    inferred.cleanup();
    if (!c.ok) throw new Error('invalid');
    expect(c.config.qis[0]).toEqual({
      kind: 'interview_month',
      column: 'interview_month',
      finest: 'month',
      dateQuestion: 'arrived_on',
    });
    expect(kinds(c.config.qis)).not.toContain('arrived_on:date');
    const listed = withExport(
      [
        '  interview_month: { question: arrived_on, finest: quarter }',
        '  quasi_identifiers:',
        '    age: { as: age }',
        '',
      ].join('\n'),
    );
    const d = readExportConfig(listed.q);
    listed.cleanup();
    if (!d.ok) throw new Error('invalid');
    expect(d.config.qis[0]).toMatchObject({ finest: 'quarter', dateQuestion: 'arrived_on' });
    expect(d.config.notExported.map((n) => n.question)).not.toContain('arrived_on');
  });

  it("the interview month's question must exist, be a date and not identify anyone", () => {
    const problems = (section: string) => {
      const { q, file, cleanup } = withExport(section);
      try {
        const c = readExportConfig(q);
        if (c.ok) throw new Error('expected problems');
        // Positions are read from the file: before it is removed.
        return exportConfigError(file, c.problems).details.join('\n');
      } finally {
        cleanup();
      }
    };
    const misspelt = problems('  interview_month: { question: arrivd_on }\n');
    expect(misspelt).toContain('E_EXPORT_CONFIG_UNKNOWN_QUESTION');
    expect(misspelt).toContain('did you mean `arrived_on`?');
    // Placed at the misspelt id, the value, not at `question`.
    const column = '  interview_month: { question: arrivd_on }'.indexOf('arrivd_on') + 1;
    expect(misspelt).toMatch(new RegExp(`:\\d+:${column} E_EXPORT_CONFIG_UNKNOWN_QUESTION`));
    expect(problems('  interview_month: { question: full_name }\n')).toContain(
      'E_EXPORT_CONFIG_IDENTIFYING',
    );
    expect(problems('  interview_month: { question: age }\n')).toContain(
      '`age` is a number question; the interview month is read from a date question',
    );
    expect(problems('  interview_month: { qestion: arrived_on }\n')).toContain(
      'did you mean `question`?',
    );
  });

  it('reports every problem with its position, and a suggestion where one is near', () => {
    const { q, file, cleanup } = withExport(
      [
        '  quasi_identifers: {}',
        '  quasi_identifiers:',
        '    age: { as: age, adult_band: 7 }',
        '    full_name: { as: category }',
        '    notes: { as: category }',
        '    nationalty: { as: country }',
        '    region:',
        '      as: category',
        '      levels:',
        '        - name: zone',
        '          groups:',
        '            north: [r01, r02, r03, r99]',
        '            south: [r04, r05, r06, r07, r08, r09]',
        '    sex: { as: categry }',
        '',
      ].join('\n'),
    );
    const c = readExportConfig(q);
    if (c.ok) throw new Error('expected problems');
    const lines = exportConfigError(file, c.problems).details.filter((l) => l.startsWith(file));
    cleanup();
    const at = (code: string) => lines.find((l) => l.includes(code) && l.includes(''))!;
    const startLine = fixtureText.split('\n').findIndex((l) => l === 'export:') + 1;
    const lineOf = (l: string) => Number(l.slice(file.length + 1).split(':')[0]) - startLine;
    expect(lines.length).toBe(8);
    expect(at('E_EXPORT_CONFIG_UNKNOWN_KEY')).toContain('quasi_identifers');
    expect(lineOf(at('E_EXPORT_CONFIG_UNKNOWN_KEY'))).toBe(1);
    const byCode = (code: string) => lines.filter((l) => l.includes(code));
    expect(
      byCode('E_EXPORT_CONFIG_VALUE')
        .map(lineOf)
        .sort((a, b) => a - b),
    ).toEqual([3, 14]);
    expect(byCode('E_EXPORT_CONFIG_IDENTIFYING').map(lineOf)).toEqual([4]);
    expect(byCode('E_EXPORT_CONFIG_QUESTION_TYPE').map(lineOf)).toEqual([5]);
    expect(byCode('E_EXPORT_CONFIG_UNKNOWN_QUESTION').map(lineOf)).toEqual([6]);
    expect(byCode('E_EXPORT_CONFIG_GROUPS').length).toBe(2);
    const details = exportConfigError(file, c.problems).details.join('\n');
    expect(details).toContain('did you mean `quasi_identifiers`?');
    expect(details).toContain('did you mean `nationality`?');
    expect(details).toContain('did you mean `category`?');
    expect(details).toContain('does not place `r10` in any group');
  });

  it("screener validate reports the section's problems at file:line:col and exits 3", () => {
    const { file, text, cleanup } = withExport(
      [
        '  quasi_identifiers:',
        '    full_name: { as: category }',
        '    nationalty: { as: country }',
        '',
      ].join('\n'),
    );
    try {
      const startLine = text.split('\n').findIndex((l) => l === 'export:') + 1;
      const r = runCli(['validate', file]);
      expect(r.code).toBe(3);
      expect(r.stderr).not.toMatch(STACK_TRACE);
      expect(r.stderr).toContain(`${file}:${startLine + 2}:`);
      expect(r.stderr).toContain('E_EXPORT_CONFIG_IDENTIFYING');
      expect(r.stderr).toMatch(
        new RegExp(
          `${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${startLine + 3}:\\d+ E_EXPORT_CONFIG_UNKNOWN_QUESTION`,
        ),
      );
      expect(r.stderr).toContain('did you mean `nationality`?');
      expect(r.stdout).toContain('invalid, 2 errors');
      const json = runCli(['validate', '--json', file]);
      expect(json.code).toBe(3);
      const [result] = JSON.parse(json.stdout) as {
        valid: boolean;
        diagnostics: { code: string; line: number }[];
      }[];
      expect(result!.valid).toBe(false);
      expect(result!.diagnostics.map((d) => [d.code, d.line - startLine])).toEqual([
        ['E_EXPORT_CONFIG_IDENTIFYING', 2],
        ['E_EXPORT_CONFIG_UNKNOWN_QUESTION', 3],
      ]);
    } finally {
      cleanup();
    }
  });

  it("screener validate accepts the fixture's export section", () => {
    const r = runCli(['validate', FIXTURE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('valid (questionnaire');
  });
});

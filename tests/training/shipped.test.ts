/**
 * The shipped scenarios, as a trainer uses them: every one validates, `rehearse --auto`
 * through the built CLI reaches its expected outcome and indicators, and the data
 * folder stays empty. Their expected results are also re-derived here without the
 * training module (answers player + scorer), so a bug there cannot hide one here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playAnswers } from '../../src/answers/index.js';
import { loadQuestionnaire } from '../../src/questionnaire/load.js';
import { parseYamlText } from '../../src/questionnaire/yaml-source.js';
import { assess } from '../../src/scoring/index.js';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  emptyDataDir,
  nameOf,
  readScenario,
  rehearseCli,
  shippedScenarioFiles,
} from './helpers.js';

const files = shippedScenarioFiles();
const scenarios = files.map((file) => ({ file, name: nameOf(file), doc: readScenario(file) }));

let data: ReturnType<typeof emptyDataDir>;
beforeAll(() => {
  data = emptyDataDir();
});
afterAll(() => data.remove());

describe('the shipped scenarios', () => {
  it('cover the six cases the trainers asked for, at least one in French', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(6);
    const byId = new Map(scenarios.map((s) => [s.doc.scenario, s.doc]));
    const outcome = (id: string) => byId.get(id)?.expected.outcome;
    const has = (id: string, ...ind: string[]) =>
      ind.every((i) => byId.get(id)?.expected.indicators.includes(i));
    expect(outcome('construction_debt_bondage')).toBe('indicators_met');
    expect(has('construction_debt_bondage', 'debt_bondage')).toBe(true);
    expect(outcome('servitude_domestique_documents')).toBe('indicators_met');
    expect(has('servitude_domestique_documents', 'confiscation_of_documents')).toBe(true);
    expect(byId.get('servitude_domestique_documents')?.lang).toBe('fr');
    expect(outcome('sexual_exploitation_job_offer')).toBe('indicators_met');
    expect(has('sexual_exploitation_job_offer', 'deceived_nature_of_job')).toBe(true);
    expect(outcome('child_street_selling')).toBe('indicators_met');
    expect(byId.get('child_street_selling')?.expected.population).toBe('child');
    expect(outcome('smuggled_not_trafficked')).toBe('indicators_not_met');
    expect(byId.get('smuggled_not_trafficked')?.expected.indicators).toEqual([]);
    expect(outcome('labour_rights_long_hours')).toBe('indicators_partial');
    expect(byId.get('labour_rights_long_hours')?.expected.dimensions).toEqual([
      'exploitative_conditions',
    ]);
  });

  it('`screener validate` with no file checks them all: valid, exit 0', () => {
    const r = runCli(['validate']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const s of scenarios)
      expect(r.stdout).toContain(`scenarios/${nameOf(s.file)}.yaml: valid (scenario)`);
  });

  it.each(scenarios)(
    '$name: its expected result follows from its coding (answers player + scorer)',
    async ({ file, doc }) => {
      const q = loadQuestionnaire(join(ROOT, 'questionnaires', 'iom-screening.yaml'));
      expect(doc.questionnaire).toBe('iom_screening');
      const answers: Record<string, unknown> = {};
      for (const [id, e] of Object.entries(doc.interview)) if ('code' in e) answers[id] = e.code;
      const src = parseYamlText(file, 'answers: {}').source!;
      const played = await playAnswers(
        q.questionnaire!,
        { ...src, value: { answers } },
        { id: 'R-TEST-0001', mode: 'rehearsal', lang: doc.lang, now: () => '2024-01-01T00:00:00Z' },
      );
      expect(played.diagnostics).toEqual([]);
      const a = assess(q.questionnaire!, played.record!);
      expect(a.outcome.id).toBe(doc.expected.outcome);
      expect(a.indicators.map((i) => i.id).sort()).toEqual([...doc.expected.indicators].sort());
      if (doc.expected.population) expect(a.population.population).toBe(doc.expected.population);
    },
  );

  it.each(scenarios)(
    '$name: `rehearse --auto` shows the expected outcome and every expected indicator',
    ({ name, doc }) => {
      const r = rehearseCli([name, '--auto'], data.dir);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const out = r.stdout;
      expect(out).toContain('REHEARSAL');
      expect(out).toContain(`${doc.persona.name} (${doc.lang === 'fr' ? 'fictif' : 'fictional'})`);
      const reached = doc.lang === 'fr' ? 'obtenu' : 'reached';
      expect(out).toContain(`${reached} **${doc.expected.outcome}**`);
      const found = doc.lang === 'fr' ? 'Indicateurs relevés' : 'Indicators found';
      const n = doc.expected.indicators.length;
      expect(out).toContain(`## ${found} (${n})`);
      const section = out.slice(out.indexOf(`## ${found} (${n})`)).split('\n## ')[0]!;
      const listed = [...section.matchAll(/\(`([a-z_]+)`\) — /g)].map((m) => m[1]);
      expect(listed.sort()).toEqual([...doc.expected.indicators].sort());
      // A demonstration plays the expected coding: every scored question is right.
      expect(out).toMatch(/\*\*(\d+) (of|sur) \1\*\* \(100 %\)/);
      expect(data.files()).toEqual([]);
    },
  );

  it('without a terminal, only --auto works: exit 2 with the way out', () => {
    const r = rehearseCli(['labour-rights-long-hours'], data.dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('[E_NO_TERMINAL]');
    expect(r.stderr).toContain('screener rehearse labour-rights-long-hours --auto');
    expect(data.files()).toEqual([]);
  });

  it('--lang picks the language of the questions and the debrief; an unknown one is refused', () => {
    const fr = rehearseCli(['labour-rights-long-hours', '--auto', '--lang', 'fr'], data.dir);
    expect(fr.code).toBe(0);
    expect(fr.stdout).toContain('# REHEARSAL — débriefing : Long days in the greenhouses');
    expect(fr.stdout).toContain(
      "Un jour habituel, combien d'heures la personne travaillait-elle ?",
    );
    const xx = rehearseCli(['labour-rights-long-hours', '--auto', '--lang', 'xx'], data.dir);
    expect(xx.code).toBe(2);
    expect(xx.stderr).toContain('the questionnaire has no xx texts (languages: en, fr)');
    expect(xx.stderr).toContain('[E_UNKNOWN_LANGUAGE]');
  });

  it('a shipped scenario is found by file name or by id; --debrief writes the same Markdown', () => {
    const out = join(data.dir, '..', 'debrief.md');
    const byName = rehearseCli(['child-street-selling', '--auto', '--debrief', out], data.dir);
    const byId = rehearseCli(['child_street_selling', '--auto'], data.dir);
    expect(byName.code).toBe(0);
    expect(byId.stdout).toBe(byName.stdout);
    expect(byName.stderr).toContain(`Debrief saved to ${out}.`);
    expect(readFileSync(out, 'utf8')).toBe(byName.stdout);
    expect(data.files()).toEqual([]);
  });

  it("--debrief never writes over one of the store's own files (exit 2, checked first)", () => {
    const keys = join(data.dir, '..', 'keys.json');
    const content = '{\n  "format": "screener-keys",\n  "version": 1\n}\n';
    writeFileSync(keys, content);
    const r = rehearseCli(['child-street-selling', '--auto', '--debrief', keys], data.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${keys} is a data folder's keys; a debrief is never written over it. The debrief was not written. [E_REPORT_OUT_PROTECTED]`,
    );
    expect(r.stdout).toBe('');
    expect(readFileSync(keys, 'utf8')).toBe(content);
  });
});

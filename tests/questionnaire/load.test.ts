import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadQuestionnaire,
  loadQuestionnaireText,
  requireQuestionnaire,
} from '../../src/questionnaire/load.js';
import { resolveText } from '../../src/questionnaire/text.js';
import { ScreenerError } from '../../src/errors.js';
import { ROOT } from '../helpers/run-cli.js';

const EXAMPLE = join(ROOT, 'questionnaires', 'example.yaml');

describe('loading the example questionnaire', () => {
  const r = loadQuestionnaire(EXAMPLE);
  const q = r.questionnaire!;

  it('loads with no diagnostic at all', () => {
    expect(r.diagnostics).toEqual([]);
    expect(q.id).toBe('example');
    expect(q.languages).toEqual(['en', 'fr']);
  });

  it('flattens questions in order and knows their sections', () => {
    expect(q.questions.map((x) => x.id).slice(0, 4)).toEqual([
      'venue_private',
      'proceed_anyway',
      'explained',
      'consent_given',
    ]);
    expect(q.questionById.get('age')).toMatchObject({
      sectionId: 'personal',
      integer: true,
      identifying: 'quasi',
      min: 0,
      max: 120,
    });
    expect(q.sections[0]).toMatchObject({ id: 'preparation', kind: 'preparation' });
  });

  it('applies defaults: both special answers unless forbidden, required, yes/no choices', () => {
    const consent = q.questionById.get('consent_given')!;
    expect(consent.special).toEqual([]);
    expect(q.questionById.get('age')!.special).toEqual(['dont_know', 'declined']);
    expect(q.questionById.get('name')!.required).toBe(false);
    expect(consent.choices.map((c) => c.value)).toEqual(['yes', 'no']);
    expect(q.questionById.get('explained')!.required).toBe(false);
  });

  it('compiles conditions that evaluate over answers', () => {
    const proceed = q.questionById.get('proceed_anyway')!;
    expect(
      proceed.when!.evaluate({
        answers: { venue_private: 'no' },
        status: { venue_private: 'answered' },
      }),
    ).toBe(true);
    expect(proceed.when!.evaluate({ answers: {}, status: {} })).toBe(false);
    expect(
      q.scoring.childWhen.evaluate({ answers: { age: 15 }, status: { age: 'answered' } }),
    ).toBe(true);
  });

  it('keeps strengths per population and the dimension rule as data', () => {
    expect(q.indicatorById.get('threats_of_violence')!.strength).toEqual({
      adult: 'medium',
      child: 'strong',
    });
    expect(q.indicatorById.get('debt_bondage')!.strength).toEqual({
      adult: 'strong',
      child: 'strong',
    });
    expect(q.scoring.dimensionRule[1]).toEqual([['strong'], ['medium', 'weak']]);
    expect(q.scoring.populations.child).toMatchObject({ kind: 'all_of' });
  });

  it('is frozen and bound to its exact text by a hash', () => {
    expect(Object.isFrozen(q)).toBe(true);
    expect(Object.isFrozen(q.questions[0]!.choices)).toBe(true);
    expect(q.hash).toMatch(/^[0-9a-f]{64}$/);
    const again = loadQuestionnaireText(EXAMPLE, readFileSync(EXAMPLE, 'utf8') + '\n# changed\n');
    expect(again.questionnaire!.hash).not.toBe(q.hash);
  });

  it('resolves texts by language with English fallback', () => {
    expect(resolveText(q.title, 'fr', 'en').text).toContain('Questionnaire');
    expect(resolveText(q.title, 'es', 'en')).toMatchObject({ lang: 'en', fellBack: true });
  });
});

describe('requireQuestionnaire', () => {
  it('throws an invalid-input error listing the diagnostics', () => {
    const file = join(
      ROOT,
      'tests',
      'fixtures',
      'questionnaires',
      'invalid',
      'E_DUPLICATE_ID.yaml',
    );
    try {
      requireQuestionnaire(file);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ScreenerError);
      expect((e as ScreenerError).kind).toBe('invalid_input');
      expect((e as ScreenerError).details.join('\n')).toContain('E_DUPLICATE_ID');
    }
  });
});

describe('precompiled schema validators', () => {
  it('are up to date with the schemas', () => {
    // Fails when someone edits a *.schema.json without `npm run gen`.
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'gen-validators.mjs'), '--check'], {
      stdio: 'pipe',
    });
  });
});

import { describe, expect, it } from 'vitest';
import type { Step } from '../../src/engine/index.js';
import { styler } from '../../src/cli/style.js';
import { requireQuestionnaire } from '../../src/questionnaire/load.js';
import { defaultQuestionnairePath } from '../../src/shipped.js';
import { renderStep } from '../../src/prompt/screen.js';
import { uiText } from '../../src/prompt/ui-text.js';
import { play, start } from './helpers.js';

const PREPARATION = {
  prep_private_venue: 'yes',
  prep_no_companion: 'yes',
  prep_interpreter: 'not_needed',
  prep_referrals_ready: 'yes',
  prep_medical: 'none',
  prep_interviewer_sex: 'yes',
  prep_earlier_interviews: 'yes',
  prep_guardian: 'present',
  prep_proceed: 'yes',
};

function reminders(lang: string, ageGroup: string): string[] {
  const q = requireQuestionnaire(defaultQuestionnairePath());
  const { steps } = play(q, start(q), { ...PREPARATION, prep_age_group: ageGroup });
  return steps
    .filter((s): s is Extract<Step, { kind: 'child' }> => s.kind === 'child')
    .map((step) =>
      renderStep(
        { questionnaire: q, lang, ui: uiText(lang), style: styler(false), practice: false },
        { step, help: false, note: undefined, pruned: [], flash: undefined },
      ),
    );
}

describe('the shipped questionnaire, age "not established; could be under 18"', () => {
  it('reminds that the person may be a child, never that they are', () => {
    const [en, ...more] = reminders('en', 'uncertain');
    expect(more).toEqual([]);
    expect(en).toContain('May be a child: The person may be under 18.');
    expect(en).not.toContain('The person is under 18');
    const [fr] = reminders('fr', 'uncertain');
    expect(fr).toContain('Peut-être un enfant');
    expect(fr).not.toContain('La personne a moins de 18 ans');
  });

  it('"Under 18" still says the person is a child', () => {
    expect(reminders('en', 'child')[0]).toContain('Child: The person is under 18.');
  });
});

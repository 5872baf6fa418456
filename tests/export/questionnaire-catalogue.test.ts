import { describe, expect, it } from 'vitest';
import { questionnaireCatalogue } from '../../src/export/questionnaire-catalogue.js';
import { FIXTURE, fixtureQuestionnaire } from './helpers/records.js';

describe('the questionnaires of an export with no row and no record naming one', () => {
  it('are the --questionnaire files when given', () => {
    const found = questionnaireCatalogue([FIXTURE]).forEmptyFile();
    expect(found.map((q) => q.hash)).toEqual([fixtureQuestionnaire().hash]);
  });

  it('are the shipped default otherwise, the one `screener interview` uses', () => {
    const found = questionnaireCatalogue([]).forEmptyFile();
    expect(found.map((q) => q.id)).toEqual(['iom_screening']);
  });
});

/** Conditions in words: what a reviewer who does not read CEL sees for each shape. */
import { describe, expect, it } from 'vitest';
import { loadQuestionnaireText } from '../../src/questionnaire/load.js';
import type { Questionnaire } from '../../src/questionnaire/types.js';
import { describeCondition } from '../../src/show/describe-condition.js';

const YAML = `
id: words
version: '1'
title: { en: Words, fr: Mots }
languages: [en, fr]
sections:
  - id: main
    title: { en: Main, fr: Principal }
    questions:
      - id: travelled
        type: yesno
        text: { en: Did you travel?, fr: Avez-vous voyagé ? }
      - id: how
        type: single
        text: { en: How did you travel?, fr: Comment avez-vous voyagé ? }
        choices:
          - { value: bus, text: { en: By bus, fr: En bus } }
          - { value: boat, text: { en: By boat, fr: En bateau } }
      - id: controls
        type: multi
        text: { en: Which happened?, fr: Lesquels ? }
        choices:
          - { value: documents_taken, text: { en: Documents taken, fr: Documents pris } }
          - { value: none, text: { en: None, fr: Aucun }, exclusive: true }
      - id: age
        type: number
        integer: true
        text: { en: Age, fr: Âge }
      - id: hours
        type: number
        text: { en: Hours a day, fr: Heures par jour }
dimensions:
  - { id: d, title: { en: D, fr: D } }
indicators: []
scoring:
  dimension_rule: { any_of: [[strong, strong]] }
  populations: { adult: d, child: d }
  child_when: answers.age < 18
`;

const q: Questionnaire = loadQuestionnaireText('words.yaml', YAML).questionnaire!;
const en = (s: string) => describeCondition(s, q, { lang: 'en' });

describe('describeCondition', () => {
  it('says which answer a question needs, with the question and choice texts', () => {
    expect(en("answers.travelled == 'yes'")).toBe('“Did you travel?” is Yes');
    expect(en("answers.how != 'boat'")).toBe('“How did you travel?” is not “By boat”');
    expect(en("answers.how in ['bus', 'boat']")).toBe(
      '“How did you travel?” is “By bus” or “By boat”',
    );
  });

  it('reads list answers as "includes"', () => {
    expect(en("'documents_taken' in answers.controls")).toBe(
      '“Which happened?” includes “Documents taken”',
    );
    expect(en("!('none' in answers.controls)")).toBe('“Which happened?” does not include “None”');
    expect(en("answers.controls == ['none']")).toBe('“Which happened?” is only “None”');
  });

  it('reads numbers and comparisons either way round', () => {
    expect(en('answers.age < 18')).toBe('“Age” is less than 18');
    expect(en('18 > answers.age')).toBe('“Age” is less than 18');
    expect(en('answers.hours >= 12.5')).toBe('“Hours a day” is 12.5 or more');
  });

  it("explains status and has() in terms of don't know and declined", () => {
    expect(en("status.age == 'declined'")).toBe('“Age” was declined');
    expect(en("status.age == 'dont_know'")).toBe("“Age” was answered “don't know”");
    expect(en('has(answers.age)')).toBe('“Age” has an answer');
    expect(en('!has(answers.age)')).toBe("“Age” has no answer (don't know, declined or not asked)");
    expect(en("!has(answers.travelled) || answers.travelled != 'no'")).toBe(
      '“Did you travel?” is not No, or has no answer',
    );
  });

  it('joins with and/or and brackets mixed groups', () => {
    expect(en("answers.travelled == 'yes' && (answers.how == 'boat' || answers.age < 18)")).toBe(
      '“Did you travel?” is Yes and (“How did you travel?” is “By boat” or “Age” is less than 18)',
    );
  });

  it('shows a shape it cannot put in words as the expression, never drops it', () => {
    expect(en("answers.controls.exists(c, c != 'none')")).toBe(
      "`answers.controls.exists(c, c != 'none')`",
    );
    expect(en("answers.travelled == 'yes' && size(answers.controls) > 1")).toBe(
      '“Did you travel?” is Yes and `size(answers.controls) > 1`',
    );
  });

  it('speaks French when asked', () => {
    expect(
      describeCondition("answers.travelled == 'yes' && answers.age < 18", q, { lang: 'fr' }),
    ).toBe('« Avez-vous voyagé ? » vaut Oui et « Âge » est inférieur à 18');
  });

  it('shortens long question texts for diagrams', () => {
    expect(describeCondition("answers.how == 'bus'", q, { lang: 'en', maxQuestionLength: 8 })).toBe(
      '“How did…” is “By bus”',
    );
  });
});

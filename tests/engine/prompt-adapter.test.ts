/**
 * The terminal adapter driven through injected streams, no terminal: each screener
 * key gives the right action. (Prompt-layer tests live here beside the engine they drive.)
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { nextStep, type Step } from '../../src/engine/index.js';
import { createInquirerPrompter } from '../../src/prompt/inquirer.js';
import type { StepContext } from '../../src/prompt/prompter.js';
import { isQuickExit } from '../../src/prompt/quick-exit.js';
import { PLAIN, say } from '../../src/prompt/screen.js';
import { uiText } from '../../src/prompt/ui-text.js';
import { fixture, play, start } from './helpers.js';

async function drive(step: Step, keys: string[], lang = 'en') {
  const input = new PassThrough();
  const output = new PassThrough();
  let screen = '';
  output.on('data', (d) => (screen += String(d)));
  let exited = 0;
  const q = fixture();
  const prompter = await createInquirerPrompter({
    input,
    output,
    questionnaire: q,
    lang,
    ui: uiText(lang),
    style: PLAIN,
    practice: true,
    onQuickExit: () => exited++,
  });
  const ctx: StepContext = {
    questionnaire: q,
    record: start().record,
    pruned: [],
    rejected: undefined,
    backRefused: false,
  };
  const pending = prompter.step(step, ctx);
  for (const k of keys) {
    await new Promise((r) => setTimeout(r, 20));
    input.write(k);
  }
  try {
    return { action: await pending, screen, exited };
  } catch (e) {
    return { error: e, screen, exited };
  } finally {
    prompter.close();
  }
}

const first = () => nextStep(fixture(), start());
const atName = () => play(fixture(), start(), { venue_private: 'yes', consent_given: 'yes' }).last;

describe('terminal adapter', () => {
  it('answers a choice question with the arrow keys and shows PRACTICE', async () => {
    const r = await drive(first(), ['\x1b[B', '\r']);
    expect(r.action).toEqual({
      kind: 'answer',
      input: { kind: 'value', value: 'no' },
      note: undefined,
    });
    expect(r.screen).toContain('PRACTICE');
    expect(r.screen).toMatch(/\d+ \/ \d+ answered/);
  });

  it('Ctrl-B goes back, Ctrl-X declines, Ctrl-K is "don\'t know"', async () => {
    expect((await drive(atName(), ['\x02'])).action).toEqual({ kind: 'back' });
    expect((await drive(atName(), ['\x18'])).action).toMatchObject({ input: { kind: 'declined' } });
    expect((await drive(atName(), ['\x0b'])).action).toMatchObject({
      input: { kind: 'dont_know' },
    });
  });

  it('refuses "declined" where the question forbids it', async () => {
    const r = await drive(first(), ['\x18', '\r']);
    expect(r.screen).toContain('This question needs a real answer.');
    expect(r.action).toMatchObject({ input: { kind: 'value', value: 'yes' } });
  });

  it('Ctrl-N gives the note at once, to be saved before the answer; Ctrl-G shows the guidance', async () => {
    const r = await drive(first(), ['\x0e', 'interpreter late\r']);
    expect(r.action).toEqual({ kind: 'note', note: 'interpreter late' });
    const g = await drive(first(), ['\x07', '\r']);
    expect(g.screen).toContain('Guidance: Ask any companion to wait outside');
  });

  it('keeps typed text when a key interrupts, and checks it with the engine', async () => {
    const r = await drive(atName(), ['Ana', '\x07', '\r']);
    expect(r.action).toMatchObject({ input: { kind: 'value', value: 'Ana' } });
  });

  it('Ctrl-Q quits at once', async () => {
    const r = await drive(first(), ['\x11']);
    expect(isQuickExit(r.error)).toBe(true);
    expect(r.exited).toBe(1);
  });
});

describe('languages', () => {
  it('a missing translation falls back to English with a visible marker', () => {
    const q = fixture();
    const sc = { questionnaire: q, lang: 'de', ui: uiText('de'), style: PLAIN, practice: false };
    expect(say(sc, { en: 'Age', fr: 'Âge' })).toBe('[en] Age');
    expect(say({ ...sc, lang: 'fr' }, { en: 'Age', fr: 'Âge' })).toBe('Âge');
    expect(say({ ...sc, lang: 'fr' }, { en: 'Only English' })).toBe('[en] Only English');
  });
});

describe('a save that failed', () => {
  /** The "not saved yet" screen for a store error with this system code, answered with Enter. */
  async function notSavedScreen(systemCode: string | undefined, lang: string) {
    const input = new PassThrough();
    const output = new PassThrough();
    let screen = '';
    output.on('data', (d) => (screen += String(d)));
    const prompter = await createInquirerPrompter({
      input,
      output,
      questionnaire: fixture(),
      lang,
      ui: uiText(lang),
      style: PLAIN,
      practice: false,
      onQuickExit: () => undefined,
    });
    const pending = prompter.saveFailed({
      message: 'Could not save record R-TEST-0000: the store’s own words.',
      details: ['A detail in the store’s words.', '(/data/records/R-TEST-0000.rec)'],
      systemCode,
    });
    await new Promise((r) => setTimeout(r, 20));
    input.write('\r');
    await pending;
    prompter.close();
    return screen;
  }

  it.each([
    ['ENOSPC', 'The disk is full.', 'Le disque est plein.'],
    ['EDQUOT', 'The disk is full.', 'Le disque est plein.'],
    ['EROFS', 'is read-only', 'en lecture seule'],
    ['EACCES', 'may not write to the data folder', 'n’a pas le droit d’écrire'],
    ['EPERM', 'may not write to the data folder', 'n’a pas le droit d’écrire'],
    ['EIO', 'The disk reported an error.', 'Le disque a signalé une erreur.'],
  ])('%s: the cause and the remedy in the session language, and the file', async (code, en, fr) => {
    const english = await notSavedScreen(code, 'en');
    expect(english).toContain(en);
    expect(english).toContain('(/data/records/R-TEST-0000.rec)');
    expect(english).not.toContain('the store’s own words');
    const french = await notSavedScreen(code, 'fr');
    expect(french).toContain('PAS ENCORE ENREGISTRÉ');
    expect(french).toContain(fr);
    expect(french).not.toContain('A detail in the store’s words.');
  });

  it('any other cause is shown in the store’s own words', async () => {
    const screen = await notSavedScreen('EMFILE', 'fr');
    expect(screen).toContain('Could not save record R-TEST-0000: the store’s own words.');
    expect(screen).toContain('A detail in the store’s words.');
  });
});

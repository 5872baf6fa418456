/**
 * `screener rehearse SCENARIO [--auto] [--debrief FILE] [--lang CODE]`: a trainee
 * interviews a fictional persona with the normal prompts, then reads a debrief
 * against the scenario's expected coding. `--auto` plays the expected coding instead
 * (a classroom demonstration) and needs no terminal.
 *
 * A rehearsal is kept apart from real data by construction: its record has mode
 * `rehearsal`, lives in a MemoryStore and is dropped at exit; the data folder is never
 * opened, so nothing can be listed, reported or exported.
 */
import { createInterface } from 'node:readline/promises';
import type { CliContext } from '../context.js';
import { writeLine } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { requireQuestionnaireLanguage } from '../language.js';
import { checkReportTarget } from '../report-inputs.js';
import { promptWatch, whenTerminalGone } from '../terminal-gone.js';
import { wholeFileError, writeWholeFileSync } from '../write-whole-file.js';
import { styler } from '../style.js';
import { ScreenerError, usageError } from '../../errors.js';
import { interviewLanguage } from '../../answers/index.js';
import { startRecord, stateOf, type Step } from '../../engine/index.js';
import type { Action, Prompter, StepContext } from '../../prompt/prompter.js';
import { runSession } from '../../prompt/session.js';
import { MemoryStore } from '../../record/store-api.js';
import { newRecordId } from '../../record/id.js';
import type { InterviewRecord } from '../../record/types.js';
import {
  computeDebrief,
  debriefLabels,
  findScenario,
  personaAt,
  personaText,
  renderDebriefMarkdown,
  requireScenario,
  withIntro,
  type PersonaStyle,
  type Scenario,
} from '../../training/index.js';

interface Options {
  auto?: boolean;
  debrief?: string;
  lang?: string;
}

/** The same neutral line an interview's quick exit leaves. */
const QUICK_EXIT_MESSAGE = 'Session closed.';

/** Shows the persona at each step, then lets the trainee's own prompter answer it. */
class PersonaPrompter implements Prompter {
  constructor(
    private readonly inner: Prompter,
    private readonly scenario: Scenario,
    private readonly lang: string,
    private readonly style: PersonaStyle | undefined,
  ) {}

  step(step: Step, ctx: StepContext): Promise<Action> {
    const view = personaAt(this.scenario, step, ctx.record.path.length === 0);
    if (!view) return this.inner.step(step, ctx);
    const text = personaText(this.scenario, view, this.lang, this.style);
    return this.inner.step(withIntro(this.scenario, step, this.lang, text), ctx);
  }
}

export interface RehearsalOptions {
  readonly lang: string;
  readonly now?: () => string;
  readonly style?: PersonaStyle;
}

/**
 * One rehearsal through the shared interview loop, answered by `prompter` (the
 * terminal adapter, or a scripted trainee in tests). Saves go to memory only.
 */
export async function rehearseWith(
  scenario: Scenario,
  prompter: Prompter,
  opts: RehearsalOptions,
): Promise<{ record: InterviewRecord; store: MemoryStore }> {
  const now = opts.now ?? (() => new Date().toISOString());
  const store = new MemoryStore();
  const record = startRecord(scenario.questionnaire, {
    id: newRecordId(),
    mode: 'rehearsal',
    lang: opts.lang,
    now: now(),
  });
  const persona = new PersonaPrompter(prompter, scenario, opts.lang, opts.style);
  const result = await runSession(scenario.questionnaire, stateOf(record), persona, {
    now,
    save: async (r, event) => {
      await store.save(r);
      await store.appendAudit(r.id, event);
    },
  });
  return { record: result.state.record, store };
}

function languageOf(scenario: Scenario, wanted: string | undefined): string {
  const q = scenario.questionnaire;
  if (wanted !== undefined) {
    requireQuestionnaireLanguage(q, wanted);
    return wanted;
  }
  return q.languages.includes(scenario.lang) ? scenario.lang : interviewLanguage(q);
}

async function interactive(
  ctx: CliContext,
  scenario: Scenario,
  lang: string,
): Promise<InterviewRecord> {
  const { createInquirerPrompter } = await import('../../prompt/inquirer.js');
  const { uiText } = await import('../../prompt/ui-text.js');
  const { isQuickExit } = await import('../../prompt/quick-exit.js');
  const t = await import('../../prompt/terminal.js');
  const out = ctx.stdout;
  const style = styler(ctx.color);
  const clear = () => out.write(t.CLEAR_ALL + t.setTitle(t.NEUTRAL_TITLE));
  out.write(t.PUSH_TITLE + t.setTitle(t.NEUTRAL_TITLE));
  const prompter = await createInquirerPrompter({
    input: ctx.stdin,
    output: out,
    questionnaire: scenario.questionnaire,
    lang,
    // The practice banner of the normal screens, reworded: REHEARSAL on every step.
    ui: { ...uiText(lang), practice: debriefLabels(lang).screenBanner },
    style,
    practice: true,
    onQuickExit: clear,
  });
  const onSignal = () => prompter.quickExit();
  process.on('SIGINT', onSignal);
  // The terminal closed under the rehearsal: leave as a quick exit (terminal-gone.ts).
  const stopWatching = whenTerminalGone(ctx.stdin as NodeJS.ReadStream, onSignal);
  try {
    const { record } = await rehearseWith(scenario, prompter, { lang, style });
    out.write(t.CLEAR_ALL + t.POP_TITLE);
    return record;
  } catch (e) {
    if (!isQuickExit(e)) throw e;
    clear();
    out.write(t.POP_TITLE);
    throw new ScreenerError('interrupted', 'E_QUICK_EXIT', QUICK_EXIT_MESSAGE);
  } finally {
    process.off('SIGINT', onSignal);
    stopWatching();
    prompter.close();
  }
}

/** Asks for a file name on the terminal; an empty answer saves nothing. */
async function askWhereToSave(ctx: CliContext, lang: string): Promise<string | undefined> {
  const watch = promptWatch(ctx.stdin);
  const rl = createInterface({ input: ctx.stdin, output: ctx.stdout, terminal: true });
  // Ctrl-C leaves here as at every prompt; readline by itself would only pause.
  rl.on('SIGINT', watch.abort);
  try {
    const answer = (
      await rl.question(debriefLabels(lang).savePrompt, { signal: watch.signal })
    ).trim();
    return answer === '' ? undefined : answer;
  } catch (error) {
    if (watch.signal.aborted)
      throw new ScreenerError(
        'interrupted',
        'E_INTERRUPTED',
        'Interrupted; the debrief was not saved.',
      );
    throw error;
  } finally {
    watch.stop();
    rl.close();
    (ctx.stdin as NodeJS.ReadStream).pause?.();
  }
}

export async function run(ctx: CliContext, args: readonly unknown[]): Promise<number> {
  const [name, opts] = args as [string, Options];
  const scenario = await requireScenario(findScenario(name));
  const lang = languageOf(scenario, opts.lang);
  if (!opts.auto && !ctx.interactive)
    throw usageError('E_NO_TERMINAL', `'screener rehearse' needs a terminal to type in.`, [
      `For a demonstration without a terminal: screener rehearse ${name} --auto`,
    ]);

  if (opts.debrief !== undefined) await checkReportTarget(opts.debrief, 'debrief');

  const record = opts.auto ? scenario.expected.record : await interactive(ctx, scenario, lang);
  const debrief = computeDebrief(scenario, record, {
    mode: opts.auto ? 'demonstration' : 'trainee',
    lang,
  });
  const markdown = renderDebriefMarkdown(debrief);
  ctx.stdout.write(markdown);

  const file = opts.debrief ?? (opts.auto ? undefined : await askWhereToSave(ctx, lang));
  if (file !== undefined) {
    // The debrief is on the screen already: a refused name loses nothing.
    await checkReportTarget(file, 'debrief');
    try {
      // Fictional people only: the usual permissions (umask), as any document.
      writeWholeFileSync(file, markdown, 0o666);
    } catch (error) {
      throw wholeFileError(error, 'E_DEBRIEF_WRITE', file, 'the debrief', '--debrief');
    }
    writeLine(ctx.stderr, debriefLabels(lang).saved(file));
  }
  return EXIT.ok;
}

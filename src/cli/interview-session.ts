/**
 * The interactive session behind `interview` and `resume`: the terminal adapter on
 * the injected streams, a neutral window title, saving after every change, and the
 * quick exit (Ctrl-C, Ctrl-Q or F12): clear the screen and scrollback at once, save,
 * exit 130 with a neutral line.
 */
import type { CliContext } from './context.js';
import { writeLine } from './context.js';
import { EXIT } from './exit-codes.js';
import { styler } from './style.js';
import { whenTerminalGone } from './terminal-gone.js';
import { isScreenerError, ScreenerError, usageError } from '../errors.js';
import { recordOf, type EngineState } from '../engine/index.js';
import type { InquirerPrompter } from '../prompt/inquirer.js';
import { runSession } from '../prompt/session.js';
import { isQuickExit } from '../prompt/quick-exit.js';
import { CLEAR_ALL, NEUTRAL_TITLE, POP_TITLE, PUSH_TITLE, setTitle } from '../prompt/terminal.js';
import { uiText } from '../prompt/ui-text.js';
import type { Questionnaire } from '../questionnaire/types.js';
import type { AuditEvent, RecordStore } from '../record/store-api.js';
import type { InterviewRecord } from '../record/types.js';

/** The one line a quick exit leaves: says nothing about what was on the screen. */
export const QUICK_EXIT_MESSAGE = 'Session closed.';

export function requireTerminal(ctx: CliContext, command: string): void {
  if (!ctx.interactive)
    throw usageError('E_NO_TERMINAL', `'screener ${command}' needs a terminal to type in.`, [
      'To play prepared answers without a terminal: screener run --answers FILE',
    ]);
}

export interface SessionOptions {
  readonly questionnaire: Questionnaire;
  readonly state: EngineState;
  readonly store: RecordStore;
  readonly practice: boolean;
  readonly lang: string;
  readonly first: AuditEvent['type'];
}

export async function interactiveSession(ctx: CliContext, opts: SessionOptions): Promise<number> {
  const out = ctx.stdout;
  const { store, questionnaire: q } = opts;
  let latest: InterviewRecord = recordOf(opts.state);
  // Set once the terminal adapter is up: a failed save before it (the first) ends the command.
  let prompter: InquirerPrompter | undefined = undefined;
  const save = async (record: InterviewRecord, event: AuditEvent) => {
    latest = record;
    let stored = false;
    for (;;) {
      try {
        if (!stored) await store.save(record);
        stored = true;
        await store.appendAudit(record.id, event);
        return;
      } catch (error) {
        // A full disk or a folder that cannot be written must not end the interview
        // and lose the answer just given: it waits in memory, the screener is told
        // why, and the save is tried again when they say so (or they quick-exit).
        if (!prompter || !isScreenerError(error) || error.kind !== 'environment') throw error;
        await prompter.saveFailed(error);
      }
    }
  };
  // Saved before the first question, so a session quit at once can be resumed.
  await save(latest, { type: opts.first, at: new Date().toISOString() });

  out.write(PUSH_TITLE + setTitle(NEUTRAL_TITLE));
  // Set when the terminal has gone (whenTerminalGone below): nothing more is written to it.
  let gone = false;
  const clear = () => {
    if (!gone) out.write(CLEAR_ALL + setTitle(NEUTRAL_TITLE));
  };
  const { createInquirerPrompter } = await import('../prompt/inquirer.js');
  prompter = await createInquirerPrompter({
    input: ctx.stdin,
    output: out,
    questionnaire: q,
    lang: opts.lang,
    ui: uiText(opts.lang),
    style: styler(ctx.color),
    practice: opts.practice,
    onQuickExit: clear,
  });
  // Outside a prompt the terminal is not in raw mode: Ctrl-C arrives as a signal.
  const onSignal = () => prompter.quickExit();
  process.on('SIGINT', onSignal);
  // The terminal gone (window closed, connection dropped): the session ends as a quick
  // exit, after the save in flight.
  const stopWatching = whenTerminalGone(ctx.stdin as NodeJS.ReadStream, () => {
    gone = true;
    prompter.quickExit();
  });
  try {
    const result = await runSession(q, opts.state, prompter, {
      now: () => new Date().toISOString(),
      save,
    });
    out.write(CLEAR_ALL + POP_TITLE);
    const r = result.state.record;
    const ui = uiText(opts.lang);
    writeLine(ctx.stderr, result.outcome === 'completed' ? ui.finish + ': ok' : ui.stopped + '.');
    if (opts.practice) writeLine(ctx.stderr, `${ui.practice}.`);
    else {
      writeLine(ctx.stdout, r.id);
      writeLine(ctx.stderr, `Report: screener report ${r.id}`);
    }
    return EXIT.ok;
  } catch (e) {
    if (!isQuickExit(e)) throw e;
    // Again after the prompt closed, in case it drew anything on its way out.
    clear();
    // Noted in the audit log when the disk lets it; a quick exit leaves either way.
    await store
      .appendAudit(latest.id, { type: 'quick_exit', at: new Date().toISOString() })
      .catch(() => undefined);
    if (!gone) out.write(POP_TITLE);
    throw new ScreenerError('interrupted', 'E_QUICK_EXIT', QUICK_EXIT_MESSAGE);
  } finally {
    process.off('SIGINT', onSignal);
    stopWatching();
    prompter.close();
    (ctx.stdin as NodeJS.ReadStream).pause?.();
  }
}

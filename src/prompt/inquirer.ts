/**
 * The terminal adapter: each engine step becomes an @inquirer/prompts prompt on the
 * injected streams. The screener's own keys (guidance, note, back, don't know,
 * declined, quick exit) are read beside the prompt and abort it; the step is then
 * shown again or the action returned. Loaded only by the interactive commands.
 */
import { emitKeypressEvents } from 'node:readline';
import { Writable } from 'node:stream';
import type { AnswerInput, QuestionStep, Step } from '../engine/index.js';
import { checkAnswer, isIsoDate } from '../engine/index.js';
import type { Question, Special } from '../questionnaire/types.js';
import type { AnswerValue } from '../record/types.js';
import { keyAction, type KeyAction, type KeyPress } from './keys.js';
import type { Action, Prompter, StepContext } from './prompter.js';
import { QuickExit } from './quick-exit.js';
import { renderStep, say, type ScreenContext } from './screen.js';
import { CLEAR_SCREEN } from './terminal.js';
import type { SaveProblem } from './ui-text.js';

type Prompts = typeof import('./inquirer-prompts.js');

export interface InquirerOptions extends ScreenContext {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  /** Called synchronously the moment a quick-exit key is pressed: clear the screen there. */
  readonly onQuickExit: () => void;
}

/** What a choice prompt returns: a choice value or one of the screener's other options. */
type Pick =
  { readonly t: 'value'; readonly v: string } | { readonly t: Special } | { readonly t: 'skip' };

type Asked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly key: KeyAction };

export async function createInquirerPrompter(opts: InquirerOptions): Promise<InquirerPrompter> {
  const prompts = await import('./inquirer-prompts.js');
  return new InquirerPrompter(prompts, opts);
}

export class InquirerPrompter implements Prompter {
  private readonly prompts: Prompts;
  private readonly opts: InquirerOptions;
  /** Guidance shown: a toggle that stays as the screener left it. */
  private help = false;
  private exiting = false;
  private controller: AbortController | undefined;
  private pendingKey: KeyAction | undefined;
  /** Text typed at the current question before a key interrupted it. */
  draft: string | undefined;
  /** Lines of a multi-line answer typed so far. */
  lines: string[] = [];
  /** The question whose note was just saved: it is shown again with the draft kept. */
  private noteSavedAt: string | undefined;
  private readonly onKey = (_s: string | undefined, key: Parameters<typeof keyAction>[0]) => {
    const action = keyAction(key);
    if (!action) return;
    if (action === 'quick_exit') return this.quickExit();
    if (this.controller && !this.pendingKey) {
      this.pendingKey = action;
      this.controller.abort();
    }
  };

  constructor(prompts: Prompts, opts: InquirerOptions) {
    this.prompts = prompts;
    this.opts = opts;
    emitKeypressEvents(opts.input as NodeJS.ReadStream);
    opts.input.on('keypress', this.onKey);
  }

  /** Quick exit from outside a prompt too (SIGINT while saving). Idempotent. */
  quickExit(): void {
    if (this.exiting) return;
    this.exiting = true;
    this.opts.onQuickExit();
    this.controller?.abort();
  }

  close(): void {
    this.opts.input.off('keypress', this.onKey);
  }

  /**
   * A save failed (a full disk, a folder that cannot be written): says so, with what
   * the store said, and returns when the screener asks to try again. The answers stay
   * in memory meanwhile; a quick exit still works (QuickExit), leaving the last saved
   * version of the record as it was.
   */
  async saveFailed(problem: {
    readonly message: string;
    readonly details: readonly string[];
    readonly systemCode?: string | undefined;
  }) {
    const { ui, style } = this.opts;
    const known = saveProblemOf(problem.systemCode);
    // A cause the screener can put right is said in the session's language, with the
    // file concerned for whoever helps; anything else as the store words it.
    const explained = known
      ? [
          ui.saveProblems[known].why,
          ui.saveProblems[known].remedy,
          ...problem.details.filter((d) => d.startsWith('(')),
        ]
      : [problem.message, ...problem.details];
    for (;;) {
      this.opts.output.write(
        CLEAR_SCREEN +
          [
            style.bold(style.yellow(ui.notSaved.toUpperCase())),
            ui.saveFailed,
            '',
            ...explained,
            '',
            style.dim(ui.saveFailedQuickExit),
            '',
          ].join('\n'),
      );
      const r = await this.ask((c) =>
        this.prompts.select(
          {
            message: ui.notSaved,
            choices: [{ name: ui.saveAgain, value: 'again' as const }],
            theme: this.theme(),
          },
          c,
        ),
      );
      if (r.ok) return;
    }
  }

  async step(step: Step, ctx: StepContext): Promise<Action> {
    if (this.exiting) throw new QuickExit();
    const ui = this.opts.ui;
    switch (step.kind) {
      case 'question':
        return this.question(step, ctx);
      case 'info':
        return this.confirm(step, ctx, say(this.opts, step.question.text), ui.continue, {
          kind: 'acknowledge',
        });
      case 'urgent':
        return this.confirm(step, ctx, ui.urgent, ui.continueAfterUrgent, { kind: 'acknowledge' });
      case 'advisory':
        return this.confirm(step, ctx, ui.advisory, ui.continue, { kind: 'acknowledge' });
      case 'child':
        return this.confirm(step, ctx, ui.child, ui.continue, { kind: 'acknowledge' });
      case 'stop':
        return this.confirm(step, ctx, ui.stopped, ui.endInterview, { kind: 'end' });
      case 'done':
        return this.confirm(step, ctx, ui.done, ui.finish, { kind: 'finish' });
      case 'closed':
        throw new Error('a closed interview has no step to show');
    }
  }

  private show(
    step: Step,
    ctx: StepContext | undefined,
    note: string | undefined,
    flash: string | undefined,
  ) {
    this.opts.output.write(
      CLEAR_SCREEN +
        renderStep(this.opts, { step, help: this.help, note, pruned: ctx?.pruned ?? [], flash }),
    );
  }

  /** Runs one prompt; a screener key aborts it and is returned instead. */
  private async ask<T>(
    run: (context: {
      input: NodeJS.ReadableStream;
      output: NodeJS.WritableStream;
      signal: AbortSignal;
      clearPromptOnDone: boolean;
    }) => Promise<T>,
    clearPromptOnDone = true,
  ): Promise<Asked<T>> {
    if (this.exiting) throw new QuickExit();
    const controller = new AbortController();
    this.controller = controller;
    this.pendingKey = undefined;
    try {
      const value = await run({
        input: this.opts.input,
        output: this.promptOutput(),
        signal: controller.signal,
        clearPromptOnDone,
      });
      return { ok: true, value };
    } catch (e) {
      const name = (e as Error | undefined)?.name;
      if (this.exiting || name === 'ExitPromptError') {
        this.quickExit();
        throw new QuickExit();
      }
      if (name === 'AbortPromptError' && this.pendingKey)
        return { ok: false, key: this.pendingKey };
      throw e;
    } finally {
      this.controller = undefined;
    }
  }

  private async confirm(
    step: Step,
    ctx: StepContext,
    message: string,
    label: string,
    action: Action,
  ): Promise<Action> {
    let flash = ctx.backRefused ? this.opts.ui.firstQuestion : undefined;
    for (;;) {
      this.show(step, ctx, undefined, flash);
      flash = undefined;
      const r = await this.ask((c) =>
        this.prompts.select(
          { message, choices: [{ name: label, value: 'go' as const }], theme: this.theme() },
          c,
        ),
      );
      if (r.ok) return action;
      if (r.key === 'back') return { kind: 'back' };
      if (r.key === 'help') this.help = !this.help;
    }
  }

  private async question(step: QuestionStep, ctx: StepContext): Promise<Action> {
    const question = step.question;
    const ui = this.opts.ui;
    const note = step.previous?.note ?? ctx.record.pendingNotes?.[question.id];
    let flash = ctx.backRefused ? ui.firstQuestion : ctx.rejected?.message;
    // Back at the same question after saving a note: keep what was being typed.
    if (this.noteSavedAt !== question.id) {
      this.draft = undefined;
      this.lines = [];
    }
    this.noteSavedAt = undefined;
    for (;;) {
      this.show(step, ctx, note, flash);
      flash = undefined;
      const r = await this.ask(
        (c) => this.promptFor(step, c),
        !(question.type === 'text' && question.multiline),
      );
      if (r.ok) return { kind: 'answer', input: r.value, note };
      switch (r.key) {
        case 'help':
          this.help = !this.help;
          break;
        case 'note': {
          // Saved at once, so that a quit or going back does not lose it.
          const changed = await this.askNote(note);
          if (changed === note) break;
          this.noteSavedAt = question.id;
          return { kind: 'note', note: changed };
        }
        case 'back':
          return { kind: 'back' };
        case 'dont_know':
        case 'declined':
          if (question.special.includes(r.key))
            return { kind: 'answer', input: { kind: r.key }, note };
          flash = ui.notAllowed;
          break;
        case 'quick_exit':
          throw new QuickExit();
      }
    }
  }

  /**
   * The prompt library ends the stream it writes to when a prompt closes; give it one
   * that forwards to ours, never ends, and tells the terminal's size.
   */
  private promptOutput(): NodeJS.WritableStream {
    const target = this.opts.output;
    const w = new Writable({
      write(chunk, _enc, done) {
        target.write(chunk as Buffer);
        done();
      },
    });
    for (const key of ['columns', 'rows', 'isTTY'] as const)
      Object.defineProperty(w, key, { get: () => (target as NodeJS.WriteStream)[key] });
    // Several prompts may share one (the lines of a multi-line answer): never end it.
    w.end = (() => w) as typeof w.end;
    return w;
  }

  /** The prompt library's key tips in the interview language. */
  private theme() {
    const tips = this.opts.ui.tips;
    return {
      style: {
        keysHelpTip: (keys: [string, string][]) =>
          this.opts.style.dim(keys.map(([k, a]) => `${k} ${tips[a] ?? a}`).join(' • ')),
      },
    };
  }

  private async askNote(note: string | undefined): Promise<string | undefined> {
    const r = await this.ask((c) =>
      this.prompts.input(
        { message: this.opts.ui.notePrompt, default: note ?? '', prefill: 'editable' },
        c,
      ),
    );
    if (!r.ok) return note;
    return r.value.trim() || undefined;
  }

  private specials(question: Question): { name: string; value: Pick }[] {
    const ui = this.opts.ui;
    const out: { name: string; value: Pick }[] = [];
    if (question.special.includes('dont_know'))
      out.push({ name: ui.dontKnow, value: { t: 'dont_know' } });
    if (question.special.includes('declined'))
      out.push({ name: ui.declined, value: { t: 'declined' } });
    return out;
  }

  private promptFor(
    step: QuestionStep,
    c: Parameters<Parameters<InquirerPrompter['ask']>[0]>[0],
  ): Promise<AnswerInput> {
    const question = step.question;
    const prev = step.previous;
    const message = say(this.opts, question.text);
    const { Separator } = this.prompts;
    const theme = this.theme();
    switch (question.type) {
      case 'yesno':
      case 'single': {
        const values: { name: string; value: Pick }[] = question.choices.map((ch) => ({
          name: say(this.opts, ch.text),
          value: { t: 'value', v: ch.value },
        }));
        const extra = this.specials(question);
        if (!question.required) extra.push({ name: this.opts.ui.skip, value: { t: 'skip' } });
        const all = [...values, ...extra];
        const current =
          prev?.kind === 'value'
            ? all.find((x) => x.value.t === 'value' && x.value.v === prev.value)
            : all.find((x) => x.value.t === prev?.kind);
        return this.prompts
          .select<Pick>(
            {
              message,
              choices: extra.length ? [...values, new Separator(), ...extra] : values,
              default: current?.value,
              pageSize: 20,
              theme,
            },
            c,
          )
          .then(fromPick);
      }
      case 'multi': {
        const before = prev?.kind === 'value' && Array.isArray(prev.value) ? prev.value : [];
        const choices = [
          ...question.choices.map((ch) => ({
            name: say(this.opts, ch.text),
            value: { t: 'value', v: ch.value } as Pick,
            checked: before.includes(ch.value),
          })),
          ...this.specials(question).map((x) => ({ ...x, checked: prev?.kind === x.value.t })),
        ];
        return this.prompts
          .checkbox<Pick>(
            {
              message,
              choices,
              pageSize: 20,
              theme,
              shortcuts: { all: null, invert: null },
              validate: (picked) => {
                const special = picked.find((p) => p.value.t !== 'value');
                if (special && picked.length > 1)
                  return `${special.name}: ${this.opts.ui.notAllowed}`;
                if (special) return true;
                const r = checkAnswer(question, {
                  kind: 'value',
                  value: picked.map((p) => (p.value as { v: string }).v),
                });
                if (!r.ok && r.problem.code === 'required') return this.opts.ui.tickOne;
                return r.ok || r.problem.message;
              },
            },
            c,
          )
          .then((picked): AnswerInput => {
            const special = picked.find((p) => p.t !== 'value');
            if (special) return fromPick(special);
            const r = checkAnswer(question, {
              kind: 'value',
              value: picked.map((p) => (p as { v: string }).v),
            });
            return r.ok ? r.input : { kind: 'value', value: [] };
          });
      }
      case 'number':
      case 'date':
      case 'text':
        if (question.type === 'text' && question.multiline) return this.multiline(step, c);
        return this.typed(step, message, c);
      case 'info':
        return Promise.resolve({ kind: 'skip' });
    }
  }

  /** Number, date and one-line text: typed, validated by the engine's own rules. */
  private typed(
    step: QuestionStep,
    message: string,
    c: Parameters<Parameters<InquirerPrompter['ask']>[0]>[0],
  ): Promise<AnswerInput> {
    const question = step.question;
    const ui = this.opts.ui;
    const prev = step.previous;
    const parse = (raw: string): AnswerInput | string => {
      const v = raw.trim();
      if (v === '') return question.required ? ui.needsAnswer : { kind: 'skip' };
      if (question.type === 'number') {
        const n = Number(v.replace(',', '.'));
        if (!Number.isFinite(n)) return question.integer ? ui.wholeNumber : ui.typeNumber;
        const r = checkAnswer(question, { kind: 'value', value: n });
        if (r.ok) return r.input;
        if (question.min !== undefined && question.max !== undefined)
          return `${r.problem.message}. ${ui.between(String(question.min), String(question.max))}`;
        return r.problem.message;
      }
      if (question.type === 'date') {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return ui.dateFormat;
        if (!isIsoDate(v)) return ui.notARealDate;
        // Dates in an interview are of things that have happened; today is allowed.
        if (v > localToday()) return ui.futureDate;
      }
      const r = checkAnswer(question, { kind: 'value', value: v });
      return r.ok ? r.input : r.problem.message;
    };
    const unit = question.unit ? ` (${say(this.opts, question.unit)})` : '';
    const hint = question.type === 'date' ? ' YYYY-MM-DD' : '';
    const initial = this.draft ?? (prev?.kind === 'value' ? String(prev.value) : '');
    return this.prompts
      .input(
        {
          message: `${message}${unit}${hint}`,
          default: initial,
          prefill: 'editable',
          transformer: (value: string) => {
            this.draft = value;
            return value;
          },
          validate: (raw: string) => {
            const r = parse(raw);
            return typeof r === 'string' ? r : true;
          },
        },
        c,
      )
      .then((raw) => {
        const r = parse(raw);
        return typeof r === 'string' ? { kind: 'skip' } : r;
      });
  }

  private readLines(c: { signal: AbortSignal }): Promise<void> {
    return readLinesFrom(this, this.opts.input as NodeJS.ReadStream, this.opts.output, c.signal);
  }

  /** Multi-line text without an editor: line by line, an empty line finishes. */
  private async multiline(
    step: QuestionStep,
    c: Parameters<Parameters<InquirerPrompter['ask']>[0]>[0],
  ): Promise<AnswerInput> {
    const question = step.question;
    const ui = this.opts.ui;
    const prev = step.previous;
    const out = this.opts.output;
    out.write(`${say(this.opts, question.text)}\n${ui.multiline}\n`);
    if (prev?.kind === 'value')
      out.write(`${ui.previous}:\n${String(prev.value)}\n${ui.keepPrevious}\n`);
    for (const line of this.lines) out.write(`> ${line}\n`);
    for (;;) {
      await this.readLines(c);
      const text = this.lines.join('\n');
      if (text.trim() === '' && prev?.kind === 'value')
        return { kind: 'value', value: prev.value as AnswerValue };
      const r = checkAnswer(question, { kind: 'value', value: text });
      if (r.ok) return r.input;
      // Required and empty, or too long: say why and take the lines again.
      this.lines = [];
      out.write(`${r.problem.message}\n`);
    }
  }
}

/**
 * Reads the lines of a multi-line answer from keypresses directly, until an empty
 * line. One prompt per line would drop whatever arrives between two prompts, and a
 * pasted block arrives all at once: this keeps every character, in order.
 */
function readLinesFrom(
  self: { lines: string[]; draft: string | undefined },
  input: NodeJS.ReadStream,
  out: NodeJS.WritableStream,
  signal: AbortSignal,
): Promise<void> {
  const wasRaw = input.isRaw;
  input.setRawMode?.(true);
  input.resume();
  let current = self.draft ?? '';
  self.draft = undefined;
  let afterReturn = false;
  // The same prompt mark as the library's one-line prompts.
  out.write(`? > ${current}`);
  return new Promise((resolve, reject) => {
    const finish = (error?: Error) => {
      input.off('keypress', onKey);
      signal.removeEventListener('abort', onAbort);
      input.setRawMode?.(wasRaw);
      if (error) reject(error);
      else resolve();
    };
    // A screener key or a quick exit: keep the line being typed for when the question returns.
    const onAbort = () => {
      self.draft = current;
      out.write('\n');
      const e = new Error('aborted');
      e.name = 'AbortPromptError';
      finish(e);
    };
    const onKey = (s: string | undefined, key: KeyPress | undefined) => {
      const name = key?.name;
      // A pasted CR LF is one line break, not a line and an empty one.
      const lf = name === 'enter' && afterReturn;
      afterReturn = name === 'return';
      if (lf) return;
      if (key?.ctrl || key?.meta) return; // the screener's keys: handled by the prompter
      if (name === 'return' || name === 'enter') {
        out.write('\n');
        if (current.trim() === '') return finish();
        self.lines.push(current);
        current = '';
        out.write('? > ');
        return;
      }
      if (name === 'backspace') {
        if (current !== '') {
          current = [...current].slice(0, -1).join('');
          out.write('\b \b');
        }
        return;
      }
      if (s !== undefined && s !== '' && [...s].every(printable)) {
        current += s;
        out.write(s);
      }
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    input.on('keypress', onKey);
  });
}

/** Today on this laptop's calendar, YYYY-MM-DD: the day the screener lives in, not UTC's. */
function localToday(): string {
  const d = new Date();
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

function printable(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return code >= 0x20 && code !== 0x7f;
}

function fromPick(p: Pick): AnswerInput {
  switch (p.t) {
    case 'value':
      return { kind: 'value', value: p.v };
    case 'dont_know':
    case 'declined':
      return { kind: p.t };
    case 'skip':
      return { kind: 'skip' };
  }
}

/** The system's code behind a failed save, as a cause the session can name. */
function saveProblemOf(systemCode: string | undefined): SaveProblem | undefined {
  switch (systemCode) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'full';
    case 'EROFS':
      return 'readOnly';
    case 'EACCES':
    case 'EPERM':
      return 'permission';
    case 'EIO':
      return 'disk';
    default:
      return undefined;
  }
}

/**
 * Getting a passphrase: from the environment (scripts), else hidden input on a
 * terminal, else a usage error that says how scripts pass it. The prompt library
 * is imported only when a prompt is really shown, so start-up stays fast.
 */
import type { CliContext } from './context.js';
import { writeLine } from './context.js';
import { askOnce } from './ask-once.js';
import { usageError } from '../errors.js';
import { checkPassphraseLength, passphraseLength, samePassphrase } from '../store/index.js';

export const PASSPHRASE_ENV = 'SCREENER_PASSPHRASE';
export const NEW_PASSPHRASE_ENV = 'SCREENER_NEW_PASSPHRASE';
export const ORG_PASSPHRASE_ENV = 'SCREENER_ORG_PASSPHRASE';

export interface PassphraseRequest {
  /** The prompt shown on a terminal. */
  readonly message: string;
  /** Where scripts put it; SCREENER_PASSPHRASE unless said otherwise. */
  readonly env?: string;
}

function isTty(stream: unknown): boolean {
  return Boolean((stream as { isTTY?: boolean }).isTTY);
}

/**
 * A prompt needs a terminal to type on and one to show it on. It goes to stderr
 * when that is a terminal, so `screener list --json > file` can still ask.
 */
function promptStreams(ctx: CliContext) {
  if (!isTty(ctx.stdin)) return undefined;
  if (isTty(ctx.stderr)) return { input: ctx.stdin, output: ctx.stderr };
  if (isTty(ctx.stdout)) return { input: ctx.stdin, output: ctx.stdout };
  return undefined;
}

function fromEnv(ctx: CliContext, name: string): string | undefined {
  const value = ctx.env[name];
  if (value === undefined) return undefined;
  if (value === '') throw usageError('E_NO_PASSPHRASE', `${name} is set but empty.`);
  return value;
}

export async function readPassphrase(ctx: CliContext, req: PassphraseRequest): Promise<string> {
  const env = req.env ?? PASSPHRASE_ENV;
  const given = fromEnv(ctx, env);
  if (given !== undefined) return given;
  return promptHidden(ctx, req.message, env);
}

async function promptHidden(ctx: CliContext, message: string, env: string): Promise<string> {
  const streams = promptStreams(ctx);
  if (!streams)
    throw usageError(
      'E_NO_PASSPHRASE',
      'A passphrase is needed and there is no terminal to ask for it.',
      [`Scripts pass it in the environment: ${env}=... screener ...`],
    );
  const { password } = await import('../prompt/inquirer-prompts.js');
  return askOnce(
    streams.input,
    (signal) =>
      // No mask characters (they reveal the length) and no Ctrl+T reveal: someone may be watching the screen.
      password(
        { message, toggleMask: false },
        {
          input: streams.input,
          output: streams.output as NodeJS.WritableStream,
          clearPromptOnDone: true,
          signal,
        },
      ),
    'Interrupted.',
  );
}

/**
 * A new passphrase: from the environment as given, or typed twice on a terminal
 * with a strength hint. Too-short passphrases are refused either way.
 */
export async function chooseNewPassphrase(
  ctx: CliContext,
  req: PassphraseRequest & { readonly minLength: number },
): Promise<string> {
  const env = req.env ?? PASSPHRASE_ENV;
  const given = fromEnv(ctx, env);
  if (given !== undefined) return given;
  for (let attempt = 1; ; attempt++) {
    const first = await promptHidden(ctx, req.message, env);
    if (passphraseLength(first) < req.minLength) {
      // The last try's reason is the one to report.
      if (attempt === 3) checkPassphraseLength(first);
      writeLine(ctx.stderr, `At least ${req.minLength} characters, please.`);
    } else {
      const hint = strengthHint(first);
      if (hint) writeLine(ctx.stderr, hint);
      const again = await promptHidden(ctx, 'Type it again to confirm:', env);
      if (samePassphrase(again, first)) return first;
      writeLine(ctx.stderr, 'The two passphrases differ.');
    }
    if (attempt === 3)
      throw usageError('E_PASSPHRASE_MISMATCH', 'No passphrase was chosen; nothing was changed.');
  }
}

/**
 * A plain hint, not a gate: length matters most against offline guessing. Says
 * nothing for a long passphrase made of several words.
 */
export function strengthHint(passphrase: string): string | undefined {
  const length = [...passphrase].length;
  const words = passphrase
    .trim()
    .split(/[\s\-_.]+/)
    .filter(Boolean).length;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) =>
    r.test(passphrase),
  ).length;
  if (length >= 20 || (length >= 16 && (words >= 4 || classes >= 3))) return undefined;
  if (length < 12)
    return 'Hint: this passphrase is short. Four or more unrelated words are stronger and easier to remember.';
  return 'Hint: a longer passphrase (four or more unrelated words) resists guessing much better.';
}

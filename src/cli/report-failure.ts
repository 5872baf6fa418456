import type { CliContext } from './context.js';
import { writeLine } from './context.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { isScreenerError } from '../errors.js';

/**
 * The one place a failure becomes text on stderr and an exit code. A user error
 * prints its code and message (never a stack); anything else is a bug: say so
 * plainly, show the stack only when SCREENER_DEBUG is set.
 */
export async function reportFailure(ctx: CliContext, error: unknown): Promise<number> {
  if (isScreenerError(error)) {
    if (error.kind === 'interrupted') {
      writeLine(ctx.stderr, error.message);
      return EXIT.interrupted;
    }
    writeLine(ctx.stderr, `screener: ${error.message} [${error.code}]`);
    for (const line of error.details) writeLine(ctx.stderr, line);
    return exitCodeFor(error.kind);
  }
  const nodeCode = (error as { code?: unknown } | null)?.code;
  if (
    nodeCode === 'ENOSPC' ||
    nodeCode === 'EACCES' ||
    nodeCode === 'EROFS' ||
    nodeCode === 'EPERM'
  ) {
    writeLine(
      ctx.stderr,
      `screener: the system refused: ${(error as Error).message} [E_ENV_${nodeCode}]`,
    );
    return EXIT.unexpected;
  }
  const message = error instanceof Error ? error.message : String(error);
  writeLine(ctx.stderr, `screener: unexpected failure: ${message} [E_UNEXPECTED]`);
  writeLine(ctx.stderr, 'This is a bug. Run again with SCREENER_DEBUG=1 for details.');
  if (ctx.env.SCREENER_DEBUG && error instanceof Error && error.stack)
    writeLine(ctx.stderr, error.stack);
  return EXIT.unexpected;
}

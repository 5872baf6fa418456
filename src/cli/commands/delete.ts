/**
 * `screener delete ID [--yes]`: removes a record and its audit log, after the
 * passphrase is verified (a wrong one deletes nothing). It asks for confirmation
 * on a terminal unless --yes, and without a terminal refuses unless --yes. docs/store.md says what deletion cannot guarantee.
 */
import type { CliContext } from '../context.js';
import { writeLine } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { openStore } from '../open-store.js';
import { requireRecordId } from '../record-id.js';
import { askOnce } from '../ask-once.js';
import { dataError, usageError } from '../../errors.js';
import { whileHeld } from '../../record/store-api.js';

interface Options {
  yes?: boolean;
}

export async function run(ctx: CliContext, args: readonly unknown[]): Promise<number> {
  const [rawId, opts] = args as [string, Options];
  const id = requireRecordId(rawId);
  // Checked before the passphrase: without a terminal nobody can confirm, and a script
  // that forgot --yes (or a stray pipe) must not delete an interview unasked.
  if (!opts.yes && !ctx.interactive)
    throw usageError(
      'E_NO_TERMINAL',
      `'screener delete' asks for confirmation and there is no terminal to ask on; nothing was deleted.`,
      [`To delete without being asked (scripts): screener delete ${id} --yes`],
    );
  const store = await openStore(ctx, { toSave: true });
  if (!(await store.has(id)))
    throw dataError('E_RECORD_NOT_FOUND', `There is no record ${id} in ${store.dataDir}.`, [
      'See `screener list` for the stored records.',
    ]);
  // Held while it is deleted: an interview open in another window would write it again
  // at its next answer, and none can open it meanwhile.
  return whileHeld(store, id, async () => {
    if (!opts.yes && !(await confirm(ctx, id))) {
      writeLine(ctx.stderr, 'Nothing was deleted.');
      return EXIT.ok;
    }
    await store.delete(id);
    writeLine(ctx.stderr, `Deleted ${id}.`);
    return EXIT.ok;
  });
}

async function confirm(ctx: CliContext, id: string): Promise<boolean> {
  const { confirm: ask } = await import('../../prompt/inquirer-prompts.js');
  return askOnce(
    ctx.stdin,
    (signal) =>
      ask(
        { message: `Delete ${id} and its audit log? This cannot be undone.`, default: false },
        { input: ctx.stdin, output: ctx.stdout as NodeJS.WritableStream, signal },
      ),
    'Interrupted; nothing was deleted.',
  );
}

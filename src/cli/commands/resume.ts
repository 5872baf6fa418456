import type { CliContext } from '../context.js';
import { notBuilt } from '../not-built.js';

export async function run(_ctx: CliContext, _args: readonly unknown[]): Promise<number> {
  notBuilt('resume');
}

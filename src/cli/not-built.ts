import { usageError } from '../errors.js';

/** Commands listed in --help before they exist say so and exit 2; never a silent no-op. */
export function notBuilt(command: string): never {
  throw usageError(
    'E_NOT_AVAILABLE',
    `'screener ${command}' is not available in this version yet.`,
    ['See `screener --help` for the commands that work today.'],
  );
}

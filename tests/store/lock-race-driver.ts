/**
 * One window of tests/store/lock-race.test.ts: waits for the shared start instant,
 * tries to hold the record, says HELD or REFUSED, and keeps what it holds until the
 * test ends it.
 */
import { holdRecordSession } from '../../src/store/session-lock.js';

const [records, id, startAt] = process.argv.slice(2);
// Busy-wait rather than a timer, so the windows collide within microseconds.
while (Date.now() < Number(startAt));
try {
  holdRecordSession(records!, id!);
  process.stdout.write('HELD\n');
  setInterval(() => undefined, 60_000);
} catch (error) {
  process.stdout.write(`REFUSED ${(error as { code?: string }).code}\n`);
}

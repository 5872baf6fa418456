/**
 * An audit log appended to by two processes: an interview open in one window, and
 * `screener report ID` run in another (it logs a `report` event). Each frame's
 * sequence number is sealed with it, so an append must number its frame by the log as
 * it is on disk, not by what this process remembers, or the next frame of the session
 * would repeat a number and the whole log would read as tampered.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeRecord, newStore, openFileStore, removeDir, tempDir, testId } from './helpers.js';

let dir: string;
beforeEach(() => {
  dir = tempDir('audit-two');
});
afterEach(() => removeDir(dir));

describe('an audit log with two writers', () => {
  it('keeps every event of both, in the order they were appended', async () => {
    const session = await newStore(dir);
    const id = testId();
    const t = '2025-03-14T10:00:00.000Z';
    await session.save(fakeRecord(id));
    await session.appendAudit(id, { type: 'started', at: t });
    await session.appendAudit(id, { type: 'answered', at: t, question: 'q1' });

    // Another process (a report in another window) opens the same folder and logs.
    const other = await openFileStore(dir);
    await other.appendAudit(id, { type: 'report', at: t });

    await session.appendAudit(id, { type: 'answered', at: t, question: 'q2' });
    await session.save(fakeRecord(id, { status: 'completed' }));
    await other.appendAudit(id, { type: 'report', at: t });

    const events = await (await openFileStore(dir)).readAudit(id);
    expect(events.map((e) => e.type)).toEqual([
      'started',
      'answered',
      'report',
      'answered',
      'report',
    ]);
    expect((await (await openFileStore(dir)).load(id)).status).toBe('completed');
  });
});

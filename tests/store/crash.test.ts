/**
 * Crash safety of the store layer: a real child process saves records (or changes
 * the passphrase) in a loop and is killed with SIGKILL at random moments; after
 * every kill, every file must be readable and each record in its previous or its
 * new state. (The interactive crash test through `screener interview` in a pty
 * belongs to the interview's tests; this one proves the layer underneath.)
 */
import { bundleDriver } from '../helpers/bundle-driver.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileStore, unlockDataDir } from '../../src/store/index.js';
import { parseRecordFile } from '../../src/store/record-file.js';
import {
  CANARY_NAME,
  fakeRecord,
  findCanaries,
  newStore,
  OTHER_PASSPHRASE,
  PASSPHRASE,
  removeDir,
  tempDir,
  testId,
} from './helpers.js';

const SAVE_KILLS = 80;
const CHANGE_KILLS = 24;
const IDS = ['R-CRSH-0001', 'R-CRSH-0002', 'R-CRSH-0003'];

let work: string;
let driver: string;

beforeAll(() => {
  work = tempDir('crash');
  // The driver runs the store's real source, bundled, in a plain Node process.
  driver = bundleDriver(join(import.meta.dirname, 'crash-driver.ts'), work);
});
afterAll(() => removeDir(work));

interface Run {
  readonly lines: string[];
  readonly killedBeforeReady: boolean;
}

/** Starts the driver, lets it work for a random moment, kills it with SIGKILL. */
function runAndKill(args: string[], maxDelayMs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [driver, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let ready = false;
    // One kill in five lands while the store is being opened (temp clean-up, pending key work).
    const early = randomInt(0, 5) === 0;
    let armed = false;
    const kill = () => child.kill('SIGKILL');
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!armed && early && out.includes('opening\n')) {
        armed = true;
        setTimeout(kill, randomInt(0, 8));
      }
      if (!ready && out.includes('ready\n')) {
        ready = true;
        if (!armed) setTimeout(kill, randomInt(0, maxDelayMs + 1));
        armed = true;
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`driver ended by itself (${code}): ${err}`));
      else resolve({ lines: out.split('\n').filter(Boolean), killedBeforeReady: !ready });
    });
  });
}

function tempFiles(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.endsWith('.tmp'));
}

/** Two lanes (separate data folders) run side by side: kill points are independent, start-up time overlaps. */
const LANES = 2;

async function saveLane(lane: number, kills: number) {
  const data = join(work, `save-${lane}`);
  await newStore(data);
  const saved = new Map<string, number>(IDS.map((id) => [id, 0]));
  const logged = new Map<string, number>(IDS.map((id) => [id, 0]));
  let aheadOfAck = 0;
  let leftTemps = 0;
  for (let k = 0; k < kills; k++) {
    const run = await runAndKill(['save', data, PASSPHRASE, CANARY_NAME], 25);
    const lastAck = new Map<string, number>();
    const ackCount = new Map<string, number>();
    for (const line of run.lines) {
      const [word, id, n] = line.split(' ');
      if (word !== 'ack' || !id) continue;
      lastAck.set(id, Number(n));
      ackCount.set(id, (ackCount.get(id) ?? 0) + 1);
    }
    // A temp file left by the kill holds ciphertext only.
    const temps = tempFiles(join(data, 'records'));
    leftTemps += temps.length;
    for (const t of temps) expect(findCanaries(readFileSync(join(data, 'records', t)))).toEqual([]);

    const where = `lane ${lane}, kill ${k}`;
    const { store, problems } = await FileStore.open(await unlockDataDir(data, PASSPHRASE));
    expect(problems, where).toEqual([]);
    expect(tempFiles(join(data, 'records')), where).toEqual([]);
    expect((await store.listWithProblems()).problems, where).toEqual([]);
    for (const id of IDS) {
      const acked = Math.max(lastAck.get(id) ?? 0, saved.get(id)!);
      const onDisk = await store.load(id).then(
        (r) => r.path.length - 1,
        (e: { code?: string }) => (e.code === 'E_RECORD_NOT_FOUND' ? 0 : Promise.reject(e)),
      );
      // Every acknowledged answer is there; at most the one in flight is extra.
      expect([acked, acked + 1], `${id}, ${where}`).toContain(onDisk);
      if (onDisk === acked + 1) aheadOfAck++;
      // Audit events: all acknowledged ones, at most one more, never more than answers saved.
      const events = onDisk === 0 ? 0 : (await store.readAudit(id)).length;
      const low = logged.get(id)! + (ackCount.get(id) ?? 0);
      expect(events, `${id} audit, ${where}`).toBeGreaterThanOrEqual(low);
      expect(events, `${id} audit, ${where}`).toBeLessThanOrEqual(Math.min(low + 1, onDisk));
      saved.set(id, onDisk);
      logged.set(id, events);
    }
  }
  return { aheadOfAck, leftTemps, answers: [...saved.values()].reduce((a, b) => a + b) };
}

async function changeLane(lane: number, kills: number) {
  const data = join(work, `change-${lane}`);
  const seed = await newStore(data);
  const ids = Array.from({ length: 6 }, () => testId());
  for (const id of ids) await seed.save(fakeRecord(id));
  let current = PASSPHRASE;
  let changes = 0;
  for (let k = 0; k < kills; k++) {
    const other = current === PASSPHRASE ? OTHER_PASSPHRASE : PASSPHRASE;
    const run = await runAndKill(['change', data, current, other], 250);
    changes += run.lines.filter((l) => l.startsWith('changed')).length;
    const works: string[] = [];
    for (const p of [PASSPHRASE, OTHER_PASSPHRASE])
      if (
        await unlockDataDir(data, p).then(
          () => true,
          () => false,
        )
      )
        works.push(p);
    expect(works, `lane ${lane}, kill ${k}`).toHaveLength(1);
    current = works[0]!;
    const { store, problems } = await FileStore.open(await unlockDataDir(data, current));
    expect(problems).toEqual([]);
    for (const id of ids) {
      expect(await store.load(id)).toEqual(fakeRecord(id));
      const f = join(data, 'records', `${id}.rec`);
      // The other passphrase has no slot left anywhere.
      expect(parseRecordFile(readFileSync(f), { what: id, path: f }).header.slots).toHaveLength(1);
    }
  }
  return changes;
}

// Only a guard against a hung child: the work is bounded by the kill counts, and a
// loaded machine must not turn a slow run into a failure.
const HANG_GUARD = 600_000;

describe('kill -9 at random moments', () => {
  it(
    `while saving after every answer: every record is its previous or its new state (${SAVE_KILLS} kills)`,
    async () => {
      const lanes = await Promise.all(
        Array.from({ length: LANES }, (_, i) => saveLane(i, SAVE_KILLS / LANES)),
      );
      const sum = (f: (l: (typeof lanes)[number]) => number) => lanes.reduce((a, l) => a + f(l), 0);
      // The kills really landed mid-work, not only between steps.
      expect(sum((l) => l.aheadOfAck + l.leftTemps)).toBeGreaterThan(0);
      console.info(
        `crash test (save): ${SAVE_KILLS} kill points, ${sum((l) => l.answers)} answers saved; ` +
          `${sum((l) => l.aheadOfAck)} kills left a record one answer ahead of its last ack, ` +
          `${sum((l) => l.leftTemps)} left a temp file`,
      );
    },
    HANG_GUARD,
  );

  it(
    `while changing the passphrase: exactly one passphrase opens everything (${CHANGE_KILLS} kills)`,
    async () => {
      const changes = await Promise.all(
        Array.from({ length: LANES }, (_, i) => changeLane(i, CHANGE_KILLS / LANES)),
      );
      console.info(
        `crash test (change-passphrase): ${CHANGE_KILLS} kill points, ${changes.reduce((a, b) => a + b)} changes completed`,
      );
    },
    HANG_GUARD,
  );
});

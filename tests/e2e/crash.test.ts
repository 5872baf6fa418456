/**
 * Crash safety (issue 6): kill -9 the real CLI at random points of a scripted
 * interview, resume, and check that every answer acknowledged on screen before the
 * kill (the next step was drawn, which happens only after the save) is in the record.
 * Seeded, so a failure can be replayed; SCREENER_CRASH_POINTS sets the number of kills.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { InterviewRecord } from '../../src/record/types.js';
import { openTestStore } from './store-access.js';
import { BIN, FIXTURE, KEY, ROOT, Term, cliEnv, tempDir } from './pty.js';
import { mulberry32 } from '../helpers/rng.js';

const KILL_POINTS = Number(process.env.SCREENER_CRASH_POINTS ?? 110);
const SEED = Number(process.env.SCREENER_CRASH_SEED ?? 20240611);

/** One step of the scripted interview: its prompt, the keys, and what the record must then hold. */
interface ScriptStep {
  readonly prompt: string;
  readonly keys: string;
  readonly answer?: readonly [string, unknown];
}

const SCRIPT: readonly ScriptStep[] = [
  { prompt: '? Is the room private', keys: KEY.enter, answer: ['venue_private', 'yes'] },
  { prompt: '? Tell the person they may stop', keys: KEY.enter },
  { prompt: '? Does the person agree', keys: KEY.enter, answer: ['consent_given', 'yes'] },
  {
    prompt: '? Name the person wishes',
    keys: 'Ana Fictional\r',
    answer: ['name', 'Ana Fictional'],
  },
  { prompt: '? Age (years)', keys: '30\r', answer: ['age', 30] },
  { prompt: '? Date of arrival', keys: '2023-04-30\r', answer: ['arrived_on', '2023-04-30'] },
  {
    prompt: '? Was the work as promised?',
    keys: KEY.down + KEY.enter,
    answer: ['job_as_promised', 'different_job'],
  },
  { prompt: '? Usual hours of work per day', keys: '14\r', answer: ['hours_per_day', 14] },
  {
    prompt: '? Which of these happened?',
    keys: KEY.space + KEY.down + KEY.space + KEY.enter,
    answer: ['controls', ['documents_taken', 'debt']],
  },
  {
    prompt: '? Name of the recruiter',
    keys: 'Mr Invented\r',
    answer: ['recruiter_name', 'Mr Invented'],
  },
  { prompt: '? >', keys: KEY.enter },
  { prompt: '? All questions on this path are done', keys: KEY.enter },
];

function current(t: Term): ScriptStep | undefined {
  const screen = t.screen();
  return SCRIPT.find((s) => screen.includes(s.prompt));
}

async function latest(dataDir: string): Promise<InterviewRecord | undefined> {
  const store = await openTestStore(dataDir);
  const list = (await store.list()).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return list[0] ? store.load(list[0].id) : undefined;
}

describe('crash safety', () => {
  it(`every acknowledged answer survives kill -9 (${KILL_POINTS} kill points)`, async () => {
    const dataDir = tempDir('crash');
    const env = cliEnv(dataDir);
    const init = spawnSync(process.execPath, [BIN, 'keys', 'init'], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });
    expect(init.status).toBe(0);
    const random = mulberry32(SEED);
    const acknowledged = new Map<string, unknown>();
    let kills = 0;
    let completed = 0;
    let inProgress = false;
    while (kills < KILL_POINTS) {
      const t = new Term(
        inProgress ? ['resume', '-q', FIXTURE] : ['interview', '-q', FIXTURE],
        env,
      );
      // Steps to finish cleanly before the kill, then one in flight.
      const steps = Math.floor(random() * 4);
      let finished = false;
      for (let i = 0; i <= steps && !finished; i++) {
        await t.waitFor((s) => SCRIPT.some((x) => s.includes(x.prompt)));
        const step = current(t)!;
        t.write(step.keys);
        if (i === steps) break;
        if (step === SCRIPT.at(-1)) {
          finished = (await t.exited) === 0;
          break;
        }
        // Acknowledged: the next step is drawn, after the save.
        await t.waitFor(
          (s) => !s.includes(step.prompt) && SCRIPT.some((x) => s.includes(x.prompt)),
        );
        if (step.answer) acknowledged.set(step.answer[0], step.answer[1]);
      }
      if (!finished) {
        // Somewhere inside the save, the render or the next prompt.
        await new Promise((r) => setTimeout(r, Math.floor(random() * 40)));
        t.kill('SIGKILL');
        await t.exited;
        kills++;
      }
      const record = await latest(dataDir);
      if (acknowledged.size > 0) {
        expect(record).toBeDefined();
        for (const [id, value] of acknowledged)
          expect(record!.answers[id], `${id} after ${kills} kills`).toMatchObject({ value });
      }
      inProgress = record?.status === 'in_progress';
      if (!inProgress && record?.status === 'completed' && acknowledged.size > 0) {
        completed++;
        acknowledged.clear();
      }
    }
    console.log(
      `crash safety: ${kills} kill points, ${completed} interviews completed, seed ${SEED}`,
    );
    expect(kills).toBeGreaterThanOrEqual(KILL_POINTS);
  }, 900_000);
});

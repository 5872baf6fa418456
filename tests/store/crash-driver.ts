/**
 * A child process for the crash test: saves records (or changes the passphrase)
 * in an endless loop and reports each completed step on stdout, until the test
 * kills it with SIGKILL. Bundled by crash.test.ts; reads its orders from argv.
 *
 *   save DATA_DIR PASSPHRASE      ack ID N   after record ID's counter N is saved and logged
 *   change DATA_DIR FROM TO       changed P  after the passphrase became P (alternating)
 */
import { writeSync } from 'node:fs';
import { FileStore, changePassphrase, unlockDataDir } from '../../src/store/index.js';
import type { ScryptParams } from '../../src/store/kdf.js';
import type { InterviewRecord } from '../../src/record/types.js';

const SCRYPT: ScryptParams = { name: 'scrypt', N: 1024, r: 8, p: 1 };
const CRASH_IDS = ['R-CRSH-0001', 'R-CRSH-0002', 'R-CRSH-0003'];

function say(line: string): void {
  // Synchronous: once written, the test sees it even if the next instruction is the kill.
  writeSync(1, `${line}\n`);
}

function crashRecord(id: string, n: number, canary: string): InterviewRecord {
  const at = '2025-03-14T10:00:00.000Z';
  const answers: Record<string, InterviewRecord['answers'][string]> = {
    full_name: { kind: 'value', value: canary, at },
  };
  for (let i = 1; i <= n; i++) answers[`q${i}`] = { kind: 'value', value: i, at };
  return {
    formatVersion: 1,
    id,
    questionnaire: { id: 'iom_screening', version: '1.0.0', hash: 'sha256-fictional0001' },
    lang: 'en',
    mode: 'real',
    status: 'in_progress',
    startedAt: at,
    updatedAt: at,
    answers,
    path: ['full_name', ...Array.from({ length: n }, (_, i) => `q${i + 1}`)],
    shown: [],
  };
}

async function saveLoop(dataDir: string, passphrase: string, canary: string): Promise<never> {
  say('opening');
  const { store } = await FileStore.open(await unlockDataDir(dataDir, passphrase));
  const counters = new Map<string, number>();
  for (const id of CRASH_IDS) {
    const existing = await store.load(id).catch(() => undefined);
    counters.set(id, existing ? existing.path.length - 1 : 0);
  }
  say('ready');
  for (let step = 0; ; step++) {
    const id = CRASH_IDS[step % CRASH_IDS.length]!;
    const n = counters.get(id)! + 1;
    await store.save(crashRecord(id, n, canary));
    await store.appendAudit(id, {
      type: 'answered',
      at: new Date().toISOString(),
      question: `q${n}`,
    });
    counters.set(id, n);
    say(`ack ${id} ${n}`);
  }
}

async function changeLoop(dataDir: string, from: string, to: string): Promise<never> {
  let current = from;
  let next = to;
  say('opening');
  say('ready');
  for (;;) {
    await changePassphrase(await unlockDataDir(dataDir, current), next, SCRYPT);
    say(`changed ${next === to ? 'B' : 'A'}`);
    [current, next] = [next, current];
  }
}

const [mode, dataDir, a, b] = process.argv.slice(2);
if (mode === 'save') await saveLoop(dataDir!, a!, b!);
else if (mode === 'change') await changeLoop(dataDir!, a!, b!);

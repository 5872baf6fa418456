/**
 * An interview on a disk that fills up, in a real terminal with a real full disk (a
 * small tmpfs under the data folder): the answer just given is not lost and the
 * interview does not end. The screen says the answers are not saved yet and why, in the
 * interview's language; once space is freed, "Try saving again" saves and the interview
 * goes on at the next question. A quick exit while the disk is still full leaves with
 * the neutral line, the last saved version intact. Needs root with the right to mount
 * (as CI runs).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canMountTmpfs, fillDisk, mountTmpfs, unmountAll } from '../helpers/tmpfs.js';
import { loadOnly } from './store-access.js';
import { FIXTURE, KEY, Term, cliEnv, tempDir, initDataDir, answerToAge } from './pty.js';

const made: string[] = [];
afterAll(() => {
  unmountAll();
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** The stored value of an answer, or undefined when it is not saved. */
async function stored(dataDir: string, id: string): Promise<unknown> {
  const a = (await loadOnly(dataDir)).answers[id];
  return a?.kind === 'value' ? a.value : undefined;
}

/** A data folder with its keys on a small real disk, and an interview up to the age question. */
async function interviewOnSmallDisk(): Promise<{ t: Term; disk: string; dataDir: string }> {
  const { disk, dataDir } = smallDisk();
  const t = new Term(['interview', '-q', FIXTURE], cliEnv(dataDir));
  await answerToAge(t, 'Ana Fictional');
  return { t, disk, dataDir };
}

/** A data folder with its keys on a small real disk of its own. */
function smallDisk(): { disk: string; dataDir: string } {
  const root = tempDir('fulldisk');
  made.push(root);
  const disk = join(root, 'disk');
  mkdirSync(disk);
  mountTmpfs(disk, 1024);
  const dataDir = join(disk, 'data');
  initDataDir(dataDir);
  return { disk, dataDir };
}

const remount = (disk: string, mode: string) =>
  expect(spawnSync('mount', ['-o', `remount,${mode}`, disk]).status).toBe(0);

describe.skipIf(!canMountTmpfs)('an interview when the disk is full', () => {
  it('keeps the answer, says why it is not saved, saves it once there is room, and goes on', async () => {
    const { t, disk, dataDir } = await interviewOnSmallDisk();
    const filler = join(disk, 'filler');
    fillDisk(filler);
    t.write('30' + KEY.enter);
    const screen = await t.waitFor('Try saving again');
    expect(screen).toContain('NOT SAVED YET');
    expect(screen).toContain('The disk is full.');
    expect(screen).toContain('Free some space on this laptop');
    // The file concerned, for whoever helps.
    expect(screen).toMatch(new RegExp(`\\(${dataDir}/records/\\S+\\)`));
    expect(t.exitCode).toBeUndefined();
    expect(await stored(dataDir, 'age')).toBeUndefined();

    // Still full: trying again says so again (a fresh screen, not the one already
    // there), and keeps the answer.
    const notices = () => t.raw.split('NOT SAVED YET').length;
    const before = notices();
    t.write(KEY.enter);
    await t.waitFor((screen) => notices() > before && screen.includes('Try saving again'));
    expect(t.exitCode).toBeUndefined();

    rmSync(filler);
    t.write(KEY.enter);
    await t.waitFor('? Date of arrival');
    expect(await stored(dataDir, 'age')).toBe(30);
    expect(await stored(dataDir, 'name')).toBe('Ana Fictional');

    // Full again, and the screener leaves at once: the neutral line, nothing else lost.
    fillDisk(filler);
    t.write('2023-04-30' + KEY.enter);
    await t.waitFor('Try saving again');
    t.write(KEY.ctrlQ);
    expect(await t.exited).toBe(130);
    expect(t.screen()).toContain('Session closed.');
    expect(t.screen()).not.toContain('Ana Fictional');
    rmSync(filler);
    const record = await loadOnly(dataDir);
    expect(record.status).toBe('in_progress');
    expect(await stored(dataDir, 'age')).toBe(30);
    expect(record.answers.arrived_on).toBeUndefined();
  });

  it('a data folder that turns read-only (a write-protected stick): the same screen, and a quick exit still leaves at once', async () => {
    const { t, disk, dataDir } = await interviewOnSmallDisk();
    remount(disk, 'ro');
    try {
      t.write('30' + KEY.enter);
      const screen = await t.waitFor('Try saving again');
      expect(screen).toContain('NOT SAVED YET');
      expect(screen).toContain('The disk that holds the data folder is read-only.');
      // Nothing can be written, not even the audit line of the quick exit: it leaves anyway.
      t.write(KEY.ctrlQ);
      expect(await t.exited).toBe(130);
      expect(t.screen()).toContain('Session closed.');
    } finally {
      remount(disk, 'rw');
    }
    expect(await stored(dataDir, 'name')).toBe('Ana Fictional');
    expect(await stored(dataDir, 'age')).toBeUndefined();
  });

  it('in a French interview, the screen says why and what to do in French', async () => {
    const { disk, dataDir } = smallDisk();
    const t = new Term(['interview', '-q', FIXTURE, '--lang', 'fr'], cliEnv(dataDir));
    await t.at('? La pièce est-elle privée', KEY.enter);
    await t.at('? Dites à la personne', KEY.enter);
    await t.at('? La personne accepte', KEY.enter);
    await t.at('? Nom que la personne', 'Ana Fictional' + KEY.enter);
    await t.waitFor('? Âge');
    remount(disk, 'ro');
    try {
      t.write('30' + KEY.enter);
      const screen = await t.waitFor('Réessayer d’enregistrer');
      expect(screen).toContain('PAS ENCORE ENREGISTRÉ');
      expect(screen).toContain(
        'Le disque qui contient le dossier de données est en lecture seule.',
      );
      expect(screen).toContain('Rendez-le de nouveau modifiable');
      expect(screen).not.toMatch(/read-only|Could not save|Nothing was replaced/);
      t.write(KEY.ctrlQ);
      expect(await t.exited).toBe(130);
    } finally {
      remount(disk, 'rw');
    }
  });
});

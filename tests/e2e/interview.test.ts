/**
 * End to end in a real pseudo-terminal: the built CLI, typed at key by key.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answersOf, loadOnly, openTestStore } from './store-access.js';
import { BIN, FIXTURE, KEY, ROOT, Term, cliEnv, initDataDir, tempDir } from './pty.js';

const CLEAR_ALL = '\x1b[3J\x1b[2J\x1b[H';

function cli(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Answers the fixture up to the multi-line notes, by keys, with branching (job differs → recruiter asked). */
async function answerToNotes(t: Term): Promise<void> {
  await t.at('? Is the room private', KEY.enter);
  await t.at('? Tell the person they may stop', KEY.enter);
  await t.at('? Does the person agree', KEY.enter);
  await t.at('? Name the person wishes', 'Ana Fictional' + KEY.enter);
  await t.at('? Age (years)', '30' + KEY.enter);
  await t.at('? Date of arrival', '2023-04-30' + KEY.enter);
  await t.at('? Was the work as promised?', KEY.down + KEY.enter);
  await t.at('? Usual hours of work per day', '14' + KEY.enter);
  await t.at('? Which of these happened?', KEY.space + KEY.down + KEY.space + KEY.enter);
  await t.at('? Name of the recruiter', 'Mr Invented' + KEY.enter);
  await t.waitFor("Screener's notes");
}

describe('interview without a terminal', () => {
  it('exits 2 and points to run --answers', () => {
    const r = cli(['interview', '--practice'], cliEnv(tempDir('noterm')));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/run --answers/);
  });
});

describe('interview --lang', () => {
  it('refuses a language the questionnaire lacks before asking anything or storing', async () => {
    const dataDir = tempDir('lang');
    initDataDir(dataDir);
    const before = readdirSync(dataDir).sort();
    const t = new Term(['interview', '-q', FIXTURE, '--lang', 'zz'], cliEnv(dataDir));
    // Either it stops at once, or it starts the interview (and is stopped here).
    const what = await Promise.race([
      t.exited.then(() => 'exited'),
      t.waitFor('? ').then(
        () => 'asked',
        () => 'exited',
      ),
    ]);
    if (what === 'asked') t.kill();
    expect(what).toBe('exited');
    expect(await t.exited).toBe(2);
    expect(t.screen()).toContain('the questionnaire has no zz texts (languages: en, fr)');
    expect(t.screen()).toContain('[E_UNKNOWN_LANGUAGE]');
    expect(readdirSync(dataDir).sort()).toEqual(before);
  });
});

describe('a real interview in a terminal', () => {
  it('branches, goes back and prunes, quick-exits, resumes at the same question and finishes; run --answers gives the same record', async () => {
    const dataDir = tempDir('real');
    initDataDir(dataDir);
    const env = cliEnv(dataDir);
    const t = new Term(['interview', '-q', FIXTURE], env);
    await answerToNotes(t);
    expect(t.screen()).toMatch(/About|Work/);
    expect(t.screen()).not.toMatch(/PRACTICE/);

    // Back four steps, to the job question; its answer is offered again.
    await t.at('? >', KEY.ctrlB);
    await t.at('? Name of the recruiter', KEY.ctrlB);
    await t.at('? Which of these happened?', KEY.ctrlB);
    await t.at('? Usual hours of work per day', KEY.ctrlB);
    // The question line is drawn before its choices: wait for the whole prompt.
    const job = await t.waitFor(/\? Was the work as promised\?[\s\S]*❯ /);
    expect(job).toMatch(/❯ A different kind of work/);
    t.write(KEY.up + KEY.enter);
    // The changed answer hides the recruiter question: said on screen, and on to the frontier.
    const after = await t.waitFor('? >');
    expect(after).toMatch(/Removed because they no longer apply: .*\(recruiter_name\)/);
    expect(after).toMatch(/\d+ \/ \d+ answered/);

    // Quick exit: the screen and scrollback are cleared, the session saved, exit 130.
    const before = t.raw.length;
    t.write(KEY.ctrlC);
    expect(await t.exited).toBe(130);
    expect(t.raw.slice(before)).toContain(CLEAR_ALL);
    expect(t.screen()).not.toMatch(/notes|Screener|recruiter|Ana/);
    expect(t.screen().trim()).toBe('Session closed.');
    // The title was set to something neutral and never names the subject.
    expect(t.raw).toContain('\x1b]0;Session\x07');
    const titles = t.raw
      .split('\x1b]0;')
      .slice(1)
      .map((x) => x.split('\x07')[0]!);
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(title).not.toMatch(/traffick|screen|interview/i);

    const saved = await loadOnly(dataDir);
    expect(saved.status).toBe('in_progress');
    expect(saved.answers.job_as_promised).toMatchObject({ value: 'same' });
    expect(saved.answers.recruiter_name).toBeUndefined();

    // Resume continues at the same question.
    const r = new Term(['resume', '-q', FIXTURE], env);
    await r.at('? >', 'Calm, asked for water.' + KEY.enter);
    // The next line's prompt (keys typed before a prompt is drawn are dropped).
    await r.at(/water\.\s*\n\? >/, KEY.enter);
    await r.at('? All questions on this path are done', KEY.enter);
    expect(await r.exited).toBe(0);
    expect(r.raw).toContain(saved.id);

    const done = await loadOnly(dataDir);
    expect(done.status).toBe('completed');
    expect(answersOf(done)).toEqual({
      venue_private: { kind: 'value', value: 'yes' },
      consent_given: { kind: 'value', value: 'yes' },
      name: { kind: 'value', value: 'Ana Fictional' },
      age: { kind: 'value', value: 30 },
      arrived_on: { kind: 'value', value: '2023-04-30' },
      job_as_promised: { kind: 'value', value: 'same' },
      hours_per_day: { kind: 'value', value: 14 },
      controls: { kind: 'value', value: ['documents_taken', 'debt'] },
      notes: { kind: 'value', value: 'Calm, asked for water.' },
    });

    // The same answers through run --answers: the same record.
    const file = join(dataDir, '..', `${saved.id}-answers.yaml`);
    writeFileSync(
      file,
      [
        'questionnaire: engine_fixture',
        'lang: en',
        'answers:',
        '  venue_private: yes',
        '  consent_given: yes',
        '  name: Ana Fictional',
        '  age: 30',
        '  arrived_on: 2023-04-30',
        '  job_as_promised: same',
        '  hours_per_day: 14',
        '  controls: [documents_taken, debt]',
        '  notes: Calm, asked for water.',
        '',
      ].join('\n'),
    );
    const run = cli(['run', '--answers', file, '-q', FIXTURE], env);
    expect(run.stderr).toMatch(/completed/);
    expect(run.status).toBe(0);
    const runId = run.stdout.trim();
    const store = await openTestStore(dataDir);
    const replay = await store.load(runId);
    expect(answersOf(replay)).toEqual(answersOf(done));
    expect(replay.path).toEqual(done.path);
    expect(replay.shown).toEqual(done.shown);
    expect(replay.status).toBe(done.status);

    // …and the same report: JSON reports of both records differ only in the record id.
    const reportOf = (id: string) => {
      const r = cli(['report', id, '--format', 'json', '-q', FIXTURE], env);
      expect(r.status, r.stderr).toBe(0);
      return r.stdout.replaceAll(id, 'RECORD-ID');
    };
    const typedReport = reportOf(saved.id);
    expect(JSON.parse(typedReport)).toMatchObject({ outcome: { id: expect.any(String) } });
    expect(reportOf(runId)).toBe(typedReport);
    // run --report writes that report too.
    const written = join(dataDir, '..', `${saved.id}-report.json`);
    const again = cli(
      ['run', '--answers', file, '-q', FIXTURE, '--report', written, '--format', 'json'],
      env,
    );
    expect(again.status, again.stderr).toBe(0);
    const againId = again.stdout.trim();
    expect(readFileSync(written, 'utf8').replaceAll(againId, 'RECORD-ID')).toBe(typedReport);
  });
});

describe('practice', () => {
  it('shows PRACTICE on every screen, handles urgent, child and special answers, and writes nothing', async () => {
    const dataDir = tempDir('practice');
    const t = new Term(['interview', '--practice', '-q', FIXTURE, '--lang', 'fr'], cliEnv(dataDir));
    const screens: string[] = [];
    const step = async (what: string | RegExp, keys: string) => {
      screens.push(await t.waitFor(what));
      t.write(keys);
    };
    // The guidance key shows the question's help text.
    await step('? La pièce est-elle privée', KEY.ctrlG);
    await step(/Conseils: Demandez à tout accompagnant[^]*\? La pièce/, KEY.down + KEY.enter);
    await step('? Conseil', KEY.enter);
    await step('? Le cadre n', KEY.enter);
    await step('? Dites à la personne', KEY.enter);
    await step('? La personne accepte', KEY.enter);
    // Declined by key; then "don't know" for the age opens the may-be-child question.
    await step('? Nom que la personne', KEY.ctrlX);
    await step('? Âge', KEY.ctrlK);
    await step(
      '? La personne pourrait-elle avoir moins de 18 ans',
      KEY.down + KEY.down + KEY.down + KEY.enter,
    );
    // "Declined" on may_be_child (the last option): not known to be a child.
    await step('? Date d', '2023-04-30' + KEY.enter);
    await step('? Le travail était-il celui promis', KEY.enter);
    await step('? Heures de travail', '10' + KEY.enter);
    // Threats are urgent: the session pauses with the emergency information.
    await step('? Lesquelles', KEY.down + KEY.down + KEY.space + KEY.enter);
    // Wait for the whole pause screen, not only its first line.
    const urgent = await t.waitFor(
      (s) => s.includes('? URGENT') && /procédure d'urgence/.test(s) && /Des menaces/.test(s),
    );
    expect(urgent).toMatch(/Des menaces ont été proférées/);
    expect(urgent).toMatch(/procédure d'urgence/);
    t.write(KEY.enter);
    await step('? >', 'Une note' + KEY.enter);
    await step(/Une note\s*\n\? >/, KEY.enter);
    await step('? Toutes les questions', KEY.enter);
    expect(await t.exited).toBe(0);
    for (const s of screens) expect(s).toMatch(/EXERCICE — rien n’est enregistré/);
    expect(readdirSync(dataDir)).toEqual([]);
  });
});

/** `screener run --answers` through the built CLI: exit codes, diagnostics, practice leaves nothing. */
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RECORD_ID_PATTERN } from '../../src/record/id.js';
import { BIN, FIXTURE, ROOT, cliEnv, tempDir } from './pty.js';

function run(args: string[], dataDir: string) {
  return spawnSync(process.execPath, [BIN, 'run', ...args], {
    cwd: ROOT,
    env: cliEnv(dataDir),
    encoding: 'utf8',
  });
}

const VALID = `questionnaire: engine_fixture
answers:
  venue_private: yes
  consent_given: yes
  age: 30
  arrived_on: 2023-04-30
  job_as_promised: same
  hours_per_day: 9
  controls: [none]
`;

describe('run --answers', () => {
  it('--practice plays a valid file, prints the record id and writes nothing', () => {
    const dir = tempDir('run-practice');
    const data = join(dir, 'data');
    const file = join(dir, 'answers.yaml');
    writeFileSync(file, VALID);
    const r = run(['--answers', file, '-q', FIXTURE, '--practice'], data);
    expect(r.stderr).toMatch(/completed/);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(RECORD_ID_PATTERN);
    expect(readdirSync(dir)).toEqual(['answers.yaml']);
  });

  it('reports every problem at file:line:col and exits 3', () => {
    const dir = tempDir('run-invalid');
    const file = join(dir, 'answers.yaml');
    writeFileSync(
      file,
      VALID.replace('age: 30', 'age: 300').replace('hours_per_day: 9', 'hours_per_dya: 9'),
    );
    const r = run(['--answers', file, '-q', FIXTURE, '--practice'], join(dir, 'data'));
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${file}:5:8 E_ANSWER_OUT_OF_RANGE`);
    expect(r.stderr).toContain(`${file}:8:3 E_ANSWER_UNKNOWN_QUESTION`);
    expect(r.stderr).toContain('did you mean `hours_per_day`?');
    expect(r.stderr).toContain('E_ANSWER_MISSING');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a missing answers file is an input error', () => {
    const dir = tempDir('run-missing');
    const r = run(['--answers', join(dir, 'nope.yaml'), '-q', FIXTURE, '--practice'], dir);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/E_FILE_UNREADABLE/);
  });
});

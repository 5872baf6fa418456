/**
 * The shipped questionnaire: an urgent need found in the preparation checks is also a
 * recommended referral in the report, played through the built CLI.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, cliEnv, tempDir } from './pty.js';

const BENCH = join(ROOT, 'tests', 'fixtures', 'answers', 'bench-full-interview.yaml');

describe('shipped questionnaire: urgent medical need at the preparation', () => {
  it('"Yes, and it is not yet taken care of" recommends medical care', () => {
    const dir = tempDir('urgent-medical');
    // The full fictional interview with no other medical need: only the preparation's.
    const answers = readFileSync(BENCH, 'utf8')
      .replace('  prep_medical: none\n', '  prep_medical: unmet\n  prep_proceed: yes\n')
      .replace('  medical_now: not_urgent\n', '  medical_now: none\n')
      .replace('    - family\n    - health\n', '    - family\n');
    expect(answers).toContain('prep_medical: unmet');
    expect(answers).not.toMatch(/not_urgent|- health/);
    const file = join(dir, 'answers.yaml');
    writeFileSync(file, answers);
    const out = join(dir, 'report.json');
    const r = spawnSync(
      process.execPath,
      [BIN, 'run', '--practice', '--answers', file, '--report', out, '--format', 'json'],
      { cwd: ROOT, env: cliEnv(dir), encoding: 'utf8' },
    );
    expect(r.stderr).toContain('Report written');
    expect(r.status).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as {
      urgent: unknown;
      referrals: { category: string; because: string[] }[];
    };
    expect(JSON.stringify(report.urgent)).toContain('The person needs medical care now.');
    expect(report.referrals.find((x) => x.category === 'medical')).toMatchObject({
      because: ['needs_medical'],
    });
  });
});

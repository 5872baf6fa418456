/** `screener show` as a user runs it: the built CLI, its output and exit codes. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, STACK_TRACE } from '../helpers/run-cli.js';

describe('screener show', () => {
  it('renders the shipped questionnaire as Markdown by default', () => {
    const r = runCli(['show']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Screening interview for possible victims of trafficking\n/);
    expect(r.stdout).toContain('## Indicators by dimension');
    expect(r.stderr).toBe('');
  });

  it('renders the flow as Mermaid, in French when asked', () => {
    const r = runCli(['show', '--format', 'mermaid', '--lang', 'fr']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[1]).toBe('flowchart TD');
    expect(r.stdout).toContain('subgraph s_d_travel["7. D. Le voyage"]');
  });

  it('renders a given file', () => {
    const r = runCli(['show', join(ROOT, 'questionnaires', 'example.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Example questionnaire \(every construct\)/);
  });

  it('refuses a language the questionnaire lacks, with exit 2', () => {
    const r = runCli(['show', '--lang', 'de']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the questionnaire has no de texts (languages: en, fr)');
    expect(r.stdout).toBe('');
  });

  it('refuses an unknown format with exit 2', () => {
    expect(runCli(['show', '--format', 'pdf']).code).toBe(2);
  });

  it('points at the problems of an invalid file, with exit 3 and no stack trace', () => {
    const r = runCli([
      'show',
      join(ROOT, 'tests', 'fixtures', 'questionnaires', 'invalid', 'E_UNKNOWN_INDICATOR.yaml'),
    ]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/E_UNKNOWN_INDICATOR/);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.stdout).toBe('');
  });
});

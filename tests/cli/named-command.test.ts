/**
 * main.ts builds only the command a command line names (commander's objects for every
 * command were a noticeable part of start-up). Which one it is must be found as
 * commander finds it, and a command built alone must behave as when built with all.
 */
import { describe, expect, it } from 'vitest';
import { buildProgram, namedCommand } from '../../src/cli/main.js';

const argv = (...args: string[]) => ['node', 'screener', ...args];

describe('the command a command line names', () => {
  it('is its first word that is neither an option nor the data folder', () => {
    expect(namedCommand(argv('run', '--answers', 'a.yaml'))).toBe('run');
    expect(namedCommand(argv('--data-dir', 'run', 'list'))).toBe('list');
    expect(namedCommand(argv('--data-dir=laptop', '--no-color', 'export', 'records'))).toBe(
      'export',
    );
    // Not a command of ours (a typo, help, nothing): every command is built.
    expect(namedCommand(argv('rn'))).toBeUndefined();
    expect(namedCommand(argv('help', 'run'))).toBeUndefined();
    expect(namedCommand(argv('--help'))).toBeUndefined();
    expect(namedCommand(argv())).toBeUndefined();
  });

  it('is built alone with the same options, help and global options as among all', () => {
    const all = buildProgram();
    for (const cmd of all.commands) {
      const alone = buildProgram(cmd.name());
      expect(alone.commands.map((c) => c.name())).toEqual([cmd.name()]);
      const mine = alone.commands[0]!;
      expect(mine.helpInformation()).toBe(cmd.helpInformation());
      expect(mine.options.map((o) => o.flags)).toEqual(cmd.options.map((o) => o.flags));
      expect(alone.options.map((o) => o.flags)).toEqual(all.options.map((o) => o.flags));
    }
    expect(all.commands.length).toBe(11);
  });
});

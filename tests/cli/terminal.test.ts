import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTerminal } from '../../src/cli/terminal.js';
import { tempDir } from '../e2e/pty.js';

describe('isTerminal', () => {
  it('says no for a file, /dev/null and a closed descriptor', () => {
    const file = openSync(join(tempDir('terminal'), 'f.txt'), 'w');
    const devNull = openSync('/dev/null', 'w');
    try {
      expect(isTerminal(file)).toBe(false);
      expect(isTerminal(devNull)).toBe(false);
      expect(isTerminal(99_999)).toBe(false);
    } finally {
      closeSync(file);
      closeSync(devNull);
    }
  });
});

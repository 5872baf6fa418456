/** The store's own files, which an export or a report never writes over, told from anything else by their first bytes. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ownFileKind, protectedKind } from '../../src/store/own-files.js';

const text = (s: string) => Buffer.from(s, 'utf8');

describe('files a command never writes over', () => {
  it('records and audit logs, by their magic', () => {
    expect(
      protectedKind(Buffer.from('SCRNREC\0\0\x01rest of a record', 'latin1'), 'R-AB12-CD34.rec'),
    ).toBe('a record file');
    expect(protectedKind(Buffer.from('SCRNAUD\0\0\x01frames', 'latin1'), 'x.audit')).toBe(
      "a record's audit log",
    );
    // Named like a record but not one (an earlier export mistakenly named so): replaceable.
    expect(protectedKind(text('pseudonym,questionnaire_id\n'), 'R-AB12-CD34.rec')).toBeUndefined();
  });

  it('keys and organisation keys, by their format, whatever the indentation', () => {
    expect(
      protectedKind(text('{\n  "format": "screener-keys",\n  "version": 1'), 'keys.json'),
    ).toBe("a data folder's keys");
    expect(protectedKind(text('{"format":"screener-org-private-key","version":1}'), 'k')).toBe(
      'an organisation private key',
    );
    expect(protectedKind(text(' \n{ "format" : "screener-org-public-key" }'), 'org.pub')).toBe(
      'an organisation public key',
    );
  });

  it('an export secret, by its name', () => {
    expect(protectedKind(text('ab'.repeat(32)), 'export-secret')).toBe('an export secret');
    expect(protectedKind(text('ab'.repeat(32)), 'notes.txt')).toBeUndefined();
  });

  it('earlier exports and other files may be replaced', () => {
    expect(
      protectedKind(text('{\n  "format": "screener-export-summary",'), 'sum.json'),
    ).toBeUndefined();
    expect(protectedKind(text('{"pseudonym":"0a1b"}\n'), 'out.jsonl')).toBeUndefined();
    expect(protectedKind(text('name,total\n'), 'results.csv')).toBeUndefined();
    expect(protectedKind(Buffer.alloc(0), 'empty.csv')).toBeUndefined();
    expect(protectedKind(Buffer.from('SCRN', 'latin1'), 'short.bin')).toBeUndefined();
  });

  it('reads only regular files that exist', () => {
    const dir = mkdtempSync(join(tmpdir(), 'screener-own-files-'));
    try {
      writeFileSync(join(dir, 'R-AB12-CD34.rec'), Buffer.from('SCRNREC\0\0\x01', 'latin1'));
      mkdirSync(join(dir, 'folder'));
      expect(ownFileKind(join(dir, 'R-AB12-CD34.rec'))).toBe('a record file');
      expect(ownFileKind(join(dir, 'absent.csv'))).toBeUndefined();
      expect(ownFileKind(join(dir, 'folder'))).toBeUndefined();
      expect(ownFileKind('/dev/null')).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

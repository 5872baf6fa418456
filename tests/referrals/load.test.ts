/** The referral directory an organisation fills in: the template loads, mistakes are pointed at. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScreenerError } from '../../src/errors.js';
import { formatDiagnostic } from '../../src/questionnaire/diagnostics.js';
import {
  contactsFor,
  loadReferrals,
  loadReferralsText,
  referralsTemplatePath,
  requireReferrals,
} from '../../src/referrals/load.js';

const TEMPLATE = join(import.meta.dirname, '..', '..', 'questionnaires', 'referrals.example.yaml');

/** A small fictional directory, each test changing one thing. */
const BASE = `organisation: Fictional Network
categories:
  hotline:
    - name: Fictional Line
      phone: '+00 0000 0000'
      languages: [en]
  medical:
    - name: Clinic A
      phone: '+00 0000 0001'
      languages: [en]
    - name: Clinic B
      phone: '+00 0000 0002'
      languages: [fr, en]
`;

describe('the shipped template', () => {
  it('loads without a problem and says it is a template', () => {
    expect(referralsTemplatePath()).toBe(TEMPLATE);
    const r = loadReferrals(TEMPLATE);
    expect(r.diagnostics).toEqual([]);
    expect(r.directory?.template).toBe(true);
  });

  it('has the seven categories the report recommends, each with a fictional contact', () => {
    const dir = requireReferrals(TEMPLATE);
    for (const c of [
      'shelter',
      'medical',
      'legal',
      'child_protection',
      'law_enforcement',
      'consular',
      'hotline',
    ] as const) {
      const list = dir.categories[c] ?? [];
      expect(list.length, c).toBeGreaterThan(0);
      for (const contact of list) {
        expect(contact.name).toMatch(/fictional/i);
        expect(contact.phone).toMatch(/^\+00 /);
        expect(contact.hours).toBeTruthy();
        expect(contact.languages.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('loading a directory', () => {
  it('keeps the contacts in file order, and puts those speaking the interview language first', () => {
    const dir = loadReferralsText('dir.yaml', BASE).directory!;
    expect(dir.template).toBe(false);
    expect(dir.organisation).toBe('Fictional Network');
    expect(contactsFor(dir, 'medical').map((c) => c.name)).toEqual(['Clinic A', 'Clinic B']);
    expect(contactsFor(dir, 'medical', 'fr').map((c) => c.name)).toEqual(['Clinic B', 'Clinic A']);
    expect(contactsFor(dir, 'shelter')).toEqual([]);
    expect(Object.isFrozen(dir.categories.medical)).toBe(true);
  });

  it('points at a misspelt category and suggests the right one', () => {
    const r = loadReferralsText('dir.yaml', BASE.replace('  medical:', '  medicall:'));
    expect(r.directory).toBeUndefined();
    expect(r.diagnostics).toMatchObject([
      {
        code: 'E_SCHEMA_UNKNOWN_KEY',
        line: 7,
        col: 3,
        hint: 'did you mean `medical`?',
        path: '/categories/medicall',
      },
    ]);
  });

  it('points at a contact without a phone number', () => {
    const r = loadReferralsText('dir.yaml', BASE.replace("      phone: '+00 0000 0001'\n", ''));
    expect(r.diagnostics).toMatchObject([
      {
        code: 'E_SCHEMA_MISSING_KEY',
        severity: 'error',
        line: 8,
        message: 'missing required key `phone` in /categories/medical/0',
      },
    ]);
  });

  it('points at a language that is not a language code', () => {
    const r = loadReferralsText(
      'dir.yaml',
      BASE.replace('languages: [fr, en]', 'languages: [French]'),
    );
    const [d] = r.diagnostics;
    expect(d).toMatchObject({
      code: 'E_SCHEMA_VALUE',
      line: 13,
      col: 19,
      path: '/categories/medical/1/languages/0',
    });
    expect(d!.message).toContain('must be a language code such as en, fr or pt-BR');
  });

  it('points at a contact listed twice in one category', () => {
    const r = loadReferralsText('dir.yaml', BASE.replace('Clinic B', 'clinic a'));
    expect(r.diagnostics).toMatchObject([
      {
        code: 'E_DUPLICATE_ID',
        line: 11,
        col: 13,
        message: 'medical already lists a contact named `clinic a` (contact 1)',
      },
    ]);
  });

  it('reports every problem at once, in file order', () => {
    const r = loadReferralsText(
      'dir.yaml',
      BASE.replace('organisation: Fictional Network\n', '')
        .replace('  hotline:', '  hotlines:')
        .replace('languages: [fr, en]', 'languages: fr'),
    );
    expect(r.diagnostics.map((d) => d.code)).toEqual([
      'E_SCHEMA_MISSING_KEY',
      'E_SCHEMA_UNKNOWN_KEY',
      'E_SCHEMA_TYPE',
    ]);
  });

  it('reports YAML and file problems with positions too', () => {
    expect(loadReferralsText('dir.yaml', 'organisation: [unclosed\n').diagnostics[0]).toMatchObject(
      { code: 'E_YAML_SYNTAX', line: 2, col: 1 },
    );
    expect(loadReferrals('/nonexistent/referrals.yaml').diagnostics[0]).toMatchObject({
      code: 'E_FILE_UNREADABLE',
    });
  });

  it('formats a diagnostic with the offending line and a caret', () => {
    const text = BASE.replace('  medical:', '  medicall:');
    const [d] = loadReferralsText('dir.yaml', text).diagnostics;
    expect(formatDiagnostic(d!, text)).toBe(
      'dir.yaml:7:3 E_SCHEMA_UNKNOWN_KEY unknown key `medicall` in /categories\n  7 |   medicall:\n    |   ^^^^^^^^\n  did you mean `medical`?',
    );
  });

  it('requireReferrals throws a typed input error (exit 3) listing the problems', () => {
    let error: unknown;
    try {
      requireReferrals('/nonexistent/referrals.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScreenerError);
    expect(error).toMatchObject({ kind: 'invalid_input', code: 'E_INVALID_REFERRALS' });
    expect((error as ScreenerError).details[0]).toContain('E_FILE_UNREADABLE');
  });
});

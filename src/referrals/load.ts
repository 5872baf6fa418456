/**
 * Loading an organisation's referral directory: file → safe YAML with positions →
 * JSON Schema → a few semantic checks → frozen ReferralDirectory. Problems are
 * positioned diagnostics, collected, never thrown one at a time.
 */
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import schema from './referrals.schema.json' with { type: 'json' };
import type { ReferralContact, ReferralDirectory, ReferralDirectoryDoc } from './types.js';
import { REFERRAL_CATEGORIES } from './types.js';
import { inputError } from '../errors.js';
import {
  formatDiagnostic,
  hasErrors,
  sortDiagnostics,
  type Diagnostic,
} from '../questionnaire/diagnostics.js';
import { schemaDiagnostics } from '../questionnaire/schema-errors.js';
import type { ReferralCategory } from '../questionnaire/types.js';
import {
  diag,
  loadYamlFile,
  locate,
  parseYamlText,
  pointer,
  type YamlSource,
} from '../questionnaire/yaml-source.js';
import { shippedDir } from '../shipped.js';

/** The fictional template shipped in questionnaires/. */
export const REFERRALS_TEMPLATE = 'referrals.example.yaml';

export function referralsTemplatePath(): string {
  return join(shippedDir(), REFERRALS_TEMPLATE);
}

export interface ReferralsLoadResult {
  readonly directory?: ReferralDirectory;
  /** Sorted by position. */
  readonly diagnostics: readonly Diagnostic[];
  readonly source?: YamlSource;
}

// The schema is small and a directory is read once per report, so compiling it at run
// time costs little and keeps the generated-validator step for the questionnaire only.
let validator: ValidateFunction | undefined;
function validateSchema(): ValidateFunction {
  validator ??= new Ajv2020({ allErrors: true, verbose: true, strict: true }).compile(schema);
  return validator;
}

export function loadReferralsFromSource(src: YamlSource): ReferralsLoadResult {
  const validate = validateSchema();
  if (!validate(src.value)) {
    return {
      diagnostics: sortDiagnostics(schemaDiagnostics(src, validate.errors ?? [])),
      source: src,
    };
  }
  const doc = src.value as ReferralDirectoryDoc;
  const diagnostics = sortDiagnostics(lintReferrals(src, doc));
  if (hasErrors(diagnostics)) return { diagnostics, source: src };
  return { directory: compile(doc, src.file), diagnostics, source: src };
}

export function loadReferrals(file: string): ReferralsLoadResult {
  const parsed = loadYamlFile(file);
  if (!parsed.source) return { diagnostics: parsed.diagnostics };
  return loadReferralsFromSource(parsed.source);
}

export function loadReferralsText(file: string, text: string): ReferralsLoadResult {
  const parsed = parseYamlText(file, text);
  if (!parsed.source) return { diagnostics: parsed.diagnostics };
  return loadReferralsFromSource(parsed.source);
}

/** For commands that need a usable directory: invalid → exit 3 with every diagnostic. */
export function requireReferrals(file: string): ReferralDirectory {
  const r = loadReferrals(file);
  if (r.directory) return r.directory;
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  throw inputError(
    'E_INVALID_REFERRALS',
    `${file} is not a valid referral directory (${errors.length} problem${errors.length === 1 ? '' : 's'})`,
    errors.slice(0, 20).map((d) => formatDiagnostic(d, r.source?.text)),
  );
}

/**
 * The contacts of a category, those serving in `lang` first (a person should be
 * referred where they are understood), otherwise in file order.
 */
export function contactsFor(
  dir: ReferralDirectory,
  category: ReferralCategory,
  lang?: string,
): readonly ReferralContact[] {
  const list = dir.categories[category] ?? [];
  if (!lang) return list;
  const speaks = (c: ReferralContact) =>
    c.languages.some((l) => l === lang || l.split('-')[0] === lang.split('-')[0]);
  return [...list.filter(speaks), ...list.filter((c) => !speaks(c))];
}

/** Two contacts of one category with the same name are almost always a copy-paste slip. */
function lintReferrals(src: YamlSource, doc: ReferralDirectoryDoc): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const category of REFERRAL_CATEGORIES) {
    const seen = new Map<string, number>();
    doc.categories[category]?.forEach((c, i) => {
      const key = c.name.trim().toLowerCase();
      const prev = seen.get(key);
      const path = ['categories', category, i, 'name'];
      if (prev === undefined) seen.set(key, i);
      else
        out.push(
          diag(
            src.file,
            'E_DUPLICATE_ID',
            `${category} already lists a contact named \`${c.name}\` (contact ${prev + 1})`,
            locate(src, path),
            { hint: 'merge the two entries, or give each its own name', path: pointer(path) },
          ),
        );
    });
  }
  return out;
}

function compile(doc: ReferralDirectoryDoc, file: string): ReferralDirectory {
  const categories: Partial<Record<ReferralCategory, readonly ReferralContact[]>> = {};
  for (const category of REFERRAL_CATEGORIES) {
    const list = doc.categories[category];
    if (!list) continue;
    categories[category] = Object.freeze(
      list.map((c) =>
        Object.freeze({
          name: c.name,
          phone: c.phone,
          email: c.email,
          address: c.address,
          hours: c.hours,
          languages: Object.freeze([...(c.languages ?? [])]),
          notes: c.notes,
        }),
      ),
    );
  }
  return Object.freeze({
    template: doc.template ?? false,
    organisation: doc.organisation,
    area: doc.area,
    updated: doc.updated,
    categories: Object.freeze(categories),
    file,
  });
}

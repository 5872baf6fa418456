/**
 * What every command that writes a report needs besides the record: the referral
 * directory and the phone countries for redaction (flags or environment), and a
 * safe way to write the file. Shared by `report`, `run` and `interview`.
 */
import { existsSync } from 'node:fs';
import type { CliContext } from './context.js';
import { writeLine } from './context.js';
import { usageError } from '../errors.js';
import type { ReferralDirectory } from '../referrals/types.js';
import { wholeFileError, writeWholeFileSync } from './write-whole-file.js';

export const REFERRALS_ENV = 'SCREENER_REFERRALS';
export const PHONE_COUNTRIES_ENV = 'SCREENER_PHONE_COUNTRIES';

export interface ReportInputs {
  readonly referrals: ReferralDirectory | undefined;
  readonly phoneCountries: readonly string[] | undefined;
}

/**
 * Reads both before any passphrase is asked: a bad file or flag fails fast (exit 3 or 2).
 * The referral loader (with its schema validator) is loaded only when there is a file.
 */
export async function reportInputs(
  ctx: CliContext,
  opts: { referrals?: string | undefined; phoneCountries?: string | undefined },
): Promise<ReportInputs> {
  const phoneCountries = parseCountries(opts.phoneCountries ?? ctx.env[PHONE_COUNTRIES_ENV]);
  const referralsFile = opts.referrals ?? ctx.env[REFERRALS_ENV];
  const referrals =
    referralsFile !== undefined && referralsFile !== ''
      ? (await import('../referrals/load.js')).requireReferrals(referralsFile)
      : undefined;
  return { referrals, phoneCountries };
}

export function parseCountries(value: string | undefined): string[] | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const codes = value
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((c) => c.toUpperCase());
  const bad = codes.filter((c) => !/^[A-Z]{2}$/.test(c));
  if (bad.length > 0)
    throw usageError(
      'E_BAD_COUNTRY',
      `Phone countries are ISO 3166 two-letter codes such as GB,FR,NG (got ${bad.join(', ')}).`,
    );
  return codes;
}

/** Owner-only (a report still describes a person), and whole or not at all (write-whole-file.ts). */
export async function writeReportFile(
  ctx: CliContext,
  file: string,
  output: string,
): Promise<void> {
  await checkReportTarget(file);
  try {
    writeWholeFileSync(file, output, 0o600);
  } catch (error) {
    throw wholeFileError(error, 'E_REPORT_NOT_WRITTEN', file, 'the report', '--out');
  }
  writeLine(ctx.stderr, `Report written to ${file}.`);
}

/**
 * A report is never written over one of the store's own files (a record, keys, an
 * organisation key…): the report could be made again, the file could not. The check
 * (and the store code it reads formats from) loads only when the file exists.
 */
export async function checkReportTarget(file: string, what = 'report'): Promise<void> {
  if (!existsSync(file)) return;
  const { ownFileKind } = await import('../store/own-files.js');
  const kind = ownFileKind(file);
  if (kind)
    throw usageError(
      'E_REPORT_OUT_PROTECTED',
      `${file} is ${kind}; a ${what} is never written over it. The ${what} was not written.`,
      ['Give another file name.'],
    );
}

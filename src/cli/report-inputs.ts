/**
 * What every command that writes a report needs besides the record: the referral
 * directory and the phone countries for redaction (flags or environment), and a
 * safe way to write the file. Shared by `report`, `run` and `interview`.
 */
import type { CliContext } from './context.js';
import { writeLine } from './context.js';
import { usageError } from '../errors.js';
import type { ReferralDirectory } from '../referrals/types.js';
import { outputTarget, outputTargetRefusal } from './output-target.js';
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
  option: ReportOption = '--out',
): Promise<void> {
  await checkReportTarget(file, 'report', option);
  try {
    writeWholeFileSync(file, output, 0o600);
  } catch (error) {
    throw wholeFileError(error, 'E_REPORT_NOT_WRITTEN', file, 'the report', option);
  }
  writeLine(ctx.stderr, `Report written to ${file}.`);
}

export type ReportOption = '--out' | '--report' | '--debrief';

/** What to do instead, by the option: only `report` prints the report when not asked for a file. */
const INSTEAD: Record<ReportOption, string> = {
  '--out': 'Leave out --out to print the report on standard output, or give a file name.',
  '--report': 'Give a file name of its own, for example --report report.md.',
  '--debrief':
    'The debrief is printed on standard output as well: leave out --debrief, or give a file name.',
};

/**
 * A report is never written over one of the store's own files (a record, keys, an
 * organisation key…): the report could be made again, the file could not. Nor at a
 * name that is a link or a device (output-target.ts). The check (and the store code
 * it reads formats from) loads only when the file exists.
 */
export async function checkReportTarget(
  file: string,
  what = 'report',
  option: ReportOption = what === 'debrief' ? '--debrief' : '--out',
): Promise<void> {
  const target = outputTarget(file);
  const refusal = outputTargetRefusal(target, file, `the ${what}`, option, INSTEAD[option]);
  if (refusal)
    throw usageError(
      'E_REPORT_OUT_NOT_FILE',
      `${refusal.message} The ${what} was not written.`,
      refusal.details,
    );
  if (target.kind !== 'file') return;
  const { ownFileKind } = await import('../store/own-files.js');
  const kind = ownFileKind(file);
  if (kind)
    throw usageError(
      'E_REPORT_OUT_PROTECTED',
      `${file} is ${kind}; a ${what} is never written over it. The ${what} was not written.`,
      ['Give another file name.'],
    );
}

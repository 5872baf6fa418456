/**
 * libphonenumber-js, a quarter of the report's code, loaded when a record has
 * something it could match: the commands that write a report provide the bundled copy
 * first (../prepare.ts). Not provided (the tests, or a text prepare did not foresee),
 * it is loaded from the package at once, so redaction never goes without it.
 */
import type { findPhoneNumbersInText, parsePhoneNumberFromString } from 'libphonenumber-js';
import { createRequire } from 'node:module';

export interface PhoneLibrary {
  readonly findPhoneNumbersInText: typeof findPhoneNumbersInText;
  readonly parsePhoneNumberFromString: typeof parsePhoneNumberFromString;
}

let library: PhoneLibrary | undefined;

/** The library as a module that imported it has it (the bundled copy). */
export function providePhoneLibrary(l: PhoneLibrary): void {
  library ??= l;
}

export function phoneLibrary(): PhoneLibrary {
  library ??= createRequire(import.meta.filename)('libphonenumber-js') as PhoneLibrary;
  return library;
}

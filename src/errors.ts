/**
 * Typed errors with stable codes. Codes are API (scripts and docs rely on them);
 * messages are prose and may change. Every error a user can cause is a
 * ScreenerError, so the CLI can print it without a stack trace and map its kind
 * to an exit code in one place (src/cli/exit-codes.ts).
 */
export type ErrorKind =
  /** Bad flag, missing argument, no terminal where one is needed. Exit 2. */
  | 'usage'
  /** Questionnaire, scenario or answers file is invalid. Exit 3. */
  | 'invalid_input'
  /** Wrong passphrase, missing key, tampered or corrupt record. Exit 4. */
  | 'data'
  /** The environment failed us (disk full, permission denied). Exit 1. */
  | 'environment'
  /** The user asked to stop (Ctrl-C, quick exit). Exit 130. */
  | 'interrupted';

export class ScreenerError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  /** Extra lines printed after the message (diagnostics, hints). */
  readonly details: readonly string[];
  /**
   * The system's own code behind an environment error (ENOSPC, EROFS, …), when there
   * is one: lets a screen say what happened in the interview's language.
   */
  readonly systemCode: string | undefined;

  constructor(
    kind: ErrorKind,
    code: string,
    message: string,
    details: readonly string[] = [],
    systemCode?: string,
  ) {
    super(message);
    this.name = 'ScreenerError';
    this.kind = kind;
    this.code = code;
    this.details = details;
    this.systemCode = systemCode;
  }
}

export function usageError(code: string, message: string, details: readonly string[] = []) {
  return new ScreenerError('usage', code, message, details);
}

export function inputError(code: string, message: string, details: readonly string[] = []) {
  return new ScreenerError('invalid_input', code, message, details);
}

export function dataError(code: string, message: string, details: readonly string[] = []) {
  return new ScreenerError('data', code, message, details);
}

export function environmentError(
  code: string,
  message: string,
  details: readonly string[] = [],
  systemCode?: string,
) {
  return new ScreenerError('environment', code, message, details, systemCode);
}

export function isScreenerError(e: unknown): e is ScreenerError {
  return e instanceof ScreenerError;
}

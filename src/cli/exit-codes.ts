import type { ErrorKind } from '../errors.js';

/** The exit-code table of the product (contract). The only place it is written down in code. */
export const EXIT = {
  ok: 0,
  unexpected: 1,
  usage: 2,
  invalidInput: 3,
  data: 4,
  partial: 5,
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export function exitCodeFor(kind: ErrorKind): ExitCode {
  switch (kind) {
    case 'usage':
      return EXIT.usage;
    case 'invalid_input':
      return EXIT.invalidInput;
    case 'data':
      return EXIT.data;
    case 'environment':
      return EXIT.unexpected;
    case 'interrupted':
      return EXIT.interrupted;
  }
}

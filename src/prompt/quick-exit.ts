/** Thrown out of a prompt when the screener asks for a quick exit; the CLI saves and exits 130. */
export class QuickExit extends Error {
  constructor() {
    super('quick exit');
    this.name = 'QuickExit';
  }
}

export function isQuickExit(e: unknown): e is QuickExit {
  return e instanceof QuickExit;
}

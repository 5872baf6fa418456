/**
 * The screener's keys at any question. Control keys, so they never collide with
 * typing an answer, and chosen among those the line editor leaves harmless.
 */
export type KeyAction = 'help' | 'note' | 'back' | 'dont_know' | 'declined' | 'quick_exit';

export interface KeyPress {
  readonly name?: string | undefined;
  readonly ctrl?: boolean | undefined;
  readonly meta?: boolean | undefined;
  readonly sequence?: string | undefined;
}

const CTRL: Readonly<Record<string, KeyAction>> = {
  g: 'help',
  n: 'note',
  b: 'back',
  k: 'dont_know',
  x: 'declined',
  c: 'quick_exit',
  q: 'quick_exit',
};

export function keyAction(key: KeyPress | undefined): KeyAction | undefined {
  if (!key) return undefined;
  if (key.name === 'f12') return 'quick_exit';
  if (key.ctrl && !key.meta && key.name && Object.hasOwn(CTRL, key.name)) return CTRL[key.name];
  return undefined;
}

/** Labels for the key line, in the order shown (^G is Ctrl-G, as terminals write it). */
export const KEY_LABELS: readonly (readonly [string, KeyAction])[] = [
  ['^G', 'help'],
  ['^N', 'note'],
  ['^B', 'back'],
  ['^K', 'dont_know'],
  ['^X', 'declined'],
  ['^Q', 'quick_exit'],
];

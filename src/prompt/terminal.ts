/** Terminal control sequences the interview uses. Kept here so tests can look for them. */

/** Erase the scrollback, then the screen, then home the cursor: nothing left to scroll back to. */
export const CLEAR_ALL = '\x1b[3J\x1b[2J\x1b[H';
/** Erase the screen and home the cursor (between steps; scrollback stays erased). */
export const CLEAR_SCREEN = '\x1b[2J\x1b[H';
/** The title the window shows during a session: nothing about what the interview is. */
export const NEUTRAL_TITLE = 'Session';

const OSC = '\x1b]';
const BEL = '\x07';

export function setTitle(title: string): string {
  // Control characters in a title could end the sequence early.
  const safe = [...title].filter((c) => c >= ' ' && c !== '\x7f').join('');
  return `${OSC}0;${safe}${BEL}`;
}

/** xterm's title stack: save the user's title, restore it at the end (ignored where unsupported). */
export const PUSH_TITLE = '\x1b[22;0t';
export const POP_TITLE = '\x1b[23;0t';

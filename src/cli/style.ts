/** Terminal styling for messages; plain when colour is off. chalk is small, but only commands that print styled text import it. */
import { Chalk, type ChalkInstance } from 'chalk';

export function styler(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}

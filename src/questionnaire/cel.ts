/**
 * The CEL library, loaded when something needs it. Checking a questionnaire (load.ts)
 * always does, and provides the bundled copy at once. A shipped questionnaire compiled
 * from the build's syntax trees (trusted.ts) has every condition decided directly
 * (direct-eval.ts), so an interview started with one never needs it: the library was
 * a sixth of the code such a command loaded, and importing it builds all its function
 * tables.
 */
import type * as Cel from '@marcbachmann/cel-js';
import { createRequire } from 'node:module';

let loaded: typeof Cel | undefined;

/** The library as a module that imports it has it (the bundled copy). */
export function provideCel(library: typeof Cel): void {
  loaded ??= library;
}

/**
 * The library. Not provided yet (an answer of another type than its question's, which
 * the engine never records, or the tests), it is loaded at once: require() of an ES
 * module, which Node.js does synchronously from 20.19.
 */
export function cel(): typeof Cel {
  loaded ??= createRequire(import.meta.filename)('@marcbachmann/cel-js') as typeof Cel;
  return loaded;
}

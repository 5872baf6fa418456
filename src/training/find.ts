/** `rehearse SCENARIO`: SCENARIO is a file, or the name of a shipped scenario. */
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { didYouMean } from '../questionnaire/suggest.js';
import { shippedScenarios } from '../shipped.js';
import { usageError } from '../errors.js';

/** Shipped scenario name (file name without `.yaml`) → file; the scenario id works too. */
export function shippedScenarioNames(): Map<string, string> {
  const names = new Map<string, string>();
  for (const file of shippedScenarios()) {
    names.set(basename(file, extname(file)), file);
    const id = /^scenario:\s*['"]?([a-z][a-z0-9_]*)/m.exec(readFileSync(file, 'utf8'))?.[1];
    if (id && !names.has(id)) names.set(id, file);
  }
  return names;
}

export function findScenario(arg: string): string {
  if (existsSync(arg)) return arg;
  const shipped = shippedScenarioNames();
  const byName = shipped.get(arg) ?? shipped.get(arg.replace(/_/g, '-'));
  if (byName) return byName;
  const names = shippedScenarios().map((f) => basename(f, extname(f)));
  throw usageError(
    'E_SCENARIO_NOT_FOUND',
    `no scenario file or shipped scenario named \`${arg}\``,
    [didYouMean(arg, shipped.keys()) ?? `Shipped scenarios: ${names.join(', ')}`],
  );
}

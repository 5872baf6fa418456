/** Where the files shipped with the tool live (questionnaires, scenarios, templates). */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cached: string | undefined;

/** The package's questionnaires/ folder, found from this module's location (works from src/ and dist/). */
export function shippedDir(): string {
  if (cached) return cached;
  let dir = import.meta.dirname;
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'questionnaires');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return (cached = candidate);
    dir = dirname(dir);
  }
  throw new Error('the shipped questionnaires folder is missing from this installation');
}

/** The questionnaire `interview`, `run` and `show` use when no file is given. */
export const DEFAULT_QUESTIONNAIRE = 'iom-screening.yaml';

export function defaultQuestionnairePath(): string {
  return join(shippedDir(), DEFAULT_QUESTIONNAIRE);
}

/** Every shipped questionnaire file (not templates such as referrals.example.yaml). */
export function shippedQuestionnaires(): string[] {
  const dir = shippedDir();
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f) && !f.startsWith('referrals'))
    .sort()
    .map((f) => join(dir, f));
}

/** Every shipped scenario file. */
export function shippedScenarios(): string[] {
  const dir = join(shippedDir(), 'scenarios');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

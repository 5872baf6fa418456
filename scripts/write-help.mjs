// Run after every build: writes the CLI's top-level help to dist/help.txt, so that
// bin/screener.js can answer `--help` without loading the bundle. It is exactly what
// commander prints (tests/cli/cli.test.ts compares them).
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const { helpText } = await import(join(dist, 'cli.js'));
writeFileSync(join(dist, 'help.txt'), helpText());

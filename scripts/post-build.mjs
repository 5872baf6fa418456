// Run after every build (tsup onSuccess). Writes what start-up should not compute:
// - dist/help.txt: the top-level help, so bin/screener.js answers `--help` without
//   loading the bundle (exactly what commander prints; tests/cli/cli.test.ts compares);
// - dist/precompiled/: the checked JSON of each valid shipped questionnaire, so an
//   interview starts without parsing and checking its YAML (src/questionnaire/precompiled.ts);
// - dist/precompiled/allow-list-*.json and month-year-*.json: what reports take from
//   ICU (the redaction allow-list, how months are written with a year), for this ICU
//   and CLDR version (src/report/icu-precomputed.ts).
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const cli = await import(pathToFileURL(join(dist, 'cli.js')).href);
writeFileSync(join(dist, 'help.txt'), cli.helpText());
await cli.precompileShipped(join(dist, 'precompiled'));
await cli.precompileReportData(join(dist, 'precompiled'));

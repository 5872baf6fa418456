// Run after every build (tsup onSuccess). Writes what start-up should not compute:
// - dist/help.txt: the top-level help, so bin/screener.js answers `--help` without
//   loading the bundle (exactly what commander prints; tests/cli/cli.test.ts compares);
// - dist/precompiled/: the checked JSON of each valid shipped questionnaire, so an
//   interview starts without parsing and checking its YAML (src/questionnaire/precompiled.ts);
// - dist/precompiled/allow-list-*.json and month-year-*.json: what reports take from
//   ICU (the redaction allow-list, how months are written with a year), for this ICU
//   and CLDR version (src/report/icu-precomputed.ts);
// - dist/cli.cjs itself: characters outside ASCII escaped (scripts/ascii-bundle.mjs) and
//   a stamp appended;
// - dist/cli.cjs.<kind>.cache: V8's compiled code for the commands a screener starts
//   most (bin/load-bundle.js, scripts/train-code-cache.cjs). A cache's stamp must match
//   the bundle's, so one left from an earlier build is never used.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toAscii } from './ascii-bundle.mjs';
import { trainCodeCache } from './train-code-cache-driver.mjs';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const bundle = join(dist, 'cli.cjs');

// The stamp bin/load-bundle.js matches a code cache against: a hash of the bundle's text.
const STAMP = /\n\/\/# screener-build=[0-9a-f]{64}\s*$/;
const original = readFileSync(bundle, 'utf8').replace(STAMP, '');
const ascii = await toAscii(original);
if (ascii.reason) process.stderr.write(`post-build: the bundle stays UTF-8: ${ascii.reason}\n`);
const text = ascii.text ?? original;
const stamp = createHash('sha256').update(text).digest('hex');
writeFileSync(bundle, `${text}\n//# screener-build=${stamp}\n`);

const require = createRequire(import.meta.url);
const cli = require('../bin/load-bundle.js').loadBundle({ useCache: false }).exports;
writeFileSync(join(dist, 'help.txt'), cli.helpText());
await cli.precompileShipped(join(dist, 'precompiled'));
await cli.precompileReportData(join(dist, 'precompiled'));
// Last, once everything the commands read at start-up is in place.
await trainCodeCache();

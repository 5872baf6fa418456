// Runs the test suite (the same `npm test` the README gives) with vitest's JSON
// reporter as well, and prints the one closing line CI reads: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const out = '.vitest-results.json';
rmSync(out, { force: true });
const r = spawnSync(
  'npm',
  ['test', '--', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
  {
    stdio: 'inherit',
  },
);
let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const res = JSON.parse(readFileSync(out, 'utf8'));
  passed = res.numPassedTests;
  failed = res.numFailedTests;
  skipped = res.numPendingTests + (res.numTodoTests ?? 0);
  // A suite that fails to load has no failed test but is a failure all the same.
  failed += res.testResults.filter(
    (t) => t.status === 'failed' && t.assertionResults.length === 0,
  ).length;
} catch {
  failed = Math.max(failed, 1);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = r.status === 0 && failed === 0 && passed > 0 ? 0 : 1;

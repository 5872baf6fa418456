'use strict';
// Build step (scripts/post-build.mjs): runs one kind of command once and saves what V8
// compiled for it as dist/cli.cjs.<kind>.cache (bin/load-bundle.js).
//
//   node scripts/train-code-cache.cjs run|validate|interview
//
// run: a practice `run --answers` with a report; validate: the shipped questionnaire;
// interview: a practice interview (started in a pseudo-terminal by
// train-code-cache-driver.mjs, which quick-exits at the first question). Every input is
// a shipped or fictional test file, every run is a practice run, and the data folder is
// a temporary one removed at the end: nothing about anyone is compiled in.
const { mkdtempSync, renameSync, rmSync, writeFileSync, existsSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { loadBundle, cacheFile, cacheFileContent } = require('../bin/load-bundle.js');

const root = join(__dirname, '..');
const kind = process.argv[2];
const loaded = loadBundle({ useCache: false });
const work = mkdtempSync(join(tmpdir(), 'screener-train-'));
process.env.SCREENER_HOME = join(work, 'data');

function steps() {
  const answers = join(root, 'tests', 'fixtures', 'answers', 'bench-full-interview.yaml');
  switch (kind) {
    case 'run':
      // Outside a development checkout there is no fixture: options and help only.
      return existsSync(answers)
        ? [['run', '--answers', answers, '--practice', '--report', join(work, 'report.md')]]
        : [['run', '--help']];
    case 'validate':
      return [['validate', join(root, 'questionnaires', 'iom-screening.yaml')]];
    case 'interview':
      return [['interview', '--practice']];
    default:
      throw new Error(`unknown kind ${kind} (run, validate or interview)`);
  }
}

function save() {
  if (!loaded.stamp) throw new Error('dist/cli.cjs has no build stamp (run the build)');
  const data = cacheFileContent(loaded.stamp, loaded.script.createCachedData());
  const file = cacheFile(kind);
  writeFileSync(`${file}.tmp`, data);
  renameSync(`${file}.tmp`, file);
}

async function train() {
  const failed = [];
  for (const args of steps()) {
    process.exitCode = undefined;
    await loaded.exports.main(['node', 'screener', ...args]);
    // 130 is the quick exit train-code-cache-driver.mjs uses to leave the interview.
    if (process.exitCode !== undefined && process.exitCode !== 0 && process.exitCode !== 130) {
      failed.push(`${args[0]} exited ${process.exitCode}`);
    }
  }
  save();
  process.exitCode = failed.length > 0 ? 1 : 0;
  if (failed.length > 0) process.stderr.write(`train-code-cache: ${failed.join('; ')}\n`);
}

train()
  .catch((error) => {
    process.stderr.write(`train-code-cache: ${error && error.stack}\n`);
    process.exitCode = 1;
  })
  .finally(() => rmSync(work, { recursive: true, force: true }));

#!/usr/bin/env node
'use strict';
// The tiny shim users run. Start-up is the first thing a screener feels, so `--version`
// and `--help` are answered here, from package.json and from the help text written at
// build time (scripts/post-build.mjs), without loading the CLI bundle. Everything else
// loads the bundle (bin/load-bundle.js), which sets the exit code. CommonJS
// (bin/package.json) because a CommonJS entry starts faster than an ES module one.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const args = process.argv.slice(2);
const only = args.length === 1 ? args[0] : undefined;

function runBundle() {
  let cli;
  try {
    cli = require('./load-bundle.js').loadBundle().exports;
  } catch (error) {
    cannotStart(error);
    return;
  }
  cli.main(process.argv).catch(cannotStart);
}

function cannotStart(error) {
  process.stderr.write(`screener: cannot start: ${error && error.message} [E_UNEXPECTED]\n`);
  process.stderr.write('Run `npm install` (it builds dist/) and try again.\n');
  process.exitCode = 1;
}

if (only === '--version' || only === '-V') {
  process.stdout.write(`${require('../package.json').version}\n`);
} else if (only === '--help' || only === '-h') {
  let help;
  try {
    help = readFileSync(join(__dirname, '..', 'dist', 'help.txt'), 'utf8');
  } catch {
    help = undefined;
  }
  if (help) process.stdout.write(help);
  else runBundle();
} else {
  runBundle();
}

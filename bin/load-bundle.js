'use strict';
// Loads dist/cli.cjs, the whole CLI as one CommonJS bundle, with V8's code cache.
//
// Most of a command's start-up was V8 parsing and compiling the bundle's JavaScript, not
// running it. The build (scripts/train-code-cache.cjs) runs representative commands once
// and saves what V8 compiled for them in dist/cli.cjs.<kind>.cache, one per kind of
// command (a cache is read whole, so a smaller one for each kind starts faster than one
// for all); here V8 takes that instead of compiling again (`vm.Script` with `cachedData`, the mechanism Node 22's
// module.enableCompileCache uses; Node 20 has no built-in one).
//
// The cache is only a speed-up. V8 rejects one made by another Node or V8 version or
// with other flags, and compiles as usual. V8 itself checks only the source's length, so
// the cache's first bytes hold the stamp the build appended to the bundle (a SHA-256 of
// its content): a cache is used only with the very bundle it was made from.
// Nothing here writes a file.
const { isAscii } = require('node:buffer');
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

const BUNDLE = join(__dirname, '..', 'dist', 'cli.cjs');
// Which trained cache serves which command; the others take `run`'s, which holds the
// parts every command shares (options, the store, the questionnaire).
const CACHE_KINDS = {
  interview: 'interview',
  resume: 'interview',
  validate: 'validate',
  show: 'validate',
};
const DEFAULT_KIND = 'run';

/** The cache file for a kind of command (see CACHE_KINDS). */
function cacheFile(kind) {
  return `${BUNDLE}.${kind}.cache`;
}

/** The kind of the command in argv: its first word that is not an option. */
function kindOf(argv) {
  const command = argv.slice(2).find((a) => !a.startsWith('-'));
  return (
    (command !== undefined && Object.hasOwn(CACHE_KINDS, command) && CACHE_KINDS[command]) ||
    DEFAULT_KIND
  );
}
const STAMP = /\/\/# screener-build=([0-9a-f]{64})\s*$/;
const STAMP_BYTES = 64;

/** The stamp at the end of a bundle's source, if the build wrote one. */
function stampOf(source) {
  const m = STAMP.exec(source.slice(-100));
  return m ? m[1] : undefined;
}

/** The cached code of this kind for this exact bundle, or undefined. */
function cacheFor(source, kind) {
  const stamp = stampOf(source);
  if (!stamp) return undefined;
  let data;
  try {
    data = readFileSync(cacheFile(kind));
  } catch {
    return undefined;
  }
  if (data.length <= STAMP_BYTES || data.toString('latin1', 0, STAMP_BYTES) !== stamp) {
    return undefined;
  }
  return data.subarray(STAMP_BYTES);
}

/**
 * Compiles and runs the bundle as a CommonJS module; returns its exports and the
 * compiled script (the build asks it for the code cache after training runs).
 */
function loadBundle({ useCache = true, argv = process.argv } = {}) {
  const bytes = readFileSync(BUNDLE);
  // The build writes the bundle in ASCII (scripts/ascii-bundle.mjs): then it is read as
  // one-byte text, several times quicker than decoding UTF-8.
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const cachedData = useCache ? cacheFor(source, kindOf(argv)) : undefined;
  const script = new vm.Script(Module.wrap(source), { filename: BUNDLE, cachedData });
  const module = { exports: {}, filename: BUNDLE, id: BUNDLE, loaded: false };
  const wrapper = script.runInThisContext();
  wrapper.call(
    module.exports,
    module.exports,
    Module.createRequire(BUNDLE),
    module,
    BUNDLE,
    dirname(BUNDLE),
  );
  module.loaded = true;
  return {
    exports: module.exports,
    script,
    stamp: stampOf(source),
    cacheUsed: cachedData !== undefined && script.cachedDataRejected === false,
  };
}

module.exports = { loadBundle, cacheFile, BUNDLE };

'use strict';
// Loads dist/cli.cjs, the whole CLI as one CommonJS bundle, with V8's code cache.
//
// Most of a command's start-up was V8 parsing and compiling the bundle's JavaScript, not
// running it. The build (scripts/train-code-cache.cjs) runs representative commands once
// and saves what V8 compiled for them in dist/cli.cjs.<kind>.cache, one per kind of
// command (a cache is read whole, so a smaller one for each kind starts faster than one
// for all); here V8 takes that instead of compiling again: `vm.Script` with
// `cachedData`, the mechanism of Node 22's module.enableCompileCache, which Node 20
// does not have.
//
// The cache is only a speed-up. V8 rejects one made by another Node or V8 version or
// with other flags, and compiles as usual. But V8 checks only the source's length, and
// does not checksum the compiled code: a cache of another build, or one damaged on disk,
// would run wrong code or crash the process. So a cache file starts with the stamp the
// build appended to the bundle (the SHA-256 of its text, in hex) and a 64-bit checksum
// of the cached code (see checksum() below). A cache is used only with the very bundle
// it was made from, and only whole. (The stamp is not recomputed here, which would cost
// milliseconds: an edit made by hand to dist/cli.cjs would run beside the old cached
// code. Change src/ and build; the build renews the stamp and every cache.)
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

/**
 * The kind of the command in argv: its first word that is neither an option nor the
 * value of --data-dir, the one option before the command that takes a separate value.
 */
function kindOf(argv) {
  const args = argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--data-dir') i++;
    else if (!a.startsWith('-'))
      return Object.hasOwn(CACHE_KINDS, a) ? CACHE_KINDS[a] : DEFAULT_KIND;
  }
  return DEFAULT_KIND;
}

const STAMP = /\/\/# screener-build=([0-9a-f]{64})\s*$/;
// A cache file: the bundle's stamp (64 hex digits), then the checksum of the cached code
// (16 hex digits), then the code. 80 bytes keep the code 16-byte aligned.
const STAMP_BYTES = 64;
const HEADER_BYTES = STAMP_BYTES + 16;

/** The stamp at the end of a bundle's source, if the build wrote one. */
function stampOf(source) {
  const m = STAMP.exec(source.slice(-100));
  return m ? m[1] : undefined;
}

/** The cached code of this kind for the bundle with this stamp, or undefined. */
function cacheFor(stamp, kind) {
  if (!stamp) return undefined;
  let data;
  try {
    data = readFileSync(cacheFile(kind));
  } catch {
    return undefined;
  }
  if (data.length <= HEADER_BYTES || data.toString('latin1', 0, STAMP_BYTES) !== stamp) {
    return undefined;
  }
  const code = data.subarray(HEADER_BYTES);
  let sum;
  try {
    sum = checksum(code);
  } catch {
    // No WebAssembly (node --jitless): start without the cache.
    return undefined;
  }
  return data.toString('latin1', STAMP_BYTES, HEADER_BYTES) === sum ? code : undefined;
}

/*
 * FNV-1a over 64-bit little-endian words, seeded with the length, as 16 hex digits.
 * It guards against damage, not against an attacker (who could as well change the
 * bundle): any one changed word always changes the sum (each step is a bijection of
 * the running value), and more changes go unseen once in 2^64. It runs as a
 * WebAssembly function of 112 bytes: about a millisecond for the 0.9 MB cache, where
 * Node's crypto module took five to load and one more to hash; a JavaScript loop took
 * five. tests/cli/code-cache.test.ts checks it against a BigInt version. The module:
 *   (memory (export "m") 1)
 *   (func (export "h") (param $n i32) (result i64) (local $i i32) (local $h i64)
 *     h = (0xcbf29ce484222325 ^ u64(n)) * 0x100000001b3
 *     while (i < n) { h = (h ^ i64.load(i)) * 0x100000001b3; i += 8 }
 *     return h)
 */
const CHECKSUM_WASM =
  'AGFzbQEAAAABBgFgAX8BfgMCAQAFAwEAAQcJAgFtAgABaAAACkoBSAIBfwF+QqXGiKHInKf5SyAArYVCs4OAgIAgfiECAkADQCABIABPDQEgAiABKQMAhUKzg4CAgCB+IQIgAUEIaiEBDAALCyACCw==';
const PAGE = 65536;

function checksum(bytes) {
  const wasm = new WebAssembly.Instance(
    new WebAssembly.Module(Buffer.from(CHECKSUM_WASM, 'base64')),
  ).exports;
  // Room for the bytes and the zeros that pad the last word (fresh memory is zeros).
  const pages = Math.ceil((bytes.length + 8) / PAGE);
  if (pages > 1) wasm.m.grow(pages - 1);
  new Uint8Array(wasm.m.buffer).set(bytes);
  return BigInt.asUintN(64, wasm.h(bytes.length)).toString(16).padStart(16, '0');
}

/** A cache file's content: the header bin/load-bundle.js checks, then V8's data. */
function cacheFileContent(stamp, code) {
  return Buffer.concat([Buffer.from(stamp + checksum(code), 'latin1'), code]);
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
  const stamp = stampOf(source);
  const cachedData = useCache ? cacheFor(stamp, kindOf(argv)) : undefined;
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
    stamp,
    cacheUsed: cachedData !== undefined && script.cachedDataRejected === false,
  };
}

module.exports = { loadBundle, cacheFile, cacheFileContent, checksum, kindOf, BUNDLE };

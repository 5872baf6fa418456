import { defineConfig, type Options } from 'tsup';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * commander requires child_process at load time, for subcommands that are separate
 * programs, which screener has none of; loading it (with net, dgram and streams) cost
 * every command several milliseconds. commander gets a stand-in that loads the real
 * module on first use.
 */
const lazyChildProcessForCommander: Plugin = {
  name: 'lazy-child-process-for-commander',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer)
        ? { path: 'child_process', namespace: 'screener-lazy' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'screener-lazy' }, () => ({
      contents:
        "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};

const common: Options = {
  target: 'node20',
  platform: 'node',
  outDir: 'dist',
  // Not cleaned: several test runs may use dist/ at once.
  clean: false,
  sourcemap: false,
  minify: false,
  noExternal: [/.*/],
};

export default defineConfig([
  {
    // The CLI is one CommonJS file, dist/cli.cjs, so bin/load-bundle.js can compile it with
    // V8's code cache (Node 20 has no code cache for ES modules). Commands are still
    // loaded on demand: each `import()` of a command becomes a module initialised on
    // first use, so `list` never runs inquirer's or the report's module code.
    ...common,
    entry: { cli: 'src/cli/main.ts' },
    format: ['cjs'],
    // import.meta.dirname and .filename, for the files the CLI finds next to itself
    // (dist/precompiled/), are the module's __dirname and __filename; import.meta.url is
    // worked out only when asked for (scripts/import-meta-cjs.mjs).
    shims: false,
    esbuildPlugins: [lazyChildProcessForCommander],
    // Keep `node:` in requires, so the plugin above sees commander's.
    removeNodeProtocol: false,
    // esbuild's own tree shaking only: tsup's (rollup) moves every require() of a Node
    // module to the top of the file, so `list` would load readline, worker_threads and
    // child_process before doing anything.
    treeshake: false,
    // Strings in ASCII (other characters as \u escapes); scripts/ascii-bundle.mjs escapes
    // what esbuild leaves (comments, regular expressions, templates), so the loader can
    // read the bundle as one-byte text, quicker than decoding UTF-8 into two-byte text.
    esbuildOptions(options) {
      options.charset = 'ascii';
      // Short local names: every name in the code V8 caches is a string it reads back
      // and interns at start (the run cache 858 -> 761 kB, 3 % fewer instructions for a
      // whole `run`, 5 % to the interview's first question, counted with callgrind).
      // Lines and layout are kept, so a stack trace still points at readable code.
      options.minifyIdentifiers = true;
      options.define = {
        ...options.define,
        'import.meta.dirname': '__dirname',
        'import.meta.filename': '__filename',
        'import.meta.url': 'screenerImportMeta.url',
      };
      options.inject = [...(options.inject ?? []), 'scripts/import-meta-cjs.mjs'];
    },
    onSuccess: 'node scripts/post-build.mjs',
  },
  {
    // The export's worker thread is an entry of its own (dist/export-worker.js).
    ...common,
    entry: { 'export-worker': 'src/export/worker.ts' },
    format: ['esm'],
    treeshake: true,
    banner: {
      // Bundled CommonJS dependencies may call require(); give them one.
      js: "import { createRequire as __screenerCreateRequire } from 'node:module'; const require = __screenerCreateRequire(import.meta.url);",
    },
  },
]);

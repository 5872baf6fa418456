import { defineConfig } from 'tsup';

// One ESM bundle with code splitting: the entry holds only the command table and
// commander, every command's module is a separate chunk loaded on demand, so
// `--help` and `--version` never pay for YAML, ajv, CEL, inquirer or crypto.
export default defineConfig({
  // The export's worker thread is an entry of its own (dist/export-worker.js).
  entry: { cli: 'src/cli/main.ts', 'export-worker': 'src/export/worker.ts' },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  outDir: 'dist',
  splitting: true,
  // Not cleaned: several test runs may use dist/ at once; chunk names are content hashes.
  clean: false,
  sourcemap: false,
  minify: false,
  treeshake: true,
  noExternal: [/.*/],
  onSuccess: 'node scripts/post-build.mjs',
  banner: {
    // Bundled CommonJS dependencies may call require(); give them one.
    js: "import { createRequire as __screenerCreateRequire } from 'node:module'; const require = __screenerCreateRequire(import.meta.url);",
  },
});

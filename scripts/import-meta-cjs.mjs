// Injected into the CommonJS bundle (tsup.config.ts): `import.meta.url` there becomes
// `screenerImportMeta.url`, worked out on first use. tsup's own shim builds the URL
// when the bundle starts, for every command; most never ask for it (they use
// import.meta.dirname and import.meta.filename, which the build turns into __dirname
// and __filename).
export const screenerImportMeta = {
  get url() {
    // Only ever run inside the CommonJS bundle, which has require and __filename.
    // eslint-disable-next-line no-undef, @typescript-eslint/no-require-imports
    return require('node:url').pathToFileURL(__filename).href;
  },
};

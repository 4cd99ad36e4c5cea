// The one substitution the build makes in a library's imports, shared by
// scripts/build.mjs (esbuild) and vitest.config.ts (vite), so that the tests
// run ink with what ships. docs/levers.md says why it stays: ink, widest-line,
// cli-truncate and wrap-ansi measure text with src/tui/ink-string-width.ts
// instead of string-width.
import { fileURLToPath } from 'node:url';

export const INK_STRING_WIDTH = {
  specifier: 'string-width',
  importers: /node_modules\/(ink|widest-line|cli-truncate|wrap-ansi)\//,
  packages: ['ink', 'widest-line', 'cli-truncate', 'wrap-ansi'],
  path: fileURLToPath(new URL('../src/tui/ink-string-width.ts', import.meta.url)),
};

/** Where `specifier`, imported from `importer`, resolves instead; undefined: as it is. */
export function inkSubstitute(specifier, importer) {
  return specifier === INK_STRING_WIDTH.specifier && importer && INK_STRING_WIDTH.importers.test(importer) ? INK_STRING_WIDTH.path : undefined;
}

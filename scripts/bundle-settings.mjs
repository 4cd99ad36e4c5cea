// The esbuild settings of dist/, shared with the benchmark's Ink "hello", so
// that the UI is compared with Ink built exactly the same way.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));

export const bundleSettings = {
  absWorkingDir: root,
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  // Native addons and optional drivers stay in node_modules.
  external: ['better-sqlite3', 'pg', 'pg-native', 'node-pty'],
  // ink imports react-devtools-core only when DEV is set; never ship it.
  alias: { 'react-devtools-core': './scripts/empty-module.mjs' },
  define: {
    'process.env.NODE_ENV': '"production"',
    __APPCLACKS_VERSION__: JSON.stringify(pkg.version),
  },
  // Bundled CommonJS dependencies call require(); give ESM output one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
};

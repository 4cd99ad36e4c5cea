// Bundles the program into single-file ESM entries under dist/.
// Why a bundle: ink + react loaded from node_modules cost ~0.8 s to start on a
// 2-core machine, bundled ~0.38 s (docs/terminal.md §16). The CLI entry must
// never pull in ink/react, so the UI and the server are reached only through
// dynamic import() and land in chunks of their own (esbuild splitting).
import { build } from 'esbuild';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));

// Build beside dist/ and swap it in, so a program or test that is running
// from dist/ while someone rebuilds never finds it empty.
const staging = `${root}/.dist-build-${process.pid}`;
rmSync(staging, { recursive: true, force: true });

const result = await build({
  absWorkingDir: root,
  entryPoints: { appclacks: 'src/cli/main.ts' },
  outdir: staging,
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
});

// Kept for test/build: it proves the CLI entry never statically reaches ink.
// Output paths in the metafile are relative to the project: name them as dist/.
const meta = JSON.stringify(result.metafile).replaceAll(`.dist-build-${process.pid}/`, 'dist/');
writeFileSync(`${staging}/meta.json`, meta);
const previous = `${root}/.dist-old-${process.pid}`;
try {
  renameSync(`${root}/dist`, previous);
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
}
renameSync(staging, `${root}/dist`);
rmSync(previous, { recursive: true, force: true });

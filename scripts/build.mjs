// Bundles the program into single-file ESM entries under dist/.
// Why a bundle: ink + react loaded from node_modules cost ~0.8 s to start on a
// 2-core machine, bundled ~0.38 s (docs/terminal.md §16). The CLI entry must
// never pull in ink/react, so the UI and the server are reached only through
// dynamic import() and land in chunks of their own (esbuild splitting).
import { build } from 'esbuild';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { bundleSettings, root } from './bundle-settings.mjs';
import { INK_STRING_WIDTH, inkSubstitute } from './ink-substitutes.mjs';

// Build beside dist/ and swap it in, so a program or test that is running
// from dist/ while someone rebuilds never finds it empty.
const staging = `${root}/.dist-build-${process.pid}`;
rmSync(staging, { recursive: true, force: true });

// ink measures every text node with string-width, whose grapheme segmenter
// and Unicode-property regexes ran over every row of the token list: the UI
// gives it its own measure, string-width's cell for cell (docs/levers.md has
// the figures, and why nothing public gets the same).
const inkMeasuresWithOurWidth = {
  name: 'ink-measures-with-our-width',
  setup(build) {
    build.onResolve({ filter: new RegExp(`^${INK_STRING_WIDTH.specifier}$`) }, (args) => {
      const path = inkSubstitute(args.path, args.importer);
      return path ? { path } : undefined;
    });
  },
};

const result = await build({
  ...bundleSettings,
  entryPoints: { appclacks: 'src/cli/main.ts' },
  outdir: staging,
  plugins: [inkMeasuresWithOurWidth],
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

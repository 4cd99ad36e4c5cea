// Bundles the program into single-file ESM entries under dist/.
// Why a bundle: ink + react loaded from node_modules cost ~0.8 s to start on a
// 2-core machine, bundled ~0.38 s (docs/terminal.md §16). The CLI entry must
// never pull in ink/react, so the UI and the server are reached only through
// dynamic import() and land in chunks of their own (esbuild splitting).
import { build } from 'esbuild';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { bundleSettings, root } from './bundle-settings.mjs';

// Build beside dist/ and swap it in, so a program or test that is running
// from dist/ while someone rebuilds never finds it empty.
const staging = `${root}/.dist-build-${process.pid}`;
rmSync(staging, { recursive: true, force: true });

// The server validates with zod's full API, the client and the config file
// with `zod/mini`. Both reach zod's core, and esbuild splits by file, not by
// function: in one build, the chunk of zod's core the CLI loads would hold
// everything the server's full zod uses (450 KB, every locale), so every
// `appclacks token list` would compile it. Full zod is therefore bundled on
// its own, beside the chunks, and the server's chunks import that file; the
// CLI keeps only what `zod/mini` needs (a few KB). The server's schemas and
// the client's never meet, so two copies of zod's core do no harm.
const FULL_ZOD = 'zod-full.js';
await build({
  ...bundleSettings,
  entryPoints: { [FULL_ZOD.replace(/\.js$/, '')]: 'node_modules/zod/index.js' },
  outdir: `${staging}/chunks`,
  splitting: false,
  metafile: false,
});
const fullZodOnItsOwn = {
  name: 'full-zod-on-its-own',
  setup(build) {
    // Only chunks import it (the entry loads no library), and they sit beside it.
    build.onResolve({ filter: /^zod$/ }, () => ({ path: `./${FULL_ZOD}`, external: true }));
  },
};

// yaml, the config file's parser, loads only when there is a file to read
// (src/config/store.ts). In the main build it is a chunk of its own anyway,
// but the plain `token list` file (below) is one file without splitting, and
// V8 parses every byte of a file it loads, run or not: yaml is built on its
// own, beside the chunks, and both builds import that one file.
// yaml is CommonJS: the file gets named ES exports only for names listed here,
// which are the ones src/config/yaml.ts reads.
const YAML = 'yaml.js';
await build({
  ...bundleSettings,
  stdin: { contents: "export { isAlias, isMap, isScalar, isSeq, parseDocument, LineCounter, Scalar, YAMLMap } from 'yaml';", resolveDir: root, sourcefile: 'yaml-exports.js' },
  outfile: `${staging}/chunks/${YAML}`,
  splitting: false,
  metafile: false,
});
/** `from`: where the importing file sits, relative to dist/chunks/. */
const yamlOnItsOwn = (from) => ({
  name: 'yaml-on-its-own',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, (args) => {
      if (!args.importer.endsWith('src/config/yaml.ts')) throw new Error(`${args.importer} imports yaml: only src/config/yaml.ts may (its import is dynamic)`);
      return { path: `${from}${YAML}`, external: true };
    });
  },
});

// undici's HTTP/2 half reads a few constants from `node:http2` when it loads,
// which loads `tls` too, for every plain `http://` request as well:
// that one file gets src/api/undici-http2.ts instead, which loads the real
// module only when an HTTP/2 session opens.
const http2OnlyWhenUsed = {
  name: 'http2-only-when-used',
  setup(build) {
    build.onResolve({ filter: /^node:http2$/ }, (args) =>
      /node_modules\/undici\/lib\/dispatcher\/client-h2\.js$/.test(args.importer)
        ? { path: `${root}/src/api/undici-http2.ts` }
        : undefined,
    );
  },
};

// ink, widest-line and cli-truncate measure text with string-width 8, and
// wrap-ansi (ink's wrapping) with its own string-width 7, which builds an
// Intl.Segmenter as it loads (about 10 ms). The UI gives all of them its own
// measure, string-width 8's cell for cell, faster on the text a token list
// holds and lazy (src/tui/ink-string-width.ts): ink then wraps with the
// measure it lays out with.
const inkMeasuresWithOurWidth = {
  name: 'ink-measures-with-our-width',
  setup(build) {
    build.onResolve({ filter: /^string-width$/ }, (args) =>
      /node_modules\/(ink|widest-line|cli-truncate|wrap-ansi)\//.test(args.importer) ? { path: `${root}/src/tui/ink-string-width.ts` } : undefined,
    );
  },
};

// ink turns each row of a frame back into a string with
// @alcalzone/ansi-tokenize's styledCharsToString; the UI gives it one that
// skips the work between characters of the same style (src/tui/ink-ansi-tokenize.ts).
const inkRowsWithoutNeedlessDiffs = {
  name: 'ink-rows-without-needless-diffs',
  setup(build) {
    build.onResolve({ filter: /^@alcalzone\/ansi-tokenize$/ }, (args) =>
      /node_modules\/ink\//.test(args.importer) ? { path: `${root}/src/tui/ink-ansi-tokenize.ts` } : undefined,
    );
  },
};

// `appclacks token list` in its plain form is built as an entry of its own,
// in one file: splitting cuts the same code, shared with every other
// command, into two dozen small chunks, and each file the ES module loader
// resolves, reads and compiles costs start-up time whatever its size
// (src/cli/plain-token-list.ts). Without splitting, what that path imports
// with import() (the config file's parser and lock, the HTTP client) is in
// the same file but still runs only when imported. The main build leaves the
// entry's import of it to this build; the two share no module state, the
// entry only hands over the parsed argv.
const PLAIN_TOKEN_LIST = './plain/token-list.js';
const plainTokenListOnItsOwn = {
  name: 'plain-token-list-on-its-own',
  setup(build) {
    build.onResolve({ filter: /^\.\/plain-token-list$/ }, (args) =>
      args.importer.endsWith('src/cli/main.ts') ? { path: PLAIN_TOKEN_LIST, external: true } : undefined,
    );
  },
};
const plain = await build({
  ...bundleSettings,
  entryPoints: { 'token-list': 'src/cli/plain-token-list.ts' },
  outdir: `${staging}/plain`,
  splitting: false,
  plugins: [http2OnlyWhenUsed, yamlOnItsOwn('../chunks/')],
});

const result = await build({
  ...bundleSettings,
  entryPoints: { appclacks: 'src/cli/main.ts' },
  outdir: staging,
  plugins: [fullZodOnItsOwn, http2OnlyWhenUsed, plainTokenListOnItsOwn, inkMeasuresWithOurWidth, inkRowsWithoutNeedlessDiffs, yamlOnItsOwn('./')],
});
const mainImportsPlain = result.metafile.outputs[`${relative(root, staging)}/appclacks.js`]?.imports.some(
  (i) => i.path === PLAIN_TOKEN_LIST,
);
if (!mainImportsPlain) throw new Error(`the entry no longer imports ${PLAIN_TOKEN_LIST}: check src/cli/main.ts`);
// One metafile for both builds, for test/build.
result.metafile.inputs = { ...plain.metafile.inputs, ...result.metafile.inputs };
result.metafile.outputs = { ...result.metafile.outputs, ...plain.metafile.outputs };
for (const [file, output] of Object.entries(result.metafile.outputs)) {
  const importsFullZod = output.imports.some((i) => i.path === `./${FULL_ZOD}`);
  if (importsFullZod && !file.includes('/chunks/')) {
    throw new Error(`${file} imports ./${FULL_ZOD} but is not beside it in chunks/`);
  }
}

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

// The CLI must start as fast as Node allows: `appclacks token list` may not
// load ink, react or the server, and `--help`, `--version`, `completion` and
// usage errors need neither the config parser nor the HTTP client. The build splits them into chunks reached
// only by dynamic import(); this walks the static import graph of the entry
// in esbuild's metafile and fails if one of them slipped in.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Metafile {
  inputs: Record<string, { imports: Array<{ path: string; external?: boolean }> }>;
  outputs: Record<string, { imports: Array<{ path: string; kind: string; external?: boolean }>; inputs: Record<string, unknown> }>;
}

function staticClosure(meta: Metafile, entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const imported of meta.outputs[file]?.imports ?? []) {
      if (imported.kind === 'import-statement' && meta.outputs[imported.path]) queue.push(imported.path);
    }
  }
  return seen;
}

describe('the bundled CLI', () => {
  const metaPath = `${root}/dist/meta.json`;

  it('was built (npm test builds before running vitest)', () => {
    expect(existsSync(metaPath)).toBe(true);
  });

  it('loads neither ink, react, the server, yaml, zod nor undici on its static import path', () => {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Metafile;
    const outputs = staticClosure(meta, 'dist/appclacks.js');
    const inputs = [...outputs].flatMap((o) => Object.keys(meta.outputs[o]?.inputs ?? {}));
    expect(inputs.length).toBeGreaterThan(0);
    const heavy = inputs.filter((i) => /node_modules\/(ink|react|react-reconciler|yoga-layout|fastify|yaml|zod|undici)\//.test(i) || i.startsWith('src/server/') || i.startsWith('src/screens/'));
    expect(heavy).toEqual([]);
  });

  it('answers --version from an entry that statically loads no library at all, not even commander', () => {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Metafile;
    const outputs = staticClosure(meta, 'dist/appclacks.js');
    const inputs = [...outputs].flatMap((o) => Object.keys(meta.outputs[o]?.inputs ?? {}));
    expect(inputs).toContain('src/cli/main.ts');
    expect(inputs.filter((i) => i.includes('node_modules/'))).toEqual([]);
  });

  it("talks HTTP through undici's public index, never a path inside it", () => {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Metafile;
    const importsOfUndici = Object.entries(meta.inputs).flatMap(([, input]) => input.imports.map((i) => i.path)).filter((path) => path.includes('undici'));
    expect(Object.keys(meta.inputs)).toContain('node_modules/undici/index.js');
    expect(Object.keys(meta.inputs).filter((input) => input.startsWith('src/') && meta.inputs[input]?.imports.some((i) => /node_modules\/undici\/lib\//.test(i.path)))).toEqual([]);
    expect(importsOfUndici.length).toBeGreaterThan(0);
  });

  it("gives ink and its text helpers the UI's own width measure instead of any string-width", () => {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Metafile;
    for (const importer of ['node_modules/ink/build/output.js', 'node_modules/widest-line/index.js', 'node_modules/cli-truncate/index.js', 'node_modules/wrap-ansi/index.js']) {
      expect(meta.inputs[importer]?.imports.map((i) => i.path), importer).toContain('src/tui/ink-string-width.ts');
    }
    expect(Object.keys(meta.inputs).filter((input) => input.includes('string-width/'))).toEqual([]);
  });

  it('still ships the UI and the server, in chunks of their own', () => {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Metafile;
    const chunks = Object.entries(meta.outputs).filter(([name]) => name.startsWith('dist/chunks/') && name.endsWith('.js'));
    const inputsOf = (pattern: RegExp) => chunks.filter(([, o]) => Object.keys(o.inputs).some((i) => pattern.test(i)));
    expect(inputsOf(/node_modules\/ink\//)).not.toEqual([]);
    expect(inputsOf(/^src\/server\//)).not.toEqual([]);
  });
});

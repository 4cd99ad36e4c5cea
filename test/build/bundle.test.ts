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

  it('reaches undici only through its Pool, not the whole package', () => {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Metafile;
    const inputs = Object.values(meta.outputs).flatMap((o) => Object.keys(o.inputs));
    expect(inputs).toContain('node_modules/undici/lib/dispatcher/pool.js');
    // The index would bring WebSocket, EventSource, caches and mocks: the bulk
    // of undici, and nothing the client uses.
    expect(inputs).not.toContain('node_modules/undici/index.js');
    expect(inputs.filter((i) => /node_modules\/undici\/lib\/(mock|web\/(websocket|eventsource|cache))\//.test(i))).toEqual([]);
  });

  it('runs a plain `token list` from one file of its own, reached only by import(), with neither the UI, the server nor full zod', () => {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Metafile;
    const entryImports = meta.outputs['dist/appclacks.js']?.imports ?? [];
    expect(entryImports).toContainEqual(expect.objectContaining({ path: './plain/token-list.js', kind: 'dynamic-import' }));
    const plain = meta.outputs['dist/plain/token-list.js'];
    expect(plain).toBeDefined();
    // One file: it imports only Node's built-ins, no chunk.
    expect(plain!.imports.filter((i) => !i.external)).toEqual([]);
    const inputs = Object.keys(plain!.inputs);
    expect(inputs).toContain('src/cli/commands/token/list.ts');
    expect(inputs).toContain('node_modules/undici/lib/dispatcher/pool.js');
    const heavy = inputs.filter((i) => /node_modules\/(ink|react|react-reconciler|yoga-layout|fastify|commander)\/|node_modules\/zod\/v4\/classic\//.test(i) || i.startsWith('src/server/') || i.startsWith('src/screens/') || i.startsWith('src/tui/'));
    expect(heavy).toEqual([]);
  });

  it('keeps yaml in a file of its own, reached only by import(), with the names the config code reads', async () => {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Metafile;
    const everywhere = Object.values(meta.outputs).flatMap((o) => Object.keys(o.inputs));
    expect(everywhere.filter((i) => i.includes('node_modules/yaml/'))).toEqual([]);
    const imports = Object.values(meta.outputs).flatMap((o) => o.imports.filter((i) => i.path.endsWith('yaml.js')));
    expect(imports.length).toBeGreaterThan(0);
    for (const i of imports) expect(i.kind).toBe('dynamic-import');
    const yaml = (await import(`${root}/dist/chunks/yaml.js`)) as Record<string, unknown>;
    expect(Object.keys(yaml).sort()).toEqual(['LineCounter', 'Scalar', 'YAMLMap', 'isAlias', 'isMap', 'isScalar', 'isSeq', 'parseDocument']);
  });

  it("gives undici's HTTP/2 half a stand-in for node:http2, so http:// loads neither http2 nor tls", () => {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Metafile;
    const imports = meta.inputs['node_modules/undici/lib/dispatcher/client-h2.js']?.imports.map((i) => i.path);
    expect(imports).toContain('src/api/undici-http2.ts');
    expect(imports).not.toContain('node:http2');
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

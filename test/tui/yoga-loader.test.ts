// src/tui/yoga-loader.ts works around two details of yoga-layout's loader
// (it reads its inlined WebAssembly through the global fetch, and compiles it
// with the asynchronous WebAssembly.instantiate). These tests run in fresh
// node processes, since vitest's own process has used fetch already, and
// fail loudly when either detail changes.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const versions = `ink ${JSON.parse(readFileSync(`${root}/node_modules/ink/package.json`, 'utf8')).version}, yoga-layout ${JSON.parse(readFileSync(`${root}/node_modules/yoga-layout/package.json`, 'utf8')).version}`;

/** Counts calls of the global fetch, then runs `body`; prints what happened as JSON. */
interface Seen {
  fetchCalls: number;
  /**
   * Calls of Node's own WebAssembly.instantiate with bytes to compile (on V8's
   * background threads). Calls with a compiled module are not counted: Node's
   * own undici (behind fetch) and tsx make those.
   */
  nodeInstantiateCalls: number;
  nodeUndiciLoaded: boolean;
  fetchAfter: string;
  instantiateRestored: boolean;
  layoutWidth?: number;
}

/** Counts calls of the global fetch and WebAssembly.instantiate, then runs `body`; prints what happened as JSON. */
function probe(body: string, args: string[] = []): Seen {
  const script = `
    const original = globalThis.fetch;
    let fetchCalls = 0;
    globalThis.fetch = function (...args) { fetchCalls++; return original.apply(this, args); };
    const originalInstantiate = WebAssembly.instantiate;
    let nodeInstantiateCalls = 0;
    const countingInstantiate = function (...args) {
      if (!(args[0] instanceof WebAssembly.Module)) nodeInstantiateCalls++;
      return originalInstantiate.apply(this, args);
    };
    WebAssembly.instantiate = countingInstantiate;
    ${body}
    console.log(JSON.stringify({
      fetchCalls,
      nodeInstantiateCalls,
      nodeUndiciLoaded: process.moduleLoadList.some((m) => m.includes('deps/undici/undici')),
      fetchAfter: typeof globalThis.fetch,
      instantiateRestored: WebAssembly.instantiate === countingInstantiate,
      ...(typeof layoutWidth === 'number' && { layoutWidth }),
    }));`;
  const result = spawnSync(process.execPath, [...args, '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`probe failed (${versions}): ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!);
}

const layout = `
  const Yoga = yoga.default;
  const node = Yoga.Node.create();
  node.setWidth(42);
  node.calculateLayout();
  const layoutWidth = node.getComputedWidth();`;

describe(`yoga-layout's loader, fetch and WebAssembly.instantiate (${versions})`, () => {
  it('without the adapter, yoga reads its WebAssembly through fetch and compiles it asynchronously: the costs the adapter avoids', () => {
    const seen = probe(`const yoga = await import('yoga-layout'); ${layout}`);
    expect(seen.layoutWidth).toBe(42);
    expect(seen.fetchCalls, `${versions}: yoga no longer calls fetch; that half of src/tui/yoga-loader.ts can go`).toBeGreaterThan(0);
    expect(seen.nodeInstantiateCalls, `${versions}: yoga no longer calls WebAssembly.instantiate; that half of src/tui/yoga-loader.ts can go`).toBe(1);
  });

  it('with the adapter, yoga loads without fetch and compiles on the calling thread, and both globals are back afterwards', () => {
    const seen = probe(
      `const { restoreGlobals } = await import('./src/tui/yoga-loader.ts');
       const yoga = await import('yoga-layout');
       restoreGlobals();
       ${layout}`,
      ['--import', 'tsx'],
    );
    expect(seen, `${versions}: yoga's loader changed; see src/tui/yoga-loader.ts`).toEqual({
      fetchCalls: 0,
      nodeInstantiateCalls: 0,
      nodeUndiciLoaded: false,
      fetchAfter: 'function',
      instantiateRestored: true,
      layoutWidth: 42,
    });
  });

  it('the adapter\'s instantiate answers as Node\'s does, for bytes and for a compiled module, and rejects bad bytes', () => {
    const seen = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `const { restoreGlobals } = await import('./src/tui/yoga-loader.ts');
         // The smallest module: magic and version, no sections.
         const bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);
         const fromBytes = await WebAssembly.instantiate(bytes);
         const fromModule = await WebAssembly.instantiate(fromBytes.module);
         const refused = await WebAssembly.instantiate(new Uint8Array([1, 2, 3])).then(() => 'resolved', (error) => error.constructor.name);
         restoreGlobals();
         console.log(JSON.stringify({
           module: fromBytes.module instanceof WebAssembly.Module,
           instance: fromBytes.instance instanceof WebAssembly.Instance,
           fromModule: fromModule instanceof WebAssembly.Instance,
           refused,
         }));`,
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(seen.status, seen.stderr).toBe(0);
    expect(JSON.parse(seen.stdout)).toEqual({ module: true, instance: true, fromModule: true, refused: 'CompileError' });
  });

  it('in the bundle, the UI chunk replaces both globals before it evaluates yoga, and restores them', () => {
    const meta = JSON.parse(readFileSync(`${root}/dist/meta.json`, 'utf8')) as { outputs: Record<string, { entryPoint?: string }> };
    const mount = Object.entries(meta.outputs).find(([, output]) => output.entryPoint === 'src/tui/mount.tsx')?.[0];
    expect(mount).toBeDefined();
    const seen = probe(`await import(${JSON.stringify(`${root}/${mount}`)});`);
    expect(seen, `${versions}: the bundle loads yoga before src/tui/yoga-loader.ts`).toEqual({
      fetchCalls: 0,
      nodeInstantiateCalls: 0,
      nodeUndiciLoaded: false,
      fetchAfter: 'function',
      instantiateRestored: true,
    });
  });
});

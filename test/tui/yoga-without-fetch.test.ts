// src/tui/yoga-without-fetch.ts works around a detail of yoga-layout's
// loader (it reads its inlined WebAssembly through the global fetch). These
// tests run in fresh node processes, since vitest's own process has used
// fetch already, and fail loudly when that detail changes.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const versions = `ink ${JSON.parse(readFileSync(`${root}/node_modules/ink/package.json`, 'utf8')).version}, yoga-layout ${JSON.parse(readFileSync(`${root}/node_modules/yoga-layout/package.json`, 'utf8')).version}`;

/** Counts calls of the global fetch, then runs `body`; prints what happened as JSON. */
function probe(body: string, args: string[] = []): { fetchCalls: number; nodeUndiciLoaded: boolean; fetchAfter: string; layoutWidth?: number } {
  const script = `
    const original = globalThis.fetch;
    let fetchCalls = 0;
    globalThis.fetch = function (...args) { fetchCalls++; return original.apply(this, args); };
    ${body}
    console.log(JSON.stringify({
      fetchCalls,
      nodeUndiciLoaded: process.moduleLoadList.some((m) => m.includes('deps/undici/undici')),
      fetchAfter: typeof globalThis.fetch,
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

describe(`yoga-layout's loader and fetch (${versions})`, () => {
  it('without the adapter, yoga reads its WebAssembly through fetch, loading Node\'s undici: the cost the adapter avoids', () => {
    const seen = probe(`const yoga = await import('yoga-layout'); ${layout}`);
    expect(seen.layoutWidth).toBe(42);
    expect(seen.fetchCalls, `${versions}: yoga no longer calls fetch; src/tui/yoga-without-fetch.ts can go`).toBeGreaterThan(0);
  });

  it('with the adapter, yoga loads without fetch, and fetch is back afterwards', () => {
    const seen = probe(
      `const { restoreFetch } = await import('./src/tui/yoga-without-fetch.ts');
       const yoga = await import('yoga-layout');
       restoreFetch();
       ${layout}`,
      ['--import', 'tsx'],
    );
    expect(seen, `${versions}: yoga's loader changed; see src/tui/yoga-without-fetch.ts`).toEqual({ fetchCalls: 0, nodeUndiciLoaded: false, fetchAfter: 'function', layoutWidth: 42 });
  });

  it('in the bundle, the UI chunk hides fetch before it evaluates yoga, and restores it', () => {
    const meta = JSON.parse(readFileSync(`${root}/dist/meta.json`, 'utf8')) as { outputs: Record<string, { entryPoint?: string }> };
    const mount = Object.entries(meta.outputs).find(([, output]) => output.entryPoint === 'src/tui/mount.tsx')?.[0];
    expect(mount).toBeDefined();
    const seen = probe(`await import(${JSON.stringify(`${root}/${mount}`)});`);
    expect(seen, `${versions}: the bundle loads yoga before src/tui/yoga-without-fetch.ts`).toEqual({ fetchCalls: 0, nodeUndiciLoaded: false, fetchAfter: 'function' });
  });
});

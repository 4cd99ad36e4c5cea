// ink lays out with yoga-layout, WebAssembly built by Emscripten and inlined
// as a data: URL. Its loader reads those bytes through the global `fetch`
// whenever one exists, and in Node the first use of `fetch` loads Node's own
// bundled undici and web streams: 30-50 ms of CPU in the UI's start-up on a
// 2-core machine (CPU profiles), to read bytes that are already in memory.
// Without a `fetch` the loader decodes the same base64 itself.
//
// So this module hides `fetch` when it is evaluated, which mount.tsx makes
// happen before ink (and yoga) are, and restoreFetch() puts Node's own
// property back, still unloaded, once they are. This relies on yoga's
// loader, not on a public API: test/tui/yoga-without-fetch.test.ts fails,
// naming the yoga-layout version, when the loader stops reading `fetch` (then
// this module can go) or when the bundle evaluates yoga before this module.
const nodeFetch = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
const hidden = nodeFetch?.configurable === true;
if (hidden) Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });

/** Puts `fetch` back as Node defined it; call once ink has loaded. */
export function restoreFetch(): void {
  if (hidden && globalThis.fetch === undefined) Object.defineProperty(globalThis, 'fetch', nodeFetch);
}

// ink lays out with yoga-layout: WebAssembly built by Emscripten, inlined as a
// data: URL, compiled by a top-level await when the module is evaluated. Two
// details of that loader cost the UI's start-up more than all of yoga's work:
//
// 1. It reads the bytes through the global `fetch` whenever one exists, and
//    in Node the first use of `fetch` loads Node's own bundled undici and web
//    streams: 30-50 ms of CPU on a 2-core machine, to read bytes already in
//    memory. Without a `fetch` the loader decodes the same base64 itself.
// 2. It compiles them with the asynchronous `WebAssembly.instantiate`, which
//    hands the work to V8's background threads. In the UI's start-up those
//    threads are busy with the JavaScript just loaded, and the main thread sat
//    idle 90-160 ms waiting for a 70 KB module (CPU profiles; with node's
//    --single-threaded the same wait was 3 ms). Compiled on the main thread,
//    it takes 2-5 ms.
//
// So this module, when it is evaluated (mount.tsx makes that happen before
// ink and yoga are), hides `fetch` and makes `WebAssembly.instantiate` compile
// where it is called, still answering with a promise; restoreGlobals() puts
// both back as Node defined them once ink has loaded, `fetch` still unloaded.
// This relies on yoga's loader, not on a public API:
// test/tui/yoga-loader.test.ts fails, naming the yoga-layout version, when the
// loader stops using either global (then that half can go) or when the bundle
// evaluates yoga before this module.
// The project compiles without the DOM library, where WebAssembly's types live.
interface WasmApi {
  Module: new (bytes: ArrayBufferView | ArrayBuffer) => object;
  Instance: new (module: object, imports?: object) => object;
  instantiate: (...args: unknown[]) => Promise<unknown>;
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

const nodeFetch = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
const nodeInstantiate = Object.getOwnPropertyDescriptor(wasm, 'instantiate');

/** WebAssembly.instantiate's two forms, compiled where it is called. */
function instantiateHere(source: unknown, imports?: object): Promise<unknown> {
  try {
    if (source instanceof wasm.Module) return Promise.resolve(new wasm.Instance(source, imports));
    const module = new wasm.Module(source as ArrayBufferView);
    return Promise.resolve({ module, instance: new wasm.Instance(module, imports) });
  } catch (error) {
    return Promise.reject(error);
  }
}

const fetchHidden = nodeFetch?.configurable === true;
if (fetchHidden) Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
const instantiateReplaced = nodeInstantiate?.configurable === true;
if (instantiateReplaced) Object.defineProperty(wasm, 'instantiate', { ...nodeInstantiate, value: instantiateHere });

/** Puts `fetch` and `WebAssembly.instantiate` back as Node defined them; call once ink has loaded. */
export function restoreGlobals(): void {
  if (fetchHidden && globalThis.fetch === undefined) Object.defineProperty(globalThis, 'fetch', nodeFetch!);
  if (instantiateReplaced && wasm.instantiate === instantiateHere) Object.defineProperty(wasm, 'instantiate', nodeInstantiate!);
}

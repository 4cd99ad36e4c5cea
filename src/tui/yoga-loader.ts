// ink lays out with yoga-layout, WebAssembly that yoga compiles with the
// asynchronous WebAssembly.instantiate when ink loads. V8 hands that work to
// its background threads; in the UI's start-up they are busy with the
// JavaScript just loaded, and the main thread sat idle waiting for a 70 KB
// module (docs/levers.md has the figures). V8's --no-wasm-async-compilation
// makes the same call compile where it is made, still answering with a
// promise. It is set through node:v8's documented setFlagsFromString when
// this module is evaluated: mount.tsx imports it first, before ink.
// test/tui/yoga-loader.test.ts checks that this Node's V8 still knows the flag
// (setFlagsFromString ignores one it does not).
import { setFlagsFromString } from 'node:v8';

export const SYNC_WASM_COMPILE_FLAG = '--no-wasm-async-compilation';

setFlagsFromString(SYNC_WASM_COMPILE_FLAG);

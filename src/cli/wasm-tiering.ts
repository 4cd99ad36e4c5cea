// undici parses HTTP with llhttp compiled to WebAssembly. V8 compiles
// WebAssembly twice: at once with its baseline compiler (Liftoff), then again,
// optimised, in background threads, and the process waits for those threads
// before it exits: about 90 ms of a 290 ms `appclacks token list` on a 2-core
// machine (seen with strace and a CPU profile). Baseline code parses a few
// small answers just as well, so CLI commands turn the optimising tier off
// before undici loads. The UI does not: ink's layout engine is WebAssembly too
// and runs for the whole session.
//
// Node offers no other way: V8 flags go on the command line (not portable in
// a shebang) or through v8.setFlagsFromString, and NODE_OPTIONS does not
// take this flag. setFlagsFromString ignores a flag V8 no longer knows, so
// test/cli/wasm-tiering.test.ts checks that this Node's V8 still accepts it.
import { setFlagsFromString } from 'node:v8';

export const BASELINE_ONLY_FLAG = '--liftoff-only';

/** Before the first WebAssembly module compiles: keep it at the baseline tier. */
export function keepWasmAtBaselineTier(): void {
  setFlagsFromString(BASELINE_ONLY_FLAG);
}

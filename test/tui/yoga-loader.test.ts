// The UI makes V8 compile yoga's WebAssembly where WebAssembly.instantiate is
// called (src/tui/yoga-loader.ts), through node:v8's setFlagsFromString,
// which ignores a flag V8 does not know: an upgrade that dropped it would
// cost start-up silently, so this fails instead, naming the versions. The
// bundle must evaluate the module before yoga's loader runs.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SYNC_WASM_COMPILE_FLAG } from '../../src/tui/yoga-loader';

const root = fileURLToPath(new URL('../..', import.meta.url));
const versions = `Node ${process.version} (V8 ${process.versions.v8})`;

describe(`${versions} and the UI's ${SYNC_WASM_COMPILE_FLAG}`, () => {
  it('is a flag V8 knows: accepted on the command line, where an unknown V8 flag is an error', () => {
    const known = spawnSync(process.execPath, [SYNC_WASM_COMPILE_FLAG, '-e', '0'], { encoding: 'utf8' });
    expect(known.status, `${versions} refused ${SYNC_WASM_COMPILE_FLAG}: ${known.stderr}`).toBe(0);
    const unknown = spawnSync(process.execPath, ['--no-such-v8-flag-for-this-test', '-e', '0'], { encoding: 'utf8' });
    expect(unknown.status).not.toBe(0);
  });

  it('is set in the bundle before yoga compiles, in the same chunk (a chunk it imports would run first)', () => {
    const chunks = readdirSync(`${root}/dist/chunks`).filter((name) => name.endsWith('.js'));
    const holding = (text: string) => chunks.filter((name) => readFileSync(`${root}/dist/chunks/${name}`, 'utf8').includes(text));
    const yoga = holding('instantiateWasm');
    expect(yoga).toHaveLength(1);
    expect(holding(SYNC_WASM_COMPILE_FLAG)).toEqual(yoga);
    const code = readFileSync(`${root}/dist/chunks/${yoga[0]}`, 'utf8');
    expect(code.indexOf(SYNC_WASM_COMPILE_FLAG)).toBeLessThan(code.indexOf('instantiateWasm'));
  });
});

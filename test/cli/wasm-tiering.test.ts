// The CLI turns V8's optimising WebAssembly tier off at run time
// (src/cli/wasm-tiering.ts). v8.setFlagsFromString ignores a flag V8 does not
// know, so an upgrade that drops it would cost start-up silently: this fails
// instead, naming the Node and V8 versions.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BASELINE_ONLY_FLAG } from '../../src/cli/wasm-tiering';

const versions = `Node ${process.version} (V8 ${process.versions.v8})`;

describe(`${versions} still has ${BASELINE_ONLY_FLAG}`, () => {
  it('accepts the flag on the command line, where an unknown V8 flag is an error', () => {
    const known = spawnSync(process.execPath, [BASELINE_ONLY_FLAG, '-e', '0'], { encoding: 'utf8' });
    expect(known.status, `${versions} refused ${BASELINE_ONLY_FLAG}: ${known.stderr}`).toBe(0);
    // The check itself: a flag V8 does not know fails the same way.
    const unknown = spawnSync(process.execPath, ['--no-such-v8-flag-for-this-test', '-e', '0'], { encoding: 'utf8' });
    expect(unknown.status).not.toBe(0);
  });
});

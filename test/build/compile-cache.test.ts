// bin/load.js turns on Node's compile cache (Node 22.1 and later) in the
// user's cache directory, never the shared temporary one, and the program
// runs the same with a cache to read as with none; on an older Node it
// creates nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const hasCompileCache = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function run(home: string, extra: Record<string, string> = {}) {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: home, TMPDIR: join(home, 'tmp'), ...extra };
  return spawnSync(process.execPath, [`${root}/bin/appclacks.js`, 'completion', 'bash'], { env, encoding: 'utf8' });
}

describe(`the compile cache on Node ${process.version}`, () => {
  it(hasCompileCache ? 'is written under ~/.cache/appclacks, and a second start reads it' : 'is not written (this Node has none)', () => {
    const home = mkdtempSync(join(tmpdir(), 'appclacks-cache-'));
    dirs.push(home);
    const first = run(home);
    expect(first.status, first.stderr).toBe(0);
    const cache = join(home, '.cache', 'appclacks', 'compile-cache');
    expect(existsSync(join(home, 'tmp', 'node-compile-cache'))).toBe(false);
    if (!hasCompileCache) {
      expect(existsSync(cache)).toBe(false);
      return;
    }
    const [versionDir] = readdirSync(cache);
    expect(versionDir).toContain(process.version);
    expect(readdirSync(join(cache, versionDir!)).length).toBeGreaterThan(0);
    const second = run(home);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toBe(first.stdout);
  });

  it.runIf(hasCompileCache)('goes under XDG_CACHE_HOME when that is an absolute path', () => {
    const home = mkdtempSync(join(tmpdir(), 'appclacks-cache-'));
    dirs.push(home);
    const result = run(home, { XDG_CACHE_HOME: join(home, 'xdg') });
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(join(home, 'xdg', 'appclacks', 'compile-cache')).length).toBeGreaterThan(0);
  });
});

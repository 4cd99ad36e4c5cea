// The database drivers are optional dependencies (see src/cli/database-driver.ts):
// where one failed to install, the CLI and the UI still work, and the two
// commands that need a driver say in one line what to install. The built
// program runs with resolution hooks that hide the drivers, so Node itself
// raises the "Cannot find package" a failed optional install leaves behind.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_DRIVERS, driverError, failedDriver } from '../../src/cli/database-driver';
import { BIN, childEnv, ensureBuilt, ROOT } from '../helpers/pty';

const HIDE = join(ROOT, 'test/install/hide-drivers.mjs');
let home: string;

beforeAll(() => {
  ensureBuilt();
  home = mkdtempSync(join(tmpdir(), 'appclacks-driver-'));
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

function runWithoutDrivers(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', HIDE, BIN, ...args],
      { cwd: ROOT, env: childEnv({ HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.data') }), timeout: 15_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
    child.stdin?.end();
  });
}

const ONE_LINE = `error: the server's database driver better-sqlite3 is not installed; install it with \`npm install better-sqlite3@${DATABASE_DRIVERS['better-sqlite3']}\`\n`;

describe('without the database driver', () => {
  it('`appclacks server` says in one line what to install, and exits with the usage code', async () => {
    const result = await runWithoutDrivers(['server', '--port', '0', '--db', join(home, 'server.db')]);
    expect(result.stderr).toBe(ONE_LINE);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
  });

  it('`appclacks demo` says the same line', async () => {
    const result = await runWithoutDrivers(['demo', '--server-only']);
    expect(result.stderr).toBe(ONE_LINE);
    expect(result.code).toBe(2);
  });

  it('the CLI itself still runs', async () => {
    const result = await runWithoutDrivers(['--version']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const help = await runWithoutDrivers(['token', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('list');
  });
});

describe('recognising a driver failure', () => {
  it('pins the versions package.json lists as optional dependencies', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { optionalDependencies: Record<string, string> };
    expect(DATABASE_DRIVERS).toEqual(pkg.optionalDependencies);
  });

  it('tells a driver whose compiled part does not load from one that is absent', () => {
    const unbuilt = new Error('Could not locate the bindings file. Tried:\n → /x/node_modules/better-sqlite3/build/better_sqlite3.node');
    expect(failedDriver(unbuilt)).toEqual({ name: 'better-sqlite3', missing: false });
    const otherAbi = Object.assign(new Error('/x/better_sqlite3.node was compiled against a different Node.js version'), { code: 'ERR_DLOPEN_FAILED' });
    expect(failedDriver(otherAbi)).toEqual({ name: 'better-sqlite3', missing: false });
    expect(driverError({ name: 'better-sqlite3', missing: false }, 'file:///usr/lib/node_modules/appclacks-tui/dist/appclacks.js').message).toBe(
      "the server's database driver better-sqlite3 is not built for this Node.js; build it with `npm rebuild -g better-sqlite3`",
    );
  });

  it('leaves every other failure alone', () => {
    const other = Object.assign(new Error("Cannot find package 'left-pad' imported from /x.js"), { code: 'ERR_MODULE_NOT_FOUND' });
    expect(failedDriver(other)).toBeUndefined();
    expect(failedDriver(new Error('boom'))).toBeUndefined();
    expect(failedDriver('better-sqlite3')).toBeUndefined();
  });
});

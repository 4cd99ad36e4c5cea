// Commands the CLI only wires to other modules, loaded on demand: `server`
// and `demo`. These check the wiring, not the modules themselves.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runBin } from './helpers/bin';

const BIN = fileURLToPath(new URL('../../bin/appclacks.js', import.meta.url));
let home: string;

beforeAll(() => {
  assertBuilt();
  home = mkdtempSync(path.join(tmpdir(), 'appclacks-wired-'));
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('server', () => {
  it('serves on the port it prints and stops cleanly on SIGINT', async () => {
    const child = spawn(process.execPath, [BIN, 'server', '--port', '0', '--db', path.join(home, 'server.db')], {
      env: { HOME: home },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${stdout}`)), 10_000);
        child.stdout.on('data', () => {
          const match = /listening on (http:\/\/\S+)/.exec(stdout);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        });
      });
      expect(await (await fetch(`${url}/healthz`)).text()).toBe('ok');
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('refuses a port that is not a number (usage, exit 2)', async () => {
    const result = await runBin(['server', '--port', 'eighty'], { HOME: home });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: --port must be a number/);
  });
});

describe('demo', () => {
  it('without a terminal exits 2 and points to --server-only', async () => {
    const result = await runBin(['demo'], { HOME: home });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--server-only');
  });
});

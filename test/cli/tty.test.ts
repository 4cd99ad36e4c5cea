// The prompts in a real pseudo-terminal: what a person types at the password
// prompt is never echoed, and Ctrl+C at a prompt exits 130 with the terminal
// left in its normal mode.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, spawnApp } from '../helpers/pty';
import { registerAccount, startTestServer, type RegisteredAccount, type TestServer } from '../helpers/server';

let server: TestServer;
let account: RegisteredAccount;
let home: string;

beforeAll(async () => {
  ensureBuilt();
  server = await startTestServer();
  account = await registerAccount(server.url);
  home = mkdtempSync(path.join(tmpdir(), 'appclacks-tty-'));
});

afterAll(async () => {
  rmSync(home, { recursive: true, force: true });
  await server.close();
});

const env = () => ({ HOME: home, XDG_CONFIG_HOME: path.join(home, 'config'), APPCLACKS_API_ENDPOINT: server.url });

describe('login on a terminal', () => {
  it('asks for each value, hides the password, and saves a 0600 profile', async () => {
    const app = spawnApp({ args: ['login'], env: env(), cwd: home });
    try {
      await app.waitForText('Profile name:');
      await app.type('laptop\r');
      await app.waitForText('Account email:');
      await app.type(`${account.email}\r`);
      await app.waitForText('Account password:');
      await app.type(`${account.password}\r`);
      expect((await app.exited).exitCode).toBe(0);
      expect(app.output()).not.toContain(account.password);
      expect(app.screen()).toContain('Logged in to organization acme');
      const file = path.join(home, 'config', 'appclacks', 'appclacks.yaml');
      expect(readFileSync(file, 'utf8')).toMatch(/^default-profile: laptop$/m);
      expect(statSync(file).mode & 0o777).toBe(0o600);
    } finally {
      await app.dispose();
    }
  });

  it('Ctrl+C at the password prompt exits 130 and says so in one line', async () => {
    const app = spawnApp({ args: ['token', 'create', '--name', 'x'], env: { ...env(), APPCLACKS_ACCOUNT_EMAIL: account.email }, cwd: home });
    try {
      await app.waitForText('Account password:');
      await app.type('half-typ');
      app.press('ctrl-c');
      expect((await app.exited).exitCode).toBe(130);
      expect(app.screen()).toContain('error: interrupted');
      expect(app.output()).not.toContain('half-typ');
    } finally {
      await app.dispose();
    }
  });
});

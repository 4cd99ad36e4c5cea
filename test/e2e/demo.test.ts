// The demo's seeding, files and environment, in-process against its own
// server; the command itself is driven through the built program further down.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { parse } from 'yaml';
import { createClient, type AppclacksApi } from '../../src/api';
import { demoEnv, exportLines } from '../../src/demo/environment';
import { startDemo, type DemoSession } from '../../src/demo/session';
import { expiryState, parseApiTime } from '../../src/tokens';
import { BIN, childEnv, ensureBuilt, ROOT, spawnApp } from '../helpers/pty';
import { runCli } from './support';
import { unusedLoopbackPort } from '../helpers/net';

describe('a started demo', () => {
  let parent: string;
  let demo: DemoSession;
  let api: AppclacksApi;

  beforeAll(async () => {
    parent = mkdtempSync(join(tmpdir(), 'demo-test-'));
    demo = await startDemo({ tempParent: parent });
    api = createClient({ endpoint: demo.access.endpoint });
  });
  afterAll(async () => {
    await api?.close();
    await demo?.close();
    rmSync(parent, { recursive: true, force: true });
  });

  const admin = () => ({ organizationId: demo.seed.organizationId, token: demo.seed.adminToken });
  const readonly = () => ({ organizationId: demo.seed.organizationId, token: demo.seed.readonlyToken });

  test('serves a dozen tokens covering every expiry state', async () => {
    const tokens = await api.listTokens(admin());
    expect(tokens).toHaveLength(12);
    const now = Date.now();
    const left = (name: string) => {
      const token = tokens.find((t) => t.name === name);
      if (!token) throw new Error(`no token ${name}`);
      return parseApiTime(token['expires-at']) - now;
    };
    const states = tokens.map((t) => expiryState(parseApiTime(t['expires-at']), now));
    expect(states.filter((s) => s === 'expired').length).toBeGreaterThanOrEqual(2);
    expect(left('oncall-debug')).toBeGreaterThan(0);
    expect(left('oncall-debug')).toBeLessThan(60 * 60_000);
    expect(left('grafana-metrics')).toBeGreaterThan(60 * 60_000);
    expect(left('grafana-metrics')).toBeLessThan(24 * 60 * 60_000);
    expect(left('terraform')).toBeGreaterThan(365 * 24 * 60 * 60_000);
  });

  test('covers every kind of permission set, with and without descriptions', async () => {
    const tokens = await api.listTokens(admin());
    const actions = tokens.map((t) => t.permissions.actions);
    expect(actions).toContainEqual(['*']);
    expect(actions).toContainEqual(['ListAPITokens', 'GetAPIToken']);
    expect(actions.some((a) => a.length === 1 && a[0] !== '*')).toBe(true);
    expect(tokens.some((t) => !t.description)).toBe(true);
    expect(tokens.some((t) => t.description)).toBe(true);
  });

  test('writes a private config with the admin profile as default and a read-only one', async () => {
    const { configPath } = demo.access;
    expect(configPath.startsWith(parent)).toBe(true);
    expect(statSync(configPath).mode & 0o777).toBe(0o600);
    const file = parse(readFileSync(configPath, 'utf8'));
    expect(file['default-profile']).toBe('demo-admin');
    expect(Object.keys(file.profiles)).toEqual(['demo-admin', 'demo-readonly']);
    expect(file.profiles['demo-admin']['api-token']).toBe(demo.seed.adminToken);
  });

  test('the read-only profile can list but not delete', async () => {
    const tokens = await api.listTokens(readonly());
    const victim = tokens.find((t) => t.name === 'cabourotte');
    await expect(api.deleteToken(readonly(), victim!.id)).rejects.toMatchObject({ status: 403 });
  });

  test('the account credentials work for the create wizard', async () => {
    const org = await api.getOrganization(demo.seed.account);
    expect(org.id).toBe(demo.seed.organizationId);
  });

  test('keeps no secret in the seed except the two profile tokens', () => {
    expect(demo.seed.tokens.every((t) => !t.token)).toBe(true);
  });
});

describe('the demo environment', () => {
  const access = { endpoint: 'http://127.0.0.1:4321', configPath: '/tmp/d/appclacks.yaml', email: 'demo@example.com', password: "p'w d" };

  test('drops the user APPCLACKS_* variables and keeps the rest', () => {
    const env = demoEnv(
      { HOME: '/home/u', NO_COLOR: '1', APPCLACKS_TOKEN: 'mine', APPCLACKS_PROFILE: 'work', APPCLACKS_ORGANIZATION_ID: 'o', APPCLACKS_DEBUG: '1' },
      access,
    );
    expect(env).toEqual({
      HOME: '/home/u',
      NO_COLOR: '1',
      APPCLACKS_DEBUG: '1',
      APPCLACKS_CONFIG: '/tmp/d/appclacks.yaml',
      APPCLACKS_API_ENDPOINT: 'http://127.0.0.1:4321',
      APPCLACKS_ACCOUNT_EMAIL: 'demo@example.com',
      APPCLACKS_ACCOUNT_PASSWORD: "p'w d",
    });
  });

  test('export lines are quoted for a POSIX shell', () => {
    expect(exportLines(access)).toEqual([
      'export APPCLACKS_CONFIG=/tmp/d/appclacks.yaml',
      'export APPCLACKS_API_ENDPOINT=http://127.0.0.1:4321',
      'export APPCLACKS_ACCOUNT_EMAIL=demo@example.com',
      `export APPCLACKS_ACCOUNT_PASSWORD='p'\\''w d'`,
    ]);
  });
});

test('closing the demo removes its directory and stops its server', async () => {
  const parent = mkdtempSync(join(tmpdir(), 'demo-test-'));
  try {
    const demo = await startDemo({ tempParent: parent });
    const { dir } = demo.workspace;
    expect(existsSync(join(dir, 'server.db'))).toBe(true);
    await demo.close();
    expect(existsSync(dir)).toBe(false);
    await expect(fetch(`${demo.access.endpoint}/api/v1/token`)).rejects.toThrow();
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});

test('a taken port is a usage error, and nothing is left behind', async () => {
  const parent = mkdtempSync(join(tmpdir(), 'demo-test-'));
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = taken.address() as AddressInfo;
    await expect(startDemo({ port, tempParent: parent })).rejects.toMatchObject({ kind: 'usage', message: `127.0.0.1:${port} is already in use` });
    expect(readdirSync(parent)).toEqual([]);
  } finally {
    await new Promise((resolve) => taken.close(resolve));
    rmSync(parent, { recursive: true, force: true });
  }
});


describe('appclacks demo, the built command', () => {
  let tmp: string;
  // HOME apart from TMPDIR: from Node 22.1 on the program keeps its compile
  // cache under HOME (~/.cache/appclacks), which is no demo file.
  let home: string;
  beforeAll(() => {
    ensureBuilt();
  });
  beforeEach(() => {
    // The demo puts its directory in os.tmpdir(), which follows TMPDIR.
    tmp = mkdtempSync(join(tmpdir(), 'demo-cmd-'));
    home = mkdtempSync(join(tmpdir(), 'demo-home-'));
  });
  afterEach(() => {
    // The demo never writes the user's own config: nothing in HOME but the compile cache.
    expect(readdirSync(home).filter((name) => name !== '.cache')).toEqual([]);
    rmSync(tmp, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
  });

  test('without a terminal: exit 2 and one line pointing at --server-only', async () => {
    const result = await runCli(['demo'], { TMPDIR: tmp });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('appclacks demo --server-only');
    expect(readdirSync(tmp)).toEqual([]);
  });

  test('--server-only --port prints export lines that the CLI can use, and cleans up on Ctrl+C', async () => {
    const port = await unusedLoopbackPort();
    const child = spawn(process.execPath, [BIN, 'demo', '--server-only', '--port', String(port)], {
      cwd: ROOT,
      env: childEnv({ TMPDIR: tmp, HOME: home, APPCLACKS_TOKEN: 'must-be-ignored' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      await vi.waitFor(() => expect(stdout).toMatch(/APPCLACKS_ACCOUNT_PASSWORD=.*\n/), { timeout: 15_000, interval: 50 });

      const exported = Object.fromEntries(
        stdout.trim().split('\n').map((line) => {
          const match = /^export (\w+)=(\S+)$/.exec(line);
          if (!match) throw new Error(`not an export line: ${line}`);
          return [match[1], match[2]];
        }),
      );
      expect(Object.keys(exported)).toEqual(['APPCLACKS_CONFIG', 'APPCLACKS_API_ENDPOINT', 'APPCLACKS_ACCOUNT_EMAIL', 'APPCLACKS_ACCOUNT_PASSWORD']);
      expect(exported.APPCLACKS_CONFIG!.startsWith(tmp)).toBe(true);
      expect(exported.APPCLACKS_API_ENDPOINT).toBe(`http://127.0.0.1:${port}`);

      const list = await runCli(['token', 'list'], { HOME: home, ...exported });
      expect(list.code, list.stderr).toBe(0);
      expect(list.stdout).toContain('demo-readonly-cli');
      expect(list.stdout).toContain('oncall-debug');
      const readonly = await runCli(['token', 'list', '-p', 'demo-readonly', '-o', 'json'], { HOME: home, ...exported });
      expect(JSON.parse(readonly.stdout).result).toHaveLength(12);

      child.kill('SIGINT');
      expect(await exited).toBe(130);
      expect(readdirSync(tmp)).toEqual([]);
      // The export lines are the only place the password is printed.
      expect(stderr).not.toContain(exported.APPCLACKS_ACCOUNT_PASSWORD);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });

  test('opens the UI on the demo-admin profile and removes everything on q', async () => {
    const ui = spawnApp({ args: ['demo'], cols: 100, rows: 30, env: { TMPDIR: tmp, HOME: home, APPCLACKS_PROFILE: 'not-a-demo-profile' } });
    try {
      await ui.waitForText('oncall-debug');
      expect(ui.isAlternateScreen()).toBe(true);
      expect(ui.lines()[0]).toContain('profile demo-admin');
      // The session's own token is recognised by its login-style name.
      // The words where the name column has room for them, the glyph where NAME and DESCRIPTION share it.
      await ui.waitForText(/demo-admin-cli (\(this session\)|●)/);
      const row = (name: string) => ui.lines().find((line) => line.includes(name)) ?? '';
      expect(row('ci-deploy')).toMatch(/✗ expired/);
      expect(row('oncall-debug')).toMatch(/! in \d+m/);
      expect(row('grafana-metrics')).toMatch(/! in \d+h/);
      expect(row('terraform')).toMatch(/✓ in 417d/);
      // The wizard finds the account in the demo's environment: no account step.
      ui.press('n');
      await ui.waitForText('New token — Name (step 1 of 5)');
      ui.press('esc');
      await ui.waitForText(/ · 1\/12/);
      expect(readdirSync(tmp)).toHaveLength(1);
      ui.press('q');
      expect((await ui.exited).exitCode).toBe(0);
      expect(ui.isAlternateScreen()).toBe(false);
      expect(readdirSync(tmp)).toEqual([]);
      // Neither a token secret nor the generated account password reached the terminal.
      expect(ui.output()).not.toMatch(/apc_[0-9A-Za-z]{49}/);
      expect(ui.output()).not.toMatch(/demo-[\w-]{16}/);
    } finally {
      await ui.dispose();
    }
  });

  test('p n adds a profile in the demo: the demo account is in its environment, password included', async () => {
    const ui = spawnApp({ args: ['demo'], cols: 100, rows: 30, env: { TMPDIR: tmp, HOME: tmp } });
    try {
      await ui.waitForText('oncall-debug');
      ui.press('p');
      await ui.waitForText('demo-readonly');
      ui.press('n');
      await ui.waitForText('› Profile name: ▏');
      await ui.type('mine');
      await ui.waitForText('Profile name: mine▏');
      ui.press('enter');
      await ui.waitForText(/› Account email: \S+@\S+▏/);
      ui.press('enter');
      await ui.waitForText('Added profile mine (token mine-cli)');
      ui.press('q');
      expect((await ui.exited).exitCode).toBe(0);
    } finally {
      await ui.dispose();
    }
  });

  test('SIGTERM in the UI still removes the demo files', async () => {
    const ui = spawnApp({ args: ['demo'], cols: 100, rows: 30, env: { TMPDIR: tmp, HOME: home } });
    try {
      await ui.waitForText('oncall-debug');
      ui.kill('SIGTERM');
      await ui.exited;
      expect(ui.isAlternateScreen()).toBe(false);
      expect(readdirSync(tmp)).toEqual([]);
    } finally {
      await ui.dispose();
    }
  });
});

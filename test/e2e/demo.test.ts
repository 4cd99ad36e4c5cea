// The demo's seeding, files and environment, in-process against its own
// server; the command itself is driven through the built program further down.
import { existsSync, readFileSync, statSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { createClient, type AppclacksApi } from '../../src/api';
import { demoEnv, exportLines } from '../../src/demo/environment';
import { startDemo, type DemoSession } from '../../src/demo/session';
import { expiryState, parseApiTime } from '../../src/tokens';

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

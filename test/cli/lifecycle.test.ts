// The token-lifecycle commands as a user runs them: the built program, a real
// server (and one started without its extensions), a private config file.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuth, createToken, registerAccount, startTestServer, type CreatedToken, type RegisteredAccount, type TestServer } from '../helpers/server';
import { unusedLoopbackPort } from '../helpers/net';
import { createSandbox, type Sandbox } from './helpers/bin';
import { writeConfig } from './helpers/config-file';

const DAY = 24 * 3_600_000;
// The server's clock runs at real time plus this offset: moving it into the
// past creates tokens the CLI (on the real clock) sees as long expired.
let offset = 0;
let server: TestServer;
let plain: TestServer;
let account: RegisteredAccount;
let admin: CreatedToken;
let sandbox: Sandbox;
let passwordEnv: Record<string, string>;

const SECRET = /apc_[0-9A-Za-z]{49}/;

beforeAll(async () => {
  [server, plain] = await Promise.all([startTestServer({ clock: () => Date.now() + offset }), startTestServer({ extensions: false })]);
  account = await registerAccount(server.url);
  admin = await createToken(server.url, account, { name: 'admin', ttl: '720h' });
  sandbox = createSandbox(server.url);
  writeConfig(sandbox.configPath, [{ name: 'work', organizationId: account.organization.id, apiToken: admin.token }], 'work');
  passwordEnv = { APPCLACKS_ACCOUNT_EMAIL: account.email, APPCLACKS_ACCOUNT_PASSWORD: account.password };
});

afterAll(async () => {
  sandbox.remove();
  await Promise.all([server.close(), plain.close()]);
});

async function createdDaysAgo(days: number, options: { name: string; ttl: string; permissions?: string[] }, owner = account): Promise<CreatedToken> {
  offset = -days * DAY;
  try {
    return await createToken(server.url, owner, options);
  } finally {
    offset = 0;
  }
}

async function tokenIds(): Promise<string[]> {
  const response = await fetch(`${server.url}/api/v1/token`, { headers: { authorization: basicAuth(account.organization.id, admin.token) } });
  return ((await response.json()) as { result: Array<{ id: string }> }).result.map((t) => t.id);
}

describe('token rotate', () => {
  it('prints the new token like token create, secret once, and says the old one is gone', async () => {
    const old = await createToken(server.url, account, { name: 'deploy', description: 'ci', ttl: '48h', permissions: ['ListAPITokens'] });
    const result = await sandbox.run(['token', 'rotate', '--id', old.id], { env: passwordEnv });
    expect(result.code).toBe(0);
    const [header, , row] = result.stdout.trim().split('\n');
    expect(header).toMatch(/^ID {2,}Name {2,}Token {2,}Expires at {2,}Description {2,}Permissions$/);
    expect(row).toMatch(/ {2}deploy {2,}apc_\w{49} {2,}.*\(in 2d\) {2,}ci {2,}\[ListAPITokens\]$/);
    expect(result.stderr).toBe(`Copy the token now: it will not be shown again.\nThe old token ${old.id} is deleted.\n`);
    expect(await tokenIds()).not.toContain(old.id);
  });

  it('--grace keeps the old one until then; --ttl sets the new lifetime; -o json is the API object', async () => {
    const old = await createToken(server.url, account, { name: 'deploy2' });
    const result = await sandbox.run(['token', 'rotate', '--id', old.id, '--grace', '10m', '--ttl', '7d', '-o', 'json'], { env: passwordEnv });
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.stdout);
    expect(answer).toMatchObject({ name: 'deploy2', ttl: '168h', previous: { id: old.id } });
    expect(answer.token).toMatch(SECRET);
    expect(result.stderr).toMatch(new RegExp(`^The old token ${old.id} stays valid until \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\\.$`, 'm'));
    expect(await tokenIds()).toContain(old.id);
  });

  it('refuses a bad --grace before any request', async () => {
    const result = await sandbox.run(['token', 'rotate', '--id', admin.id, '--grace', 'soon'], { env: passwordEnv });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: --grace: /);
  });
});

describe('token list', () => {
  it('--expired and --expiring keep only those tokens; Last used says never for an unused one', async () => {
    const expired = await createdDaysAgo(10, { name: 'stale', ttl: '1h' });
    const soon = await createToken(server.url, account, { name: 'soon', ttl: '30h' });
    const onlyExpired = await sandbox.run(['token', 'list', '--expired']);
    expect(onlyExpired.code).toBe(0);
    const rows = onlyExpired.stdout.trim().split('\n').slice(2);
    expect(rows.map((row) => row.slice(0, 36))).toContain(expired.id);
    expect(rows.some((row) => row.startsWith(soon.id) || row.startsWith(admin.id))).toBe(false);
    expect(rows.find((row) => row.startsWith(expired.id))).toMatch(/ {2}never$/);

    const expiring = await sandbox.run(['token', 'list', '--expiring', '2d', '-o', 'json']);
    const ids = (JSON.parse(expiring.stdout) as { result: Array<{ id: string }> }).result.map((t) => t.id);
    expect(ids).toContain(soon.id);
    expect(ids).not.toContain(expired.id);
    expect(ids).not.toContain(admin.id);
  });

  it('refuses --expired with --expiring', async () => {
    const result = await sandbox.run(['token', 'list', '--expired', '--expiring', '1d']);
    expect(result.code).toBe(2);
  });
});

describe('token delete --expired', () => {
  it('needs --yes without a terminal, and then deletes nothing', async () => {
    const expired = await createdDaysAgo(3, { name: 'old-a', ttl: '1h' });
    const result = await sandbox.run(['token', 'delete', '--expired']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: deleting \d+ expired tokens? needs a confirmation and stdin is not a terminal$/m);
    expect(result.stderr).toMatch(/^hint: pass --yes$/m);
    expect(await tokenIds()).toContain(expired.id);
  });

  it('with --yes lists them, deletes each with one line, and sums up; live tokens stay', async () => {
    const a = await createdDaysAgo(3, { name: 'old-b', ttl: '1h' });
    const b = await createdDaysAgo(5, { name: 'old-c', ttl: '2h' });
    const result = await sandbox.run(['token', 'delete', '--expired', '--yes']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`deleted ${a.id} old-b\n`);
    expect(result.stdout).toContain(`deleted ${b.id} old-c\n`);
    expect(result.stderr).toMatch(/^ID {2,}Name {2,}Expires at/m); // the listing comes first
    expect(result.stderr).toMatch(/^Deleted (\d+) of \1 expired tokens\.$/m);
    const left = await tokenIds();
    expect(left).not.toContain(a.id);
    expect(left).toContain(admin.id);

    const again = await sandbox.run(['token', 'delete', '--expired', '--yes', '-o', 'json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ deleted: [], failed: [] });
    expect(again.stderr).toBe('No expired tokens.\n');
  });

  it('exits 1 when a delete fails, and says which', async () => {
    const other = await registerAccount(server.url);
    const narrow = await createToken(server.url, other, { name: 'lister', permissions: ['ListAPITokens'] });
    const stale = await createdDaysAgo(2, { name: 'old-d', ttl: '1h' }, other);
    const box = createSandbox(server.url);
    try {
      writeConfig(box.configPath, [{ name: 'narrow', organizationId: other.organization.id, apiToken: narrow.token }], 'narrow');
      const result = await box.run(['token', 'delete', '--expired', '--yes']);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(new RegExp(`^failed  ${stale.id} old-d: .*missing permission DeleteAPIToken`, 'm'));
      expect(result.stderr).toMatch(/^Deleted 0 of 1 expired token; 1 failed\.$/m);
    } finally {
      box.remove();
    }
  });
});

describe('profile check', () => {
  it('exit 0 and a table when every profile is fine; JSON in the documented shape', async () => {
    const table = await sandbox.run(['profile', 'check']);
    expect(table.code).toBe(0);
    const [header, , row] = table.stdout.trim().split('\n');
    expect(header).toMatch(/^PROFILE {2,}STATUS {2,}EXPIRES AT {2,}LAST USED {2,}PERMISSIONS {2,}DETAIL$/);
    expect(row).toMatch(/^work {2,}ok {2,}.*\(in 30d\) {2,}.* UTC \(\d+s ago\) {2,}\[\*\]$/);

    const json = await sandbox.run(['profile', 'check', 'work', '-o', 'json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      profiles: [
        {
          profile: 'work',
          status: 'ok',
          'token-id': admin.id,
          'token-name': 'admin',
          'expires-at': admin['expires-at'],
          'last-used-at': expect.stringMatching(/^\d{4}-/),
          permissions: ['*'],
          detail: null,
        },
      ],
    });
  });

  it('exit 3 when one expires within --warn and none fail', async () => {
    const soon = await createToken(server.url, account, { name: 'soon', ttl: '30h' });
    const box = createSandbox(server.url);
    try {
      writeConfig(box.configPath, [
        { name: 'work', organizationId: account.organization.id, apiToken: admin.token },
        { name: 'soon', organizationId: account.organization.id, apiToken: soon.token },
      ]);
      const result = await box.run(['profile', 'check', '--all']);
      expect(result.code).toBe(3);
      expect(result.stdout).toMatch(/^soon {2,}expiring {2,}.*expires within 7d$/m);
      const relaxed = await box.run(['profile', 'check', '--all', '--warn', '1d']);
      expect(relaxed.code).toBe(0);
    } finally {
      box.remove();
    }
  });

  it('exit 1 when any is expired, refused or incomplete, each with its status', async () => {
    const stale = await createdDaysAgo(10, { name: 'stale', ttl: '1h' });
    const gone = await createToken(server.url, account, { name: 'gone' });
    await server.storage.deleteToken(account.organization.id, gone.id);
    const box = createSandbox(server.url);
    try {
      writeConfig(box.configPath, [
        { name: 'work', organizationId: account.organization.id, apiToken: admin.token },
        { name: 'stale', organizationId: account.organization.id, apiToken: stale.token },
        { name: 'gone', organizationId: account.organization.id, apiToken: gone.token },
      ]);
      writeFileSync(box.configPath, `${'  half:\n    organization-id: x\n'}`, { flag: 'a' });
      const result = await box.run(['profile', 'check', '--all', '-o', 'json']);
      expect(result.code).toBe(1);
      const statuses = Object.fromEntries((JSON.parse(result.stdout).profiles as Array<{ profile: string; status: string }>).map((p) => [p.profile, p.status]));
      expect(statuses).toEqual({ work: 'ok', stale: 'expired', gone: 'refused', half: 'incomplete' });
      expect(result.stdout).not.toContain(stale.token);
    } finally {
      box.remove();
    }
  });

  it('unreachable when the endpoint does not answer (exit 1)', async () => {
    const port = await unusedLoopbackPort();
    const result = await sandbox.run(['profile', 'check', '--endpoint', `http://127.0.0.1:${port}`]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^work {2,}unreachable {2,}- {2,}- {2,}- {2,}.*127\.0\.0\.1/m);
  });
});

describe('against a server without the extensions', () => {
  let box: Sandbox;
  let owner: RegisteredAccount;
  let token: CreatedToken;
  beforeAll(async () => {
    owner = await registerAccount(plain.url);
    token = await createToken(plain.url, owner, { name: 'admin' });
    box = createSandbox(plain.url);
    writeConfig(box.configPath, [{ name: 'work', organizationId: owner.organization.id, apiToken: token.token }], 'work');
  });
  afterAll(() => box.remove());

  it('profile check falls back to whether the token authenticates, and says so in one line', async () => {
    const result = await box.run(['profile', 'check']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^work {2,}ok {2,}- {2,}- {2,}-$/m);
    const host = new URL(plain.url).host;
    expect(result.stderr).toBe(`warning: ${host} lacks GET /api/v1/token/current, an extension of appclacks server: expiry and last use unknown, only whether tokens authenticate\n`);
  });

  it('token list keeps the official columns only', async () => {
    const result = await box.run(['token', 'list']);
    expect(result.stdout.split('\n')[0]).toMatch(/^ID {2,}Name {2,}Expires at {2,}Description {2,}Permissions$/);
  });

  it('token rotate says the server lacks rotation, in one line, exit 1', async () => {
    const result = await box.run(['token', 'rotate', '--id', token.id], { env: { APPCLACKS_ACCOUNT_EMAIL: owner.email, APPCLACKS_ACCOUNT_PASSWORD: owner.password } });
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe(
      `error: ${new URL(plain.url).host} lacks token rotation (POST /app/v1/token/{id}/rotate), an extension of appclacks server: this command cannot work there`,
    );
    expect(result.stderr).toMatch(/^hint: create a new token with `appclacks token create`/m);
  });
});

// `profile rotate` step by step against the real server: the happy path, and
// a failure at each step, checking each time that the user still holds a
// working credential or the new secret (README, "profile rotate").
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { run as rotateProfile, type ProfileRotateOptions } from '../../src/cli/commands/profile/rotate';
import { createCliDeps } from '../../src/cli/deps';
import { runCli } from '../../src/cli/run-cli';
import { ConfigStore } from '../../src/config';
import { basicAuth, createToken, registerAccount, startTestServer, type RegisteredAccount, type TestServer } from '../helpers/server';
import { bufferDeps } from './helpers/buffer-deps';
import { writeConfig } from './helpers/config-file';
import { startFailingProxy, type FailingProxy } from './helpers/failing-proxy';

let server: TestServer;
let plain: TestServer;
let proxy: FailingProxy;
let account: RegisteredAccount;
let dir: string;
let configPath: string;

beforeAll(async () => {
  [server, plain] = await Promise.all([startTestServer(), startTestServer({ extensions: false })]);
  proxy = await startFailingProxy(server.url);
  account = await registerAccount(server.url);
});
afterAll(async () => {
  await proxy.close();
  await Promise.all([server.close(), plain.close()]);
});
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'appclacks-rotate-'));
  configPath = path.join(dir, 'appclacks.yaml');
  proxy.failWhen(() => undefined);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function status(url: string, organizationId: string, secret: string): Promise<number> {
  return (await fetch(`${url}/api/v1/token/current`, { headers: { authorization: basicAuth(organizationId, secret) } })).status;
}

/** A profile `work` holding a fresh token of `account`. */
async function profileWithToken(url = server.url, owner: RegisteredAccount = account, permissions = ['*']) {
  const token = await createToken(url, owner, { name: 'work-cli', description: 'laptop', permissions, ttl: '720h' });
  writeConfig(configPath, [{ name: 'work', organizationId: owner.organization.id, apiToken: token.token }], 'work');
  return token;
}

const savedToken = () => /api-token: (\S+)/.exec(readFileSync(configPath, 'utf8'))![1]!;
const SECRET = /apc_[0-9A-Za-z]{49}/;

function env(endpoint: string, owner: RegisteredAccount = account) {
  return {
    APPCLACKS_CONFIG: configPath,
    APPCLACKS_API_ENDPOINT: endpoint,
    APPCLACKS_ACCOUNT_EMAIL: owner.email,
    APPCLACKS_ACCOUNT_PASSWORD: owner.password,
  };
}

async function cli(argv: string[], endpoint = server.url, owner: RegisteredAccount = account) {
  const deps = bufferDeps({ env: env(endpoint, owner) });
  const code = await runCli(argv, deps.base);
  return { code, stdout: deps.stdout(), stderr: deps.stderr() };
}

describe('profile rotate', () => {
  it('saves a verified new token in the profile and deletes the old one; the secret is not printed', async () => {
    const old = await profileWithToken();
    const result = await cli(['profile', 'rotate', 'work']);
    expect(result.code).toBe(0);
    const saved = savedToken();
    expect(saved).not.toBe(old.token);
    expect(await status(server.url, account.organization.id, saved)).toBe(200);
    expect(await status(server.url, account.organization.id, old.token)).toBe(401); // the grace was ended
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toMatch(SECRET);
    expect(result.stderr).toMatch(/^Profile work now uses token [0-9a-f-]{36} \(work-cli\), expiring .*\(in 30d\)\.$/m);
    expect(result.stderr).toContain(`The old token ${old.id} is deleted.`);
    expect(readFileSync(configPath, 'utf8')).toContain('# written by hand: keep this comment');
  });

  it('uses the selected profile without a name and prints its own JSON with -o json', async () => {
    const old = await profileWithToken();
    const result = await cli(['profile', 'rotate', '-o', 'json']);
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.stdout);
    expect(answer).toMatchObject({ profile: 'work', 'previous-deleted': true, token: { name: 'work-cli', description: 'laptop', previous: { id: old.id } } });
    expect(answer.token).not.toHaveProperty('token');
  });

  it('rotation refused (wrong password): nothing changes, the old token keeps working', async () => {
    const old = await profileWithToken();
    const before = await server.storage.counts();
    const result = await cli(['profile', 'rotate'], server.url, { ...account, password: 'not the password' });
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/^error: .*401/);
    expect(savedToken()).toBe(old.token);
    expect(await status(server.url, account.organization.id, old.token)).toBe(200);
    expect((await server.storage.counts()).tokens).toBe(before.tokens);
  });

  it('the config write fails: the new secret is printed with instructions; both tokens work until the grace ends', async () => {
    const old = await profileWithToken();
    const deps = bufferDeps({ env: env(server.url) });
    const real = createCliDeps(deps.base, {});
    const failing = new ConfigStore(configPath, {
      writeSteps: { rename: async () => Promise.reject(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' })) },
    });
    const options: ProfileRotateOptions = { name: 'work', grace: '10m', output: 'table' };
    const code = await rotateProfile(options, { ...real, configStore: async () => failing });
    await real.dispose();
    expect(code).toBe(1);
    const printed = SECRET.exec(deps.stdout())?.[0];
    expect(printed).toBeDefined();
    expect(savedToken()).toBe(old.token); // the file is as it was
    expect(await status(server.url, account.organization.id, printed!)).toBe(200);
    expect(await status(server.url, account.organization.id, old.token)).toBe(200);
    expect(deps.stderr()).toMatch(/^warning: rotated, but could not save the new token in profile work: cannot write .*ENOSPC/m);
    expect(deps.stderr()).toMatch(/put it in profile work as api-token; the old token [0-9a-f-]{36} stays valid until \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\.$/m);
  });

  it('verifying fails: the profile gets its old token back, the new secret is printed, the old token is not deleted', async () => {
    const old = await profileWithToken();
    let currentCalls = 0;
    proxy.failWhen((request) => {
      if (request.method === 'GET' && request.path === '/api/v1/token/current' && ++currentCalls > 1) return { status: 503, message: 'down for a moment' };
      return undefined;
    });
    const result = await cli(['profile', 'rotate', 'work'], proxy.url);
    expect(result.code).toBe(1);
    expect(savedToken()).toBe(old.token);
    const printed = SECRET.exec(result.stdout)?.[0];
    expect(printed).toBeDefined();
    expect(await status(server.url, account.organization.id, old.token)).toBe(200);
    expect(await status(server.url, account.organization.id, printed!)).toBe(200);
    expect(proxy.seen.some((r) => r.method === 'DELETE')).toBe(false);
    expect(result.stderr).toMatch(/^warning: could not verify the new token .*503.*down for a moment/m);
    expect(result.stderr).toMatch(/^Profile work keeps its old token: the old token .* stays valid until .* UTC\./m);
  });

  it('ending the grace fails (the token lacks DeleteAPIToken): exit 0, the old token ends by itself at the time said', async () => {
    const old = await profileWithToken(server.url, account, ['GetOrganization']);
    const result = await cli(['profile', 'rotate', 'work', '--grace', '5m']);
    expect(result.code).toBe(0);
    const saved = savedToken();
    expect(saved).not.toBe(old.token);
    expect(await status(server.url, account.organization.id, saved)).toBe(200);
    expect(await status(server.url, account.organization.id, old.token)).toBe(200);
    const [, at] = /^warning: could not delete the old token .*missing permission DeleteAPIToken.*: it expires by itself at (.*) UTC$/m.exec(result.stderr)!;
    const listed = await server.storage.getToken(account.organization.id, old.id);
    expect(`${new Date(listed!.expiresAt).toISOString().slice(0, 19).replace('T', ' ')}`).toBe(at);
  });

  it('a profile whose token is already refused says so and changes nothing', async () => {
    const old = await profileWithToken();
    await server.storage.deleteToken(account.organization.id, old.id);
    const result = await cli(['profile', 'rotate', 'work']);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/^hint: the token of profile work no longer authenticates: nothing to rotate/m);
    expect(savedToken()).toBe(old.token);
  });

  it('against a server without the extensions: one line, and the way out', async () => {
    const owner = await registerAccount(plain.url);
    const old = await profileWithToken(plain.url, owner);
    const result = await cli(['profile', 'rotate', 'work'], plain.url, owner);
    expect(result.code).toBe(1);
    const host = new URL(plain.url).host;
    expect(result.stderr).toBe(
      `error: ${host} lacks GET /api/v1/token/current, an extension of appclacks server: this command cannot work there\n` +
        'hint: run `appclacks login --profile-name work --force` for a new token, then delete the old one with `appclacks token delete`\n',
    );
    expect(savedToken()).toBe(old.token);
  });
});

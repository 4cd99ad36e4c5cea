// `-o json` of every command shared with the official Appclacks CLI, through
// the built program against a real server: the top-level shape is the API's
// response object for the call, with every key the official CLI prints (it
// marshals the response struct it decoded), so scripts written for it work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, seedOrganization, startTestServer, type TestServer } from '../helpers/server';
import { createSandbox, type Sandbox } from './helpers/bin';
import { writeConfig } from './helpers/config-file';

// The official structs' JSON keys, in the order the official CLI prints them.
const TOKEN_KEYS = ['id', 'name', 'token', 'description', 'permissions', 'created-at', 'expires-at', 'ttl'];
const ORGANIZATION_KEYS = ['id', 'name', 'description', 'created-at'];
const ACCOUNT_KEYS = ['id', 'first-name', 'last-name', 'email', 'created-at'];

let server: TestServer;
let sandbox: Sandbox;
let org: Awaited<ReturnType<typeof seedOrganization>>;
let passwordEnv: Record<string, string>;

/** Runs the command with -o json, expects success, returns the parsed stdout. */
async function json(args: string[], env: Record<string, string> = {}, input?: string): Promise<Record<string, unknown>> {
  const result = await sandbox.run([...args, '-o', 'json'], { env, ...(input !== undefined && { input }) });
  expect(result.stderr).not.toMatch(/^error:/m);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

/** The official keys come first and in order; a server's own extra keys may follow. */
function expectOfficialKeys(value: unknown, keys: readonly string[]): void {
  expect(Object.keys(value as object).slice(0, keys.length)).toEqual(keys);
}

beforeAll(async () => {
  server = await startTestServer();
  org = await seedOrganization(server.url, { description: 'ops team' });
  sandbox = createSandbox(server.url);
  writeConfig(sandbox.configPath, [{ name: 'work', organizationId: org.organization.id, apiToken: org.token.token }], 'work');
  passwordEnv = { APPCLACKS_ACCOUNT_EMAIL: org.email, APPCLACKS_ACCOUNT_PASSWORD: org.password };
});

afterAll(async () => {
  sandbox.remove();
  await server.close();
});

describe.concurrent('-o json prints the API response object, as the official CLI does', () => {
  it('token list: {"result": [APIToken...]}, never a bare array, and no secret', async () => {
    const body = await json(['token', 'list']);
    expect(Object.keys(body)).toEqual(['result']);
    const listed = body.result as Array<Record<string, unknown>>;
    expect(Array.isArray(listed)).toBe(true);
    const admin = listed.find((t) => t.id === org.token.id)!;
    expectOfficialKeys(admin, TOKEN_KEYS);
    // The official struct always has the key; in a list it is empty.
    expect(admin).toMatchObject({ name: 'admin', token: '', description: 'ops team', permissions: { actions: ['*'] } });
    expect(JSON.stringify(body)).not.toContain(org.token.token);
  });

  it('token get: the APIToken itself, its secret key empty', async () => {
    const body = await json(['token', 'get', '--id', org.token.id]);
    expectOfficialKeys(body, TOKEN_KEYS);
    const { token: _secret, ...rest } = org.token;
    // The admin token authenticated this very call, so the server says when.
    expect(body).toEqual({ ...rest, token: '', 'last-used-at': expect.stringMatching(/^\d{4}-\d\d-\d\dT/), 'last-used-from': '127.0.0.1' });
  });

  it('token create: the APIToken with its secret, the one time it is shown', async () => {
    const body = await json(['token', 'create', '--name', 'shape', '--ttl', '1h'], passwordEnv);
    expectOfficialKeys(body, TOKEN_KEYS);
    expect(body).toMatchObject({ name: 'shape', ttl: '1h', description: '' });
    expect(body.token).toEqual(expect.stringMatching(/.{20,}/));
  });

  it('token delete: {"messages": [...]}', async () => {
    const victim = await createToken(server.url, org, { name: 'shape-victim' });
    const body = await json(['token', 'delete', '--id', victim.id]);
    expect(body).toEqual({ messages: [expect.any(String)] });
  });

  it('account organization: the Organization itself', async () => {
    const body = await json(['account', 'organization'], passwordEnv);
    expectOfficialKeys(body, ORGANIZATION_KEYS);
    expect(body).toEqual(org.organization);
  });

  it('account password change: {"messages": [...]}', async () => {
    const own = await seedOrganization(server.url);
    const env = { APPCLACKS_ACCOUNT_EMAIL: own.email, APPCLACKS_ACCOUNT_PASSWORD: own.password };
    const body = await json(['account', 'password', 'change', '--new-password-stdin'], env, 'a brand new password\n');
    expect(Object.keys(body)).toEqual(['messages']);
    expect(Array.isArray(body.messages)).toBe(true);
  });

  it('organization create: {"organization": Organization, "account": Account}', async () => {
    const body = await json(
      ['organization', 'create', '--organization-name', 'shapes', '--account-first-name', 'Grace', '--account-last-name', 'Hopper', '--account-email', `shapes-${Date.now()}@example.com`],
      { APPCLACKS_ACCOUNT_PASSWORD: 'long enough password' },
    );
    expect(Object.keys(body)).toEqual(['organization', 'account']);
    expectOfficialKeys(body.organization, ORGANIZATION_KEYS);
    expectOfficialKeys(body.account, ACCOUNT_KEYS);
    // Without a description the official struct's pointer prints null.
    expect(body.organization).toMatchObject({ name: 'shapes', description: null });
    expect(JSON.stringify(body)).not.toContain('long enough password');
  });

  it('login: like the official CLI, no JSON object; stdout stays empty and carries no secret', async () => {
    const result = await sandbox.run(['login', '--profile-name', 'shape', '--email', org.email, '--password-stdin', '-o', 'json'], { input: `${org.password}\n` });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
  });
});

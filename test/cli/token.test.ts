// `appclacks token ...` as a user runs it: the built program, a real server,
// a private config file, stdin closed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuth, createToken, seedOrganization, startTestServer, type TestServer } from '../helpers/server';
import { createSandbox, type BinResult, type Sandbox } from './helpers/bin';
import { writeConfig } from './helpers/config-file';

let server: TestServer;
let sandbox: Sandbox;
let org: Awaited<ReturnType<typeof seedOrganization>>;
let passwordEnv: Record<string, string>;

const HEADER = /^ID {2,}Name {2,}Expires at {2,}Description {2,}Permissions$/;
const DASHES = /^-- {2,}-{4} {2,}-{10} {2,}-{11} {2,}-{11}$/;
// token list adds this server's Last used after the official columns.
const LIST_HEADER = /^ID {2,}Name {2,}Expires at {2,}Description {2,}Permissions {2,}Last used$/;
const LIST_DASHES = /^-- {2,}-{4} {2,}-{10} {2,}-{11} {2,}-{11} {2,}-{9}$/;
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}

/** Errors are one `error:` line and at most one `hint:` line, and never carry a secret. */
function expectCleanError(result: BinResult, secrets: readonly string[]): void {
  const errorLines = lines(result.stderr).filter((l) => !l.startsWith('note:'));
  expect(errorLines[0]).toMatch(/^error: /);
  expect(errorLines.slice(1).every((l) => l.startsWith('hint: '))).toBe(true);
  expect(errorLines.length).toBeLessThanOrEqual(2);
  for (const secret of secrets) expect(result.stderr).not.toContain(secret);
  expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
}

/** The server's list object, with the `token` key every official APIToken prints (empty: no secret in a list). */
async function listFromServer(): Promise<unknown> {
  const response = await fetch(`${server.url}/api/v1/token`, { headers: { authorization: basicAuth(org.organization.id, org.token.token) } });
  const { result } = (await response.json()) as { result: Array<Record<string, unknown>> };
  return { result: result.map((token) => ({ ...token, token: '' })) };
}

beforeAll(async () => {
  server = await startTestServer();
  org = await seedOrganization(server.url, { description: 'ops team', permissions: ['*'] });
  sandbox = createSandbox(server.url);
  writeConfig(sandbox.configPath, [{ name: 'work', organizationId: org.organization.id, apiToken: org.token.token }], 'work');
  passwordEnv = { APPCLACKS_ACCOUNT_EMAIL: org.email, APPCLACKS_ACCOUNT_PASSWORD: org.password };
});

afterAll(async () => {
  sandbox.remove();
  await server.close();
});

describe.concurrent('token list', () => {
  it('prints the official columns, a dashes row and one row per token', async () => {
    const result = await sandbox.run(['token', 'list']);
    expect(result.code).toBe(0);
    const [header, dashes, ...rows] = lines(result.stdout);
    expect(header).toMatch(LIST_HEADER);
    expect(dashes).toMatch(LIST_DASHES);
    const admin = rows.find((row) => row.startsWith(org.token.id));
    // this very list authenticated with admin: last used seconds ago
    expect(admin).toMatch(/ {2}admin {2,}\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(in 3d\) {2,}ops team {2,}\[\*\] {2,}\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(\d+s ago\)$/);
    // columns line up: every row starts its Name where the header does
    expect(admin!.indexOf('admin')).toBe(header!.indexOf('Name'));
    expect(result.stdout).not.toContain(org.token.token);
  });

  it('prints the API list object with -o json, as the official CLI does', async () => {
    const result = await sandbox.run(['token', 'list', '-o', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(await listFromServer());
    expect(result.stdout).toMatch(/^\{\n {2}"result": \[\n {4}\{\n {6}"id"/); // pretty, two spaces
  });

  it('accepts the global flags before the command too', async () => {
    const result = await sandbox.run(['-o', 'json', '-p', 'work', 'token', 'list']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(await listFromServer());
  });
});

describe('token create', () => {
  it('prints the secret once in the Token column and says on stderr it will not be shown again', async () => {
    const result = await sandbox.run(
      ['token', 'create', '--name', 'ci', '--description', 'ci runner', '--ttl', '7d', '--permission', 'ListAPITokens', '--permission', 'GetAPIToken'],
      { env: passwordEnv },
    );
    expect(result.code).toBe(0);
    const [header, , row] = lines(result.stdout);
    expect(header).toMatch(/^ID {2,}Name {2,}Token {2,}Expires at {2,}Description {2,}Permissions$/);
    expect(row).toMatch(/ {2}ci {2,}\S+ {2,}.* UTC \(in 7d\) {2,}ci runner {2,}\[ListAPITokens GetAPIToken\]$/);
    const secret = row!.split(/ {2,}/)[2]!;
    expect(secret.length).toBeGreaterThan(20);
    expect(result.stderr).toMatch(/not be shown again/);
    expect(result.stderr).not.toContain(secret);
    expect(result.stderr).not.toContain(org.password);
  });

  it('prints the created object, secret included, with -o json; 7d is sent as 168h', async () => {
    const result = await sandbox.run(['token', 'create', '--name', 'json-one', '--ttl', '7d', '-o', 'json'], { env: passwordEnv });
    expect(result.code).toBe(0);
    const created = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(created).toMatchObject({ name: 'json-one', ttl: '168h', permissions: { actions: ['*'] }, description: '' });
    expect(typeof created.token).toBe('string');
  });

  it('says what a sub-second TTL really gives: half a second, not "1 second"', async () => {
    const result = await sandbox.run(['token', 'create', '--name', 'blink', '--ttl', '500ms', '-o', 'json'], { env: passwordEnv });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^warning: --ttl 500ms is 500 milliseconds, under a minute: the token expires almost at once$/m);
    const created = JSON.parse(result.stdout) as { 'created-at': string; 'expires-at': string };
    // The server applies the same rule: the token lives 500 ms.
    expect(Date.parse(created['expires-at']) - Date.parse(created['created-at'])).toBe(500);
  });

  it('refuses a bad TTL with exit 2 before any request', async () => {
    const before = server.logs.length;
    const result = await sandbox.run(['token', 'create', '--name', 'x', '--ttl', '0s'], { env: passwordEnv });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: TTL "0s" must be positive/);
    expectCleanError(result, [org.password]);
    expect(server.logs.length).toBe(before);
  });

  it('refuses an unknown permission with exit 2 and a suggestion, before any request', async () => {
    const before = server.logs.length;
    const result = await sandbox.run(['token', 'create', '--name', 'x', '--permission', 'listapitokens'], { env: passwordEnv });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('did you mean "ListAPITokens"?');
    expect(server.logs.length).toBe(before);
  });

  it('names the variables to set when there is no password and stdin is closed', async () => {
    const result = await sandbox.run(['token', 'create', '--name', 'x']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/stdin is not a terminal/);
    expect(result.stderr).toContain('APPCLACKS_ACCOUNT_EMAIL');
  });

  it('exits 4 on a wrong password without echoing it', async () => {
    const wrong = 'not-the-password-1234';
    const result = await sandbox.run(['token', 'create', '--name', 'x'], { env: { ...passwordEnv, APPCLACKS_ACCOUNT_PASSWORD: wrong } });
    expect(result.code).toBe(4);
    expectCleanError(result, [wrong]);
  });
});

describe('token get and delete', () => {
  it('shows one token as a table and as its API object', async () => {
    const table = await sandbox.run(['token', 'get', '--id', org.token.id]);
    expect(table.code).toBe(0);
    const [header, , row, extra] = lines(table.stdout);
    expect(header).toMatch(HEADER);
    expect(row).toContain(org.token.id);
    expect(extra).toBeUndefined();

    const json = await sandbox.run(['token', 'get', '--id', org.token.id, '-o', 'json']);
    const { token: _secret, ...listed } = org.token;
    // admin authenticated the call, so the server now says when
    expect(JSON.parse(json.stdout)).toEqual({ ...listed, token: '', 'last-used-at': expect.stringMatching(RFC3339), 'last-used-from': '127.0.0.1' });
  });

  it('takes the short ID the UI shows, or any unique prefix of 8 or more, for get, delete and rotate', async () => {
    const shortId = org.token.id.slice(0, 8);
    const byShort = await sandbox.run(['token', 'get', '--id', shortId]);
    expect(byShort.code, byShort.stderr).toBe(0);
    expect(lines(byShort.stdout)[2]).toContain(org.token.id);
    expect((await sandbox.run(['token', 'get', '--id', org.token.id.slice(0, 13).toUpperCase()])).code).toBe(0);

    const victim = await createToken(server.url, org, { name: 'victim-by-prefix' });
    const deleted = await sandbox.run(['token', 'delete', '--id', victim.id.slice(0, 8)]);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(deleted.stdout).toContain(`${victim.id} deleted`);

    const rotating = await createToken(server.url, org, { name: 'rotated-by-prefix' });
    const rotated = await sandbox.run(['token', 'rotate', '--id', rotating.id.slice(0, 10)], { env: passwordEnv });
    expect(rotated.code, rotated.stderr).toBe(0);
    expect(rotated.stderr).toContain(`The old token ${rotating.id} is deleted.`);

    const unknown = await sandbox.run(['token', 'get', '--id', 'zzzzzzzz']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^error: no token ID starts with "zzzzzzzz"$/m);
    expectCleanError(unknown, [org.token.token]);
    const tooShort = await sandbox.run(['token', 'delete', '--id', shortId.slice(0, 7)]);
    expect(tooShort.code).toBe(2);
    expect(tooShort.stderr).toMatch(/too short to name one token/);
  });

  it('says an unknown ID is not found, in one line, exit 1', async () => {
    for (const verb of ['get', 'delete']) {
      const result = await sandbox.run(['token', verb, '--id', '00000000-0000-4000-8000-000000000000']);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^error: .*not found/);
      expectCleanError(result, [org.token.token]);
    }
  });

  it('deletes a token, prints the server message, and the token is gone', async () => {
    const victim = await createToken(server.url, org, { name: 'victim' });
    const result = await sandbox.run(['token', 'delete', '--id', victim.id]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${victim.id} deleted`);
    expect((await sandbox.run(['token', 'get', '--id', victim.id])).code).toBe(1);

    const other = await createToken(server.url, org, { name: 'victim-json' });
    const json = await sandbox.run(['token', 'delete', '--id', other.id, '-o', 'json']);
    expect(JSON.parse(json.stdout)).toEqual({ messages: [`API token ${other.id} deleted`] });
  });

  it('requires --id (usage, exit 2)', async () => {
    const result = await sandbox.run(['token', 'get']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: required option --id/);
  });
});

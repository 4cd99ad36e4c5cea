// Every failure becomes one ApiError with a kind, a one-line message naming
// the endpoint host, the facts a next step needs, and never a credential. The
// API layer gives no advice: the CLI's hint for each error (hintFor) is
// checked here too, against the same failures.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src/errors';
import { hintFor } from '../../src/report/report';
import { createClient, type AppclacksApi } from '../../src/api';
import { closedPortUrl, startScriptedServer, type ScriptedServer } from './scripted-server';
import { ACCOUNT, LISTED_TOKEN, ORGANIZATION, TOKEN_CREDENTIALS } from './fixtures';

let server: ScriptedServer;
let api: AppclacksApi;

beforeEach(async () => {
  server = await startScriptedServer();
  api = createClient({ endpoint: server.url, requestTimeoutMs: 2_000 });
});

afterEach(async () => {
  await api.close();
  await server.close();
});

const SECRETS = [
  ACCOUNT.password,
  TOKEN_CREDENTIALS.token,
  Buffer.from(`${ACCOUNT.email}:${ACCOUNT.password}`).toString('base64'),
  Buffer.from(`${TOKEN_CREDENTIALS.organizationId}:${TOKEN_CREDENTIALS.token}`).toString('base64'),
];

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  const apiError = error as ApiError;
  expect(apiError.message).not.toMatch(/\n/);
  expect(apiError.hint).toBeUndefined();
  expect(hintFor(apiError)).toBeTruthy();
  const shown = `${apiError.message} ${hintFor(apiError)} ${apiError.messages.join(' ')} ${JSON.stringify(apiError)}`;
  for (const secret of SECRETS) expect(shown).not.toContain(secret);
  return apiError;
}

describe('error statuses', () => {
  it('401 is an auth error that points at the token or login', async () => {
    server.reply({ status: 401, json: { messages: ['Unauthorized'] } });
    const error = await failure(api.listTokens(TOKEN_CREDENTIALS));
    expect(error).toMatchObject({ kind: 'auth', status: 401, host: server.host, messages: ['Unauthorized'] });
    expect(error.message).toBe(`${server.host} answered 401: Unauthorized`);
    expect(hintFor(error)).toContain('appclacks login');
  });

  it('401 on a password call points at the email and password', async () => {
    server.reply({ status: 401, json: { messages: ['Unauthorized'] } });
    const error = await failure(api.getOrganization(ACCOUNT));
    expect(error.kind).toBe('auth');
    expect(hintFor(error)).toContain('APPCLACKS_ACCOUNT_PASSWORD');
  });

  it('403 names the missing permission when the server does', async () => {
    server.reply({ status: 403, json: { messages: ['missing permission ListAPITokens'] } });
    const error = await failure(api.listTokens(TOKEN_CREDENTIALS));
    expect(error).toMatchObject({ kind: 'permission', status: 403, permission: 'ListAPITokens' });
    expect(error.message).toBe(`${server.host} answered 403: missing permission ListAPITokens`);
    expect(hintFor(error)).toContain('ListAPITokens');
  });

  it('403 reads the longest catalogue name, not a prefix of it', async () => {
    server.reply({ status: 403, json: { messages: ['token lacks ListHealthchecksResults'] } });
    const error = await failure(api.listTokens(TOKEN_CREDENTIALS));
    expect(error.permission).toBe('ListHealthchecksResults');
  });

  it('403 without a catalogue name leaves the permission unset', async () => {
    server.reply({ status: 403, json: { messages: ['Forbidden'] } });
    const error = await failure(api.listTokens(TOKEN_CREDENTIALS));
    expect(error.kind).toBe('permission');
    expect(error.permission).toBeUndefined();
  });

  it('404 is not-found, with a hint to list the tokens', async () => {
    server.reply({ status: 404, json: { messages: ['API token not found'] } });
    const error = await failure(api.deleteToken(TOKEN_CREDENTIALS, 'nope'));
    expect(error).toMatchObject({ kind: 'not-found', status: 404, messages: ['API token not found'] });
    expect(hintFor(error)).toContain('token list');
  });

  it("400 is a validation error carrying all the server's messages", async () => {
    server.reply({ status: 400, json: { messages: ['name is required', 'ttl: invalid duration'] } });
    const error = await failure(api.createToken(ACCOUNT, { name: '', ttl: 'x', permissions: { actions: ['*'] } }));
    expect(error).toMatchObject({ kind: 'validation', status: 400, messages: ['name is required', 'ttl: invalid duration'] });
    expect(error.message).toBe(`${server.host} answered 400: name is required; ttl: invalid duration`);
  });

  it('409 is a conflict', async () => {
    server.reply({ status: 409, json: { messages: ['organization already exists'] } });
    const error = await failure(
      api.register({
        organization: { name: 'acme' },
        account: { 'first-name': 'A', 'last-name': 'L', email: 'a@example.com', password: 'long enough pw' },
      }),
    );
    expect(error.kind).toBe('conflict');
    expect(hintFor(error)).toContain('appclacks login --email');
  });

  it('429 is rate-limited with the wait from Retry-After', async () => {
    server.reply({ status: 429, headers: { 'retry-after': '30' }, json: { messages: ['too many requests'] } });
    const error = await failure(api.getOrganizationByToken(TOKEN_CREDENTIALS));
    expect(error).toMatchObject({ kind: 'rate-limited', status: 429, retryAfterSeconds: 30 });
    expect(error.message).toBe(`${server.host} answered 429: too many requests; retry in 30s`);
  });

  it('500 is a server error', async () => {
    server.reply({ status: 500, json: { messages: ['internal error'] } });
    const error = await failure(api.createToken(ACCOUNT, { name: 'a', ttl: '1h', permissions: { actions: ['*'] } }));
    expect(error).toMatchObject({ kind: 'server', status: 500, messages: ['internal error'] });
  });

  it("a 502 with a proxy's HTML page is a server error described in one line", async () => {
    const html = '<!DOCTYPE html>\n<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<h1>Bad Gateway</h1>\n</body>\n</html>\n';
    server.reply({ status: 502, headers: { 'content-type': 'text/html' }, text: html });
    const error = await failure(api.deleteToken(TOKEN_CREDENTIALS, LISTED_TOKEN.id));
    expect(error).toMatchObject({ kind: 'server', status: 502, messages: [] });
    expect(error.message).toBe(`${server.host} answered 502 Bad Gateway with an HTML page (a proxy?)`);
  });

  it('an error status with an empty body still says what happened', async () => {
    server.reply({ status: 401 });
    const error = await failure(api.listTokens(TOKEN_CREDENTIALS));
    expect(error.kind).toBe('auth');
    expect(error.message).toBe(`${server.host} answered 401 Unauthorized with an empty body`);
  });

  it('a redirect is a protocol error naming only where it points', async () => {
    server.reply({ status: 301, headers: { location: 'https://api.example.net/api/v1/token?x=1' } });
    const error = await failure(api.listTokens(TOKEN_CREDENTIALS));
    expect(error.kind).toBe('protocol');
    expect(error.message).toBe(`${server.host} answered 301, a redirect to https://api.example.net`);
  });
});

describe('answers that are not the expected JSON', () => {
  it('an HTML page with status 200 is a protocol error', async () => {
    server.reply({ status: 200, headers: { 'content-type': 'text/html' }, text: '<html><body>Sign in to the Wi-Fi</body></html>' });
    const error = await failure(api.listTokens(TOKEN_CREDENTIALS));
    expect(error).toMatchObject({ kind: 'protocol', status: 200 });
    expect(error.message).toBe(`${server.host} answered 200 with an HTML page (a proxy?) instead of JSON`);
  });

  it('a body labelled JSON that does not parse, or plain text, is named for what it is', async () => {
    server.reply(
      { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, text: '{"result": [' },
      { status: 200, headers: { 'content-type': 'text/plain' }, text: 'ok' },
    );
    expect((await failure(api.listTokens(TOKEN_CREDENTIALS))).message).toBe(`${server.host} answered 200 with malformed JSON`);
    expect((await failure(api.listTokens(TOKEN_CREDENTIALS))).message).toBe(`${server.host} answered 200 with a text/plain body, not JSON`);
  });

  it('an empty 200 body is a protocol error for a call that returns data', async () => {
    server.reply({ status: 200 });
    const error = await failure(api.getOrganization(ACCOUNT));
    expect(error.kind).toBe('protocol');
    expect(error.message).toBe(`${server.host} answered 200 with an empty body instead of JSON`);
  });

  it('an empty 200 body after a delete means no messages, not a failure', async () => {
    server.reply({ status: 200 });
    await expect(api.deleteToken(TOKEN_CREDENTIALS, LISTED_TOKEN.id)).resolves.toEqual([]);
  });

  it('JSON of the wrong shape is a protocol error naming the field', async () => {
    server.reply({ json: { ...ORGANIZATION, 'created-at': 'yesterday' } });
    const error = await failure(api.getOrganizationByToken(TOKEN_CREDENTIALS));
    expect(error.kind).toBe('protocol');
    expect(error.message).toContain('created-at: expected an RFC 3339 time');
  });

  it('a created token without its secret is a protocol error', async () => {
    server.reply({ json: LISTED_TOKEN });
    const error = await failure(api.createToken(ACCOUNT, { name: 'a', ttl: '1h', permissions: { actions: ['*'] } }));
    expect(error.kind).toBe('protocol');
    expect(error.message).toContain('token');
  });
});

describe('secrets', () => {
  it('a server message echoing the token is redacted', async () => {
    server.reply({ status: 401, json: { messages: [`invalid token ${TOKEN_CREDENTIALS.token} for org`] } });
    const error = await failure(api.listTokens(TOKEN_CREDENTIALS));
    expect(error.message).toBe(`${server.host} answered 401: invalid token *** for org`);
    expect(error.messages).toEqual(['invalid token *** for org']);
  });

  it('a server message echoing the password or the Authorization header is redacted', async () => {
    const header = Buffer.from(`${ACCOUNT.email}:${ACCOUNT.password}`).toString('base64');
    server.reply({ status: 400, json: { messages: [`bad password ${ACCOUNT.password}`, `header Basic ${header}`] } });
    const error = await failure(api.getOrganization(ACCOUNT));
    expect(error.messages).toEqual(['bad password ***', 'header Basic ***']);
  });

  it('a server message echoing a new password is redacted', async () => {
    const newPassword = 'n3w-pa55word-zebra';
    server.reply({ status: 400, json: { messages: [`${newPassword} is too weak`] } });
    const error = await failure(api.changePassword(ACCOUNT, newPassword));
    expect(error.message).not.toContain(newPassword);
  });

  it('missing credentials fail before anything is sent', async () => {
    const error = await failure(api.listTokens({ organizationId: TOKEN_CREDENTIALS.organizationId, token: '' }));
    expect(error.kind).toBe('auth');
    expect(server.requests).toHaveLength(0);
  });
});

describe('transport failures', () => {
  it('a closed port is a network error: the host refused the connection', async () => {
    const url = await closedPortUrl();
    const refused = createClient({ endpoint: url });
    const error = await failure(refused.listTokens(TOKEN_CREDENTIALS));
    await refused.close();
    expect(error.kind).toBe('network');
    expect(error.message).toBe(`${new URL(url).host} refused the connection`);
    expect(hintFor(error)).toBe('is the endpoint right? (APPCLACKS_API_ENDPOINT / --endpoint)');
  });

  it('a server that never answers is a timeout after requestTimeoutMs', async () => {
    const impatient = createClient({ endpoint: server.url, requestTimeoutMs: 200 });
    server.otherwise({ hang: true });
    const started = Date.now();
    const error = await failure(impatient.getOrganizationByToken(TOKEN_CREDENTIALS));
    await impatient.close();
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe(`${server.host} did not answer within 0.2s`);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('close() cancels a request in flight instead of waiting for a server that never answers', async () => {
    // With a ten-minute timeout, a close that waited would outlive this test.
    const patient = createClient({ endpoint: server.url, requestTimeoutMs: 600_000 });
    server.otherwise({ hang: true });
    const before = server.requests.length;
    const pending = failure(patient.getOrganizationByToken(TOKEN_CREDENTIALS));
    await vi.waitFor(() => expect(server.requests.length).toBeGreaterThan(before));
    await patient.close();
    const error = await pending;
    expect(error.kind).not.toBe('timeout');
    expect(error.message).not.toContain(TOKEN_CREDENTIALS.token);
  });

  it('speaking TLS to a plain HTTP port is a network error about TLS', async () => {
    const tls = createClient({ endpoint: server.url.replace('http:', 'https:') });
    const error = await failure(tls.getOrganizationByToken(TOKEN_CREDENTIALS));
    await tls.close();
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(new RegExp(`^TLS with ${server.host} failed \\(`));
  });

  it('a reset connection on a POST is a network error', async () => {
    server.reply({ reset: true });
    const error = await failure(api.createToken(ACCOUNT, { name: 'a', ttl: '1h', permissions: { actions: ['*'] } }));
    expect(error.kind).toBe('network');
    expect(error.message).toBe(`${server.host} closed the connection before answering`);
  });
});

describe('endpoints', () => {
  it('rejects an endpoint that is not a URL', () => {
    expect(() => createClient({ endpoint: 'api.appclacks.com' })).toThrow(/not a URL/);
  });

  it('rejects credentials inside the endpoint URL', () => {
    expect(() => createClient({ endpoint: 'https://me:pw@api.appclacks.com' })).toThrow(/user name or password/);
  });

  it('holds to the rule the config applies: no query or fragment, and no CLI advice', () => {
    expect(() => createClient({ endpoint: 'https://api.appclacks.com/?x=1' })).toThrow(/no query or fragment/);
    expect(() => createClient({ endpoint: 'ftp://api.appclacks.com' })).toThrow(/^invalid API endpoint: expected http or https, got ftp$/);
  });
});

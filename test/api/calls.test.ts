// Each call of docs/api.md: what goes on the wire, and what comes back parsed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, type AppclacksApi } from '../../src/api';
import { USER_AGENT } from '../../src/version';
import { startScriptedServer, type ScriptedServer } from './scripted-server';
import {
  ACCOUNT,
  ACCOUNT_OBJECT,
  CREATED_TOKEN,
  LISTED_TOKEN,
  ORGANIZATION,
  TOKEN_CREDENTIALS,
  basic,
} from './fixtures';

let server: ScriptedServer;
let api: AppclacksApi;

beforeEach(async () => {
  server = await startScriptedServer();
  api = createClient({ endpoint: server.url });
});

afterEach(async () => {
  await api.close();
  await server.close();
});

const passwordAuth = basic(ACCOUNT.email, ACCOUNT.password);
const tokenAuth = basic(TOKEN_CREDENTIALS.organizationId, TOKEN_CREDENTIALS.token);

function onlyRequest() {
  expect(server.requests).toHaveLength(1);
  return server.requests[0]!;
}

describe('register', () => {
  it('posts the organization and account without any authorization', async () => {
    server.reply({ json: { organization: ORGANIZATION, account: ACCOUNT_OBJECT } });
    const request = {
      organization: { name: 'acme', description: 'rockets' },
      account: { 'first-name': 'Ada', 'last-name': 'Lovelace', email: 'ada@example.com', password: 'long enough pw' },
    };

    const answer = await api.register(request);

    const sent = onlyRequest();
    expect(sent.method).toBe('POST');
    expect(sent.path).toBe('/register');
    expect(sent.headers.authorization).toBeUndefined();
    expect(sent.headers['content-type']).toBe('application/json');
    expect(JSON.parse(sent.body)).toEqual(request);
    expect(answer).toEqual({ organization: ORGANIZATION, account: ACCOUNT_OBJECT });
  });
});

describe('password-auth calls', () => {
  it('reads the organization with the email and password as Basic auth', async () => {
    server.reply({ json: ORGANIZATION });

    const organization = await api.getOrganization(ACCOUNT);

    const sent = onlyRequest();
    expect(sent.method).toBe('GET');
    expect(sent.path).toBe('/app/v1/organization');
    expect(sent.headers.authorization).toBe(passwordAuth);
    expect(sent.body).toBe('');
    expect(sent.headers['content-type']).toBeUndefined();
    expect(organization).toEqual(ORGANIZATION);
  });

  it('changes the password with a kebab-case body and returns the messages', async () => {
    server.reply({ json: { messages: ['password changed'] } });

    const messages = await api.changePassword(ACCOUNT, 'a brand new password');

    const sent = onlyRequest();
    expect(sent.method).toBe('POST');
    expect(sent.path).toBe('/app/v1/password/change');
    expect(sent.headers.authorization).toBe(passwordAuth);
    expect(JSON.parse(sent.body)).toEqual({ 'new-password': 'a brand new password' });
    expect(messages).toEqual(['password changed']);
  });

  it('creates a token and returns it with its secret', async () => {
    server.reply({ json: CREATED_TOKEN });
    const request = { name: 'admin', description: 'ops team', ttl: '72h', permissions: { actions: ['ListAPITokens', 'GetAPIToken'] } };

    const token = await api.createToken(ACCOUNT, request);

    const sent = onlyRequest();
    expect(sent.method).toBe('POST');
    expect(sent.path).toBe('/app/v1/token');
    expect(sent.headers.authorization).toBe(passwordAuth);
    expect(sent.headers['content-type']).toBe('application/json');
    expect(JSON.parse(sent.body)).toEqual(request);
    expect(token).toEqual(CREATED_TOKEN);
    expect(token.token).toBe('tok_NEW_secret_value_123');
  });
});

describe('token-auth calls', () => {
  it('lists tokens with the organization ID and token as Basic auth', async () => {
    const second = { ...LISTED_TOKEN, id: 'd9748b4f-e4c7-4765-9b36-d7a92f982435', name: 'ci', token: '', permissions: { actions: ['*'] } };
    server.reply({ json: { result: [LISTED_TOKEN, second] } });

    const tokens = await api.listTokens(TOKEN_CREDENTIALS);

    const sent = onlyRequest();
    expect(sent.method).toBe('GET');
    expect(sent.path).toBe('/api/v1/token');
    expect(sent.headers.authorization).toBe(tokenAuth);
    expect(tokens).toEqual([LISTED_TOKEN, second]);
  });

  it('reads a null list as no tokens', async () => {
    server.reply({ json: { result: null } });
    await expect(api.listTokens(TOKEN_CREDENTIALS)).resolves.toEqual([]);
  });

  it('gets one token, its ID encoded in the path', async () => {
    server.reply({ json: LISTED_TOKEN });

    const token = await api.getToken(TOKEN_CREDENTIALS, 'a/b c?d');

    const sent = onlyRequest();
    expect(sent.method).toBe('GET');
    expect(sent.path).toBe('/api/v1/token/a%2Fb%20c%3Fd');
    expect(sent.headers.authorization).toBe(tokenAuth);
    expect(token).toEqual(LISTED_TOKEN);
    expect(token.token).toBeUndefined();
  });

  it('deletes a token and returns the messages', async () => {
    server.reply({ json: { messages: ['API token deleted'] } });

    const messages = await api.deleteToken(TOKEN_CREDENTIALS, LISTED_TOKEN.id);

    const sent = onlyRequest();
    expect(sent.method).toBe('DELETE');
    expect(sent.path).toBe(`/api/v1/token/${LISTED_TOKEN.id}`);
    expect(sent.headers.authorization).toBe(tokenAuth);
    expect(sent.body).toBe('');
    expect(messages).toEqual(['API token deleted']);
  });

  it('reads the organization by token', async () => {
    server.reply({ json: { ...ORGANIZATION, description: null } });

    const organization = await api.getOrganizationByToken(TOKEN_CREDENTIALS);

    const sent = onlyRequest();
    expect(sent.method).toBe('GET');
    expect(sent.path).toBe('/api/v1/organization');
    expect(sent.headers.authorization).toBe(tokenAuth);
    expect(organization.description).toBeNull();
  });
});

describe('every request', () => {
  it('names the project in User-Agent and asks for JSON', async () => {
    server.reply({ json: ORGANIZATION });
    await api.getOrganizationByToken(TOKEN_CREDENTIALS);
    const sent = onlyRequest();
    expect(sent.headers['user-agent']).toBe(USER_AGENT);
    expect(USER_AGENT).toMatch(/^appclacks-tui\//);
    expect(sent.headers.accept).toBe('application/json');
  });

  it('encodes non-ASCII credentials as UTF-8 before base64', async () => {
    server.reply({ json: ORGANIZATION });
    await api.getOrganization({ email: 'zoë@example.com', password: 'mot-de-passe-été' });
    expect(onlyRequest().headers.authorization).toBe(
      `Basic ${Buffer.from('zoë@example.com:mot-de-passe-été', 'utf8').toString('base64')}`,
    );
  });

  it('reuses keep-alive connections across calls', async () => {
    server.otherwise({ json: ORGANIZATION });
    for (let i = 0; i < 5; i++) await api.getOrganizationByToken(TOKEN_CREDENTIALS);
    expect(server.requests).toHaveLength(5);
    // undici's Pool may open a second socket while the first is being
    // released; without keep-alive there would be one per request.
    expect(server.connections()).toBeLessThanOrEqual(2);
  });

  it('keeps a path prefix given in the endpoint', async () => {
    const prefixed = createClient({ endpoint: `${server.url}/appclacks/` });
    server.reply({ json: ORGANIZATION });
    await prefixed.getOrganizationByToken(TOKEN_CREDENTIALS);
    await prefixed.close();
    expect(onlyRequest().path).toBe('/appclacks/api/v1/organization');
    expect(prefixed.endpoint).toBe(`${server.url}/appclacks`);
  });
});

describe('timestamps', () => {
  it.each([
    ['without fractional seconds', '2024-01-10T21:39:56Z'],
    ['with milliseconds', '2024-01-10T21:39:56.123Z'],
    ['with nanoseconds', '2024-01-10T21:39:56.123456789Z'],
    ['with an offset', '2024-01-10T21:39:56.5+00:00'],
  ])('accepts a time %s', async (_, time) => {
    server.reply({ json: { ...LISTED_TOKEN, 'created-at': time, 'expires-at': time } });
    const token = await api.getToken(TOKEN_CREDENTIALS, LISTED_TOKEN.id);
    expect(token['created-at']).toBe(time);
    expect(token['expires-at']).toBe(time);
  });
});

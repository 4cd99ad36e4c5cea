// HTTP details a careful client or cache relies on: 405 with Allow for a
// known path, and no-store on every signed-in response.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, registerAccount, startTestServer, type RegisteredAccount, type TestServer } from '../helpers/server';
import { send, tokenAuth } from './http';

let server: TestServer;
let account: RegisteredAccount;
beforeAll(async () => {
  server = await startTestServer();
  account = await registerAccount(server.url);
});
afterAll(() => server.close());

describe('a wrong method on a known path', () => {
  it.each([
    ['DELETE', '/app/v1/organization', 'GET, HEAD'],
    ['PUT', '/api/v1/token/5a06c1d2-0000-4000-8000-000000000000', 'DELETE, GET, HEAD'],
    ['GET', '/register', 'POST'],
    ['PATCH', '/app/v1/token', 'POST'],
  ])('%s %s is 405 with Allow: %s', async (method, path, allow) => {
    const response = await send(server.url, method, path);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe(allow);
    expect(response.json.messages).toEqual([`${method} is not allowed on ${path}: use ${allow}`]);
  });

  it('an unknown path stays 404', async () => {
    expect((await send(server.url, 'DELETE', '/app/v1/nothing')).status).toBe(404);
  });
});

describe('Cache-Control: no-store', () => {
  it('is on the response that carries a new token secret, and on every signed-in answer', async () => {
    const create = await send(server.url, 'POST', '/app/v1/token', {
      auth: { user: account.email, password: account.password },
      body: { name: 'ci', ttl: '1h', permissions: { actions: ['*'] } },
    });
    expect(create.status).toBe(200);
    expect(create.headers.get('cache-control')).toBe('no-store');
    const token = await createToken(server.url, account, { name: 'reader', permissions: ['ListAPITokens'] });
    const responses = await Promise.all([
      send(server.url, 'GET', '/app/v1/organization', { auth: { user: account.email, password: account.password } }),
      send(server.url, 'GET', '/api/v1/token', { auth: tokenAuth(account.organization.id, token.token) }),
      send(server.url, 'GET', '/api/v1/organization', { auth: tokenAuth(account.organization.id, token.token) }),
      send(server.url, 'GET', '/api/v1/token', { auth: tokenAuth(account.organization.id, 'apc_wrong') }),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 403, 401]);
    for (const response of responses) expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

// For every /api/v1 endpoint: the one needed permission passes, every other
// permission together fails with 403 naming the missing one, `*` passes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROUTE_PERMISSIONS } from '../../src/server/routes/api';
import { PERMISSION_NAMES } from '../../src/tokens';
import { createToken, registerAccount, startTestServer, type RegisteredAccount, type TestServer } from '../helpers/server';
import { send, tokenAuth } from './http';

let server: TestServer;
let registered: RegisteredAccount;
beforeAll(async () => {
  server = await startTestServer();
  registered = await registerAccount(server.url);
});
afterAll(() => server.close());

/** Sends the route's request; DELETE gets a fresh victim each time. */
async function call(route: string, secret: string) {
  const [method, pattern] = route.split(' ') as [string, string];
  let path = pattern;
  if (pattern.includes(':id')) {
    const victim = await createToken(server.url, registered, { name: 'victim' });
    path = pattern.replace(':id', victim.id);
  }
  return send(server.url, method, path, { auth: tokenAuth(registered.organization.id, secret) });
}

describe.each(Object.entries(API_ROUTE_PERMISSIONS))('%s needs %s', (route, permission) => {
  it('passes with only that permission', async () => {
    const token = await createToken(server.url, registered, { name: 'only', permissions: [permission] });
    expect((await call(route, token.token)).status).toBe(200);
  });

  it('is refused with 403 naming it when the token has every other permission', async () => {
    const others = PERMISSION_NAMES.filter((name) => name !== permission && name !== '*');
    const token = await createToken(server.url, registered, { name: 'all-but', permissions: others });
    const response = await call(route, token.token);
    expect(response.status).toBe(403);
    expect(response.json).toEqual({ messages: [`missing permission ${permission}`] });
  });

  it('passes with *', async () => {
    const token = await createToken(server.url, registered, { name: 'star', permissions: ['*'] });
    expect((await call(route, token.token)).status).toBe(200);
  });
});

it('the matrix covers every /api/v1 route the server has', () => {
  expect(Object.keys(API_ROUTE_PERMISSIONS).sort()).toEqual([
    'DELETE /api/v1/token/:id',
    'GET /api/v1/organization',
    'GET /api/v1/token',
    'GET /api/v1/token/:id',
  ]);
});

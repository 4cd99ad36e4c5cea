// Request logs: one line per request with method, path, status and duration,
// and never a credential.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { basicAuth, createToken, registerAccount, startTestServer, type TestServer } from '../helpers/server';
import { send, tokenAuth } from './http';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

it('logs method, path, status and duration, and no secret, password or Authorization header', async () => {
  const account = await registerAccount(server.url, { account: { password: 'a very secret password' } });
  const token = await createToken(server.url, account, { name: 'logged' });
  const auth = tokenAuth(account.organization.id, token.token);
  await send(server.url, 'GET', '/api/v1/token', { auth });
  await send(server.url, 'GET', `/api/v1/token?token=${token.token}&password=${account.password}`, { auth });
  await send(server.url, 'GET', '/app/v1/organization', { auth: { user: account.email, password: 'wrong password, logged?' } });
  // A client bug: the secret where the ID belongs.
  await send(server.url, 'GET', `/api/v1/token/${token.token}`, { auth });
  await send(server.url, 'DELETE', `/nowhere/${token.token}/x`, { auth });
  await send(server.url, 'POST', '/app/v1/token', {
    auth: { user: account.email, password: account.password },
    body: `{"name": "${token.token}", "broken`,
  });
  await send(server.url, 'POST', '/app/v1/password/change', {
    auth: { user: account.email, password: account.password },
    body: { 'new-password': 'x' },
  });

  expect(server.logs.length).toBeGreaterThanOrEqual(9);
  for (const line of server.logs) expect(line).toMatch(/^(GET|POST|DELETE) \/[^\s?]* \d{3} \d+\.\dms$/);
  expect(server.logs).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^GET \/api\/v1\/token 200 /),
      expect.stringMatching(/^GET \/app\/v1\/organization 401 /),
      expect.stringMatching(/^GET \/api\/v1\/token\/apc_\[redacted\] 404 /),
      expect.stringMatching(/^POST \/app\/v1\/token 400 /),
    ]),
  );

  const all = server.logs.join('\n');
  for (const secret of [
    token.token,
    account.password,
    'wrong password, logged?',
    basicAuth(account.organization.id, token.token).slice('Basic '.length),
    basicAuth(account.email, account.password).slice('Basic '.length),
    'Basic',
    'authorization',
  ]) {
    expect(all).not.toContain(secret);
  }
});

it('is silent by default: the test server logs into its array, not the console', async () => {
  // startTestServer routes lines to `logs`; nothing else is written.
  const before = server.logs.length;
  await send(server.url, 'GET', '/healthz');
  expect(server.logs.slice(before)).toEqual([expect.stringMatching(/^GET \/healthz 200 /)]);
});

// Token life: expiry, organizations kept apart, deletion.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, registerAccount, startTestServer, type TestServer } from '../helpers/server';
import { manualClock, send, tokenAuth } from './http';

describe('expiry', () => {
  it('a 1s token works, then fails with 401 saying it expired (real time)', async () => {
    const server = await startTestServer();
    try {
      const registered = await registerAccount(server.url);
      const token = await createToken(server.url, registered, { name: 'brief', ttl: '1s' });
      const auth = tokenAuth(registered.organization.id, token.token);
      expect((await send(server.url, 'GET', '/api/v1/organization', { auth })).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1200));
      const expired = await send(server.url, 'GET', '/api/v1/organization', { auth });
      expect(expired.status).toBe(401);
      expect(expired.json.messages[0]).toMatch(/expired/);
    } finally {
      await server.close();
    }
  });

  it('a token is valid until its expires-at and not at it (injected clock)', async () => {
    const clock = manualClock();
    const server = await startTestServer({ clock: clock.now });
    try {
      const registered = await registerAccount(server.url);
      const token = await createToken(server.url, registered, { name: 'hour', ttl: '1h' });
      const auth = tokenAuth(registered.organization.id, token.token);
      clock.advance(3_600_000 - 1);
      expect((await send(server.url, 'GET', '/api/v1/token', { auth })).status).toBe(200);
      clock.advance(1);
      const expired = await send(server.url, 'GET', '/api/v1/token', { auth });
      expect(expired.status).toBe(401);
      expect(expired.json.messages).toEqual([`API token expired at ${token['expires-at']}`]);
    } finally {
      await server.close();
    }
  });
});

describe('with two organizations', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('each token sees only its own organization; the other one is 404, never 403', async () => {
    const alpha = await registerAccount(server.url, { organization: { name: 'alpha' } });
    const beta = await registerAccount(server.url, { organization: { name: 'beta' } });
    const alphaAdmin = await createToken(server.url, alpha, { name: 'alpha-admin' });
    const betaAdmin = await createToken(server.url, beta, { name: 'beta-admin' });
    const alphaAuth = tokenAuth(alpha.organization.id, alphaAdmin.token);

    const listed = await send(server.url, 'GET', '/api/v1/token', { auth: alphaAuth });
    expect(listed.json.result.map((t: { id: string }) => t.id)).toEqual([alphaAdmin.id]);
    expect((await send(server.url, 'GET', '/api/v1/organization', { auth: alphaAuth })).json.id).toBe(alpha.organization.id);

    for (const method of ['GET', 'DELETE']) {
      const response = await send(server.url, method, `/api/v1/token/${betaAdmin.id}`, { auth: alphaAuth });
      expect(response.status, method).toBe(404);
    }
    // Beta's token survived alpha's DELETE attempt.
    const betaStill = await send(server.url, 'GET', '/api/v1/token', { auth: tokenAuth(beta.organization.id, betaAdmin.token) });
    expect(betaStill.json.result.map((t: { id: string }) => t.id)).toEqual([betaAdmin.id]);
  });

  it('reads the organization ID in token auth whatever its case, as UUIDs are', async () => {
    const registered = await registerAccount(server.url);
    const token = await createToken(server.url, registered, { name: 'cased' });
    const id = registered.organization.id;
    const mixed = id.replace(/[a-f]/g, (c, at: number) => (at % 2 === 0 ? c.toUpperCase() : c));
    for (const organizationId of [id.toUpperCase(), mixed]) {
      const response = await send(server.url, 'GET', '/api/v1/organization', { auth: tokenAuth(organizationId, token.token) });
      expect(response.status, organizationId).toBe(200);
      expect(response.json.id).toBe(id);
    }
    // Another organization's ID is still refused, in any case.
    const other = await registerAccount(server.url);
    const refused = await send(server.url, 'GET', '/api/v1/organization', {
      auth: tokenAuth(other.organization.id.toUpperCase(), token.token),
    });
    expect(refused.status).toBe(401);
  });

  it('password auth creates tokens only in the account organization', async () => {
    const alpha = await registerAccount(server.url);
    const beta = await registerAccount(server.url);
    const token = await createToken(server.url, alpha, { name: 'mine' });
    const underBeta = await send(server.url, 'GET', '/api/v1/token', { auth: tokenAuth(beta.organization.id, token.token) });
    expect(underBeta.status).toBe(401);
  });
});

describe('deletion', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('deleting the token that authenticates the request works, and it stops working at once', async () => {
    const registered = await registerAccount(server.url);
    const self = await createToken(server.url, registered, { name: 'self' });
    const auth = tokenAuth(registered.organization.id, self.token);
    const deleted = await send(server.url, 'DELETE', `/api/v1/token/${self.id}`, { auth });
    expect(deleted.status).toBe(200);
    const after = await send(server.url, 'GET', '/api/v1/organization', { auth });
    expect(after.status).toBe(401);
  });

  it('deleting twice answers 404 the second time', async () => {
    const registered = await registerAccount(server.url);
    const admin = await createToken(server.url, registered, { name: 'admin' });
    const doomed = await createToken(server.url, registered, { name: 'doomed' });
    const auth = tokenAuth(registered.organization.id, admin.token);
    expect((await send(server.url, 'DELETE', `/api/v1/token/${doomed.id}`, { auth })).status).toBe(200);
    const again = await send(server.url, 'DELETE', `/api/v1/token/${doomed.id}`, { auth });
    expect(again.status).toBe(404);
    expect(again.json.messages).toEqual([`API token ${doomed.id} not found`]);
  });

  it('finds and deletes a token whatever the case of its ID', async () => {
    const registered = await registerAccount(server.url);
    const admin = await createToken(server.url, registered, { name: 'admin' });
    const doomed = await createToken(server.url, registered, { name: 'doomed' });
    const auth = tokenAuth(registered.organization.id, admin.token);
    const found = await send(server.url, 'GET', `/api/v1/token/${admin.id.toUpperCase()}`, { auth });
    expect(found.status).toBe(200);
    expect(found.json.id).toBe(admin.id);
    expect((await send(server.url, 'DELETE', `/api/v1/token/${doomed.id.toUpperCase()}`, { auth })).status).toBe(200);
    expect((await send(server.url, 'GET', `/api/v1/token/${doomed.id}`, { auth })).status).toBe(404);
  });
});

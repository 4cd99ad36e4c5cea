// The token-lifecycle extensions: token/current, last-used-at and rotation,
// against the real server with a hand-moved clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, registerAccount, startTestServer, type RegisteredAccount, type TestServer } from '../helpers/server';
import { manualClock, send, tokenAuth, UUID } from './http';

const clock = manualClock();
let server: TestServer;
let plain: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock: clock.now });
  plain = await startTestServer({ clock: clock.now, extensions: false });
});
afterAll(async () => {
  await server.close();
  await plain.close();
});

const at = (ms: number) => new Date(ms).toISOString();
const passwordOf = (account: RegisteredAccount) => ({ user: account.email, password: account.password });

async function whoAmI(url: string, organizationId: string, secret: string) {
  return send(url, 'GET', '/api/v1/token/current', { auth: tokenAuth(organizationId, secret) });
}

/** A real use of a token: any official call it authenticates. */
async function useToken(url: string, organizationId: string, secret: string) {
  return send(url, 'GET', '/api/v1/token', { auth: tokenAuth(organizationId, secret) });
}

describe('GET /api/v1/token/current', () => {
  it('answers the token that authenticated, without its secret, whatever its permissions', async () => {
    const account = await registerAccount(server.url);
    const narrow = await createToken(server.url, account, { name: 'narrow', description: 'only org', permissions: ['GetOrganization'] });
    await createToken(server.url, account, { name: 'other' });
    const response = await whoAmI(server.url, account.organization.id, narrow.token);
    expect(response.status).toBe(200);
    const { token: secret, ...withoutSecret } = narrow;
    // Never used: asking who it is does not count as a use.
    expect(response.json).toEqual({ ...withoutSecret, 'last-used-at': null });
    expect(response.text).not.toContain(secret);
  });

  it('refuses an unknown or expired token with 401 in the documented shape', async () => {
    const account = await registerAccount(server.url);
    const short = await createToken(server.url, account, { name: 'short', ttl: '1m' });
    clock.advance(61_000);
    const expired = await whoAmI(server.url, account.organization.id, short.token);
    expect(expired.status).toBe(401);
    expect(expired.json).toEqual({ messages: [`API token expired at ${short['expires-at']}`] });
    const none = await send(server.url, 'GET', '/api/v1/token/current');
    expect(none.status).toBe(401);
  });
});

describe('last-used-at', () => {
  it('is null until the token authenticates, then moves at most once a minute', async () => {
    const account = await registerAccount(server.url);
    const admin = await createToken(server.url, account, { name: 'admin' });
    const watched = await createToken(server.url, account, { name: 'watched' });
    const lastUsed = async () =>
      (await send(server.url, 'GET', `/api/v1/token/${watched.id}`, { auth: tokenAuth(account.organization.id, admin.token) })).json['last-used-at'];

    expect(await lastUsed()).toBeNull();
    const first = clock.now();
    await useToken(server.url, account.organization.id, watched.token);
    expect(await lastUsed()).toBe(at(first));

    clock.advance(59_999);
    await useToken(server.url, account.organization.id, watched.token);
    expect(await lastUsed()).toBe(at(first)); // within the minute: no write

    clock.advance(2); // now more than a minute old
    await useToken(server.url, account.organization.id, watched.token);
    expect(await lastUsed()).toBe(at(first + 60_001));
  });

  it('is not moved by token/current: checking a token (the picker, profile check) is not a use', async () => {
    const account = await registerAccount(server.url);
    const admin = await createToken(server.url, account, { name: 'admin' });
    const idle = await createToken(server.url, account, { name: 'idle' });
    const lastUsed = async () =>
      (await send(server.url, 'GET', `/api/v1/token/${idle.id}`, { auth: tokenAuth(account.organization.id, admin.token) })).json['last-used-at'];

    const checked = await whoAmI(server.url, account.organization.id, idle.token);
    expect(checked.status).toBe(200);
    expect(checked.json['last-used-at']).toBeNull();
    expect(await lastUsed()).toBeNull();

    const used = clock.now();
    await useToken(server.url, account.organization.id, idle.token);
    clock.advance(120_000);
    // A check long after the use answers the use's time and leaves it there.
    expect((await whoAmI(server.url, account.organization.id, idle.token)).json['last-used-at']).toBe(at(used));
    expect(await lastUsed()).toBe(at(used));
  });

  it('counts a request refused for a missing permission: the token did authenticate', async () => {
    const account = await registerAccount(server.url);
    const narrow = await createToken(server.url, account, { name: 'narrow', permissions: ['GetOrganization'] });
    const refused = await send(server.url, 'GET', '/api/v1/token', { auth: tokenAuth(account.organization.id, narrow.token) });
    expect(refused.status).toBe(403);
    expect((await whoAmI(server.url, account.organization.id, narrow.token)).json['last-used-at']).toBe(at(clock.now()));
  });

  it('never moves backwards when an older time arrives late (two servers on one database)', async () => {
    const account = await registerAccount(server.url);
    const token = await createToken(server.url, account, { name: 't' });
    await server.storage.recordTokenUse(token.id, clock.now() + 120_000, clock.now() + 60_000);
    await server.storage.recordTokenUse(token.id, clock.now(), clock.now() - 60_000);
    const listed = (await server.storage.listTokens(account.organization.id))[0]!;
    expect(listed.lastUsedAt).toBe(clock.now() + 120_000);
  });
});

describe('POST /app/v1/token/{id}/rotate', () => {
  it('without grace: a new token with the same name, description, permissions and TTL; the old one is gone at once', async () => {
    const account = await registerAccount(server.url);
    const admin = await createToken(server.url, account, { name: 'admin' });
    const old = await createToken(server.url, account, { name: 'ci', description: 'deploys', ttl: '1h30m', permissions: ['ListAPITokens', 'GetAPIToken'] });
    clock.advance(5_000);
    const before = await server.storage.counts();
    const response = await send(server.url, 'POST', `/app/v1/token/${old.id}/rotate`, { auth: passwordOf(account) });
    expect(response.status).toBe(200);
    const rotated = response.json;
    expect(rotated.id).toMatch(UUID);
    expect(rotated.id).not.toBe(old.id);
    expect(rotated.token).toMatch(/^apc_[0-9A-Za-z]{49}$/);
    expect(rotated.token).not.toBe(old.token);
    expect(rotated).toMatchObject({
      name: 'ci',
      description: 'deploys',
      permissions: { actions: ['ListAPITokens', 'GetAPIToken'] },
      ttl: '1h30m',
      'created-at': at(clock.now()),
      'expires-at': at(clock.now() + 90 * 60_000),
      'last-used-at': null,
      previous: { id: old.id, 'expires-at': null },
    });
    expect((await server.storage.counts()).tokens).toBe(before.tokens); // one in, one out
    expect((await whoAmI(server.url, account.organization.id, old.token)).status).toBe(401);
    expect((await whoAmI(server.url, account.organization.id, rotated.token)).json.id).toBe(rotated.id);
    const gone = await send(server.url, 'GET', `/api/v1/token/${old.id}`, { auth: tokenAuth(account.organization.id, admin.token) });
    expect(gone.status).toBe(404);
  });

  it('with a grace period: the old token works until it ends, then not; a second rotation of it is refused', async () => {
    const account = await registerAccount(server.url);
    const old = await createToken(server.url, account, { name: 'ci', ttl: '72h' });
    const response = await send(server.url, 'POST', `/app/v1/token/${old.id}/rotate`, { auth: passwordOf(account), body: { grace: '10m' } });
    expect(response.status).toBe(200);
    const graceEnd = clock.now() + 10 * 60_000;
    expect(response.json.previous).toEqual({ id: old.id, 'expires-at': at(graceEnd) });

    const during = await whoAmI(server.url, account.organization.id, old.token);
    expect(during.status).toBe(200);
    expect(during.json['expires-at']).toBe(at(graceEnd));

    const again = await send(server.url, 'POST', `/app/v1/token/${old.id}/rotate`, { auth: passwordOf(account), body: { grace: '10m' } });
    expect(again.status).toBe(409);
    expect(again.json).toEqual({ messages: [`API token ${old.id} was already rotated into ${response.json.id}: rotate that one instead`] });

    clock.advance(10 * 60_000 + 1);
    expect((await whoAmI(server.url, account.organization.id, old.token)).status).toBe(401);
    expect((await whoAmI(server.url, account.organization.id, response.json.token)).status).toBe(200);
  });

  it('two rotations of one token at once: one wins, the other is refused, one replacement lives', async () => {
    const account = await registerAccount(server.url);
    const old = await createToken(server.url, account, { name: 'ci' });
    const rotate = () => send(server.url, 'POST', `/app/v1/token/${old.id}/rotate`, { auth: passwordOf(account), body: { grace: '10m' } });
    const answers = await Promise.all([rotate(), rotate()]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect((await server.storage.listTokens(account.organization.id)).length).toBe(2); // the old one in its grace, one new
  });

  it('never lengthens the old token: a grace past its expiry keeps the expiry', async () => {
    const account = await registerAccount(server.url);
    const old = await createToken(server.url, account, { name: 'short', ttl: '5m' });
    const response = await send(server.url, 'POST', `/app/v1/token/${old.id}/rotate`, { auth: passwordOf(account), body: { grace: '1h' } });
    expect(response.json.previous['expires-at']).toBe(old['expires-at']);
  });

  it('takes a new TTL from the body', async () => {
    const account = await registerAccount(server.url);
    const old = await createToken(server.url, account, { name: 'ci', ttl: '72h' });
    const response = await send(server.url, 'POST', `/app/v1/token/${old.id}/rotate`, { auth: passwordOf(account), body: { ttl: '2h' } });
    expect(response.json.ttl).toBe('2h');
    expect(response.json['expires-at']).toBe(at(clock.now() + 2 * 3_600_000));
  });

  it('refuses bad input in the documented shape and changes nothing', async () => {
    const account = await registerAccount(server.url);
    const old = await createToken(server.url, account, { name: 'ci' });
    const stranger = await registerAccount(server.url);
    const before = await server.storage.counts();
    const cases: Array<[number, Parameters<typeof send>[3], string]> = [
      [400, { auth: passwordOf(account), body: { grace: '7d' } }, `/app/v1/token/${old.id}/rotate`],
      [400, { auth: passwordOf(account), body: { ttl: 5 } }, `/app/v1/token/${old.id}/rotate`],
      [400, { auth: passwordOf(account), body: '[1]' }, `/app/v1/token/${old.id}/rotate`],
      [401, { auth: { user: account.email, password: 'wrong password' } }, `/app/v1/token/${old.id}/rotate`],
      [404, { auth: passwordOf(stranger) }, `/app/v1/token/${old.id}/rotate`],
      [404, { auth: passwordOf(account) }, '/app/v1/token/not-a-uuid/rotate'],
      [404, { auth: passwordOf(account) }, '/app/v1/token/8c3ae4a6-8d1e-4be3-9a0c-3d5a4c8f0e11/rotate'],
    ];
    for (const [status, options, path] of cases) {
      const response = await send(server.url, 'POST', path, options);
      expect(response.status, `${path} ${JSON.stringify(options?.body)}`).toBe(status);
      expect(response.json.messages.length).toBeGreaterThan(0);
    }
    const grace = await send(server.url, 'POST', `/app/v1/token/${old.id}/rotate`, { auth: passwordOf(account), body: { grace: '7d' } });
    expect(grace.json.messages[0]).toMatch(/^grace: /);
    expect(await server.storage.counts()).toEqual(before);
    expect((await whoAmI(server.url, account.organization.id, old.token)).status).toBe(200);
  });

  it('rolls back as a whole: a replacement that cannot be inserted leaves the old token alone', async () => {
    const account = await registerAccount(server.url);
    const old = await createToken(server.url, account, { name: 'ci' });
    const [stored] = await server.storage.listTokens(account.organization.id);
    const clash = { ...stored!, id: '00000000-0000-4000-8000-000000000001' }; // same secret hash: UNIQUE refuses it
    await expect(server.storage.rotateToken({ organizationId: account.organization.id, id: old.id, replacement: clash })).rejects.toThrow();
    expect((await server.storage.listTokens(account.organization.id)).map((t) => t.id)).toEqual([old.id]);
    expect((await whoAmI(server.url, account.organization.id, old.token)).status).toBe(200);
  });
});

describe('a server started without its extensions', () => {
  it('answers token/current and rotate as the official API would (404) and lists no last-used-at', async () => {
    const account = await registerAccount(plain.url);
    const token = await createToken(plain.url, account, { name: 'admin' });
    expect(token).not.toHaveProperty('last-used-at');
    const current = await whoAmI(plain.url, account.organization.id, token.token);
    expect(current.status).toBe(404);
    const rotate = await send(plain.url, 'POST', `/app/v1/token/${token.id}/rotate`, { auth: passwordOf(account) });
    expect(rotate.status).toBe(404);
    expect(rotate.json).toEqual({ messages: [`no route for POST /app/v1/token/${token.id}/rotate`] });
    const listed = await send(plain.url, 'GET', '/api/v1/token', { auth: tokenAuth(account.organization.id, token.token) });
    expect(Object.keys(listed.json.result[0])).toEqual(['id', 'name', 'description', 'permissions', 'created-at', 'expires-at', 'ttl']);
    expect((await plain.storage.listTokens(account.organization.id))[0]!.lastUsedAt).toBeNull(); // nothing recorded either
  });
});

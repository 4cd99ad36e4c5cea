// The audit trail extension through the real server, on both databases: each
// event kind made to happen and read back from GET /api/v1/audit, its paging
// and filters, organization isolation, and no secret anywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_KINDS, AUDIT_PERMISSION, USER_AGENT_MAX } from '../../src/server/audit/events';
import { PERMISSION_NAMES } from '../../src/tokens';
import { createToken, registerAccount, seedOrganization, startTestServer, type TestServer } from '../helpers/server';
import { manualClock, send, tokenAuth } from './http';

const clock = manualClock();
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ clock: clock.now, trustProxy: 1 });
});
afterAll(async () => {
  await server?.close();
});

type Org = Awaited<ReturnType<typeof seedOrganization>>;
const audit = (org: Org, query = '', secret = org.token.token) =>
  send(server.url, 'GET', `/api/v1/audit${query}`, { auth: tokenAuth(org.organization.id, secret) });

describe('GET /api/v1/audit', () => {
  it('records every kind of change, newest first, with actor, subject, address and user agent', async () => {
    const org = await seedOrganization(server.url);
    const auth = { user: org.email, password: org.password };
    const from = { 'x-forwarded-for': '203.0.113.7', 'user-agent': `curl/8\u009b2J${'x'.repeat(500)}` };
    clock.advance(1000);
    const ci = (await send(server.url, 'POST', '/app/v1/token', {
      auth,
      headers: from,
      body: { name: 'ci', description: '', ttl: '1h', permissions: { actions: ['*'] } },
    })).json;
    clock.advance(1000);
    const rotated = (await send(server.url, 'POST', `/app/v1/token/${ci.id}/rotate`, { auth, headers: from, body: { grace: '5m' } })).json;
    clock.advance(1000);
    expect((await send(server.url, 'DELETE', `/api/v1/token/${rotated.id}`, { auth: tokenAuth(org.organization.id, org.token.token), headers: from })).status).toBe(200);
    clock.advance(1000);
    expect((await send(server.url, 'POST', '/app/v1/password/change', { auth, headers: from, body: { 'new-password': 'a new and long password' } })).status).toBe(200);
    clock.advance(1000);
    expect((await send(server.url, 'GET', '/app/v1/organization', { auth, headers: from })).status).toBe(401); // the old password

    const response = await audit(org);
    expect(response.status).toBe(200);
    expect(Object.keys(response.json)).toEqual(['result', 'next']);
    expect(response.json.next).toBeNull();
    const events = response.json.result;
    expect(events.map((e: { kind: string }) => e.kind)).toEqual([
      'sign-in.failed',
      'account.password-changed',
      'token.deleted',
      'token.rotated',
      'token.created',
      'token.created',
      'account.registered',
    ]);
    const [failed, changed, deleted, rotation, created] = events;
    expect(created).toMatchObject({ actor: org.email, 'actor-type': 'account', 'token-id': ci.id, 'token-name': 'ci', 'client-address': '203.0.113.7' });
    expect(rotation).toMatchObject({
      actor: org.email,
      'token-id': ci.id,
      'token-name': 'ci',
      'replacement-token-id': rotated.id,
      'grace-ends-at': new Date(clock.now() - 3000 + 5 * 60_000).toISOString(),
    });
    expect(deleted).toMatchObject({ actor: org.token.id, 'actor-type': 'token', 'token-id': rotated.id, 'token-name': 'ci' });
    expect(changed).toMatchObject({ actor: org.email, 'token-id': null });
    expect(failed).toMatchObject({ actor: org.email, 'client-address': '203.0.113.7', time: new Date(clock.now()).toISOString() });
    // Sanitised for terminals (a C1 CSI could clear the reader's screen) and cut.
    expect([...created['user-agent']]).toHaveLength(USER_AGENT_MAX);
    expect(created['user-agent']).toMatch(/^curl\/8\uFFFD2Jx+…$/);
    expect(events.at(-1)).toMatchObject({ kind: 'account.registered', actor: org.email, 'client-address': '127.0.0.1' });
  });

  it('records the failure that locks sign-in, and what it locked', async () => {
    const org = await seedOrganization(server.url);
    for (let i = 0; i < 5; i++) {
      await send(server.url, 'GET', '/app/v1/organization', { auth: { user: org.email, password: `wrong ${i}` }, headers: { 'x-forwarded-for': '198.51.100.9' } });
    }
    const locked = await audit(org, '?kind=sign-in.locked');
    expect(locked.json.result).toEqual([
      expect.objectContaining({ kind: 'sign-in.locked', actor: org.email, detail: 'email+address', 'client-address': '198.51.100.9' }),
    ]);
    expect((await audit(org, '?kind=sign-in.failed')).json.result).toHaveLength(5);
  });

  it('pages with a cursor and filters by time, kind and token (as subject or replacement)', async () => {
    const org = await seedOrganization(server.url);
    const start = clock.now();
    const names = ['a', 'b', 'c', 'd', 'e'];
    const tokens = [];
    for (const name of names) {
      clock.advance(1000);
      tokens.push(await createToken(server.url, org, { name }));
    }
    const seen: string[] = [];
    let query = '?kind=token.created&limit=2';
    for (;;) {
      const page = await audit(org, query);
      expect(page.status).toBe(200);
      seen.push(...page.json.result.map((e: { 'token-name': string }) => e['token-name']));
      if (page.json.next === null) break;
      query = `?kind=token.created&limit=2&cursor=${encodeURIComponent(page.json.next)}`;
    }
    expect(seen).toEqual(['e', 'd', 'c', 'b', 'a', 'admin']);

    const window = await audit(org, `?since=${new Date(start + 2000).toISOString()}&until=${new Date(start + 4000).toISOString()}`);
    expect(window.json.result.map((e: { 'token-name': string }) => e['token-name'])).toEqual(['c', 'b']);

    const rotated = (await send(server.url, 'POST', `/app/v1/token/${tokens[0]!.id}/rotate`, { auth: { user: org.email, password: org.password } })).json;
    const ofNew = await audit(org, `?token=${rotated.id.toUpperCase()}`);
    expect(ofNew.json.result.map((e: { kind: string }) => e.kind)).toEqual(['token.rotated']);
    const ofOld = await audit(org, `?token=${tokens[0]!.id}`);
    expect(ofOld.json.result.map((e: { kind: string }) => e.kind)).toEqual(['token.rotated', 'token.created']);
  });

  it('shows an organization only its own events', async () => {
    const mine = await seedOrganization(server.url);
    const theirs = await seedOrganization(server.url);
    await createToken(server.url, theirs, { name: 'theirs-only' });
    const response = await audit(mine);
    expect(response.text).not.toContain('theirs-only');
    expect(response.text).not.toContain(theirs.email);
    expect(response.json.result.every((e: { actor: string }) => e.actor === mine.email)).toBe(true);
  });

  it('needs a * token: its permission is outside the official catalogue, so no other token holds it', async () => {
    expect(PERMISSION_NAMES).not.toContain(AUDIT_PERMISSION);
    const org = await seedOrganization(server.url);
    const narrow = await createToken(server.url, org, { name: 'narrow', permissions: ['ListAPITokens', 'GetAPIToken', 'DeleteAPIToken', 'GetOrganization'] });
    const refused = await audit(org, '', narrow.token);
    expect(refused.status).toBe(403);
    expect(refused.json).toEqual({ messages: [`missing permission ${AUDIT_PERMISSION}`] });
    expect((await audit(org, '', 'apc_nonsense')).status).toBe(401);
  });

  it('refuses bad parameters, one message per problem', async () => {
    const org = await seedOrganization(server.url);
    const response = await audit(org, '?since=yesterday&kind=token.exploded&token=abc&limit=0&cursor=zzz');
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      messages: [
        'since: must be an RFC 3339 time, e.g. 2026-01-31T12:00:00Z',
        `kind: must be one of ${AUDIT_KINDS.join(', ')}`,
        'token: must be a token ID (a UUID)',
        'limit: must be a whole number from 1 to 1000',
        'cursor: not a cursor this server gave (use the "next" of the previous page)',
      ],
    });
  });

  it('writes no event for a change that did not happen', async () => {
    const org = await seedOrganization(server.url);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await send(server.url, 'DELETE', `/api/v1/token/${missing}`, { auth: tokenAuth(org.organization.id, org.token.token) })).status).toBe(404);
    expect((await audit(org, '?kind=token.deleted')).json.result).toEqual([]);
  });
});

describe('without extensions', () => {
  it('records nothing and answers /api/v1/audit as the official API would (404)', async () => {
    const plain = await startTestServer({ extensions: false });
    try {
      const org = await seedOrganization(plain.url);
      const response = await send(plain.url, 'GET', '/api/v1/audit', { auth: tokenAuth(org.organization.id, org.token.token) });
      expect(response.status).toBe(404);
      expect(await plain.storage.listAuditEvents({ organizationId: org.organization.id, limit: 10 })).toEqual([]);
      const token = (await send(plain.url, 'GET', `/api/v1/token/${org.token.id}`, { auth: tokenAuth(org.organization.id, org.token.token) })).json;
      expect(token).not.toHaveProperty('last-used-from');
    } finally {
      await plain.close();
    }
  });
});

describe('registration', () => {
  it('is recorded with the new organization', async () => {
    const account = await registerAccount(server.url);
    const token = await createToken(server.url, account, { name: 'admin' });
    const events = (await send(server.url, 'GET', '/api/v1/audit?kind=account.registered', { auth: tokenAuth(account.organization.id, token.token) })).json.result;
    expect(events).toEqual([expect.objectContaining({ kind: 'account.registered', actor: account.email, 'actor-type': 'account', 'token-id': null })]);
  });
});

// Every endpoint's success answer, field by field against docs/api.md.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, registerAccount, startTestServer, type TestServer } from '../helpers/server';
import { manualClock, RFC3339_UTC, send, tokenAuth, UUID } from './http';

const clock = manualClock();
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock: clock.now });
});
afterAll(() => server.close());

const nowText = () => new Date(clock.now()).toISOString();

describe('POST /register', () => {
  it('answers the organization and the account, with kebab-case keys and no password', async () => {
    const response = await send(server.url, 'POST', '/register', {
      body: {
        organization: { name: 'acme', description: 'rockets' },
        account: { 'first-name': 'Ada', 'last-name': 'Lovelace', email: 'ada@example.com', password: 'correct horse battery' },
      },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const { organization, account } = response.json;
    expect(Object.keys(response.json).sort()).toEqual(['account', 'organization']);
    expect(Object.keys(organization).sort()).toEqual(['created-at', 'description', 'id', 'name']);
    expect(organization.id).toMatch(UUID);
    expect(organization.name).toBe('acme');
    expect(organization.description).toBe('rockets');
    expect(organization['created-at']).toBe(nowText());
    expect(Object.keys(account).sort()).toEqual(['created-at', 'email', 'first-name', 'id', 'last-name']);
    expect(account.id).toMatch(UUID);
    expect(account['first-name']).toBe('Ada');
    expect(account['last-name']).toBe('Lovelace');
    expect(account.email).toBe('ada@example.com');
    expect(account['created-at']).toMatch(RFC3339_UTC);
    expect(response.text).not.toContain('correct horse battery');
  });

  it('gives a null description when none is sent', async () => {
    const { organization } = await registerAccount(server.url);
    expect(organization.description).toBeNull();
  });

  it('refuses a second account with the same email, whatever its case, with 409', async () => {
    await registerAccount(server.url, { account: { email: 'grace@example.com' } });
    const again = await send(server.url, 'POST', '/register', {
      body: {
        organization: { name: 'other' },
        account: { 'first-name': 'G', 'last-name': 'H', email: 'GRACE@example.com', password: 'another password' },
      },
    });
    expect(again.status).toBe(409);
    expect(again.json.messages[0]).toContain('already exists');
  });
});

describe('/app/v1 with the account password', () => {
  it('GET /app/v1/organization answers the account organization', async () => {
    const registered = await registerAccount(server.url, { organization: { name: 'beta', description: 'b' } });
    const response = await send(server.url, 'GET', '/app/v1/organization', {
      auth: { user: registered.email, password: registered.password },
    });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ id: registered.organization.id, name: 'beta', description: 'b', 'created-at': nowText() });
  });

  it('accepts the email in another case', async () => {
    const registered = await registerAccount(server.url);
    const response = await send(server.url, 'GET', '/app/v1/organization', {
      auth: { user: registered.email.toUpperCase(), password: registered.password },
    });
    expect(response.status).toBe(200);
  });

  it('POST /app/v1/token answers the token with its secret, once', async () => {
    const registered = await registerAccount(server.url);
    const response = await send(server.url, 'POST', '/app/v1/token', {
      auth: { user: registered.email, password: registered.password },
      body: { name: 'ci', description: 'deploys', ttl: '1h30m', permissions: { actions: ['ListAPITokens', 'GetAPIToken'] } },
    });
    expect(response.status).toBe(200);
    const token = response.json;
    // The official fields in the official order, then this server's extension.
    expect(Object.keys(token)).toEqual(['id', 'name', 'token', 'description', 'permissions', 'created-at', 'expires-at', 'ttl', 'last-used-at', 'last-used-from']);
    expect(token['last-used-at']).toBeNull();
    expect(token['last-used-from']).toBeNull();
    expect(token.id).toMatch(UUID);
    expect(token.name).toBe('ci');
    expect(token.token).toMatch(/^apc_[0-9A-Za-z]{49}$/);
    expect(token.description).toBe('deploys');
    expect(token.permissions).toEqual({ actions: ['ListAPITokens', 'GetAPIToken'] });
    expect(token['created-at']).toBe(nowText());
    expect(token['expires-at']).toBe(new Date(clock.now() + 90 * 60_000).toISOString());
    expect(token.ttl).toBe('1h30m');
  });

  it('POST /app/v1/token defaults the description to an empty string', async () => {
    const registered = await registerAccount(server.url);
    const response = await send(server.url, 'POST', '/app/v1/token', {
      auth: { user: registered.email, password: registered.password },
      body: { name: 'ci', ttl: '72h', permissions: { actions: ['*'] } },
    });
    expect(response.json.description).toBe('');
  });

  it('POST /app/v1/password/change replaces the password', async () => {
    const registered = await registerAccount(server.url);
    const changed = await send(server.url, 'POST', '/app/v1/password/change', {
      auth: { user: registered.email, password: registered.password },
      body: { 'new-password': 'a brand new password' },
    });
    expect(changed.status).toBe(200);
    expect(changed.json).toEqual({ messages: ['password changed'] });
    const withOld = await send(server.url, 'GET', '/app/v1/organization', {
      auth: { user: registered.email, password: registered.password },
    });
    expect(withOld.status).toBe(401);
    const withNew = await send(server.url, 'GET', '/app/v1/organization', {
      auth: { user: registered.email, password: 'a brand new password' },
    });
    expect(withNew.status).toBe(200);
  });

  it('answers 401 with a Basic challenge for a wrong password, an unknown email or no credentials', async () => {
    const registered = await registerAccount(server.url);
    for (const auth of [{ user: registered.email, password: 'wrong password' }, { user: 'nobody@example.com', password: 'whatever12' }, undefined]) {
      const response = await send(server.url, 'GET', '/app/v1/organization', auth ? { auth } : {});
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Basic /);
      expect(response.json.messages).toHaveLength(1);
    }
  });
});

describe('/api/v1 with a token', () => {
  it('GET /api/v1/token lists the organization tokens without secrets, oldest first', async () => {
    const registered = await registerAccount(server.url);
    const first = await createToken(server.url, registered, { name: 'first', ttl: '10h', description: 'one' });
    clock.advance(1000);
    const second = await createToken(server.url, registered, { name: 'second', permissions: ['GetOrganization'] });
    const response = await send(server.url, 'GET', '/api/v1/token', { auth: tokenAuth(registered.organization.id, first.token) });
    expect(response.status).toBe(200);
    expect(Object.keys(response.json)).toEqual(['result']);
    const { token: _firstSecret, ...firstListed } = first;
    const { token: _secondSecret, ...secondListed } = second;
    // The token that authenticated the list has just been used; the other never was.
    expect(response.json.result).toEqual([{ ...firstListed, 'last-used-at': nowText(), 'last-used-from': '127.0.0.1' }, secondListed]);
    for (const listed of response.json.result) expect(listed).not.toHaveProperty('token');
    expect(response.text).not.toContain(first.token);
    expect(response.text).not.toContain(second.token);
  });

  it('GET /api/v1/token/{id} answers one token without its secret', async () => {
    const registered = await registerAccount(server.url);
    const admin = await createToken(server.url, registered, { name: 'admin' });
    const other = await createToken(server.url, registered, { name: 'other', ttl: '60m', description: 'x', permissions: ['DeleteAPIToken'] });
    const response = await send(server.url, 'GET', `/api/v1/token/${other.id}`, { auth: tokenAuth(registered.organization.id, admin.token) });
    expect(response.status).toBe(200);
    const { token: _secret, ...expected } = other;
    expect(response.json).toEqual(expected);
    expect(response.json.ttl).toBe('60m');
  });

  it('GET /api/v1/token/{id} answers 404 for an unknown ID and for one that is not a UUID', async () => {
    const registered = await registerAccount(server.url);
    const admin = await createToken(server.url, registered, { name: 'admin' });
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', "1' OR '1'='1", '%00']) {
      const response = await send(server.url, 'GET', `/api/v1/token/${encodeURIComponent(id)}`, {
        auth: tokenAuth(registered.organization.id, admin.token),
      });
      expect(response.status, id).toBe(404);
      expect(response.json.messages).toHaveLength(1);
    }
  });

  it('DELETE /api/v1/token/{id} deletes and answers messages', async () => {
    const registered = await registerAccount(server.url);
    const admin = await createToken(server.url, registered, { name: 'admin' });
    const doomed = await createToken(server.url, registered, { name: 'doomed' });
    const auth = tokenAuth(registered.organization.id, admin.token);
    const response = await send(server.url, 'DELETE', `/api/v1/token/${doomed.id}`, { auth });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ messages: [`API token ${doomed.id} deleted`] });
    const listed = await send(server.url, 'GET', '/api/v1/token', { auth });
    expect(listed.json.result.map((t: { id: string }) => t.id)).toEqual([admin.id]);
  });

  it('DELETE accepts a JSON content type with no body, as clients that always send one do', async () => {
    const registered = await registerAccount(server.url);
    const admin = await createToken(server.url, registered, { name: 'admin' });
    const response = await send(server.url, 'DELETE', `/api/v1/token/${admin.id}`, {
      auth: tokenAuth(registered.organization.id, admin.token),
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(200);
  });

  it('GET /api/v1/organization answers the token organization', async () => {
    const registered = await registerAccount(server.url, { organization: { name: 'gamma' } });
    const admin = await createToken(server.url, registered, { name: 'admin' });
    const response = await send(server.url, 'GET', '/api/v1/organization', { auth: tokenAuth(registered.organization.id, admin.token) });
    expect(response.status).toBe(200);
    expect(response.json).toEqual(registered.organization);
  });

  it('answers 401 for a wrong token, a token under the wrong organization ID, or none', async () => {
    const registered = await registerAccount(server.url);
    const other = await registerAccount(server.url);
    const admin = await createToken(server.url, registered, { name: 'admin' });
    const cases = [
      tokenAuth(registered.organization.id, 'apc_not-a-token'),
      tokenAuth(registered.organization.id, tamperLastCharacter(admin.token)),
      tokenAuth(other.organization.id, admin.token),
      { user: registered.email, password: registered.password },
      undefined,
    ];
    for (const auth of cases) {
      const response = await send(server.url, 'GET', '/api/v1/token', auth ? { auth } : {});
      expect(response.status).toBe(401);
      expect(response.json.messages).toHaveLength(1);
    }
  });
});

/** Changes the secret's last character to a different one (a fixed 'x' is the same secret 1 run in 64). */
function tamperLastCharacter(token: string): string {
  const last = token.at(-1);
  return `${token.slice(0, -1)}${last === 'x' ? 'y' : 'x'}`;
}

describe('everything else', () => {
  it('GET /healthz answers ok', async () => {
    const response = await send(server.url, 'GET', '/healthz');
    expect(response.status).toBe(200);
    expect(response.text).toBe('ok');
  });

  it('answers a 4xx in the messages shape for malformed URLs', async () => {
    for (const [path, status] of [['/api/v1/token/%', 400], ['/api/v1/token/%E0%A4%A', 400], [`/api/v1/token/${'a'.repeat(5000)}`, 414]] as const) {
      const response = await send(server.url, 'GET', path);
      expect(response.status, path).toBe(status);
      expect(response.json.messages).toEqual([expect.any(String)]);
    }
  });

  it('answers 404 in the messages shape for unknown routes, and 405 for a wrong method on a known one', async () => {
    for (const [method, path] of [['GET', '/nope'], ['GET', '/api/v2/token'], ['GET', '/API/V1/TOKEN']] as const) {
      const response = await send(server.url, method, path);
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.json.messages).toEqual([expect.any(String)]);
    }
    const wrongMethod = await send(server.url, 'PUT', '/api/v1/token');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET, HEAD');
    expect(wrongMethod.json.messages).toEqual([expect.any(String)]);
  });
});

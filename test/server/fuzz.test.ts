// Property-based attack from outside: random methods, paths, headers and
// bodies against every endpoint of a real server on loopback, on each
// storage backend. Whatever arrives, the answer is below 500 in the
// documented shape, the server keeps answering, and the database stays
// whole and holds only valid tokens.
import Database from 'better-sqlite3';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { PERMISSION_NAMES, parseTtl } from '../../src/tokens';
import { basicAuth, createToken, registerAccount, startTestServer, type CreatedToken, type RegisteredAccount, type TestServer } from '../helpers/server';

let server: TestServer;
let account: RegisteredAccount;
let token: CreatedToken;
/** A token the fuzzer may rotate (with or without a grace): not the one it authenticates with. */
let rotatable: CreatedToken;
beforeAll(async () => {
  // Lenient limits: a locked-out fuzzer would only ever see 429.
  const lenient = { maxAttempts: 100_000, windowMs: 60_000, lockMs: 60_000 };
  server = await startTestServer({ rateLimits: { perEmailAndAddress: lenient, perEmail: lenient, perAddress: lenient } });
  account = await registerAccount(server.url);
  token = await createToken(server.url, account, { name: 'fuzz', permissions: ['*'] });
  rotatable = await createToken(server.url, account, { name: 'rotatable', permissions: ['ListAPITokens'] });
});
afterAll(() => server.close());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ROUTES = [
  '/register',
  '/app/v1/organization',
  '/app/v1/password/change',
  '/app/v1/token',
  '/api/v1/token',
  '/api/v1/token/current',
  '/api/v1/organization',
  '/healthz',
];
// The rotatable token's ID is known only once the server runs: named here, filled in per request.
const ROTATABLE = '{rotatable}';

const method = fc.constantFrom('GET', 'POST', 'DELETE', 'PUT', 'PATCH', 'OPTIONS', 'HEAD');
const path = fc.oneof(
  fc.constantFrom(...ROUTES),
  fc.constant('/api/v1/token/').chain((prefix) => fc.oneof(fc.uuid(), fc.string({ maxLength: 40 })).map((id) => prefix + encodeURIComponent(id))),
  fc.oneof(fc.constant(ROTATABLE), fc.uuid(), fc.string({ maxLength: 40 }).map(encodeURIComponent)).map((id) => `/app/v1/token/${id}/rotate`),
  fc.webPath(),
  fc.constantFrom(...ROUTES).chain((route) => fc.webQueryParameters().map((query) => `${route}?${query}`)),
);
const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 200 });
/** C0 controls (NUL first), DEL and C1 controls: what no credential may contain. */
const control = fc.oneof(fc.constant('\u0000'), fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f })).map((c) =>
  typeof c === 'string' ? c : String.fromCharCode(c),
);
/** Credential-like text that mixes in control characters and look-alikes (KELVIN SIGN, dotted capital I). */
const hostileCredential = fc.string({ unit: fc.oneof(fc.constantFrom('a', 'k', 'i', '@', '.', '\u212a', '\u0130', 'Ü'), control), maxLength: 40 });
// The real credentials are known only once the server runs: named here, filled in per request.
const authorization = fc.oneof(
  fc.constant(undefined),
  fc.constant('the account' as const),
  fc.constant('the token' as const),
  fc.tuple(fc.string({ maxLength: 300 }), fc.string({ maxLength: 100 })).map(([user, password]) => basicAuth(user, password)),
  fc.tuple(hostileCredential, hostileCredential).map(([user, password]) => basicAuth(user, password)),
  printable,
);
const text = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u200b', '\u2028', '*', '72h', '1ns', 'ListAPITokens', '\u0000', 'a\u0000@x.org', '\ud800', '\u3164'),
  hostileCredential,
);
const field = fc.oneof(text, fc.integer(), fc.constant(null), fc.boolean(), fc.array(text, { maxLength: 5 }));
const body = fc.oneof(
  fc.constant(undefined),
  fc.json({ maxDepth: 3 }),
  fc.string({ maxLength: 300 }),
  fc.record(
    {
      name: field,
      description: field,
      ttl: fc.oneof(field, fc.constantFrom('1h', '90s', '1051200h', '7d')),
      permissions: fc.oneof(field, fc.record({ actions: fc.oneof(fc.array(fc.oneof(fc.constantFrom(...PERMISSION_NAMES, '*'), text), { maxLength: 6 }), field) })),
      grace: fc.oneof(field, fc.constantFrom('10m', '1ns', '0s', '-1h')),
      'new-password': field,
      organization: fc.record({ name: field, description: field }, { requiredKeys: [] }),
      account: fc.record({ 'first-name': field, 'last-name': field, email: fc.oneof(fc.emailAddress(), field), password: field }, { requiredKeys: [] }),
    },
    { requiredKeys: [] },
  ).map((value) => JSON.stringify(value)),
);
const contentType = fc.constantFrom(undefined, 'application/json', 'text/plain', 'application/json; charset=utf-8', 'multipart/form-data');
const extraHeader = fc.option(fc.tuple(fc.constantFrom('x-forwarded-for', 'accept', 'content-encoding', 'accept-encoding', 'cookie', 'if-none-match'), printable), { nil: undefined });

it('never answers 5xx, never breaks, and leaves a whole database with valid tokens', async () => {
  await fc.assert(
    fc.asyncProperty(method, path, authorization, body, contentType, extraHeader, async (verb, target, auth, payload, type, extra) => {
      const headers: Record<string, string> = {};
      if (auth === 'the account') headers.authorization = basicAuth(account.email, account.password);
      else if (auth === 'the token') headers.authorization = basicAuth(account.organization.id, token.token);
      else if (auth !== undefined) headers.authorization = auth;
      if (type !== undefined) headers['content-type'] = type;
      if (extra) headers[extra[0]] = extra[1];
      const withBody = payload !== undefined && verb !== 'GET' && verb !== 'HEAD';
      let response: Response;
      try {
        response = await fetch(`${server.url}${target.replace(ROTATABLE, rotatable.id)}`, { method: verb, headers, ...(withBody && { body: payload }) });
      } catch (error) {
        // fetch refused to send it (a header it forbids): nothing reached the server.
        const cause = (error as { cause?: { code?: string } }).cause;
        if (error instanceof TypeError && (!/fetch failed/.test(error.message) || cause?.code === 'UND_ERR_INVALID_ARG' || cause?.code === 'UND_ERR_NOT_SUPPORTED')) return;
        throw error;
      }
      const answer = await response.text();
      expect(response.status, `${verb} ${target}: ${answer}`).toBeLessThan(500);
      if (response.status >= 400 && verb !== 'HEAD') expect(JSON.parse(answer), answer).toMatchObject({ messages: expect.any(Array) });
    }),
    { numRuns: 250 },
  );

  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  const { organizations, tokens } = inject('storageBackend') === 'postgres' ? await readPostgres(server.dbPath) : readSqlite(server.dbPath);
  expect(tokens.length).toBeGreaterThan(0);
  for (const row of tokens) {
    expect(row.id).toMatch(UUID);
    expect(organizations.has(row.organization_id)).toBe(true);
    expect(row.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.name.length).toBeGreaterThan(0);
    expect(row.ttl.length).toBeLessThanOrEqual(64);
    expect(parseTtl(row.ttl, { syntax: 'go' }).ok).toBe(true);
    expect(Array.isArray(row.permissions) && row.permissions.length > 0).toBe(true);
    for (const name of row.permissions as string[]) expect([...PERMISSION_NAMES, '*']).toContain(name);
    expect(row.expires_at).toBeGreaterThan(row.created_at);
    if (row.replaced_by !== null) expect(row.replaced_by).toMatch(UUID);
  }
}, 60_000);

it('credentials with control characters are a 401 on every password route, and never take a lock-out slot', async () => {
  // The real limits: one slot leaked per request would lock this address within 20 runs.
  const strict = await startTestServer();
  try {
    const owner = await registerAccount(strict.url);
    const credentialPair = fc.oneof(
      fc.tuple(hostileCredential, fc.string({ maxLength: 20 })),
      fc.tuple(fc.constant(owner.email), fc.tuple(fc.string({ maxLength: 20 }), control, fc.string({ maxLength: 20 })).map((parts) => parts.join(''))),
      fc.tuple(fc.tuple(fc.constant(owner.email), control).map(([email, c]) => email + c), fc.constant(owner.password)),
    ).filter(([user, password]) => /[\u0000-\u001f\u007f-\u009f]/.test(user + password));
    const route = fc.constantFrom(['GET', '/app/v1/organization'], ['POST', '/app/v1/token'], ['POST', '/app/v1/password/change']);
    await fc.assert(
      fc.asyncProperty(credentialPair, route, async ([user, password], [verb, target]) => {
        const response = await fetch(`${strict.url}${target}`, {
          method: verb,
          headers: { authorization: basicAuth(user, password), 'content-type': 'application/json' },
          ...(verb === 'POST' && { body: '{}' }),
        });
        const answer = await response.text();
        expect(response.status, `${JSON.stringify(user)}: ${answer}`).toBe(401);
        expect(JSON.parse(answer)).toMatchObject({ messages: [expect.stringMatching(/control characters/)] });
      }),
      { numRuns: 100 },
    );
    // Nothing was counted: no counter exists, and the owner signs in from the same address.
    expect(await strict.storage.pruneSignInAttempts(Number.MAX_SAFE_INTEGER)).toBe(0);
    expect((await fetch(`${strict.url}/app/v1/organization`, { headers: { authorization: basicAuth(owner.email, owner.password) } })).status).toBe(200);
  } finally {
    await strict.close();
  }
}, 60_000);

interface StoredToken {
  id: string;
  organization_id: string;
  name: string;
  secret_hash: string;
  ttl: string;
  permissions: unknown;
  created_at: number;
  expires_at: number;
  replaced_by: string | null;
}

/** SQLite checks its own file (integrity_check, foreign keys) before the rows are read. */
function readSqlite(file: string): { organizations: Set<string>; tokens: StoredToken[] } {
  const db = new Database(file, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const organizations = new Set((db.prepare('SELECT id FROM organizations').all() as Array<{ id: string }>).map((row) => row.id));
    const rows = db.prepare('SELECT * FROM api_tokens').all() as Array<StoredToken & { permissions: string }>;
    return { organizations, tokens: rows.map((row) => ({ ...row, permissions: JSON.parse(row.permissions) as unknown })) };
  } finally {
    db.close();
  }
}

/** PostgreSQL keeps its own pages whole; what is left to check is what the server wrote. */
async function readPostgres(url: string): Promise<{ organizations: Set<string>; tokens: StoredToken[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const organizations = new Set((await client.query<{ id: string }>('SELECT id FROM organizations')).rows.map((row) => row.id));
    const { rows } = await client.query<StoredToken>(
      'SELECT id, organization_id, name, secret_hash, ttl, permissions, created_at::float8 AS created_at, expires_at::float8 AS expires_at, replaced_by FROM api_tokens',
    );
    return { organizations, tokens: rows };
  } finally {
    await client.end();
  }
}

// Two `appclacks server` processes on one PostgreSQL database, as behind a
// load balancer: everything one instance knows, the other knows at once.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { POSTGRES_MIGRATIONS } from '../../src/server/storage/postgres-migrations';
import { createDatabase } from '../helpers/postgres';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';
import { createToken, registerAccount, type RegisteredAccount } from '../helpers/server';
import { send } from './http';

let databaseUrl: string;
let a: ServerProcess;
let b: ServerProcess;

beforeAll(async () => {
  databaseUrl = await createDatabase(inject('postgres')!);
  // Started at the same moment on an empty database: both migrate, under the advisory lock.
  [a, b] = await Promise.all([startServerProcess(['--db', databaseUrl]), startServerProcess(['--db', databaseUrl])]);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

async function sql<Row extends pg.QueryResultRow>(text: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<Row>(text)).rows;
  } finally {
    await client.end();
  }
}

const listTokens = (url: string, account: RegisteredAccount, secret: string) =>
  send(url, 'GET', '/api/v1/token', { auth: { user: account.organization.id, password: secret } });

describe('two instances on one database', () => {
  it('started together on an empty database, end with one schema', async () => {
    const versions = await sql<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(versions.map((row) => row.version)).toEqual(POSTGRES_MIGRATIONS.map((m) => m.version));
    const tables = await sql<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    expect(tables.map((row) => row.table_name)).toEqual(['accounts', 'api_tokens', 'audit_events', 'organizations', 'schema_migrations', 'sign_in_attempts', 'sign_in_leases']);
    expect((await send(a.url, 'GET', '/healthz')).text).toBe('ok');
    expect((await send(b.url, 'GET', '/healthz')).text).toBe('ok');
  });

  it('a token created through one is listed, used and deleted through the other, and refused by the first at once', async () => {
    const account = await registerAccount(a.url);
    const admin = await createToken(a.url, account, { name: 'admin' });
    const created = await createToken(a.url, account, { name: 'ci' });

    const listed = await listTokens(b.url, account, created.token);
    expect(listed.status).toBe(200);
    expect((listed.json.result as Array<{ id: string }>).map((t) => t.id)).toEqual([admin.id, created.id]);

    const deleted = await send(b.url, 'DELETE', `/api/v1/token/${created.id}`, { auth: { user: account.organization.id, password: admin.token } });
    expect(deleted.status).toBe(200);
    expect((await listTokens(a.url, account, created.token)).status).toBe(401);
    expect((await listTokens(b.url, account, created.token)).status).toBe(401);
  });

  it('50 parallel token creates spread over both all land', async () => {
    const account = await registerAccount(b.url);
    // Four sign-ins in flight at a time, below the per-email limit of five.
    // More at once would wait for a slot, but a pool that starts its next
    // request the moment one ends overtakes a sign-in still polling, and on
    // a loaded machine one of fifty can outlast the bounded wait (429).
    const created: Array<Awaited<ReturnType<typeof createToken>>> = [];
    let next = 0;
    const worker = async () => {
      while (next < 50) {
        const i = next++;
        created.push(await createToken(i % 2 ? a.url : b.url, account, { name: `parallel-${i}` }));
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    expect(new Set(created.map((t) => t.id)).size).toBe(50);
    const listed = await listTokens(a.url, account, created[0]!.token);
    expect((listed.json.result as Array<{ id: string }>).map((t) => t.id).sort()).toEqual(created.map((t) => t.id).sort());
  });

  it('a password brute force spread over both is locked out at the same count as on one instance', async () => {
    const wrongUntilLocked = async (urls: string[], account: RegisteredAccount) => {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) {
        const url = urls[i % urls.length]!;
        statuses.push((await send(url, 'GET', '/app/v1/organization', { auth: { user: account.email, password: `guess ${i}` } })).status);
      }
      // The right password is refused too while the lock holds, on both instances.
      for (const url of [a.url, b.url]) {
        statuses.push((await send(url, 'GET', '/app/v1/organization', { auth: { user: account.email, password: account.password } })).status);
      }
      return statuses;
    };
    const alone = await wrongUntilLocked([a.url], await registerAccount(a.url));
    const spread = await wrongUntilLocked([a.url, b.url], await registerAccount(a.url));
    expect(alone).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429]);
    expect(spread).toEqual(alone);
  });

  it('a registration race for one email on both instances is one 200 and one 409, never a 500', async () => {
    const email = `race-${Date.now()}@example.com`;
    const register = (url: string) =>
      send(url, 'POST', '/register', {
        body: { organization: { name: 'acme' }, account: { 'first-name': 'Ada', 'last-name': 'L', email, password: 'correct horse battery staple' } },
      });
    const statuses = (await Promise.all([register(a.url), register(b.url)])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
  });
});

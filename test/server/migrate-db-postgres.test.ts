// `appclacks server migrate-db`: a SQLite server's organizations, accounts
// and tokens move to PostgreSQL, and work there; running it again adds nothing.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../helpers/postgres';
import { createToken, seedOrganization, startTestServer, type TestServer } from '../helpers/server';
import { send, tokenAuth } from './http';

const BIN = fileURLToPath(new URL('../../bin/appclacks.js', import.meta.url));
const appclacks = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 20_000 });

let sqlite: TestServer;
let postgres: TestServer | undefined;
beforeEach(async () => {
  sqlite = await startTestServer({ backend: 'sqlite' });
});
afterEach(async () => {
  await sqlite.close();
  await postgres?.close();
  postgres = undefined;
});

describe('server migrate-db', () => {
  it('copies accounts, organizations and tokens; they sign in and list the same there; a second run copies nothing', async () => {
    const seeded = await seedOrganization(sqlite.url);
    const second = await createToken(sqlite.url, seeded, { name: 'ci', permissions: ['ListAPITokens'] });
    const before = await send(sqlite.url, 'GET', '/api/v1/token', { auth: tokenAuth(seeded.organization.id, second.token) });

    const url = await createDatabase(inject('postgres')!);
    const first = appclacks('server', 'migrate-db', '--from', sqlite.dbPath, '--to', url);
    expect([first.status, first.stderr]).toEqual([0, '']);
    expect(first.stdout).toContain('organizations: 1 copied\naccounts: 1 copied\ntokens: 2 copied\n');
    const again = appclacks('server', 'migrate-db', '--from', sqlite.dbPath, '--to', url);
    expect(again.stdout).toContain('organizations: 0 copied, 1 already there\naccounts: 0 copied, 1 already there\ntokens: 0 copied, 2 already there\n');

    postgres = await startTestServer({ databaseUrl: url });
    const after = await send(postgres.url, 'GET', '/api/v1/token', { auth: tokenAuth(seeded.organization.id, second.token) });
    expect(after.status).toBe(200);
    expect(after.json).toEqual(before.json);
    const signIn = await send(postgres.url, 'GET', '/app/v1/organization', { auth: { user: seeded.email, password: seeded.password } });
    expect(signIn.json).toEqual(seeded.organization);
  });

  it('refuses a --to that is not a postgres:// URL, and a --from that does not exist, in one line each', () => {
    const notUrl = appclacks('server', 'migrate-db', '--from', sqlite.dbPath, '--to', '/tmp/other.db');
    expect([notUrl.status, notUrl.stderr]).toEqual([2, 'error: --to must be a postgres:// URL, not "/tmp/other.db"\n']);
    const missing = appclacks('server', 'migrate-db', '--from', '/nonexistent/server.db', '--to', 'postgres://x@127.0.0.1/none');
    expect(missing.status).toBe(2);
    expect(missing.stderr.split('\n')[0]).toBe('error: /nonexistent/server.db does not exist');
  });
});

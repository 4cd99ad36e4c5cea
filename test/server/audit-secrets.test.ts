// No secret in the audit trail: every event kind is made to happen with
// secrets this test knows (token secrets, passwords right and wrong), then
// the whole database (the SQLite file and its WAL, or every PostgreSQL
// table) and every audit answer are searched for them. The trail itself
// must not hold the stored hashes either.
import { readFileSync, existsSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashTokenSecret } from '../../src/server/secrets';
import { createToken, seedOrganization, startTestServer, type TestServer } from '../helpers/server';
import { send, tokenAuth } from './http';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

/** Every row of every table, as text: PostgreSQL's whole database; for SQLite, the file's bytes. */
async function wholeDatabase(): Promise<string> {
  if (server.dbPath.startsWith('postgres')) {
    const client = new pg.Client({ connectionString: server.dbPath });
    await client.connect();
    try {
      const tables = (await client.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")).rows;
      const parts: string[] = [];
      for (const { table_name } of tables) {
        const rows = (await client.query(`SELECT row_to_json(t)::text AS row FROM "${table_name}" t`)).rows as Array<{ row: string }>;
        parts.push(...rows.map((r) => r.row));
      }
      return parts.join('\n');
    } finally {
      await client.end();
    }
  }
  return [server.dbPath, `${server.dbPath}-wal`].filter(existsSync).map((path) => readFileSync(path).toString('latin1')).join('\n');
}

async function auditTrailText(): Promise<string> {
  return (await server.storage.listAuditEvents({ organizationId: org.organization.id, limit: 1000 })).map((e) => JSON.stringify(e)).join('\n');
}

let org: Awaited<ReturnType<typeof seedOrganization>>;

describe('the audit trail', () => {
  it('holds no token secret, password or hash, and neither do its answers', async () => {
    org = await seedOrganization(server.url, { name: 'admin' });
    const auth = { user: org.email, password: org.password };
    const wrongPassword = 'wrong-password-that-must-not-be-kept';
    const newPassword = 'the new password that must not be kept';
    const created = await createToken(server.url, org, { name: 'ci' });
    const rotated = (await send(server.url, 'POST', `/app/v1/token/${created.id}/rotate`, { auth, body: { grace: '1m' } })).json;
    const other = await createToken(server.url, org, { name: 'other' });
    await send(server.url, 'DELETE', `/api/v1/token/${other.id}`, { auth: tokenAuth(org.organization.id, org.token.token) });
    await send(server.url, 'GET', '/app/v1/organization', { auth: { user: org.email, password: wrongPassword } });
    await send(server.url, 'POST', '/app/v1/password/change', { auth, body: { 'new-password': newPassword } });
    for (let i = 0; i < 5; i++) await send(server.url, 'GET', '/app/v1/organization', { auth: { user: org.email, password: `${wrongPassword}-${i}` } });

    const secrets = [org.token.token, created.token, rotated.token, other.token, org.password, wrongPassword, newPassword];
    const hashes = [org.token.token, created.token, rotated.token, other.token].map(hashTokenSecret);

    const answers: string[] = [];
    let query = '?limit=3';
    for (;;) {
      const page = await send(server.url, 'GET', `/api/v1/audit${query}`, { auth: tokenAuth(org.organization.id, org.token.token) });
      expect(page.status).toBe(200);
      answers.push(page.text);
      if (page.json.next === null) break;
      query = `?limit=3&cursor=${page.json.next}`;
    }
    const kinds = new Set(answers.flatMap((text) => JSON.parse(text).result.map((e: { kind: string }) => e.kind)));
    expect([...kinds].sort()).toEqual(['account.password-changed', 'account.registered', 'sign-in.failed', 'sign-in.locked', 'token.created', 'token.deleted', 'token.rotated']);

    const database = await wholeDatabase();
    const trail = await auditTrailText();
    // The search works: what is meant to be stored is found.
    expect(database).toContain(created.id);
    expect(database).toContain(hashes[1]);
    expect(trail).toContain(created.id);
    for (const secret of secrets) {
      expect(database).not.toContain(secret);
      for (const answer of answers) expect(answer).not.toContain(secret);
    }
    for (const hash of [...hashes, 'scrypt$']) {
      expect(trail).not.toContain(hash);
      for (const answer of answers) expect(answer).not.toContain(hash);
    }
  });
});

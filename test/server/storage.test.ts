// The SQLite file: data survives a restart, migrations run once, WAL is on.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyMigrations, SchemaTooNewError, SqliteStorage } from '../../src/server/storage/sqlite';
import { SQLITE_MIGRATIONS } from '../../src/server/storage/sqlite-migrations';
import { createToken, registerAccount, startTestServer } from '../helpers/server';
import { send, tokenAuth } from './http';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'appclacks-storage-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('a restart', () => {
  it('keeps organizations, accounts, passwords and tokens', async () => {
    const dbPath = join(dir, 'server.db');
    const first = await startTestServer({ dbPath });
    const account = await registerAccount(first.url);
    const token = await createToken(first.url, account, { name: 'kept', ttl: '10h', permissions: ['ListAPITokens'] });
    await send(first.url, 'POST', '/app/v1/password/change', {
      auth: { user: account.email, password: account.password },
      body: { 'new-password': 'the changed password' },
    });
    await first.close();

    const second = await startTestServer({ dbPath });
    try {
      expect(second.url).not.toBe('');
      const listed = await send(second.url, 'GET', '/api/v1/token', { auth: tokenAuth(account.organization.id, token.token) });
      expect(listed.status).toBe(200);
      const { token: _secret, ...withoutSecret } = token;
      // The list request itself is the token's first use.
      expect(listed.json.result).toEqual([{ ...withoutSecret, 'last-used-at': expect.stringMatching(/^\d{4}-\d\d-\d\dT/), 'last-used-from': '127.0.0.1' }]);
      const organization = await send(second.url, 'GET', '/app/v1/organization', {
        auth: { user: account.email, password: 'the changed password' },
      });
      expect(organization.json).toEqual(account.organization);
    } finally {
      await second.close();
    }
  });
});

describe('SqliteStorage', () => {
  it('uses WAL, records each migration once, and reopens without re-running them', async () => {
    const dbPath = join(dir, 'server.db');
    await new SqliteStorage(dbPath).close();
    await new SqliteStorage(dbPath).close();
    const db = new Database(dbPath, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
      expect(versions).toEqual(SQLITE_MIGRATIONS.map((m) => ({ version: m.version })));
    } finally {
      db.close();
    }
  });

  it('applies only migrations newer than the database, in version order', () => {
    const db = new Database(':memory:');
    expect(applyMigrations(db, [{ version: 1, description: 'one', sql: 'CREATE TABLE one (x)' }])).toEqual([1]);
    const later = [
      { version: 3, description: 'three', sql: 'ALTER TABLE two ADD COLUMN y' },
      { version: 1, description: 'one', sql: 'CREATE TABLE one (x)' },
      { version: 2, description: 'two', sql: 'CREATE TABLE two (x)' },
    ];
    expect(applyMigrations(db, later)).toEqual([2, 3]);
    expect(applyMigrations(db, later)).toEqual([]);
    db.close();
  });

  it('refuses a database whose schema is newer than the program', () => {
    const db = new Database(':memory:');
    applyMigrations(db, [...SQLITE_MIGRATIONS, { version: 999, description: 'future', sql: 'CREATE TABLE future (x)' }]);
    expect(() => applyMigrations(db, SQLITE_MIGRATIONS)).toThrow(SchemaTooNewError);
    db.close();
  });

  it('rolls back a migration that fails, leaving no trace of it', () => {
    const db = new Database(':memory:');
    const broken = [{ version: 1, description: 'broken', sql: 'CREATE TABLE ok (x); CREATE TABLE ok (x);' }];
    expect(() => applyMigrations(db, broken)).toThrow();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'ok'").all()).toEqual([]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({ n: 0 });
    db.close();
  });

  it('stores only the hash of token secrets', async () => {
    const dbPath = join(dir, 'server.db');
    const server = await startTestServer({ dbPath });
    const account = await registerAccount(server.url);
    const token = await createToken(server.url, account, { name: 'secretive' });
    await server.close();
    const db = new Database(dbPath, { readonly: true });
    try {
      const dump = JSON.stringify(db.prepare('SELECT * FROM api_tokens').all()) + JSON.stringify(db.prepare('SELECT * FROM accounts').all());
      expect(dump).not.toContain(token.token);
      expect(dump).not.toContain(account.password);
    } finally {
      db.close();
    }
  });
});

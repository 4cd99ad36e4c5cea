// One rule for "the same email" on both databases (src/server/emails.ts):
// accounts of a database made before the rule lived in a column get the key
// new ones are inserted with, and look-alikes that PostgreSQL's lower() folds
// together under a UTF-8 locale (KELVIN SIGN, dotted capital I) stay apart.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, beforeEach, expect, inject, it } from 'vitest';
import { emailKey } from '../../src/server/emails';
import { migratePostgres, openPostgresStorage } from '../../src/server/storage/postgres';
import { POSTGRES_MIGRATIONS } from '../../src/server/storage/postgres-migrations';
import { applyMigrations, SqliteStorage } from '../../src/server/storage/sqlite';
import { SQLITE_MIGRATIONS } from '../../src/server/storage/sqlite-migrations';
import { EmailTakenError, type Storage } from '../../src/server/storage/types';
import { createDatabase } from '../helpers/postgres';

const T0 = Date.UTC(2026, 0, 10, 12);
/** Distinct for the old schemas on both databases, lower() under a UTF-8 locale included. */
const OLD_EMAILS = ['Ada@X.org', 'ÜBER@x.de', '\u212Aelvin@x.org', '\u0130stanbul@x.tr', 'plain@x.org'];

let dir: string;
let storage: Storage | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'appclacks-email-key-'));
});
afterEach(async () => {
  await storage?.close();
  storage = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const INSERT_ORGANIZATION = 'INSERT INTO organizations (id, name, description, created_at) VALUES ($1, $2, $3, $4)';
const INSERT_ACCOUNT =
  'INSERT INTO accounts (id, organization_id, first_name, last_name, email, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)';
const accountRows = () =>
  OLD_EMAILS.map((email) => {
    const organization = randomUUID();
    return { organization: [organization, 'acme', null, T0], account: [randomUUID(), organization, 'Ada', 'L', email, 'x', T0] };
  });

/** A database at schema version 3 (before email_key) holding OLD_EMAILS; returns what opens it. */
async function databaseBeforeEmailKey(): Promise<{ open: () => Promise<Storage>; keys: () => Promise<Array<{ email: string; email_key: string }>> }> {
  if (inject('storageBackend') === 'postgres') {
    const url = await createDatabase(inject('postgres')!);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await migratePostgres(client, POSTGRES_MIGRATIONS.slice(0, 3));
      for (const rows of accountRows()) {
        await client.query(INSERT_ORGANIZATION, rows.organization);
        await client.query(INSERT_ACCOUNT, rows.account);
      }
    } finally {
      await client.end();
    }
    return {
      open: () => openPostgresStorage({ url, poolSize: 2 }),
      async keys() {
        const reader = new pg.Client({ connectionString: url });
        await reader.connect();
        try {
          return (await reader.query<{ email: string; email_key: string }>('SELECT email, email_key FROM accounts')).rows;
        } finally {
          await reader.end();
        }
      },
    };
  }
  const file = join(dir, 'server.db');
  const db = new Database(file);
  applyMigrations(db, SQLITE_MIGRATIONS.slice(0, 3));
  const positional = (sql: string) => sql.replace(/\$\d+/g, '?');
  for (const rows of accountRows()) {
    db.prepare(positional(INSERT_ORGANIZATION)).run(...rows.organization);
    db.prepare(positional(INSERT_ACCOUNT)).run(...rows.account);
  }
  db.close();
  return {
    open: async () => new SqliteStorage(file),
    async keys() {
      const reader = new Database(file, { readonly: true });
      try {
        return reader.prepare('SELECT email, email_key FROM accounts').all() as Array<{ email: string; email_key: string }>;
      } finally {
        reader.close();
      }
    },
  };
}

function organizationWithAccount(email: string) {
  const organizationId = randomUUID();
  return [
    { id: organizationId, name: 'acme', description: null, createdAt: T0 },
    { id: randomUUID(), organizationId, firstName: 'Ada', lastName: 'L', email, passwordHash: 'x', createdAt: T0 },
  ] as const;
}

it('existing accounts get the key of the one rule, and are then found, and kept unique, by it alone', async () => {
  const before = await databaseBeforeEmailKey();
  storage = await before.open();

  const keys = await before.keys();
  expect(keys.map((row) => row.email).sort()).toEqual([...OLD_EMAILS].sort());
  for (const row of keys) expect(row.email_key, row.email).toBe(emailKey(row.email));

  // ASCII case is folded, nothing else is.
  expect((await storage.findAccountByEmail('ada@x.org'))?.email).toBe('Ada@X.org');
  expect((await storage.findAccountByEmail('ÜBER@X.DE'))?.email).toBe('ÜBER@x.de');
  expect((await storage.findAccountByEmail('\u212AELVIN@x.org'))?.email).toBe('\u212Aelvin@x.org');
  for (const lookalike of ['über@x.de', 'kelvin@x.org', 'Kelvin@x.org', 'istanbul@x.tr', 'i\u0307stanbul@x.tr', 'pla\u0130n@x.org']) {
    expect(await storage.findAccountByEmail(lookalike), lookalike).toBeUndefined();
  }

  // The same rule decides uniqueness: look-alikes are new accounts, an ASCII-case variant is taken.
  for (const email of ['kelvin@x.org', 'über@x.de', 'p\u212Aain@x.org']) await storage.createOrganizationWithAccount(...organizationWithAccount(email));
  await expect(storage.createOrganizationWithAccount(...organizationWithAccount('ADA@x.ORG'))).rejects.toThrow(EmailTakenError);
  await expect(storage.createOrganizationWithAccount(...organizationWithAccount('KELVIN@X.ORG'))).rejects.toThrow(EmailTakenError);
  expect((await storage.findAccountByEmail('KELVIN@x.org'))?.email).toBe('kelvin@x.org');
  expect(await storage.counts()).toMatchObject({ accounts: OLD_EMAILS.length + 3 });
});

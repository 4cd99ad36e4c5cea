// PostgreSQL storage below HTTP: migrations under the advisory lock, the
// refusal of a newer schema, the lock-out reservation as one atomic statement,
// the email race decided by the unique index, and token rotation and last use
// racing over two pools.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { SchemaTooNewError } from '../../src/server/storage/migrations';
import { POSTGRES_MIGRATIONS } from '../../src/server/storage/postgres-migrations';
import { SQLITE_MIGRATIONS } from '../../src/server/storage/sqlite-migrations';
import { DatabaseUnreachableError, openPostgresStorage, type PostgresStorage } from '../../src/server/storage/postgres';
import { EmailTakenError, type AttemptRule, type TokenRecord } from '../../src/server/storage/types';
import { createDatabase } from '../helpers/postgres';
import { unusedLoopbackPort } from '../helpers/net';

const MINUTE = 60_000;
const RULE: AttemptRule = { maxAttempts: 3, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };
const T0 = Date.UTC(2026, 0, 10, 12);

async function sql<Row extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}

let url: string;
let open: PostgresStorage[];
beforeEach(async () => {
  url = await createDatabase(inject('postgres')!);
  open = [];
});
afterEach(async () => {
  await Promise.all(open.map((storage) => storage.close()));
});

async function openStorage(poolSize = 10): Promise<PostgresStorage> {
  const storage = await openPostgresStorage({ url, poolSize });
  open.push(storage);
  return storage;
}

function organizationWithAccount(email: string) {
  const organizationId = randomUUID();
  return [
    { id: organizationId, name: 'acme', description: null, createdAt: T0 },
    { id: randomUUID(), organizationId, firstName: 'Ada', lastName: 'L', email, passwordHash: 'x', createdAt: T0 },
  ] as const;
}

describe('migrations', () => {
  it('instances opening an empty database at once end with one schema, each migration recorded once', async () => {
    await Promise.all(Array.from({ length: 4 }, () => openStorage(2)));
    const versions = await sql<{ version: number }>(url, 'SELECT version FROM schema_migrations ORDER BY version');
    expect(versions.map((row) => row.version)).toEqual(POSTGRES_MIGRATIONS.map((m) => m.version));
  });

  it('numbers the same changes the same on SQLite and PostgreSQL', () => {
    const outline = (migrations: typeof POSTGRES_MIGRATIONS) => migrations.map(({ version, description }) => ({ version, description }));
    expect(outline(POSTGRES_MIGRATIONS)).toEqual(outline(SQLITE_MIGRATIONS));
  });

  it('refuses a database whose schema is newer than the program', async () => {
    await (await openStorage()).close();
    await sql(url, "INSERT INTO schema_migrations (version, description, applied_at) VALUES (999, 'from the future', 0)");
    await expect(openPostgresStorage({ url, poolSize: 1 })).rejects.toThrow(SchemaTooNewError);
  });

  it('names host and port when nothing listens there', async () => {
    const port = await unusedLoopbackPort();
    const error = await openPostgresStorage({ url: `postgres://nobody@127.0.0.1:${port}/none`, poolSize: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnreachableError);
    expect((error as Error).message).toBe(`cannot reach PostgreSQL at 127.0.0.1:${port} (ECONNREFUSED)`);
  });
});

describe('accounts', () => {
  it('two registrations of one email racing on two pools: one lands, the other is EmailTakenError', async () => {
    const [first, second] = [await openStorage(), await openStorage()];
    const results = await Promise.allSettled([
      first.createOrganizationWithAccount(...organizationWithAccount('race@example.com')),
      second.createOrganizationWithAccount(...organizationWithAccount('RACE@example.com')),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(EmailTakenError);
    // The loser's organization was rolled back with its account.
    expect(await first.counts()).toEqual({ organizations: 1, accounts: 1, tokens: 0 });
    expect((await second.findAccountByEmail('Race@Example.com'))?.email).toBe(
      (results[0]!.status === 'fulfilled' ? 'race' : 'RACE') + '@example.com',
    );
  });
});

// The rest of the lock-out contract runs on both backends: sign-in-attempts.test.ts.
describe('reserveSignInAttempt', () => {
  it('allows exactly maxAttempts of many simultaneous reservations spread over two pools; failures there lock on both', async () => {
    const [first, second] = [await openStorage(), await openStorage()];
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 ? first : second).reserveSignInAttempt('k', RULE, T0)),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
    expect(results.filter((r) => !r.allowed).every((r) => r.lockedUntil === 0)).toBe(true); // in flight, not locked
    for (let i = 0; i < 9; i++) await (i % 2 ? first : second).releaseSignInAttempt('k');
    await Promise.all([first, second, first].map((storage) => storage.recordSignInFailure('k', RULE, T0)));
    expect(await second.reserveSignInAttempt('k', RULE, T0)).toEqual({ allowed: false, lockedUntil: T0 + 15 * MINUTE });
    expect(await first.reserveSignInAttempt('k', RULE, T0)).toEqual({ allowed: false, lockedUntil: T0 + 15 * MINUTE });
  });
});

function tokenRecord(organizationId: string, name: string): TokenRecord {
  const id = randomUUID();
  return {
    id,
    organizationId,
    name,
    description: '',
    permissions: ['*'],
    secretHash: `hash-${id}`,
    ttl: '24h',
    createdAt: T0,
    expiresAt: T0 + 24 * 60 * MINUTE,
  };
}

describe('rotateToken', () => {
  async function withToken() {
    const [first, second] = [await openStorage(), await openStorage()];
    const [organization, account] = organizationWithAccount(`${randomUUID()}@example.com`);
    await first.createOrganizationWithAccount(organization, account);
    const old = tokenRecord(organization.id, 'ci');
    await first.createToken(old);
    return { first, second, organizationId: organization.id, old };
  }

  it('of one token, racing over two pools: exactly one wins and exactly one token remains', async () => {
    const { first, second, organizationId, old } = await withToken();
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        (i % 2 ? first : second).rotateToken({ organizationId, id: old.id, replacement: tokenRecord(organizationId, 'ci') }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'rotated')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'not-found')).toHaveLength(7);
    const left = await first.listTokens(organizationId);
    expect(left).toHaveLength(1);
    expect(left[0]!.id).not.toBe(old.id);
  });

  it('with a grace, racing over two pools: one replacement, the others are told its ID', async () => {
    const { first, second, organizationId, old } = await withToken();
    const graceEndsAt = T0 + 10 * MINUTE;
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        (i % 2 ? first : second).rotateToken({ organizationId, id: old.id, replacement: tokenRecord(organizationId, 'ci'), graceEndsAt }),
      ),
    );
    const won = outcomes.filter((o) => o.status === 'rotated');
    expect(won).toHaveLength(1);
    const tokens = await first.listTokens(organizationId);
    expect(tokens).toHaveLength(2);
    const previous = tokens.find((t) => t.id === old.id)!;
    expect(previous.expiresAt).toBe(graceEndsAt);
    expect(outcomes.filter((o) => o.status === 'already-rotated')).toEqual(
      Array.from({ length: 7 }, () => ({ status: 'already-rotated', replacedBy: previous.replacedBy })),
    );
    expect(tokens.map((t) => t.id)).toContain(previous.replacedBy);
  });

  it('rolls back the new token when the old one cannot be changed: neither two nor none', async () => {
    const { first, organizationId, old } = await withToken();
    // The replacement's secret hash clashes with the old token's: the insert fails inside the transaction.
    const clash = { ...tokenRecord(organizationId, 'ci'), secretHash: old.secretHash };
    await expect(first.rotateToken({ organizationId, id: old.id, replacement: clash })).rejects.toThrow();
    expect((await first.listTokens(organizationId)).map((t) => t.id)).toEqual([old.id]);
  });
});

describe('recordTokenUse', () => {
  it('writes only a newer time past the granularity, from any pool, and never moves backwards', async () => {
    const [first, second] = [await openStorage(), await openStorage()];
    const [organization, account] = organizationWithAccount(`${randomUUID()}@example.com`);
    await first.createOrganizationWithAccount(organization, account);
    const token = tokenRecord(organization.id, 'ci');
    await first.createToken(token);
    expect((await second.findTokenBySecretHash(token.secretHash))!.lastUsedAt).toBeNull();

    await first.recordTokenUse(token.id, T0 + 5 * MINUTE, T0 + 4 * MINUTE);
    await second.recordTokenUse(token.id, T0 + 5 * MINUTE + 30_000, T0 + 4 * MINUTE + 30_000); // within the minute: no write
    expect((await second.findTokenBySecretHash(token.secretHash))!.lastUsedAt).toBe(T0 + 5 * MINUTE);
    await second.recordTokenUse(token.id, T0 + 2 * MINUTE, T0 + MINUTE); // an older time from a slow instance
    expect((await first.getToken(organization.id, token.id))!.lastUsedAt).toBe(T0 + 5 * MINUTE);
    await second.recordTokenUse(token.id, T0 + 7 * MINUTE, T0 + 6 * MINUTE);
    expect((await first.listTokens(organization.id))[0]!.lastUsedAt).toBe(T0 + 7 * MINUTE);
  });
});

// PostgreSQL storage through node-postgres: a pool shared by every request,
// so several server instances can serve one database. The URL, the PG*
// environment variables and `sslmode` are read by node-postgres itself.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { AuditEvent, AuditQuery, StoredAuditEvent } from '../audit/events';
import { AUDIT_INSERT_COLUMNS, auditSelect, auditValues, toAuditEvent, type AuditRow } from '../audit/rows';
import { emailKey } from '../emails';
import { pendingMigrations, type Migration } from './migrations';
import { POSTGRES_MIGRATIONS } from './postgres-migrations';
import {
  EmailTakenError,
  SIGN_IN_LEASE_MS,
  StorageUnavailableError,
  type AccountRecord,
  type AttemptReservation,
  type AttemptRule,
  type OrganizationRecord,
  type RotateTokenInput,
  type RotateTokenOutcome,
  type Storage,
  type StorageCounts,
  type TokenPage,
  type TokenPageCursor,
  type TokenRecord,
} from './types';
import { toAccount, toOrganization, toToken as tokenFromRow, type AccountRow, type OrganizationRow, type TokenRow as StoredTokenRow } from './rows';

type TokenRow = StoredTokenRow<string[]>;
const toToken = (row: TokenRow) => tokenFromRow(row, (stored) => stored);

export interface PostgresOptions {
  /** postgres://user@host:port/dbname, or postgresql://… */
  url: string;
  /** Connections this instance may hold at once. */
  poolSize: number;
  /** Who holds the sign-in leases this storage takes (see releaseInstanceReservations); default one of its own. */
  instance?: string;
}

export const DEFAULT_POOL_SIZE = 10;

/** Any key will do as long as nothing else in the database uses it: "appcla" in ASCII. */
const MIGRATION_LOCK_KEY = 0x6170_70636c61;

/** How long a request waits for a connection before it is a 503 rather than a hang. */
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * How long a request's query may go unanswered (a database host that stopped
 * answering without closing its connections) before it is a 503. Every
 * query the server makes is a single-row or single-organization lookup.
 */
const QUERY_TIMEOUT_MS = 10_000;

/** The database could not be reached at start: names where it looked. */
export class DatabaseUnreachableError extends Error {
  constructor(
    readonly host: string,
    readonly port: number,
    options: { cause: unknown },
  ) {
    const detail = (options.cause as { code?: string }).code ?? (options.cause as Error).message;
    super(`cannot reach PostgreSQL at ${host}:${port} (${detail})`, options);
    this.name = 'DatabaseUnreachableError';
  }
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down, recovering)
  '53300', // too_many_connections
]);

/** Errors that say "the database is not there right now", as opposed to "this query is wrong". */
export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code;
  if (code !== undefined && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  // node-postgres reports a dropped socket or a connect timeout without a code.
  return /Connection terminated|timeout exceeded when trying to connect|not queryable|connection timeout|Query read timeout/i.test(
    error.message,
  );
}

/** BIGINT columns (times in ms) as numbers: they stay far below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** What a new token is inserted with: last use and replacement start empty. */
const INSERT_COLUMNS = 'id, organization_id, name, description, permissions, secret_hash, ttl, created_at, expires_at';
const INSERT_TOKEN = `INSERT INTO api_tokens (${INSERT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`;
const TOKEN_COLUMNS = `${INSERT_COLUMNS}, last_used_at, last_used_from, replaced_by`;
const INSERT_AUDIT = `INSERT INTO audit_events (${AUDIT_INSERT_COLUMNS})
  VALUES (${AUDIT_INSERT_COLUMNS.split(',').map((_, i) => `$${i + 1}`).join(', ')})`;

/** Inside the caller's transaction (or alone, on the pool). */
async function insertAudit(client: pg.ClientBase | pg.Pool, event: AuditEvent | undefined): Promise<void> {
  if (event) await client.query(INSERT_AUDIT, auditValues(event));
}

function insertValues(token: TokenRecord): unknown[] {
  return [
    token.id,
    token.organizationId,
    token.name,
    token.description,
    JSON.stringify(token.permissions),
    token.secretHash,
    token.ttl,
    token.createdAt,
    token.expiresAt,
  ];
}

// The reservation as one statement, the same rules as SQLite's (./sqlite.ts):
// the key's expired leases are deleted (and given back), the new lease is
// inserted, and the counter is upserted. The row is locked by the upsert, so
// reservations racing on several instances are counted one after another
// and at most maxAttempts pass; a lease two of them found expired is deleted
// (and given back) by one only, the other waits for it and finds it gone.
// The expired leases are read by the INSERT's source row, so they are
// deleted before the counter's row is locked, in the order every statement
// here takes its locks (leases, then the counter), which leaves no deadlock.
// SET expressions all see the row as it was (alias `a`), so each new value
// is spelled out from the old ones.
// $1 key, $2 now, $3 windowMs, $4 instance, $5 the new lease's end.
const NOW = '$2::bigint';
const WINDOW_MS = '$3::bigint';
const LEASE_END = '$5::bigint';
const LOCKED_NOW = `a.locked_until > ${NOW}`;
const FRESH = `(NOT ${LOCKED_NOW} AND ((a.locked_until > 0 AND a.locked_until <= ${NOW}) OR a.window_started_at + ${WINDOW_MS} <= ${NOW}))`;
const GONE = 'LEAST((SELECT n FROM reaped), a.in_flight)';
const NEW_WINDOW_START = `(CASE WHEN ${FRESH} THEN ${NOW} ELSE a.window_started_at END)`;
const NEW_LOCKED_UNTIL = `(CASE WHEN ${FRESH} THEN 0 ELSE a.locked_until END)`;
const RESERVE_ATTEMPT = `
  WITH expired AS (DELETE FROM sign_in_leases WHERE key = $1 AND expires_at <= ${NOW} RETURNING 1),
  reaped AS (SELECT count(*)::integer AS n FROM expired),
  lease AS (INSERT INTO sign_in_leases (key, instance, expires_at) VALUES ($1, $4, ${LEASE_END}))
  INSERT INTO sign_in_attempts AS a (key, attempts, in_flight, window_started_at, locked_until, expires_at)
  SELECT $1, 1, 1, ${NOW}, 0, GREATEST(${NOW} + ${WINDOW_MS}, ${LEASE_END}) FROM reaped
  ON CONFLICT (key) DO UPDATE SET
    attempts = CASE WHEN ${FRESH} THEN a.in_flight - ${GONE} + 1 ELSE a.attempts - ${GONE} + 1 END,
    in_flight = a.in_flight - ${GONE} + 1,
    window_started_at = ${NEW_WINDOW_START},
    locked_until = ${NEW_LOCKED_UNTIL},
    expires_at = GREATEST(${NEW_WINDOW_START} + ${WINDOW_MS}, ${NEW_LOCKED_UNTIL}, ${LEASE_END})
  RETURNING attempts, locked_until AS "lockedUntil"`;
/**
 * One lease of the key held by this instance, the first to expire; SKIP
 * LOCKED so that two settles at once take two leases, not both the same one.
 * $1 key, $2 instance.
 */
const TAKE_ONE_LEASE = `held AS (
    DELETE FROM sign_in_leases WHERE id =
      (SELECT id FROM sign_in_leases WHERE key = $1 AND instance = $2 ORDER BY expires_at LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING 1
  ), lease AS (SELECT count(*)::integer AS n FROM held)`;
/**
 * $1 key, $2 instance, $3 now, $4 maxAttempts, $5 lockMs. lease.n is 1 when
 * the attempt's lease was still there (it leaves the attempts in flight), 0
 * when it had expired and was given back already (the failure is counted
 * anew): either way the failures after this one are attempts - in_flight + 1.
 */
const LOCK_AFTER_FAILURE = `(CASE WHEN locked_until > $3::bigint THEN locked_until
  WHEN attempts - in_flight + 1 >= $4::integer THEN $3::bigint + $5::bigint ELSE locked_until END)`;
const RECORD_FAILURE = `WITH ${TAKE_ONE_LEASE}
  UPDATE sign_in_attempts SET
    attempts = attempts + 1 - lease.n,
    in_flight = in_flight - lease.n,
    locked_until = ${LOCK_AFTER_FAILURE},
    expires_at = GREATEST(expires_at, ${LOCK_AFTER_FAILURE})
  FROM lease WHERE key = $1 AND in_flight >= lease.n
  RETURNING locked_until AS "lockedUntil"`;
/** $1 key, $2 instance. */
const RELEASE_ATTEMPT = `WITH ${TAKE_ONE_LEASE}
  UPDATE sign_in_attempts SET attempts = attempts - 1, in_flight = in_flight - 1
  FROM lease WHERE key = $1 AND in_flight > 0 AND lease.n = 1`;
/** Gives back the leases the CTE `gone` deleted, to their keys; the statement answers how many. */
const GIVE_BACK = `per_key AS (SELECT key, count(*)::integer AS n FROM gone GROUP BY key),
  given AS (
    UPDATE sign_in_attempts a SET attempts = a.attempts - LEAST(p.n, a.in_flight), in_flight = a.in_flight - LEAST(p.n, a.in_flight)
    FROM per_key p WHERE a.key = p.key
  )
  SELECT count(*)::integer AS n FROM gone`;
/** $1 instance. */
const RELEASE_INSTANCE = `WITH gone AS (DELETE FROM sign_in_leases WHERE instance = $1 RETURNING key), ${GIVE_BACK}`;
/** $1 now. */
const RELEASE_EXPIRED = `WITH gone AS (DELETE FROM sign_in_leases WHERE expires_at <= $1 RETURNING key), ${GIVE_BACK}`;

/**
 * Applies the pending migrations under an advisory lock, so instances that
 * start together on an empty database take turns: the first migrates, the
 * others then find nothing left to do.
 */
export async function migratePostgres(client: pg.ClientBase, migrations: readonly Migration[] = POSTGRES_MIGRATIONS): Promise<number[]> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      description TEXT NOT NULL,
      applied_at BIGINT NOT NULL
    )`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const newlyApplied: number[] = [];
    for (const migration of pendingMigrations(migrations, new Set(rows.map((row) => row.version)))) {
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, description, applied_at) VALUES ($1, $2, $3)', [
          migration.version,
          migration.description,
          Date.now(),
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      }
      newlyApplied.push(migration.version);
    }
    return newlyApplied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
  }
}

/** Connects once to migrate (reporting an unreachable database by host and port), then opens the pool. */
export async function openPostgresStorage(options: PostgresOptions): Promise<PostgresStorage> {
  const config = { connectionString: options.url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true, types };
  const client = new pg.Client(config);
  // A connection that drops while we hold it is reported by the query that fails.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    if (isUnavailable(error)) throw new DatabaseUnreachableError(client.host, client.port, { cause: error });
    throw error;
  }
  try {
    await migratePostgres(client);
  } finally {
    await client.end().catch(() => {});
  }
  // Idle connections never keep the process alive on their own.
  // (The migration above has no query timeout: waiting for another instance's migration is fine.)
  return new PostgresStorage(
    new pg.Pool({ ...config, max: options.poolSize, allowExitOnIdle: true, query_timeout: QUERY_TIMEOUT_MS }),
    options.instance ?? randomUUID(),
  );
}

export class PostgresStorage implements Storage {
  constructor(
    private readonly pool: pg.Pool,
    private readonly instance: string,
  ) {
    // An idle connection the server dropped: the pool discards it and opens a
    // new one on demand; the next query that fails says so to its request.
    pool.on('error', () => {});
  }

  private async query<Row extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<pg.QueryResult<Row>> {
    try {
      return await this.pool.query<Row>(text, values);
    } catch (error) {
      if (isUnavailable(error)) throw new StorageUnavailableError({ cause: error });
      throw error;
    }
  }

  /**
   * Runs `work` in one transaction on one pooled connection: COMMIT when it
   * returns, ROLLBACK when it throws. A connection lost on the way is
   * discarded (not returned to the pool) and reported as unavailable.
   */
  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      if (isUnavailable(error)) throw new StorageUnavailableError({ cause: error });
      throw error;
    }
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      if (isUnavailable(error)) {
        broken = error as Error;
        throw new StorageUnavailableError({ cause: error });
      }
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async createOrganizationWithAccount(organization: OrganizationRecord, account: AccountRecord, audit?: AuditEvent): Promise<void> {
    try {
      await this.transaction(async (client) => {
        await client.query('INSERT INTO organizations (id, name, description, created_at) VALUES ($1, $2, $3, $4)', [
          organization.id,
          organization.name,
          organization.description,
          organization.createdAt,
        ]);
        await client.query(
          `INSERT INTO accounts (id, organization_id, first_name, last_name, email, email_key, password_hash, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            account.id,
            account.organizationId,
            account.firstName,
            account.lastName,
            account.email,
            emailKey(account.email),
            account.passwordHash,
            account.createdAt,
          ],
        );
        await insertAudit(client, audit);
      });
    } catch (error) {
      // Two registrations of one email racing on two instances: the index decides, the loser gets a 409.
      const { code, constraint } = error as { code?: string; constraint?: string };
      if (code === '23505' && constraint === 'accounts_email_key') throw new EmailTakenError(account.email);
      throw error;
    }
  }

  async getOrganization(id: string): Promise<OrganizationRecord | undefined> {
    const { rows } = await this.query<OrganizationRow>('SELECT * FROM organizations WHERE id = $1', [id]);
    return rows[0] && toOrganization(rows[0]);
  }

  async findAccountByEmail(email: string): Promise<AccountRecord | undefined> {
    const { rows } = await this.query<AccountRow>('SELECT * FROM accounts WHERE email_key = $1', [emailKey(email)]);
    return rows[0] && toAccount(rows[0]);
  }

  async updateAccountPassword(accountId: string, passwordHash: string, audit?: AuditEvent): Promise<void> {
    if (!audit) {
      await this.query('UPDATE accounts SET password_hash = $1 WHERE id = $2', [passwordHash, accountId]);
      return;
    }
    await this.transaction(async (client) => {
      await client.query('UPDATE accounts SET password_hash = $1 WHERE id = $2', [passwordHash, accountId]);
      await insertAudit(client, audit);
    });
  }

  async createToken(token: TokenRecord, audit?: AuditEvent): Promise<void> {
    if (!audit) {
      await this.query(INSERT_TOKEN, insertValues(token));
      return;
    }
    await this.transaction(async (client) => {
      await client.query(INSERT_TOKEN, insertValues(token));
      await insertAudit(client, audit);
    });
  }

  async listTokens(organizationId: string): Promise<TokenRecord[]> {
    const { rows } = await this.query<TokenRow>(
      `SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE organization_id = $1 ORDER BY created_at, position`,
      [organizationId],
    );
    return rows.map(toToken);
  }

  async listTokensPage(organizationId: string, limit: number, after?: TokenPageCursor): Promise<TokenPage> {
    const start = after ?? { createdAt: Number.MIN_SAFE_INTEGER, position: Number.MIN_SAFE_INTEGER };
    const { rows } = await this.query<TokenRow & { position: number }>(
      `SELECT ${TOKEN_COLUMNS}, position FROM api_tokens
       WHERE organization_id = $1 AND (created_at, position) > ($2, $3)
       ORDER BY created_at, position LIMIT $4`,
      [organizationId, start.createdAt, start.position, limit],
    );
    const last = rows.length === limit ? rows[rows.length - 1] : undefined;
    return { tokens: rows.map(toToken), next: last && { createdAt: last.created_at, position: last.position } };
  }

  async getToken(organizationId: string, id: string): Promise<TokenRecord | undefined> {
    const { rows } = await this.query<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE organization_id = $1 AND id = $2`, [
      organizationId,
      id,
    ]);
    return rows[0] && toToken(rows[0]);
  }

  async deleteToken(organizationId: string, id: string, audit?: AuditEvent): Promise<boolean> {
    const remove = 'DELETE FROM api_tokens WHERE organization_id = $1 AND id = $2';
    if (!audit) {
      const { rowCount } = await this.query(remove, [organizationId, id]);
      return (rowCount ?? 0) > 0;
    }
    return this.transaction(async (client) => {
      const { rowCount } = await client.query(remove, [organizationId, id]);
      const deleted = (rowCount ?? 0) > 0;
      if (deleted) await insertAudit(client, audit);
      return deleted;
    });
  }

  async recordAuditEvent(event: AuditEvent): Promise<void> {
    await this.query(INSERT_AUDIT, auditValues(event));
  }

  async listAuditEvents(query: AuditQuery): Promise<StoredAuditEvent[]> {
    const { sql, values } = auditSelect(query, (n) => `$${n}`);
    const { rows } = await this.query<AuditRow>(sql, values);
    return rows.map(toAuditEvent);
  }

  async pruneAuditEvents(before: number, batch: number): Promise<number> {
    const { rowCount } = await this.query(
      'DELETE FROM audit_events WHERE id IN (SELECT id FROM audit_events WHERE at < $1 ORDER BY at LIMIT $2)',
      [before, batch],
    );
    return rowCount ?? 0;
  }

  async findTokenBySecretHash(secretHash: string): Promise<TokenRecord | undefined> {
    const { rows } = await this.query<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE secret_hash = $1`, [secretHash]);
    return rows[0] && toToken(rows[0]);
  }

  async recordTokenUse(id: string, at: number, staleBefore: number, from: string | null = null): Promise<void> {
    await this.query(
      'UPDATE api_tokens SET last_used_at = $1, last_used_from = $4 WHERE id = $2 AND (last_used_at IS NULL OR last_used_at < $3)',
      [at, id, staleBefore, from],
    );
  }

  async rotateToken(input: RotateTokenInput): Promise<RotateTokenOutcome> {
    return this.transaction(async (client): Promise<RotateTokenOutcome> => {
      // FOR UPDATE: a second rotation of this token (on this instance or
      // another) waits here until the first commits, then reads its result
      // (the row gone, or replaced_by set) and is refused.
      const { rows } = await client.query<TokenRow>(
        `SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE organization_id = $1 AND id = $2 FOR UPDATE`,
        [input.organizationId, input.id],
      );
      const row = rows[0];
      if (!row) return { status: 'not-found' };
      if (row.replaced_by !== null) return { status: 'already-rotated', replacedBy: row.replaced_by };
      await client.query(INSERT_TOKEN, insertValues(input.replacement));
      await insertAudit(client, input.audit);
      if (input.graceEndsAt === undefined) {
        await client.query('DELETE FROM api_tokens WHERE organization_id = $1 AND id = $2', [input.organizationId, input.id]);
        return { status: 'rotated', previous: toToken(row), deleted: true };
      }
      const updated = await client.query<TokenRow>(
        `UPDATE api_tokens SET expires_at = LEAST(expires_at, $1), replaced_by = $2
         WHERE organization_id = $3 AND id = $4 RETURNING ${TOKEN_COLUMNS}`,
        [input.graceEndsAt, input.replacement.id, input.organizationId, input.id],
      );
      return { status: 'rotated', previous: toToken(updated.rows[0]!), deleted: false };
    });
  }

  async reserveSignInAttempt(key: string, rule: AttemptRule, now: number): Promise<AttemptReservation> {
    const { rows } = await this.query<{ attempts: number; lockedUntil: number }>(RESERVE_ATTEMPT, [
      key,
      now,
      rule.windowMs,
      this.instance,
      now + SIGN_IN_LEASE_MS,
    ]);
    const row = rows[0]!;
    return { allowed: row.attempts <= rule.maxAttempts, lockedUntil: row.lockedUntil > now ? row.lockedUntil : 0 };
  }

  async recordSignInFailure(key: string, rule: AttemptRule, now: number): Promise<boolean> {
    const { rows } = await this.query<{ lockedUntil: number }>(RECORD_FAILURE, [key, this.instance, now, rule.maxAttempts, rule.lockMs]);
    // A lock in force keeps its end; only the failure that started one ends at now + lockMs.
    return rows[0] !== undefined && rows[0].lockedUntil === now + rule.lockMs;
  }

  async releaseSignInAttempt(key: string): Promise<void> {
    await this.query(RELEASE_ATTEMPT, [key, this.instance]);
  }

  async releaseInstanceReservations(): Promise<number> {
    const { rows } = await this.query<{ n: number }>(RELEASE_INSTANCE, [this.instance]);
    return rows[0]!.n;
  }

  async clearSignInAttempts(key: string): Promise<void> {
    await this.query('UPDATE sign_in_attempts SET attempts = in_flight, locked_until = 0 WHERE key = $1', [key]);
  }

  async pruneSignInAttempts(now: number): Promise<number> {
    await this.query(RELEASE_EXPIRED, [now]);
    const { rowCount } = await this.query('DELETE FROM sign_in_attempts WHERE expires_at <= $1', [now]);
    return rowCount ?? 0;
  }

  /**
   * Adds what is not there yet, in one transaction; rows whose ID (or, for
   * an account, whose email) is already present are left as they are, so
   * running it twice copies nothing the second time.
   */
  async importRecords(records: {
    organizations: OrganizationRecord[];
    accounts: AccountRecord[];
    tokens: TokenRecord[];
  }): Promise<{ organizations: number; accounts: number; tokens: number }> {
    const client = await this.pool.connect();
    const added = { organizations: 0, accounts: 0, tokens: 0 };
    try {
      await client.query('BEGIN');
      for (const o of records.organizations) {
        const result = await client.query(
          'INSERT INTO organizations (id, name, description, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
          [o.id, o.name, o.description, o.createdAt],
        );
        added.organizations += result.rowCount ?? 0;
      }
      for (const a of records.accounts) {
        const result = await client.query(
          `INSERT INTO accounts (id, organization_id, first_name, last_name, email, email_key, password_hash, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
          [a.id, a.organizationId, a.firstName, a.lastName, a.email, emailKey(a.email), a.passwordHash, a.createdAt],
        );
        added.accounts += result.rowCount ?? 0;
      }
      for (const t of records.tokens) {
        const result = await client.query(
          `INSERT INTO api_tokens (${TOKEN_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT DO NOTHING`,
          [...insertValues(t), t.lastUsedAt ?? null, t.lastUsedFrom ?? null, t.replacedBy ?? null],
        );
        added.tokens += result.rowCount ?? 0;
      }
      await client.query('COMMIT');
      return added;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  /** Lock waits that gave up, serialization failures and deadlocks: retrying soon will do. */
  isBusyError(error: unknown): boolean {
    const code = (error as { code?: string } | undefined)?.code;
    return code === '55P03' || code === '40001' || code === '40P01';
  }

  /** disk_full: the server's disk, or the tablespace's, has no room for the write. */
  isFullError(error: unknown): boolean {
    return (error as { code?: string } | undefined)?.code === '53100';
  }

  async ping(): Promise<void> {
    await this.query('SELECT 1');
  }

  async counts(): Promise<StorageCounts> {
    const { rows } = await this.query<StorageCounts>(`SELECT
      (SELECT COUNT(*) FROM organizations) AS organizations,
      (SELECT COUNT(*) FROM accounts) AS accounts,
      (SELECT COUNT(*) FROM api_tokens) AS tokens`);
    return rows[0]!;
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}

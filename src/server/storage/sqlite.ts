// SQLite storage through better-sqlite3: one file, WAL so readers never wait
// for the writer, foreign keys on (SQLite leaves them off by default).
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { AuditEvent, AuditQuery, StoredAuditEvent } from '../audit/events';
import { AUDIT_INSERT_COLUMNS, auditSelect, auditValues, toAuditEvent, type AuditRow } from '../audit/rows';
import { emailKey } from '../emails';
import { pendingMigrations, SchemaTooNewError, type Migration } from './migrations';
import { SQLITE_MIGRATIONS } from './sqlite-migrations';
import {
  EmailTakenError,
  SIGN_IN_LEASE_MS,
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

type TokenRow = StoredTokenRow<string>;
const toToken = (row: TokenRow) => tokenFromRow(row, (stored) => JSON.parse(stored) as string[]);

export { SchemaTooNewError };

// The reservation as one upsert, after the key's expired leases were deleted
// (@reaped of them, given back here). SET expressions all see the row as it
// was, so each new value is spelled out from the old ones. A lock in force
// only counts the refused attempt; an ended lock or window starts the count
// of failures afresh, while the checks still in flight (their leases are
// live) stay counted. Locks are started by recordSignInFailure, never by a
// reservation. The row outlives the new lease, so pruning never deletes a
// counter whose reservations are still in flight.
const LOCKED_NOW = 'locked_until > @now';
const FRESH = `(NOT ${LOCKED_NOW} AND ((locked_until > 0 AND locked_until <= @now) OR window_started_at + @windowMs <= @now))`;
const GONE = 'min(@reaped, in_flight)';
const NEW_WINDOW_START = `(CASE WHEN ${FRESH} THEN @now ELSE window_started_at END)`;
const NEW_LOCKED_UNTIL = `(CASE WHEN ${FRESH} THEN 0 ELSE locked_until END)`;
const RESERVE_ATTEMPT = `
  INSERT INTO sign_in_attempts (key, attempts, in_flight, window_started_at, locked_until, expires_at)
  VALUES (@key, 1, 1, @now, 0, max(@now + @windowMs, @leaseEnd))
  ON CONFLICT (key) DO UPDATE SET
    attempts = CASE WHEN ${FRESH} THEN in_flight - ${GONE} + 1 ELSE attempts - ${GONE} + 1 END,
    in_flight = in_flight - ${GONE} + 1,
    window_started_at = ${NEW_WINDOW_START},
    locked_until = ${NEW_LOCKED_UNTIL},
    expires_at = max(${NEW_WINDOW_START} + @windowMs, ${NEW_LOCKED_UNTIL}, @leaseEnd)
  RETURNING attempts, locked_until AS lockedUntil`;
// @held is 1 when the attempt's lease was still there (it leaves the
// attempts in flight), 0 when it had expired and was given back already (the
// failure is counted anew). Either way the failures after this one are
// attempts - in_flight + 1.
const LOCK_AFTER_FAILURE = `(CASE WHEN locked_until > @now THEN locked_until
  WHEN attempts - in_flight + 1 >= @maxAttempts THEN @now + @lockMs ELSE locked_until END)`;
const RECORD_FAILURE = `UPDATE sign_in_attempts SET
  attempts = attempts + 1 - @held,
  in_flight = in_flight - @held,
  locked_until = ${LOCK_AFTER_FAILURE},
  expires_at = max(expires_at, ${LOCK_AFTER_FAILURE})
  WHERE key = @key AND in_flight >= @held
  RETURNING locked_until AS lockedUntil`;

/** How long a statement waits for another process's lock before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 50;

export function applyMigrations(db: Database.Database, migrations: readonly Migration[] = SQLITE_MIGRATIONS): number[] {
  // Migration 4 keys existing accounts with the very function new ones are inserted with.
  db.function('email_key', { deterministic: true }, (email: unknown) => emailKey(String(email)));
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    description TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  )`);
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map((r) => r.version),
  );
  const newlyApplied: number[] = [];
  const record = db.prepare('INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)');
  for (const migration of pendingMigrations(migrations, applied)) {
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.description, Date.now());
    })();
    newlyApplied.push(migration.version);
  }
  return newlyApplied;
}

function isUniqueViolationOn(error: unknown, column: string): boolean {
  return (
    error instanceof Error &&
    (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' &&
    error.message.includes(column)
  );
}

export class SqliteStorage implements Storage {
  private readonly db: Database.Database;
  private readonly statements;

  private readonly instance: string;

  /**
   * `path` is a file, or ':memory:' for a throwaway database. `instance`
   * names who holds the sign-in leases this storage takes (see
   * releaseInstanceReservations); default one of its own. `maxPages` caps
   * the file (PRAGMA max_page_count, never below its size now): a write that
   * needs more fails as on a full disk.
   */
  constructor(path: string, options: { instance?: string; maxPages?: number } = {}) {
    this.instance = options.instance ?? randomUUID();
    this.db = new Database(path);
    try {
      this.prepareSchema();
      if (options.maxPages !== undefined) this.db.pragma(`max_page_count = ${Math.floor(options.maxPages)}`);
    } catch (error) {
      this.db.close();
      throw error;
    }
    const db = this.db;
    this.statements = {
      insertOrganization: db.prepare(
        'INSERT INTO organizations (id, name, description, created_at) VALUES (@id, @name, @description, @createdAt)',
      ),
      insertAccount: db.prepare(`INSERT INTO accounts
        (id, organization_id, first_name, last_name, email, email_key, password_hash, created_at)
        VALUES (@id, @organizationId, @firstName, @lastName, @email, @emailKey, @passwordHash, @createdAt)`),
      getOrganization: db.prepare('SELECT * FROM organizations WHERE id = ?'),
      findAccountByEmail: db.prepare('SELECT * FROM accounts WHERE email_key = ?'),
      updatePassword: db.prepare('UPDATE accounts SET password_hash = ? WHERE id = ?'),
      insertToken: db.prepare(`INSERT INTO api_tokens
        (id, organization_id, name, description, permissions, secret_hash, ttl, created_at, expires_at)
        VALUES (@id, @organizationId, @name, @description, @permissions, @secretHash, @ttl, @createdAt, @expiresAt)`),
      listTokens: db.prepare('SELECT * FROM api_tokens WHERE organization_id = ? ORDER BY created_at, rowid'),
      listTokensPage: db.prepare(`SELECT rowid AS position, * FROM api_tokens
        WHERE organization_id = @organizationId AND (created_at, rowid) > (@createdAt, @position)
        ORDER BY created_at, rowid LIMIT @limit`),
      getToken: db.prepare('SELECT * FROM api_tokens WHERE organization_id = ? AND id = ?'),
      deleteToken: db.prepare('DELETE FROM api_tokens WHERE organization_id = ? AND id = ?'),
      findTokenBySecretHash: db.prepare('SELECT * FROM api_tokens WHERE secret_hash = ?'),
      recordTokenUse: db.prepare(
        'UPDATE api_tokens SET last_used_at = ?, last_used_from = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)',
      ),
      insertAudit: db.prepare(`INSERT INTO audit_events (${AUDIT_INSERT_COLUMNS}) VALUES (${AUDIT_INSERT_COLUMNS.split(',').map(() => '?').join(', ')})`),
      pruneAudit: db.prepare('DELETE FROM audit_events WHERE id IN (SELECT id FROM audit_events WHERE at < ? ORDER BY at LIMIT ?)'),
      startGrace: db.prepare('UPDATE api_tokens SET expires_at = MIN(expires_at, ?), replaced_by = ? WHERE organization_id = ? AND id = ?'),
      reserveAttempt: db.prepare(RESERVE_ATTEMPT),
      recordFailure: db.prepare(RECORD_FAILURE),
      releaseAttempt: db.prepare('UPDATE sign_in_attempts SET attempts = attempts - 1, in_flight = in_flight - 1 WHERE key = ? AND in_flight > 0'),
      insertLease: db.prepare('INSERT INTO sign_in_leases (key, instance, expires_at) VALUES (?, ?, ?)'),
      deleteExpiredLeasesOf: db.prepare('DELETE FROM sign_in_leases WHERE key = ? AND expires_at <= ?'),
      // The one that expires first: the leases of one key and instance are alike but for their ends.
      deleteOneLease: db.prepare(`DELETE FROM sign_in_leases WHERE id =
        (SELECT id FROM sign_in_leases WHERE key = ? AND instance = ? ORDER BY expires_at LIMIT 1)`),
      expiredLeases: db.prepare('DELETE FROM sign_in_leases WHERE expires_at <= ? RETURNING key'),
      leasesOfInstance: db.prepare('DELETE FROM sign_in_leases WHERE instance = ? RETURNING key'),
      giveBack: db.prepare(`UPDATE sign_in_attempts SET attempts = attempts - min(@count, in_flight),
        in_flight = in_flight - min(@count, in_flight) WHERE key = @key`),
      clearAttempts: db.prepare('UPDATE sign_in_attempts SET attempts = in_flight, locked_until = 0 WHERE key = ?'),
      pruneAttempts: db.prepare('DELETE FROM sign_in_attempts WHERE expires_at <= ?'),
      counts: db.prepare(`SELECT
        (SELECT COUNT(*) FROM organizations) AS organizations,
        (SELECT COUNT(*) FROM accounts) AS accounts,
        (SELECT COUNT(*) FROM api_tokens) AS tokens`),
    };
  }

  private prepareSchema(): void {
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    // Another process (a second server, a backup, a sqlite3 shell) may hold
    // the write lock. better-sqlite3 waits synchronously, stalling every
    // request (health checks included): wait only briefly, then the caller
    // answers 503 and the client retries.
    this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    applyMigrations(this.db);
  }

  /** Inside the caller's transaction. */
  private audit(event: AuditEvent | undefined): void {
    if (event) this.statements.insertAudit.run(...auditValues(event));
  }

  async createOrganizationWithAccount(organization: OrganizationRecord, account: AccountRecord, audit?: AuditEvent): Promise<void> {
    try {
      this.db.transaction(() => {
        this.statements.insertOrganization.run(organization);
        this.statements.insertAccount.run({ ...account, emailKey: emailKey(account.email) });
        this.audit(audit);
      })();
    } catch (error) {
      if (isUniqueViolationOn(error, 'accounts.email')) throw new EmailTakenError(account.email);
      throw error;
    }
  }

  async getOrganization(id: string): Promise<OrganizationRecord | undefined> {
    const row = this.statements.getOrganization.get(id) as OrganizationRow | undefined;
    return row && toOrganization(row);
  }

  async findAccountByEmail(email: string): Promise<AccountRecord | undefined> {
    const row = this.statements.findAccountByEmail.get(emailKey(email)) as AccountRow | undefined;
    return row && toAccount(row);
  }

  async updateAccountPassword(accountId: string, passwordHash: string, audit?: AuditEvent): Promise<void> {
    this.db.transaction(() => {
      this.statements.updatePassword.run(passwordHash, accountId);
      this.audit(audit);
    })();
  }

  async createToken(token: TokenRecord, audit?: AuditEvent): Promise<void> {
    this.db.transaction(() => {
      this.insertToken(token);
      this.audit(audit);
    })();
  }

  private insertToken(token: TokenRecord): void {
    const { lastUsedAt: _lastUsedAt, lastUsedFrom: _lastUsedFrom, replacedBy: _replacedBy, ...columns } = token;
    this.statements.insertToken.run({ ...columns, permissions: JSON.stringify(token.permissions) });
  }

  async recordTokenUse(id: string, at: number, staleBefore: number, from: string | null = null): Promise<void> {
    this.statements.recordTokenUse.run(at, from, id, staleBefore);
  }

  async rotateToken(input: RotateTokenInput): Promise<RotateTokenOutcome> {
    // better-sqlite3 transactions are synchronous: nothing else runs between
    // the read and the writes, and a throw rolls all of them back.
    return this.db.transaction((): RotateTokenOutcome => {
      const row = this.statements.getToken.get(input.organizationId, input.id) as TokenRow | undefined;
      if (!row) return { status: 'not-found' };
      if (row.replaced_by !== null) return { status: 'already-rotated', replacedBy: row.replaced_by };
      this.insertToken(input.replacement);
      this.audit(input.audit);
      if (input.graceEndsAt === undefined) {
        this.statements.deleteToken.run(input.organizationId, input.id);
        return { status: 'rotated', previous: toToken(row), deleted: true };
      }
      this.statements.startGrace.run(input.graceEndsAt, input.replacement.id, input.organizationId, input.id);
      const after = this.statements.getToken.get(input.organizationId, input.id) as TokenRow;
      return { status: 'rotated', previous: toToken(after), deleted: false };
    })();
  }

  async listTokens(organizationId: string): Promise<TokenRecord[]> {
    return (this.statements.listTokens.all(organizationId) as TokenRow[]).map(toToken);
  }

  async listTokensPage(organizationId: string, limit: number, after?: TokenPageCursor): Promise<TokenPage> {
    const start = after ?? { createdAt: Number.MIN_SAFE_INTEGER, position: Number.MIN_SAFE_INTEGER };
    const rows = this.statements.listTokensPage.all({ organizationId, limit, ...start }) as Array<TokenRow & { position: number }>;
    const last = rows.length === limit ? rows[rows.length - 1] : undefined;
    return { tokens: rows.map(toToken), next: last && { createdAt: last.created_at, position: last.position } };
  }

  async getToken(organizationId: string, id: string): Promise<TokenRecord | undefined> {
    const row = this.statements.getToken.get(organizationId, id) as TokenRow | undefined;
    return row && toToken(row);
  }

  async deleteToken(organizationId: string, id: string, audit?: AuditEvent): Promise<boolean> {
    return this.db.transaction(() => {
      const deleted = this.statements.deleteToken.run(organizationId, id).changes > 0;
      if (deleted) this.audit(audit);
      return deleted;
    })();
  }

  async recordAuditEvent(event: AuditEvent): Promise<void> {
    this.audit(event);
  }

  async listAuditEvents(query: AuditQuery): Promise<StoredAuditEvent[]> {
    const { sql, values } = auditSelect(query, () => '?');
    return (this.db.prepare(sql).all(...values) as AuditRow[]).map(toAuditEvent);
  }

  async pruneAuditEvents(before: number, batch: number): Promise<number> {
    return this.statements.pruneAudit.run(before, batch).changes;
  }

  async findTokenBySecretHash(secretHash: string): Promise<TokenRecord | undefined> {
    const row = this.statements.findTokenBySecretHash.get(secretHash) as TokenRow | undefined;
    return row && toToken(row);
  }

  async ping(): Promise<void> {
    // A local file: reachable whenever the process runs.
  }

  async reserveSignInAttempt(key: string, rule: AttemptRule, now: number): Promise<AttemptReservation> {
    // Immediate: the write lock is taken first, so another process's reservation of the key waits rather than interleaves.
    const row = this.db.transaction(() => {
      const reaped = this.statements.deleteExpiredLeasesOf.run(key, now).changes;
      const leaseEnd = now + SIGN_IN_LEASE_MS;
      this.statements.insertLease.run(key, this.instance, leaseEnd);
      return this.statements.reserveAttempt.get({ key, now, reaped, leaseEnd, windowMs: rule.windowMs }) as { attempts: number; lockedUntil: number };
    }).immediate();
    return { allowed: row.attempts <= rule.maxAttempts, lockedUntil: row.lockedUntil > now ? row.lockedUntil : 0 };
  }

  async recordSignInFailure(key: string, rule: AttemptRule, now: number): Promise<boolean> {
    return this.db.transaction(() => {
      const held = this.statements.deleteOneLease.run(key, this.instance).changes;
      const row = this.statements.recordFailure.get({ key, now, held, maxAttempts: rule.maxAttempts, lockMs: rule.lockMs }) as
        | { lockedUntil: number }
        | undefined;
      // A lock in force keeps its end; only the failure that started one ends at now + lockMs.
      return row !== undefined && row.lockedUntil === now + rule.lockMs;
    }).immediate();
  }

  async releaseSignInAttempt(key: string): Promise<void> {
    this.db.transaction(() => {
      if (this.statements.deleteOneLease.run(key, this.instance).changes > 0) this.statements.releaseAttempt.run(key);
    }).immediate();
  }

  async releaseInstanceReservations(): Promise<number> {
    return this.db.transaction(() => this.giveBack(this.statements.leasesOfInstance.all(this.instance) as Array<{ key: string }>)).immediate();
  }

  /** Gives the deleted leases' attempts back to their keys; returns how many. */
  private giveBack(leases: Array<{ key: string }>): number {
    const perKey = new Map<string, number>();
    for (const { key } of leases) perKey.set(key, (perKey.get(key) ?? 0) + 1);
    for (const [key, count] of perKey) this.statements.giveBack.run({ key, count });
    return leases.length;
  }

  async clearSignInAttempts(key: string): Promise<void> {
    this.statements.clearAttempts.run(key);
  }

  async pruneSignInAttempts(now: number): Promise<number> {
    return this.db
      .transaction(() => {
        this.giveBack(this.statements.expiredLeases.all(now) as Array<{ key: string }>);
        return this.statements.pruneAttempts.run(now).changes;
      })
      .immediate();
  }

  isBusyError(error: unknown): boolean {
    const code = (error as { code?: unknown } | undefined)?.code;
    return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code);
  }

  isFullError(error: unknown): boolean {
    return (error as { code?: unknown } | undefined)?.code === 'SQLITE_FULL';
  }

  async counts(): Promise<StorageCounts> {
    return this.statements.counts.get() as StorageCounts;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

export interface AllRecords {
  organizations: OrganizationRecord[];
  accounts: AccountRecord[];
  /** In creation order. */
  tokens: TokenRecord[];
}

/**
 * Every organization, account and token of a SQLite server database, read
 * without changing the file (no migration, read-only): the source of
 * `appclacks server migrate-db`.
 */
export function readAllRecords(path: string): AllRecords {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const applied = (db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map((r) => r.version);
    pendingMigrations(SQLITE_MIGRATIONS, new Set(applied)); // throws SchemaTooNewError for a newer file
    return {
      organizations: (db.prepare('SELECT * FROM organizations ORDER BY created_at, rowid').all() as OrganizationRow[]).map(toOrganization),
      accounts: (db.prepare('SELECT * FROM accounts ORDER BY created_at, rowid').all() as AccountRow[]).map(toAccount),
      tokens: (db.prepare('SELECT * FROM api_tokens ORDER BY created_at, rowid').all() as TokenRow[]).map(toToken),
    };
  } finally {
    db.close();
  }
}

// The server's storage contract. Async even though SQLite is synchronous, so
// that the PostgreSQL implementation (its own issue) fits behind it unchanged.
// Times are milliseconds since the epoch; the wire format lives in ../wire.ts.
import type { AuditEvent, AuditQuery, StoredAuditEvent } from '../audit/events';

export interface OrganizationRecord {
  id: string;
  name: string;
  description: string | null;
  createdAt: number;
}

export interface AccountRecord {
  id: string;
  organizationId: string;
  firstName: string;
  lastName: string;
  email: string;
  /** scrypt hash in the format of ../passwords.ts; never leaves the server. */
  passwordHash: string;
  createdAt: number;
}

export interface TokenRecord {
  id: string;
  organizationId: string;
  name: string;
  description: string;
  permissions: string[];
  /** SHA-256 of the secret, hex. The secret itself is never stored. */
  secretHash: string;
  /** The TTL as the client sent it (Go duration syntax). */
  ttl: string;
  createdAt: number;
  expiresAt: number;
  /**
   * Last successful authentication with the token, null when never. Coarse on
   * purpose: see `recordTokenUse`. Optional so records built before use
   * (a create) need not spell it out.
   */
  lastUsedAt?: number | null;
  /** The client address of that use (after --trust-proxy); written with it. */
  lastUsedFrom?: string | null;
  /** Set on a token rotated with a grace period: the ID of its replacement. */
  replacedBy?: string | null;
}

/** What rotateToken changes, decided by the route; storage applies it atomically. */
export interface RotateTokenInput {
  organizationId: string;
  /** The token being replaced. */
  id: string;
  /** The new token, inserted as is. */
  replacement: TokenRecord;
  /**
   * Without it the old token is deleted; with it the old token stays valid
   * until then (never later than it would have anyway) and records its replacement.
   */
  graceEndsAt?: number;
  /** Written in the same transaction, only when the rotation happens. */
  audit?: AuditEvent;
}

export type RotateTokenOutcome =
  /** `previous` is the old token after the change; `deleted` when it is gone. */
  | { status: 'rotated'; previous: TokenRecord; deleted: boolean }
  | { status: 'not-found' }
  /** Rotating it again would leave two replacements alive: refused. */
  | { status: 'already-rotated'; replacedBy: string };

/**
 * How many sign-in attempts a key may make before it is locked, and for how
 * long. Counts older than `windowMs` are forgotten; a lock lasts `lockMs` from
 * the reservation that reached `maxAttempts`, then the count starts afresh.
 */
export interface AttemptRule {
  maxAttempts: number;
  windowMs: number;
  lockMs: number;
}

/**
 * How long a reservation holds its slot when nothing settles it: a process
 * killed during the check (SIGKILL, out of memory, a second Ctrl+C) or a
 * settle that failed (the database went away) gives its slots back by
 * itself after this. Far longer than any check (a lookup and one scrypt,
 * seconds at worst under load); a check that outlives its lease is still
 * settled correctly (a failure stays counted).
 */
export const SIGN_IN_LEASE_MS = 30_000;

/** What a reservation found, counting the attempt it just reserved. */
export interface AttemptReservation {
  /** False when the key was already at `maxAttempts`: refuse, or wait, without checking the password. */
  allowed: boolean;
  /**
   * When the lock ends (ms since the epoch); 0 when the key is not locked. A
   * refusal with 0 means the key is full only because of attempts still in
   * flight (not of failures): a slot may free up in a moment.
   */
  lockedUntil: number;
}

/** Where a page of `listTokensPage` ended; the next page starts after it. */
export interface TokenPageCursor {
  createdAt: number;
  /** The row's insertion order (SQLite's rowid, PostgreSQL's `position`): ties of createdAt keep it. */
  position: number;
}

export interface TokenPage {
  tokens: TokenRecord[];
  /** Undefined when this page is the last. */
  next: TokenPageCursor | undefined;
}

export interface StorageCounts {
  organizations: number;
  accounts: number;
  tokens: number;
}

export class EmailTakenError extends Error {
  constructor(email: string) {
    super(`an account with email ${email} already exists`);
    this.name = 'EmailTakenError';
  }
}

/**
 * The database cannot be reached right now (refused, dropped, timed out).
 * Requests that need it answer 503 with Retry-After; the storage reconnects
 * by itself when the database returns.
 */
export class StorageUnavailableError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('the database is unavailable', options);
    this.name = 'StorageUnavailableError';
  }
}

export interface Storage {
  /** Creates both in one transaction; throws EmailTakenError when the email is in use (case-insensitive). */
  createOrganizationWithAccount(organization: OrganizationRecord, account: AccountRecord, audit?: AuditEvent): Promise<void>;
  getOrganization(id: string): Promise<OrganizationRecord | undefined>;
  /** Case-insensitive on the email. */
  findAccountByEmail(email: string): Promise<AccountRecord | undefined>;
  updateAccountPassword(accountId: string, passwordHash: string, audit?: AuditEvent): Promise<void>;

  /**
   * `audit` (on this and the other changes) is the event that describes the
   * change, written in the same transaction: both happen or neither. A delete
   * writes it only when a token was deleted.
   */
  createToken(token: TokenRecord, audit?: AuditEvent): Promise<void>;
  /** Oldest first. */
  listTokens(organizationId: string): Promise<TokenRecord[]>;
  /**
   * At most `limit` tokens, oldest first, after `after` (from the start
   * without it): `GET /api/v1/token` streams a large list page by page
   * rather than holding it whole. Pages are separate reads, not one snapshot.
   */
  listTokensPage(organizationId: string, limit: number, after?: TokenPageCursor): Promise<TokenPage>;
  getToken(organizationId: string, id: string): Promise<TokenRecord | undefined>;
  /** False when no token of that organization has this ID. */
  deleteToken(organizationId: string, id: string, audit?: AuditEvent): Promise<boolean>;
  findTokenBySecretHash(secretHash: string): Promise<TokenRecord | undefined>;
  /**
   * Sets last-used-at to `at` only when it is null or older than
   * `staleBefore`, in one conditional UPDATE (no read first): callers pass
   * `at - granularity`, so a busy token costs one write per granularity, and
   * two servers on one database cannot move it backwards.
   */
  recordTokenUse(id: string, at: number, staleBefore: number, from?: string | null): Promise<void>;
  /**
   * Inserts the replacement and deletes the old token (or starts its grace)
   * in one transaction: at no moment are there both without a grace asked
   * for, or neither. The old row is read inside that transaction (SQLite's
   * transactions are serial; PostgreSQL needs SELECT ... FOR UPDATE), so two
   * concurrent rotations of one token cannot both succeed.
   */
  rotateToken(input: RotateTokenInput): Promise<RotateTokenOutcome>;

  /** An event that goes with no other change (a failed sign-in). */
  recordAuditEvent(event: AuditEvent): Promise<void>;
  /** One page of an organization's events, newest first. */
  listAuditEvents(query: AuditQuery): Promise<StoredAuditEvent[]>;
  /** Deletes at most `batch` events older than `before`; returns how many, so a caller repeats until fewer. */
  pruneAuditEvents(before: number, batch: number): Promise<number>;

  /** Resolves when the database answers; throws StorageUnavailableError when it does not. */
  ping(): Promise<void>;

  /**
   * Sign-in lock-out counters, shared by every server process on the same
   * storage and kept across restarts. A password check first *reserves* an
   * attempt: this counts it (as in flight) and reports the lock in one atomic
   * step (one upsert: SQLite runs it under its write lock, PostgreSQL as
   * `INSERT ... ON CONFLICT (key) DO UPDATE ... RETURNING`), so parallel
   * guesses cannot all pass a check made before any of them was counted: at
   * most `maxAttempts` minus the failures are ever in flight. Every allowed
   * reservation is then settled by exactly one of `recordSignInFailure` or
   * `releaseSignInAttempt`. A refused one is counted too, and must be
   * released. Keys are opaque strings of at most a few hundred characters,
   * e.g. `address:127.0.0.1`.
   *
   * Each reservation is also a lease (a row in `sign_in_leases`) held by
   * this storage's instance until `now + SIGN_IN_LEASE_MS`: an expired
   * lease is given back by the next reservation of its key (and by
   * pruning), and `releaseInstanceReservations` gives back every lease of
   * this instance at start, so slots held by a process that died are not
   * lost for the window.
   */
  reserveSignInAttempt(key: string, rule: AttemptRule, now: number): Promise<AttemptReservation>;
  /**
   * The reserved attempt failed: it stays counted, no longer in flight, and
   * when the failures reach `maxAttempts` the key is locked for `lockMs`
   * from now (a lock in force is not lengthened). True when this failure
   * started a lock (the audit trail's `sign-in.locked`).
   */
  recordSignInFailure(key: string, rule: AttemptRule, now: number): Promise<boolean>;
  /**
   * Gives back one reservation of this instance (the attempt succeeded, or
   * was refused for another key); nothing when its lease expired already.
   */
  releaseSignInAttempt(key: string): Promise<void>;
  /**
   * Gives back every reservation this instance holds: at start, for what a
   * previous run of the same instance (killed mid-check) left. Returns how many.
   */
  releaseInstanceReservations(): Promise<number>;
  /**
   * Forgets the key's failures and lock (a correct password for that email);
   * reservations still in flight stay counted.
   */
  clearSignInAttempts(key: string): Promise<void>;
  /** Gives back expired leases, then deletes counters whose window and lock have both ended; returns how many counters. */
  pruneSignInAttempts(now: number): Promise<number>;

  /**
   * True when `error` (thrown by a method above) means another process holds
   * the database's lock: the server answers 503 with Retry-After, not 500.
   */
  isBusyError(error: unknown): boolean;
  /**
   * True when `error` means the database could not be written for lack of
   * space (SQLite's SQLITE_FULL, PostgreSQL's disk_full): writes answer 503
   * until space is freed, reads go on.
   */
  isFullError(error: unknown): boolean;

  /** Row counts, for health checks and for tests that prove a request changed nothing. */
  counts(): Promise<StorageCounts>;
  close(): Promise<void>;
}

// Versioned schema changes, applied in order at start. Never edit a shipped
// entry: add a new one, because databases in the field already ran the old.

import type { Migration } from './migrations';

export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'organizations, accounts and API tokens',
    sql: `
      CREATE TABLE organizations (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        description TEXT,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        first_name TEXT NOT NULL,
        last_name TEXT NOT NULL,
        email TEXT NOT NULL UNIQUE COLLATE NOCASE,
        password_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE api_tokens (
        id TEXT PRIMARY KEY,
        organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        description TEXT NOT NULL,
        permissions TEXT NOT NULL,
        secret_hash TEXT NOT NULL UNIQUE,
        ttl TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX api_tokens_by_organization ON api_tokens(organization_id, created_at);
    `,
  },
  {
    version: 2,
    description: 'sign-in lock-out counters',
    // One row per key (an email, an address, or both). attempts counts the
    // failures and the attempts still in flight; in_flight those alone, so a
    // key full only of checks in progress is told from a locked one.
    // expires_at is when both the window and the lock have ended, so pruning
    // is one indexed DELETE.
    sql: `
      CREATE TABLE sign_in_attempts (
        key TEXT PRIMARY KEY,
        attempts INTEGER NOT NULL,
        in_flight INTEGER NOT NULL,
        window_started_at INTEGER NOT NULL,
        locked_until INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX sign_in_attempts_by_expiry ON sign_in_attempts(expires_at);
    `,
  },
  {
    version: 3,
    description: 'last use and rotation of API tokens',
    sql: `
      ALTER TABLE api_tokens ADD COLUMN last_used_at INTEGER;
      ALTER TABLE api_tokens ADD COLUMN replaced_by TEXT;
    `,
  },
  {
    version: 4,
    description: 'one key for the same email (../emails.ts)',
    // email_key() is emailKey itself, registered by applyMigrations: the
    // existing rows get the key new ones are inserted with. The old
    // COLLATE NOCASE on email is the same rule (ASCII only) and stays.
    sql: `
      ALTER TABLE accounts ADD COLUMN email_key TEXT;
      UPDATE accounts SET email_key = email_key(email);
      CREATE UNIQUE INDEX accounts_by_email_key ON accounts(email_key);
    `,
  },
  {
    version: 5,
    description: 'leases of sign-in reservations',
    // One row per reservation still in flight, held by one server instance
    // until expires_at. A process that dies mid-check leaves its rows; they
    // are given back when they expire, or when the instance starts again.
    // Reservations made before this had no lease and nothing could give
    // them back any more: they are dropped.
    sql: `
      CREATE TABLE sign_in_leases (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL,
        instance TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX sign_in_leases_by_key ON sign_in_leases(key, instance, expires_at);
      CREATE INDEX sign_in_leases_by_expiry ON sign_in_leases(expires_at);
      CREATE INDEX sign_in_leases_by_instance ON sign_in_leases(instance);
      UPDATE sign_in_attempts SET attempts = attempts - in_flight, in_flight = 0;
    `,
  },
  {
    version: 6,
    description: 'audit trail of account and token events; where a token was last used from',
    // Newest-first pages of one organization, filtered by kind or token
    // (as subject or as a rotation's replacement), each an index range;
    // retention deletes by time alone.
    sql: `
      CREATE TABLE audit_events (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        organization_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        actor TEXT NOT NULL,
        actor_type TEXT NOT NULL,
        token_id TEXT,
        token_name TEXT,
        replacement_token_id TEXT,
        grace_ends_at INTEGER,
        detail TEXT,
        client_address TEXT,
        user_agent TEXT
      );
      CREATE INDEX audit_events_by_organization ON audit_events(organization_id, at, id);
      CREATE INDEX audit_events_by_kind ON audit_events(organization_id, kind, at, id);
      CREATE INDEX audit_events_by_token ON audit_events(organization_id, token_id, at, id);
      CREATE INDEX audit_events_by_replacement ON audit_events(organization_id, replacement_token_id, at, id);
      CREATE INDEX audit_events_by_time ON audit_events(at);
      ALTER TABLE api_tokens ADD COLUMN last_used_from TEXT;
    `,
  },
];

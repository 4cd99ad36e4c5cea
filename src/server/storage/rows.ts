// Rows as both databases return them (snake_case columns, times in ms) and
// their records. The two differ only in how a token's permissions are stored:
// SQLite keeps a JSON text, PostgreSQL a JSONB that arrives decoded.
import type { AccountRecord, OrganizationRecord, TokenRecord } from './types';

export interface OrganizationRow {
  id: string;
  name: string;
  description: string | null;
  created_at: number;
}

export interface AccountRow {
  id: string;
  organization_id: string;
  first_name: string;
  last_name: string;
  email: string;
  password_hash: string;
  created_at: number;
}

export interface TokenRow<Permissions> {
  id: string;
  organization_id: string;
  name: string;
  description: string;
  permissions: Permissions;
  secret_hash: string;
  ttl: string;
  created_at: number;
  expires_at: number;
  last_used_at: number | null;
  /** Absent from rows read before migration 6 (migrate-db reads old files). */
  last_used_from?: string | null;
  replaced_by: string | null;
}

export function toOrganization(row: OrganizationRow): OrganizationRecord {
  return { id: row.id, name: row.name, description: row.description, createdAt: row.created_at };
}

export function toAccount(row: AccountRow): AccountRecord {
  return {
    id: row.id,
    organizationId: row.organization_id,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
  };
}

export function toToken<Permissions>(row: TokenRow<Permissions>, permissions: (stored: Permissions) => string[]): TokenRecord {
  return {
    id: row.id,
    organizationId: row.organization_id,
    name: row.name,
    description: row.description,
    permissions: permissions(row.permissions),
    secretHash: row.secret_hash,
    ttl: row.ttl,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    lastUsedFrom: row.last_used_from ?? null,
    replacedBy: row.replaced_by,
  };
}

// Records to the exact objects of docs/api.md (kebab-case keys, RFC 3339 UTC times).
import type { Account, APIToken, Organization } from '../api/schemas';
import type { AccountRecord, OrganizationRecord, TokenRecord } from './storage/types';

export function apiTimeOf(ms: number): string {
  return new Date(ms).toISOString();
}

export function organizationToWire(org: OrganizationRecord): Organization {
  return { id: org.id, name: org.name, description: org.description, 'created-at': apiTimeOf(org.createdAt) };
}

export function accountToWire(account: AccountRecord): Account {
  return {
    id: account.id,
    'first-name': account.firstName,
    'last-name': account.lastName,
    email: account.email,
    'created-at': apiTimeOf(account.createdAt),
  };
}

/**
 * Without the secret: only the create call adds it, and it is not stored.
 * `extensions` adds this server's fields after the official ones
 * (`last-used-at`); the official CLI ignores fields it does not know.
 */
export function tokenToWire(token: TokenRecord, extensions = true): APIToken {
  const official: APIToken = {
    id: token.id,
    name: token.name,
    description: token.description,
    permissions: { actions: [...token.permissions] },
    'created-at': apiTimeOf(token.createdAt),
    'expires-at': apiTimeOf(token.expiresAt),
    ttl: token.ttl,
  };
  if (!extensions) return official;
  const lastUsedAt = token.lastUsedAt ?? null;
  return {
    ...official,
    'last-used-at': lastUsedAt === null ? null : apiTimeOf(lastUsedAt),
    'last-used-from': lastUsedAt === null ? null : (token.lastUsedFrom ?? null),
  };
}

export function messages(...texts: string[]): { messages: string[] } {
  return { messages: texts };
}

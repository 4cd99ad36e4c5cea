// Wire objects as docs/api.md shows them, and credentials distinctive enough that a
// leak into any message is caught by a plain substring check.
import type { PasswordCredentials, TokenCredentials } from '../../src/api';

export const ACCOUNT: PasswordCredentials = { email: 'ada@example.com', password: 'pw-Secr3t-horse-battery' };
export const TOKEN_CREDENTIALS: TokenCredentials = {
  organizationId: '5a062154-dc9f-11ed-9cd1-673503b45134',
  token: 'tok_S3CRET_d1e2f3a4b5c6',
};

export function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

export const ORGANIZATION = {
  id: '5a062154-dc9f-11ed-9cd1-673503b45134',
  name: 'acme',
  description: 'rockets',
  'created-at': '2024-01-10T21:39:56.123456789Z',
};

export const ACCOUNT_OBJECT = {
  id: 'a1b2c3d4-0000-4000-8000-000000000001',
  'first-name': 'Ada',
  'last-name': 'Lovelace',
  email: 'ada@example.com',
  'created-at': '2024-01-10T21:39:56Z',
};

export const LISTED_TOKEN = {
  id: '66f16f70-edd1-4948-8b85-a905a5602da4',
  name: 'admin',
  description: 'ops team',
  permissions: { actions: ['ListAPITokens', 'GetAPIToken'] },
  'created-at': '2026-11-28T13:07:28.845059Z',
  'expires-at': '2026-12-01T13:07:28Z',
  ttl: '72h',
};

export const CREATED_TOKEN = { ...LISTED_TOKEN, token: 'tok_NEW_secret_value_123' };

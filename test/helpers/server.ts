// A real accounts/tokens server for tests: loopback, port 0, quiet, on a
// fresh database: a temp SQLite file, or in the `postgres` test project a new
// database on the run's PostgreSQL cluster. Seeding helpers use plain fetch
// so they never depend on the API client under test.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Account, APIToken, Organization } from '../../src/api/schemas';
import type { RateLimitOptions } from '../../src/server/rate-limit';
import type { RegistrationLimits } from '../../src/server-options';
import { startServer } from '../../src/server/start';
import type { Storage } from '../../src/server/storage/types';
import { inject } from 'vitest';
import { createDatabase } from './postgres';

export interface TestServerOptions {
  /** Default true. */
  registration?: boolean;
  /** Inject time: token expiry, created-at and rate limits all read it. */
  clock?: () => number;
  rateLimits?: RateLimitOptions;
  /** Reuse a database file (e.g. to test a restart); default a new one in a temp dir. */
  dbPath?: string;
  /** Default true; false serves only the official API. */
  extensions?: boolean;
  /** Reuse a PostgreSQL database (e.g. two instances on one); default a new one when the project is `postgres`. */
  databaseUrl?: string;
  poolSize?: number;
  /** Default: the test project's `storageBackend`. */
  backend?: 'sqlite' | 'postgres';
  /** As --trust-proxy. */
  trustProxy?: number;
  /**
   * Default none (0): suites register far more organizations from
   * 127.0.0.1 than the server's defaults allow; the limit's own tests set it.
   */
  registrationLimits?: RegistrationLimits;
}

export interface TestServer {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  /** The SQLite file, or the PostgreSQL URL. */
  dbPath: string;
  /** The temp directory holding the database (removed by close unless dbPath was given). */
  dir: string;
  /** One line per request, as the server would log them. */
  logs: string[];
  storage: Storage;
  close(): Promise<void>;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'appclacks-server-'));
  const databaseUrl = options.databaseUrl ?? (options.dbPath === undefined ? await postgresDatabaseFor(options.backend) : undefined);
  const dbPath = databaseUrl ?? options.dbPath ?? join(dir, 'server.db');
  const logs: string[] = [];
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    ...(databaseUrl ? { databaseUrl } : { dbPath }),
    ...(options.poolSize && { poolSize: options.poolSize }),
    registration: options.registration ?? true,
    log: (line) => logs.push(line),
    ...(options.clock && { clock: options.clock }),
    ...(options.rateLimits && { rateLimits: options.rateLimits }),
    ...(options.extensions !== undefined && { extensions: options.extensions }),
    ...(options.trustProxy !== undefined && { trustProxy: options.trustProxy }),
    registrationLimits: options.registrationLimits ?? { perAddressPerHour: 0, totalPerMinute: 0 },
  });
  return {
    url: server.url,
    dbPath,
    dir,
    logs,
    storage: server.storage,
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A new database on the run's cluster when the backend (default: this test project's) is `postgres`; undefined for SQLite. */
async function postgresDatabaseFor(backend = inject('storageBackend')): Promise<string | undefined> {
  if (backend !== 'postgres') return undefined;
  const cluster = inject('postgres');
  if (!cluster) throw new Error('the postgres test project has no cluster');
  return createDatabase(cluster);
}

export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}

export interface AccountCredentials {
  email: string;
  password: string;
}

export interface RegisteredAccount extends AccountCredentials {
  organization: Organization;
  account: Account;
}

export interface RegisterOverrides {
  organization?: { name?: string; description?: string };
  account?: { 'first-name'?: string; 'last-name'?: string; email?: string; password?: string };
}

async function expectJson<T>(response: Response, what: string): Promise<T> {
  const text = await response.text();
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/** Registers a new organization with a unique email; returns what the server answered plus the credentials. */
export async function registerAccount(url: string, overrides: RegisterOverrides = {}): Promise<RegisteredAccount> {
  const email = overrides.account?.email ?? `ada-${randomUUID()}@example.com`;
  const password = overrides.account?.password ?? 'correct horse battery staple';
  const response = await fetch(`${url}/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      organization: { name: 'acme', ...overrides.organization },
      account: { 'first-name': 'Ada', 'last-name': 'Lovelace', ...overrides.account, email, password },
    }),
  });
  const body = await expectJson<{ organization: Organization; account: Account }>(response, 'register');
  return { ...body, email, password };
}

export interface CreateTokenOptions {
  name: string;
  /** Go duration syntax; default 72h. */
  ttl?: string;
  description?: string;
  /** Default ['*']. */
  permissions?: string[];
}

export type CreatedToken = APIToken & { token: string };

/** POST /app/v1/token with password auth; the answer carries the secret. */
export async function createToken(url: string, account: AccountCredentials, options: CreateTokenOptions): Promise<CreatedToken> {
  const response = await fetch(`${url}/app/v1/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: basicAuth(account.email, account.password) },
    body: JSON.stringify({
      name: options.name,
      description: options.description ?? '',
      ttl: options.ttl ?? '72h',
      permissions: { actions: options.permissions ?? ['*'] },
    }),
  });
  return expectJson<CreatedToken>(response, 'create token');
}

/** A fresh organization with one `*` token: the usual starting point of client tests. */
export async function seedOrganization(
  url: string,
  token: Partial<CreateTokenOptions> = {},
): Promise<RegisteredAccount & { token: CreatedToken }> {
  const registered = await registerAccount(url);
  const created = await createToken(url, registered, { name: 'admin', ...token });
  return { ...registered, token: created };
}

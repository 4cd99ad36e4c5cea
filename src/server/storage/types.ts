// The server's storage contract. Async even though SQLite is synchronous, so
// that the PostgreSQL implementation (its own issue) fits behind it unchanged.
// Times are milliseconds since the epoch; the wire format lives in ../wire.ts.

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
  createOrganizationWithAccount(organization: OrganizationRecord, account: AccountRecord): Promise<void>;
  getOrganization(id: string): Promise<OrganizationRecord | undefined>;
  /** Case-insensitive on the email. */
  findAccountByEmail(email: string): Promise<AccountRecord | undefined>;
  updateAccountPassword(accountId: string, passwordHash: string): Promise<void>;

  createToken(token: TokenRecord): Promise<void>;
  /** Oldest first. */
  listTokens(organizationId: string): Promise<TokenRecord[]>;
  getToken(organizationId: string, id: string): Promise<TokenRecord | undefined>;
  /** False when no token of that organization has this ID. */
  deleteToken(organizationId: string, id: string): Promise<boolean>;
  findTokenBySecretHash(secretHash: string): Promise<TokenRecord | undefined>;

  /** Resolves when the database answers; throws StorageUnavailableError when it does not. */
  ping(): Promise<void>;
  /** Row counts, for health checks and for tests that prove a request changed nothing. */
  counts(): Promise<StorageCounts>;
  close(): Promise<void>;
}

// The API client's contract. One implementation (client.ts, over undici);
// the CLI and the UI's store receive it through their deps.
import type { APIToken, AuditPage, AuditPageRequest, CreateTokenRequest, Organization, RegisterRequest, RegisterResponse, RotatedToken, RotateTokenRequest } from './schemas';

/** The routes this project's server adds to the official API (README, API "Extensions"). */
export type ExtensionName = 'token-current' | 'token-rotate' | 'audit';

/**
 * An extension call's answer: the value, or the fact that the endpoint does
 * not have the extension (an official server). Data, not an error: callers
 * fall back where they can and say so in one line.
 */
export type Extended<T> = { supported: true; value: T } | { supported: false; extension: ExtensionName; host: string };

/** Token auth: organization ID and API token, sent as HTTP Basic. */
export interface TokenCredentials {
  organizationId: string;
  token: string;
}

/** Password auth: account email and password, sent as HTTP Basic. */
export interface PasswordCredentials {
  email: string;
  password: string;
}

export interface ClientOptions {
  /** Base URL, e.g. https://api.appclacks.com or http://127.0.0.1:8080 */
  endpoint: string;
  /** Connect timeout (ms). Default 5000. */
  connectTimeoutMs?: number;
  /** Whole-request timeout (ms). Default 15000. */
  requestTimeoutMs?: number;
  /** Retries for idempotent GETs on 502/503/504 and resets. Default 2. */
  retries?: number;
}

export interface AppclacksApi {
  readonly endpoint: string;
  /** POST /register (no auth). */
  register(request: RegisterRequest): Promise<RegisterResponse>;
  /** GET /app/v1/organization (password auth). */
  getOrganization(account: PasswordCredentials): Promise<Organization>;
  /** POST /app/v1/password/change (password auth). Returns the server's messages. */
  changePassword(account: PasswordCredentials, newPassword: string): Promise<string[]>;
  /** POST /app/v1/token (password auth). The answer carries the secret. */
  createToken(account: PasswordCredentials, request: CreateTokenRequest): Promise<APIToken>;
  /** GET /api/v1/token (token auth). */
  listTokens(credentials: TokenCredentials): Promise<APIToken[]>;
  /** GET /api/v1/token/{id} (token auth). */
  getToken(credentials: TokenCredentials, id: string): Promise<APIToken>;
  /** DELETE /api/v1/token/{id} (token auth). Returns the server's messages. */
  deleteToken(credentials: TokenCredentials, id: string): Promise<string[]>;
  /** GET /api/v1/organization (token auth). */
  getOrganizationByToken(credentials: TokenCredentials): Promise<Organization>;
  /** GET /api/v1/token/current (token auth, extension): the token these credentials are. */
  getCurrentToken(credentials: TokenCredentials): Promise<Extended<APIToken>>;
  /** POST /app/v1/token/{id}/rotate (password auth, extension). The answer carries the new secret. */
  rotateToken(account: PasswordCredentials, id: string, request: RotateTokenRequest): Promise<Extended<RotatedToken>>;
  /**
   * GET /api/v1/audit (token auth, extension): one page of the audit trail,
   * newest first. Optional for now: the UI's wrapper (src/tui/safe-answers.ts)
   * does not pass it on, as the UI has no audit screen yet; make it required
   * with that screen.
   */
  listAuditEvents?(credentials: TokenCredentials, request: AuditPageRequest): Promise<Extended<AuditPage>>;
  /** Closes pooled connections; requests still in flight are cancelled. */
  close(): Promise<void>;
}

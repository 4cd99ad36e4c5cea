// The Appclacks API client: every call of docs/api.md over one keep-alive undici
// Pool per endpoint, answers validated with zod, failures as ApiError.
import { Pool } from 'undici';
import { checkEndpoint } from './endpoint';
import { extend, minLength, string, type output as Output, type ZodMiniType } from 'zod/mini';
import { ApiError, UsageError } from '../errors';
import { USER_AGENT } from '../version';
import {
  apiTokenSchema,
  messagesSchema,
  organizationSchema,
  registerResponseSchema,
  rotatedTokenSchema,
  tokenListSchema,
  auditPageSchema,
  type APIToken,
  type AuditPage,
  type AuditPageRequest,
  type RotatedToken,
  type RotateTokenRequest,
  type CreateTokenRequest,
  type Organization,
  type RegisterRequest,
  type RegisterResponse,
} from './schemas';
import type { AppclacksApi, ClientOptions, Extended, ExtensionName, PasswordCredentials, TokenCredentials } from './types';
import {
  describeBody,
  errorForFailure,
  errorForStatus,
  isConnectionReset,
  protocolError,
  type Exchange,
  type RawResponse,
} from './error-mapping';
import { MAX_RESPONSE_BYTES } from './limits';

export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;
export const DEFAULT_RETRIES = 2;
/** Waits before the 1st, 2nd, … retry of a GET; the last one repeats. */
export const RETRY_DELAYS_MS: readonly number[] = [100, 300];
const RETRYABLE_STATUSES = new Set([502, 503, 504]);

/** Seams for tests; production code passes nothing. */
export interface ClientDeps {
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

type Auth =
  | { mode: 'none' }
  | { mode: 'password'; account: PasswordCredentials }
  | { mode: 'token'; credentials: TokenCredentials };

interface Call<T> {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  auth: Auth;
  body?: unknown;
  /** Secrets inside the body (passwords) that must never reach a message. */
  bodySecrets?: string[];
  parse: (json: unknown, exchange: Exchange, status: number) => T;
  /** What an empty 2xx body means, for calls whose answer is only informative. */
  whenEmpty?: () => T;
  /** What a 404 means: the thing the call named was not found. */
  subject?: 'token';
}

const tokenWithSecretSchema = extend(apiTokenSchema, { token: string().check(minLength(1)) });

export class AppclacksClient implements AppclacksApi {
  readonly endpoint: string;
  private readonly host: string;
  private readonly basePath: string;
  private readonly pool: Pool;
  private readonly connectTimeoutMs: number;
  private readonly requestTimeoutMs: number;
  private readonly retries: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;

  constructor(options: ClientOptions, deps: ClientDeps = {}) {
    const url = parseEndpoint(options.endpoint);
    this.basePath = url.pathname.replace(/\/+$/, '');
    this.endpoint = `${url.origin}${this.basePath}`;
    this.host = url.host;
    this.connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    this.requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.retries = Math.max(0, options.retries ?? DEFAULT_RETRIES);
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = deps.now ?? Date.now;
    this.pool = new Pool(url.origin, {
      connect: { timeout: this.connectTimeoutMs },
      headersTimeout: this.requestTimeoutMs,
      bodyTimeout: this.requestTimeoutMs,
      maxResponseSize: MAX_RESPONSE_BYTES,
    });
  }

  async register(request: RegisterRequest): Promise<RegisterResponse> {
    return this.call({
      method: 'POST',
      path: '/register',
      auth: { mode: 'none' },
      body: request,
      bodySecrets: [request.account.password],
      parse: (json, exchange, status) => validate(registerResponseSchema, json, exchange, status),
    });
  }

  async getOrganization(account: PasswordCredentials): Promise<Organization> {
    return this.call({
      method: 'GET',
      path: '/app/v1/organization',
      auth: { mode: 'password', account },
      parse: (json, exchange, status) => validate(organizationSchema, json, exchange, status),
    });
  }

  async changePassword(account: PasswordCredentials, newPassword: string): Promise<string[]> {
    return this.call({
      method: 'POST',
      path: '/app/v1/password/change',
      auth: { mode: 'password', account },
      body: { 'new-password': newPassword },
      bodySecrets: [newPassword],
      parse: (json, exchange, status) => validate(messagesSchema, json, exchange, status).messages,
      whenEmpty: () => [],
    });
  }

  async createToken(account: PasswordCredentials, request: CreateTokenRequest): Promise<APIToken> {
    return this.call({
      method: 'POST',
      path: '/app/v1/token',
      auth: { mode: 'password', account },
      body: request,
      parse: (json, exchange, status) => validate(tokenWithSecretSchema, json, exchange, status),
    });
  }

  async listTokens(credentials: TokenCredentials): Promise<APIToken[]> {
    return this.call({
      method: 'GET',
      path: '/api/v1/token',
      auth: { mode: 'token', credentials },
      // Go encodes an empty slice as null.
      parse: (json, exchange, status) => validate(tokenListSchema, json, exchange, status).result ?? [],
    });
  }

  async getToken(credentials: TokenCredentials, id: string): Promise<APIToken> {
    return this.call({
      method: 'GET',
      path: tokenPath(id),
      auth: { mode: 'token', credentials },
      parse: (json, exchange, status) => validate(apiTokenSchema, json, exchange, status),
      subject: 'token',
    });
  }

  async deleteToken(credentials: TokenCredentials, id: string): Promise<string[]> {
    return this.call({
      method: 'DELETE',
      path: tokenPath(id),
      auth: { mode: 'token', credentials },
      parse: (json, exchange, status) => validate(messagesSchema, json, exchange, status).messages,
      whenEmpty: () => [],
      subject: 'token',
    });
  }

  async getOrganizationByToken(credentials: TokenCredentials): Promise<Organization> {
    return this.call({
      method: 'GET',
      path: '/api/v1/organization',
      auth: { mode: 'token', credentials },
      parse: (json, exchange, status) => validate(organizationSchema, json, exchange, status),
    });
  }

  async getCurrentToken(credentials: TokenCredentials): Promise<Extended<APIToken>> {
    return this.extension('token-current', isMissingCurrentRoute, () =>
      this.call({
        method: 'GET',
        path: '/api/v1/token/current',
        auth: { mode: 'token', credentials },
        parse: (json, exchange, status) => validate(apiTokenSchema, json, exchange, status),
      }),
    );
  }

  async rotateToken(account: PasswordCredentials, id: string, request: RotateTokenRequest): Promise<Extended<RotatedToken>> {
    const path = `${tokenPath(id).replace('/api/v1/', '/app/v1/')}/rotate`;
    return this.extension('token-rotate', isMissingRotateRoute, () =>
      this.call({
        method: 'POST',
        path,
        auth: { mode: 'password', account },
        body: request,
        parse: (json, exchange, status) => validate(rotatedTokenSchema, json, exchange, status),
        subject: 'token',
      }),
    );
  }

  async listAuditEvents(credentials: TokenCredentials, request: AuditPageRequest): Promise<Extended<AuditPage>> {
    const query = new URLSearchParams();
    if (request.since !== undefined) query.set('since', new Date(request.since).toISOString());
    if (request.until !== undefined) query.set('until', new Date(request.until).toISOString());
    if (request.kind !== undefined) query.set('kind', request.kind);
    if (request.token !== undefined) query.set('token', request.token);
    if (request.limit !== undefined) query.set('limit', String(request.limit));
    if (request.cursor !== undefined) query.set('cursor', request.cursor);
    const search = query.size > 0 ? `?${query.toString()}` : '';
    return this.extension('audit', isMissingAuditRoute, () =>
      this.call({
        method: 'GET',
        path: `/api/v1/audit${search}`,
        auth: { mode: 'token', credentials },
        parse: (json, exchange, status) => validate(auditPageSchema, json, exchange, status),
      }),
    );
  }

  private async extension<T>(extension: ExtensionName, isMissing: (error: ApiError) => boolean, call: () => Promise<T>): Promise<Extended<T>> {
    try {
      return { supported: true, value: await call() };
    } catch (error) {
      if (error instanceof ApiError && isMissing(error)) return { supported: false, extension, host: this.host };
      throw error;
    }
  }

  /**
   * Closes the pool and cancels requests still in flight. A graceful close
   * would wait for them, and a hung server would then keep the process alive
   * for the whole request timeout after the user quit.
   */
  async close(): Promise<void> {
    if (!this.pool.destroyed) await this.pool.destroy();
  }

  private async call<T>(call: Call<T>): Promise<T> {
    const { exchange, headers, body } = this.prepare(call);
    // One deadline for the whole call, retries and their waits included: the
    // user asked for an answer within requestTimeoutMs, not per attempt.
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), this.requestTimeoutMs);
    try {
      for (let attempt = 0; ; attempt++) {
        const canRetry = call.method === 'GET' && attempt < this.retries;
        let response: RawResponse;
        try {
          response = await this.send(call, headers, body, deadline.signal);
        } catch (error) {
          if (!deadline.signal.aborted && canRetry && isConnectionReset(error)) {
            await this.backoff(attempt, deadline.signal);
            continue;
          }
          throw errorForFailure(exchange, error, deadline.signal.aborted);
        }
        if (canRetry && RETRYABLE_STATUSES.has(response.status)) {
          await this.backoff(attempt, deadline.signal);
          continue;
        }
        return interpret(call, exchange, response, this.now);
      }
    } finally {
      clearTimeout(timer);
    }
  }

  private prepare(call: Call<unknown>): { exchange: Exchange; headers: Record<string, string>; body?: string } {
    const { authorization, secrets } = authorize(call.auth, this.host);
    const exchange: Exchange = {
      host: this.host,
      auth: call.auth.mode,
      secrets: [...secrets, ...(call.bodySecrets ?? [])],
      connectTimeoutMs: this.connectTimeoutMs,
      requestTimeoutMs: this.requestTimeoutMs,
      subject: call.subject,
    };
    const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: 'application/json' };
    if (authorization !== undefined) headers.authorization = authorization;
    if (call.body === undefined) return { exchange, headers };
    headers['content-type'] = 'application/json';
    return { exchange, headers, body: JSON.stringify(call.body) };
  }

  private async send(
    call: Call<unknown>,
    headers: Record<string, string>,
    body: string | undefined,
    signal: AbortSignal,
  ): Promise<RawResponse> {
    const path = this.basePath + call.path;
    const answer = await this.pool.request({ method: call.method, path, headers, body, signal });
    return { status: answer.statusCode, headers: answer.headers, body: await answer.body.text() };
  }

  /** Waits before a retry, cut short by the deadline (the next attempt then fails as a timeout). */
  private backoff(attempt: number, deadline: AbortSignal): Promise<void> {
    const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)] ?? 0;
    const expired = new Promise<void>((resolve) => deadline.addEventListener('abort', () => resolve(), { once: true }));
    return Promise.race([this.sleep(delay), expired]);
  }
}

export function createClient(options: ClientOptions, deps?: ClientDeps): AppclacksApi {
  return new AppclacksClient(options, deps);
}

function interpret<T>(
  call: Call<T>,
  exchange: Exchange,
  response: RawResponse,
  now: () => number,
): T {
  const { status } = response;
  if (status < 200 || status >= 300) throw errorForStatus(exchange, response, now);
  if (response.body.trim() === '') {
    if (call.whenEmpty) return call.whenEmpty();
    throw protocolError(exchange, status, 'an empty body instead of JSON');
  }
  let json: unknown;
  try {
    json = JSON.parse(response.body);
  } catch (error) {
    const what = describeBody(response);
    throw protocolError(exchange, status, /JSON/.test(what) ? what : `${what} instead of JSON`, error);
  }
  return call.parse(json, exchange, status);
}

function validate<S extends ZodMiniType>(schema: S, json: unknown, exchange: Exchange, status: number): Output<S> {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  // The issue names the field and the rule, never the received value, which
  // could be a secret (the token of a create).
  throw protocolError(exchange, status, `JSON of an unexpected shape (${where}${issue?.message ?? 'invalid'})`, result.error);
}

function authorize(auth: Auth, host: string): { authorization?: string; secrets: string[] } {
  if (auth.mode === 'none') return { secrets: [] };
  const [user, password, missing] =
    auth.mode === 'password'
      ? [auth.account.email, auth.account.password, 'an account email and password']
      : [auth.credentials.organizationId, auth.credentials.token, 'an organization ID and an API token'];
  if (!user || !password) {
    throw new ApiError('auth', `no credentials for ${host}: this call needs ${missing}`, { host, credential: auth.mode, reason: 'no-credentials' });
  }
  const encoded = Buffer.from(`${user}:${password}`, 'utf8').toString('base64');
  return { authorization: `Basic ${encoded}`, secrets: [password, encoded] };
}

/**
 * GET /api/v1/token/current on a server without it reaches its
 * /api/v1/token/{id} route: a 404 for "current" (ours), or a 400 for an ID
 * that is not a UUID; a 405 from a router that knows the path only for
 * other methods.
 */
/** Servers without the trail: no route (404, 405). A 400 is this server refusing a filter, and says why. */
function isMissingAuditRoute(error: ApiError): boolean {
  return error.status === 404 || error.status === 405;
}

function isMissingCurrentRoute(error: ApiError): boolean {
  return error.status === 404 || error.status === 400 || error.status === 405;
}

/**
 * A 404 naming the token means the route exists and the ID does not; any
 * other 404 (or a 405) means the server has no such route.
 */
function isMissingRotateRoute(error: ApiError): boolean {
  if (error.status === 405) return true;
  return error.status === 404 && !error.messages.some((message) => /\bAPI token \S+ not found\b/.test(message));
}

function tokenPath(id: string): string {
  if (id.trim() === '') throw new UsageError('a token ID is required');
  return `/api/v1/token/${encodeURIComponent(id)}`;
}

/** The client is built from code as well as from a resolved config: the same rule, without advice. */
function parseEndpoint(endpoint: string): URL {
  const checked = checkEndpoint(endpoint);
  if (!checked.ok) throw new UsageError(`invalid API endpoint: ${checked.problem}`);
  return checked.url;
}

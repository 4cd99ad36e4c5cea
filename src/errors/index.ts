// Typed errors shared by the CLI, the UI and the API client. Each kind maps to
// one exit code, in exactly one place (exitCodeFor); bin/ and the UI show
// `message` (one line, never a secret) and a hint (what to do next). An
// ApiError carries no hint: it carries what happened (kind, status, host,
// the credential sent, a reason) and the CLI (report/report.ts) and the UI
// (state/errorMessage.ts) each say what to do in their own terms.

export type ErrorKind =
  | 'usage' // bad flag, bad TTL, unknown permission, unknown profile
  | 'config' // config file unreadable or invalid
  | 'auth' // 401, or no credentials at all
  | 'permission' // 403
  | 'not-found' // 404
  | 'validation' // 400 from the server
  | 'conflict' // 409
  | 'rate-limited' // 429
  | 'server' // 5xx
  | 'network' // refused, DNS, TLS, reset
  | 'timeout'
  | 'protocol' // a body that is not the expected JSON
  | 'cancelled' // the user said no, or pressed Ctrl+C at a prompt
  | 'internal'; // a bug

export interface AppErrorOptions {
  hint?: string;
  cause?: unknown;
}

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly hint?: string;

  constructor(kind: ErrorKind, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.kind = kind;
    if (options.hint !== undefined) this.hint = options.hint;
  }
}

export class UsageError extends AppError {
  constructor(message: string, options?: AppErrorOptions) {
    super('usage', message, options);
  }
}

export class ConfigError extends AppError {
  constructor(message: string, options?: AppErrorOptions) {
    super('config', message, options);
  }
}

export class CancelledError extends AppError {
  constructor(message = 'cancelled', options?: AppErrorOptions) {
    super('cancelled', message, options);
  }
}

/** Which credential a call sent: an account's email and password, an organization's token, or none. */
export type CredentialKind = 'password' | 'token' | 'none';

/** What went wrong, beyond the kind, where the next step differs. */
export type ApiErrorReason =
  | 'no-credentials' // the call needs a credential that is not there; nothing was sent
  | 'redirect' // a 3xx: the endpoint is not the API's final address
  | 'tls' // the TLS handshake failed: scheme or certificate
  | 'too-large' // an answer larger than any Appclacks API answer
  | 'pool-closed'; // the client was used after it was closed: a bug

/**
 * An error about one HTTP exchange with an Appclacks API endpoint. src/api
 * never sets `hint`; a caller that knows more (the CLI knows where a refused
 * token came from) may wrap the error with one.
 */
export interface ApiErrorDetails extends AppErrorOptions {
  /** HTTP status, when a response arrived. */
  status?: number;
  /** Host (and port) of the endpoint, named in every message. */
  host: string;
  /** The server's `messages`, when it sent the documented error body. */
  messages?: string[];
  /** For 403: the permission the server said was missing, when it said so. */
  permission?: string;
  /** For 429: seconds to wait, from Retry-After. */
  retryAfterSeconds?: number;
  /** The credential the call sent (or needed). */
  credential?: CredentialKind;
  reason?: ApiErrorReason;
  /** For 404: what the call looked up, when it named one thing ('token': a token by ID). */
  subject?: 'token';
}

export class ApiError extends AppError {
  readonly status?: number;
  readonly host: string;
  readonly messages: string[];
  readonly permission?: string;
  readonly retryAfterSeconds?: number;
  readonly credential?: CredentialKind;
  readonly reason?: ApiErrorReason;
  readonly subject?: 'token';

  constructor(kind: ErrorKind, message: string, details: ApiErrorDetails) {
    super(kind, message, details);
    this.host = details.host;
    this.messages = details.messages ?? [];
    if (details.status !== undefined) this.status = details.status;
    if (details.permission !== undefined) this.permission = details.permission;
    if (details.retryAfterSeconds !== undefined) this.retryAfterSeconds = details.retryAfterSeconds;
    if (details.credential !== undefined) this.credential = details.credential;
    if (details.reason !== undefined) this.reason = details.reason;
    if (details.subject !== undefined) this.subject = details.subject;
  }
}

/** Exit codes of the `appclacks` command (see README, "Exit codes"). */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  auth: 4,
  interrupted: 130,
} as const;

export function exitCodeFor(error: unknown): number {
  if (!(error instanceof AppError)) return EXIT.failure;
  switch (error.kind) {
    case 'usage':
      return EXIT.usage;
    case 'auth':
    case 'permission':
      return EXIT.auth;
    case 'cancelled':
      return EXIT.interrupted;
    default:
      return EXIT.failure;
  }
}

/** True for errors a user can act on; anything else is reported as a bug. */
export function isUserFacing(error: unknown): error is AppError {
  return error instanceof AppError && error.kind !== 'internal';
}

// Turns what happened on the wire into one ApiError: a kind the CLI and UI
// branch on, a one-line message naming the endpoint host, and the facts a
// next step depends on (status, credential sent, reason). The next step
// itself is worded by the CLI (report/report.ts) and the UI (errorMessage.ts).
import { STATUS_CODES } from 'node:http';
import { ApiError, type ApiErrorReason, type CredentialKind, type ErrorKind } from '../errors';
import { PERMISSION_NAMES, ALL } from '../tokens/permissions';
import { MAX_RESPONSE_MIB } from './limits';
import { safeLine } from './redact';

export type AuthMode = CredentialKind;

/** What an error message may mention about the exchange; never the credentials themselves. */
export interface Exchange {
  host: string;
  auth: AuthMode;
  /** Everything sent that must never appear in a message. */
  secrets: readonly string[];
  connectTimeoutMs: number;
  requestTimeoutMs: number;
  /** For 404: what the call looked up, when it named one thing. */
  subject?: 'token';
}

// ---------------------------------------------------------------------------
// Responses with an error status

/** A complete HTTP answer, its body read as text. */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function errorForStatus(exchange: Exchange, response: RawResponse, now: () => number = Date.now): ApiError {
  const { status } = response;
  const { host, secrets } = exchange;
  const messages = serverMessages(response.body).map((m) => safeLine(m, secrets));
  const reason = STATUS_CODES[status] ? ` ${STATUS_CODES[status]}` : '';
  const said = messages.length > 0 ? `: ${messages.join('; ')}` : `${reason} with ${describeBody(response)}`;
  const base = { status, host, messages, credential: exchange.auth };

  if (status === 401) return new ApiError('auth', safeLine(`${host} answered 401${said}`, secrets), base);
  if (status === 403) {
    const permission = missingPermission(messages);
    return new ApiError('permission', safeLine(`${host} answered 403${said}`, secrets), { ...base, permission });
  }
  if (status === 429) {
    const retryAfterSeconds = parseRetryAfter(header(response.headers, 'retry-after'), now());
    const wait = retryAfterSeconds !== undefined ? `; retry in ${retryAfterSeconds}s` : '';
    return new ApiError('rate-limited', safeLine(`${host} answered 429${said}${wait}`, secrets), { ...base, retryAfterSeconds });
  }
  if (status >= 300 && status < 400) {
    const location = header(response.headers, 'location');
    const to = location ? ` to ${redirectTarget(location)}` : '';
    return new ApiError('protocol', safeLine(`${host} answered ${status}, a redirect${to}`, secrets), { ...base, reason: 'redirect' });
  }
  const kind = kindForStatus(status);
  const subject = kind === 'not-found' ? exchange.subject : undefined;
  return new ApiError(kind, safeLine(`${host} answered ${status}${said}`, secrets), { ...base, subject });
}

function kindForStatus(status: number): ErrorKind {
  if (status === 400 || status === 422) return 'validation';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  // A 502 from a proxy usually carries an HTML page: the status says more than
  // the body does, so any 5xx is a server error whatever its body.
  if (status >= 500) return 'server';
  // Any other status means client and server disagree about the API.
  return 'protocol';
}

function serverMessages(body: string): string[] {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed !== null && typeof parsed === 'object' && 'messages' in parsed && Array.isArray(parsed.messages)) {
      return parsed.messages.filter((m): m is string => typeof m === 'string' && m.trim() !== '');
    }
  } catch {
    // not JSON: described by describeBody instead
  }
  return [];
}

/** A few words about a body that is not the documented JSON, for a one-line message. */
export function describeBody(response: { headers: RawResponse['headers']; body: string }): string {
  if (response.body.trim() === '') return 'an empty body';
  const type = header(response.headers, 'content-type') ?? '';
  if (/html/i.test(type) || /^\s*<(!doctype|html)/i.test(response.body)) return 'an HTML page (a proxy?)';
  try {
    JSON.parse(response.body);
    return 'JSON without the documented messages';
  } catch {
    const mediaType = type.split(';')[0]?.trim() ?? '';
    if (/json/i.test(mediaType)) return 'malformed JSON';
    return mediaType ? `a ${mediaType} body, not JSON` : 'a body that is not JSON';
  }
}

// Longest names first: ListHealthchecksResults must not be read as ListHealthchecks.
const NAMED_PERMISSIONS = PERMISSION_NAMES.filter((n) => n !== ALL).sort((a, b) => b.length - a.length);

/** The catalogue permission a 403 message names, if it names one. */
export function missingPermission(messages: readonly string[]): string | undefined {
  let found: { name: string; at: number } | undefined;
  for (const message of messages) {
    for (const name of NAMED_PERMISSIONS) {
      const at = message.search(new RegExp(`\\b${name}\\b`));
      if (at !== -1 && (found === undefined || at < found.at)) found = { name, at };
    }
    if (found) return found.name;
  }
  return undefined;
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - nowMs) / 1000));
}

function redirectTarget(location: string): string {
  try {
    const url = new URL(location);
    return url.origin; // not the path or query, which could carry anything
  } catch {
    return 'another address';
  }
}

function header(headers: RawResponse['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

// ---------------------------------------------------------------------------
// Failures before a complete response arrived

/** Error codes from Node and undici, searched through causes and AggregateErrors. */
export function failureCodes(error: unknown): string[] {
  const codes: string[] = [];
  const seen = new Set<unknown>();
  const visit = (value: unknown) => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    const code = (value as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    visit((value as { cause?: unknown }).cause);
    const errors = (value as { errors?: unknown }).errors;
    if (Array.isArray(errors)) errors.forEach(visit);
  };
  visit(error);
  return codes;
}

const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ECONNABORTED']);

/** A connection dropped mid-exchange: the only failure a GET may retry. */
export function isConnectionReset(error: unknown): boolean {
  return failureCodes(error).some((c) => RESET_CODES.has(c));
}

export function errorForFailure(exchange: Exchange, error: unknown, timedOut: boolean): ApiError {
  const { host, secrets } = exchange;
  const codes = failureCodes(error);
  const has = (...wanted: string[]) => codes.some((c) => wanted.includes(c));
  const make = (kind: ErrorKind, text: string, reason?: ApiErrorReason) =>
    new ApiError(kind, safeLine(text, secrets), { host, credential: exchange.auth, reason, cause: error });

  if (timedOut || has('UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT')) {
    return make('timeout', `${host} did not answer within ${seconds(exchange.requestTimeoutMs)}`);
  }
  if (has('UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT')) {
    return make('timeout', `${host} did not accept a connection within ${seconds(exchange.connectTimeoutMs)}`);
  }
  if (has('ECONNREFUSED')) return make('network', `${host} refused the connection`);
  if (has('ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL')) {
    return make('network', `cannot resolve ${host}: no such host, or DNS is unreachable`);
  }
  if (has('EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EHOSTDOWN')) {
    return make('network', `${host} is unreachable from this network`);
  }
  const tls = codes.find(isTlsCode);
  if (tls !== undefined) {
    return make('network', `TLS with ${host} failed (${tls})`, 'tls');
  }
  if (has(...RESET_CODES)) return make('network', `${host} closed the connection before answering`);
  if (has('UND_ERR_RES_EXCEEDED_MAX_SIZE')) {
    return make('protocol', `${host} sent an answer over ${MAX_RESPONSE_MIB} MiB, larger than any Appclacks API answer should be`, 'too-large');
  }
  if (has('UND_ERR_CLOSED', 'UND_ERR_DESTROYED')) {
    return make('internal', `the connection pool for ${host} was already closed`, 'pool-closed');
  }
  const detail = codes[0] ?? (error instanceof Error ? error.message : String(error));
  return make('network', `talking to ${host} failed (${detail})`);
}

function isTlsCode(code: string): boolean {
  return (
    code.startsWith('ERR_SSL_') ||
    code.startsWith('ERR_TLS_') ||
    /CERT|SELF_SIGNED|UNABLE_TO_(VERIFY|GET)|DEPTH_ZERO/.test(code)
  );
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${(ms / 1000).toFixed(1)}s`;
}

// ---------------------------------------------------------------------------
// A 2xx whose body is not what the call expects

export function protocolError(exchange: Exchange, status: number, what: string, cause?: unknown): ApiError {
  return new ApiError('protocol', safeLine(`${exchange.host} answered ${status} with ${what}`, exchange.secrets), {
    status,
    host: exchange.host,
    credential: exchange.auth,
    cause,
  });
}

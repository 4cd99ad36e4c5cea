// `appclacks server` options: their types, defaults and the parsing of their
// flag text, in one place for the CLI command (argv) and runServerCommand.
// Outside src/server/ and without heavy imports: the CLI loads this on every
// start, and the server's own modules stay off that path.
import { isIP } from 'node:net';
import { UsageError } from './errors';

/**
 * Whose X-Forwarded-For to believe, as fastify's `trustProxy` takes it: a
 * number of proxy hops in front of the server, or the proxies' addresses
 * and CIDR ranges. Unset: the socket's address is the client's.
 */
export type TrustProxy = number | string[];

export interface ServerTimeouts {
  /** Until a request's headers have all arrived. */
  headersMs: number;
  /** Until a whole request (headers and body) has arrived. */
  requestMs: number;
  /** How long an idle keep-alive connection stays open between requests. */
  keepAliveMs: number;
}

/** How many organizations `POST /register` creates; 0 turns a limit off. */
export interface RegistrationLimits {
  /** From one client address within any hour. */
  perAddressPerHour: number;
  /** From all addresses together within any minute (per server process). */
  totalPerMinute: number;
}

export const DEFAULT_REGISTRATION_LIMITS: RegistrationLimits = { perAddressPerHour: 10, totalPerMinute: 30 };

export const DEFAULT_TIMEOUTS: ServerTimeouts = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000 };
/** How long SIGINT/SIGTERM lets requests in flight finish before closing their connections. */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8080;

export interface ServerCommandOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** A SQLite file or a postgres:// URL. Default APPCLACKS_DATABASE_URL, else <user data dir>/appclacks/server.db. */
  db?: string;
  /** PostgreSQL connections per instance. */
  dbPoolSize?: number;
  /** Default: on only when bound to a loopback address. */
  registration?: 'on' | 'off';
  /** Any of them; the rest keep DEFAULT_TIMEOUTS. */
  timeouts?: Partial<ServerTimeouts>;
  shutdownTimeoutMs?: number;
  trustProxy?: TrustProxy;
  /** Default on; off serves only the official API (for testing clients). */
  extensions?: boolean;
  /** How long audit events are kept; default 90 days (an extension). */
  auditRetentionMs?: number;
  /** Either of them; the other keeps DEFAULT_REGISTRATION_LIMITS. */
  registrationLimits?: Partial<RegistrationLimits>;
}

const RETENTION_UNIT_MS: Record<string, number> = { h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * `90d`, `12w`, `36h`: whole hours, days or weeks, at least an hour and at
 * most ten years. Coarse on purpose: events are pruned once a minute.
 */
export function parseAuditRetention(text: string, flag = '--audit-retention'): number {
  const match = /^(\d{1,6})([hdw])$/.exec(text);
  const ms = match ? Number(match[1]) * RETENTION_UNIT_MS[match[2]!]! : Number.NaN;
  if (!(ms >= RETENTION_UNIT_MS.h! && ms <= 3650 * RETENTION_UNIT_MS.d!)) {
    throw new UsageError(`${flag} must be a whole number of hours, days or weeks (e.g. 90d, 12w, 36h) from 1h to 3650d, not "${text}"`);
  }
  return ms;
}

export function parsePort(text: string, flag: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535) throw new UsageError(`${flag} must be a number from 0 to 65535, not "${text}"`);
  return port;
}

export function parsePoolSize(text: string, flag = '--db-pool-size'): number {
  const size = Number(text);
  if (!/^\d+$/.test(text) || size < 1 || size > 1000) throw new UsageError(`${flag} must be a number from 1 to 1000, not "${text}"`);
  return size;
}

/** A registration limit: a whole number, 0 for none. */
export function parseRegistrationLimit(text: string, flag: string): number {
  const limit = Number(text);
  if (!/^\d+$/.test(text) || limit > 1_000_000) throw new UsageError(`${flag} must be a whole number from 0 (no limit) to 1000000, not "${text}"`);
  return limit;
}

/** Seconds, as `--request-timeout 30` or `--shutdown-timeout 2.5`; returns milliseconds. */
export function parseSeconds(text: string, flag: string): number {
  const seconds = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || seconds <= 0 || seconds > 3600) {
    throw new UsageError(`${flag} must be a number of seconds above 0 and at most 3600, not "${text}"`);
  }
  return Math.round(seconds * 1000);
}

function isAddressOrCidr(text: string): boolean {
  const [address = '', prefix, ...rest] = text.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/** `1` (hops), or `127.0.0.1,10.0.0.0/8` (proxies). Never "true": trusting every sender lets anyone pick their address. */
export function parseTrustProxy(text: string, flag = '--trust-proxy'): TrustProxy {
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops >= 1 && hops <= 16) return hops;
  }
  const proxies = text.split(',').map((part) => part.trim());
  if (proxies.length > 0 && proxies.every(isAddressOrCidr)) return proxies;
  throw new UsageError(
    `${flag} must be a number of proxy hops (1 to 16) or a comma-separated list of proxy addresses or CIDR ranges, not "${text}"`,
  );
}

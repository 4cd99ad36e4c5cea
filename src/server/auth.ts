// The two HTTP Basic schemes of API.md: email:password for /app/v1, and
// organizationId:token for /api/v1.
import { allows, expiryState, type Clock } from '../tokens';
import { HttpError } from './http-error';
import { decoyPasswordHash, verifyPassword } from './passwords';
import { emailKey } from './emails';
import { EMAIL_MAX, type RateLimitOptions } from './rate-limit';
import { hashTokenSecret, looksLikeTokenSecret, sameHash } from './secrets';
import type { AccountRecord, AttemptRule, Storage, TokenRecord } from './storage/types';
import { apiTimeOf } from './wire';

const CHALLENGE = { 'www-authenticate': 'Basic realm="appclacks", charset="UTF-8"' };

export interface BasicCredentials {
  user: string;
  password: string;
}

export function parseBasicAuth(header: string | undefined): BasicCredentials | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** UUIDs are case-insensitive (RFC 9562): `5A06…` names the same organization as `5a06…`. */
function sameUuid(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function unauthorized(message: string): HttpError {
  return new HttpError(401, message, CHALLENGE);
}

/**
 * The number of seconds goes only in Retry-After: clients add it to the
 * message themselves (ours appends `; retry in 421s`), and a number in both
 * places would read twice.
 */
function tooManyAttempts(waitMs: number, lockedBy: 'email' | 'address'): HttpError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  const message =
    lockedBy === 'email'
      ? 'sign-in for this email is locked after too many failed attempts'
      : 'sign-in from this address is locked after too many failed attempts';
  return new HttpError(429, message, { 'retry-after': String(seconds) });
}

/** Expired counters are deleted at most this often, from a sign-in. */
const PRUNE_EVERY_MS = 60_000;

export class PasswordAuthenticator {
  private lastPruneAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly storage: Storage,
    private readonly limits: RateLimitOptions,
    private readonly clock: Clock,
  ) {}

  /**
   * The account, or a 401/429. Every attempt is counted (reserved) before the
   * password is checked, so parallel guesses see each other; a correct
   * password gives its reservations back, and is refused like a wrong one
   * while a lock is in force.
   */
  async authenticate(header: string | undefined, address: string): Promise<AccountRecord> {
    const credentials = parseBasicAuth(header);
    if (!credentials) throw unauthorized('sign in with your account email and password (HTTP Basic)');
    // No account can have such an email: refuse before it becomes a counter key.
    if (credentials.user.length > EMAIL_MAX) throw unauthorized('wrong email or password');
    const now = this.clock();
    await this.pruneNowAndThen(now);

    const email = emailKey(credentials.user);
    // The address first: once it is locked, its floods of new emails add no rows.
    const keys: Array<[string, AttemptRule, 'email' | 'address']> = [
      [`address:${address}`, this.limits.perAddress, 'address'],
      [`email+address:${email} ${address}`, this.limits.perEmailAndAddress, 'email'],
      [`email:${email}`, this.limits.perEmail, 'email'],
    ];
    const reserved: Array<[string, AttemptRule]> = [];
    for (const [key, rule, lockedBy] of keys) {
      const reservation = await this.storage.reserveSignInAttempt(key, rule, now);
      reserved.push([key, rule]);
      if (!reservation.allowed) {
        // Refused without a password check: that attempt should not count against the other keys.
        for (const [heldKey, heldRule] of reserved) await this.storage.releaseSignInAttempt(heldKey, heldRule);
        throw tooManyAttempts(reservation.lockedUntil - now, lockedBy);
      }
    }

    const account = await this.storage.findAccountByEmail(credentials.user);
    const valid = await verifyPassword(credentials.password, account?.passwordHash ?? (await decoyPasswordHash()));
    if (!account || !valid) throw unauthorized('wrong email or password'); // the reservations stay: they are the failures
    // A success says nothing about the other emails tried from this address: give back only this attempt.
    await this.storage.releaseSignInAttempt(keys[0]![0], keys[0]![1]);
    await this.storage.clearSignInAttempts(keys[1]![0]);
    await this.storage.clearSignInAttempts(keys[2]![0]);
    return account;
  }

  private async pruneNowAndThen(now: number): Promise<void> {
    if (now - this.lastPruneAt < PRUNE_EVERY_MS && now >= this.lastPruneAt) return;
    this.lastPruneAt = now;
    await this.storage.pruneSignInAttempts(now);
  }
}

export class TokenAuthenticator {
  constructor(
    private readonly storage: Storage,
    private readonly clock: Clock,
  ) {}

  /** The token, or a 401 (unknown, wrong organization, expired) or 403 (missing `permission`). */
  async authenticate(header: string | undefined, permission: string): Promise<TokenRecord> {
    const credentials = parseBasicAuth(header);
    if (!credentials) throw unauthorized('sign in with your organization ID and an API token (HTTP Basic)');
    const invalid = () => unauthorized('invalid organization ID or API token');
    if (!looksLikeTokenSecret(credentials.password)) throw invalid();
    const hash = hashTokenSecret(credentials.password);
    const token = await this.storage.findTokenBySecretHash(hash);
    if (!token || !sameHash(token.secretHash, hash) || !sameUuid(token.organizationId, credentials.user)) throw invalid();
    if (expiryState(token.expiresAt, this.clock()) === 'expired') {
      throw unauthorized(`API token expired at ${apiTimeOf(token.expiresAt)}`);
    }
    if (!allows(token.permissions, permission)) throw new HttpError(403, `missing permission ${permission}`);
    return token;
  }
}

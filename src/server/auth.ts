// The two HTTP Basic schemes of docs/api.md: email:password for /app/v1, and
// organizationId:token for /api/v1.
import { allows, expiryState, type Clock } from '../tokens';
import { auditEvent } from './audit/events';
import { HttpError } from './http-error';
import { decoyPasswordHash, verifyPassword } from './passwords';
import { emailKey } from './emails';
import { CONTROL_CHARACTER } from '../text/terminal-text';
import { clientAddressKey, EMAIL_MAX, type RateLimitOptions } from './rate-limit';
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

/**
 * How long a sign-in waits for a slot when its email or address is at the
 * limit only because of password checks still in flight (a script running
 * parallel token creates with the account password), polling the shared
 * counters (another instance may hold the slots), before it is a 429.
 */
export const IN_FLIGHT_WAIT_MS = 2_500;
const POLL_MS = { min: 25, max: 50 };

/** Expired counters are deleted at most this often, from a sign-in. */
const PRUNE_EVERY_MS = 60_000;

type LockedBy = 'email' | 'address';

function tooManyInFlight(lockedBy: LockedBy): HttpError {
  const message =
    lockedBy === 'email'
      ? 'too many sign-ins for this email are in progress at once'
      : 'too many sign-ins from this address are in progress at once';
  return new HttpError(429, message, { 'retry-after': '1' });
}

/**
 * Settles every item even when one fails (then throws the first error): a
 * failure on the first key must not leave the others reserved.
 */
async function settleEach<T>(items: readonly T[], settle: (item: T) => Promise<void>): Promise<void> {
  let first: { error: unknown } | undefined;
  for (const item of items) {
    try {
      await settle(item);
    } catch (error) {
      first ??= { error };
    }
  }
  if (first) throw first.error;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class PasswordAuthenticator {
  private lastPruneAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly storage: Storage,
    private readonly limits: RateLimitOptions,
    private readonly clock: Clock,
    /** Whether failures and the locks they start go to the audit trail (an extension). */
    private readonly auditing = false,
  ) {}

  /**
   * The account, or a 401/429. Every attempt is counted (reserved) before the
   * password is checked, so parallel guesses see each other; a failure stays
   * counted, a correct password gives its reservations back and forgets the
   * email's failures, and is refused like a wrong one while a lock is in force.
   */
  async authenticate(header: string | undefined, address: string, userAgent: string | null = null): Promise<AccountRecord> {
    const credentials = parseBasicAuth(header);
    if (!credentials) throw unauthorized('sign in with your account email and password (HTTP Basic)');
    // No account can have such an email or password (registration refuses
    // them): refuse before anything is counted. A NUL would also fail the
    // counter's insert on PostgreSQL after the address was reserved.
    if (CONTROL_CHARACTER.test(credentials.user) || CONTROL_CHARACTER.test(credentials.password)) {
      throw unauthorized('an email or password cannot contain control characters (U+0000 to U+001F, U+007F to U+009F)');
    }
    if (credentials.user.length > EMAIL_MAX) throw unauthorized('wrong email or password');
    await this.pruneNowAndThen(this.clock());

    const email = emailKey(credentials.user);
    const client = clientAddressKey(address);
    // The address first: once it is locked, its floods of new emails add no rows.
    const keys: Array<[string, AttemptRule, LockedBy]> = [
      [`address:${client}`, this.limits.perAddress, 'address'],
      [`email+address:${email} ${client}`, this.limits.perEmailAndAddress, 'email'],
      [`email:${email}`, this.limits.perEmail, 'email'],
    ];
    await this.reserveAll(keys);

    let account: AccountRecord | undefined;
    let valid = false;
    try {
      account = await this.storage.findAccountByEmail(credentials.user);
      valid = await verifyPassword(credentials.password, account?.passwordHash ?? (await decoyPasswordHash()));
    } catch (error) {
      // Not checked (the database went away, say): neither a failure nor a success.
      await this.releaseAll(keys).catch(() => {});
      throw error;
    }
    if (!account || !valid) {
      const now = this.clock();
      const locked: string[] = [];
      await settleEach(keys, async ([key, rule]) => {
        if (await this.storage.recordSignInFailure(key, rule, now)) locked.push(key.slice(0, key.indexOf(':')));
      });
      // Only a known account's: an event belongs to an organization, and guesses at unknown emails have none.
      // Best-effort, as the failure's counters were: a database that cannot take the event
      // (a full disk) must not turn the 401 into a 500 and tell the guesser something.
      if (this.auditing && account) await this.auditFailure(account, locked, now, { clientAddress: address, userAgent }).catch(() => {});
      throw unauthorized('wrong email or password');
    }
    await this.releaseAll(keys);
    // A success says nothing about the other emails tried from this address: only the email's failures are forgotten.
    await this.storage.clearSignInAttempts(keys[1]![0]);
    await this.storage.clearSignInAttempts(keys[2]![0]);
    return account;
  }

  /**
   * Reserves an attempt on every key, or none. A key that is locked is a 429
   * at once. A key at its limit only because of checks still in flight is
   * waited for, up to IN_FLIGHT_WAIT_MS: the guarantee holds (no more than the
   * limit is ever checked at once), and legitimate parallel work still passes.
   * While waiting, the full key is tried first, so a waiter does not hold
   * slots of the others (the address's, shared by everyone behind it) in the
   * meantime; that key's row exists already, so the retries add no rows.
   */
  private async reserveAll(keys: Array<[string, AttemptRule, LockedBy]>): Promise<void> {
    const deadline = performance.now() + IN_FLIGHT_WAIT_MS;
    let order = keys;
    for (;;) {
      const now = this.clock();
      const reserved: string[] = [];
      let refusal: { key: [string, AttemptRule, LockedBy]; lockedUntil: number } | undefined;
      try {
        for (const key of order) {
          const reservation = await this.storage.reserveSignInAttempt(key[0], key[1], now);
          reserved.push(key[0]);
          if (!reservation.allowed) {
            refusal = { key, lockedUntil: reservation.lockedUntil };
            break;
          }
        }
      } catch (error) {
        // A later key's reservation failed: the earlier ones are given back, or they would hold their slots.
        await settleEach(reserved, (key) => this.storage.releaseSignInAttempt(key)).catch(() => {});
        throw error;
      }
      if (!refusal) return;
      // Refused without a password check: that attempt counts against no key.
      await settleEach(reserved, (key) => this.storage.releaseSignInAttempt(key));
      const lockedBy = refusal.key[2];
      if (refusal.lockedUntil > 0) throw tooManyAttempts(refusal.lockedUntil - now, lockedBy);
      if (performance.now() >= deadline) throw tooManyInFlight(lockedBy);
      order = [refusal.key, ...keys.filter((key) => key !== refusal.key)];
      await pause(POLL_MS.min + Math.random() * (POLL_MS.max - POLL_MS.min));
    }
  }

  private async auditFailure(account: AccountRecord, locked: string[], now: number, origin: { clientAddress: string; userAgent: string | null }): Promise<void> {
    const fields = { organizationId: account.organizationId, actor: account.email, actorType: 'account' as const };
    await this.storage.recordAuditEvent(auditEvent(now, origin, { ...fields, kind: 'sign-in.failed' }));
    for (const scope of locked) await this.storage.recordAuditEvent(auditEvent(now, origin, { ...fields, kind: 'sign-in.locked', detail: scope }));
  }

  private async releaseAll(keys: Array<[string, AttemptRule, LockedBy]>): Promise<void> {
    await settleEach(keys, ([key]) => this.storage.releaseSignInAttempt(key));
  }

  private async pruneNowAndThen(now: number): Promise<void> {
    if (now - this.lastPruneAt < PRUNE_EVERY_MS && now >= this.lastPruneAt) return;
    this.lastPruneAt = now;
    await this.storage.pruneSignInAttempts(now);
  }
}

/**
 * How coarse last-used-at is: a token used all day costs one database write
 * per minute, not one per request. Documented in the README's API section.
 */
export const LAST_USED_GRANULARITY_MS = 60_000;

/** What became of a last-use write: reported, never thrown (see TokenAuthenticator.noteUse). */
export interface UseWriteObserver {
  written(): void;
  failed(error: unknown): void;
}

const IGNORE_USE_WRITES: UseWriteObserver = { written: () => {}, failed: () => {} };

export class TokenAuthenticator {
  constructor(
    private readonly storage: Storage,
    private readonly clock: Clock,
    /** Off when the server runs without its extensions (last-used-at among them). */
    private readonly recordUse = true,
    private readonly useWrites: UseWriteObserver = IGNORE_USE_WRITES,
  ) {}

  /** The token, or a 401 (unknown, wrong organization, expired) or 403 (missing `permission`). */
  async authenticate(header: string | undefined, permission: string, address: string | null = null): Promise<TokenRecord> {
    const token = await this.authenticateAny(header, { address });
    if (!allows(token.permissions, permission)) throw new HttpError(403, `missing permission ${permission}`);
    return token;
  }

  /**
   * Any valid token of its organization, whatever its permissions; or a 401.
   * `countsAsUse: false` for a request that only checks the token
   * (`token/current`): last-used-at is there to find dead tokens, and a
   * client looking at a token's expiry must not make it look alive.
   * `address` (the client's, after --trust-proxy) is recorded as last-used-from.
   */
  async authenticateAny(header: string | undefined, options: { countsAsUse?: boolean; address?: string | null } = {}): Promise<TokenRecord> {
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
    return this.recordUse && options.countsAsUse !== false ? this.noteUse(token, options.address ?? null) : token;
  }

  /**
   * Decided on the row authentication already read: no extra read, and a
   * write only when the stored time is a granularity old. A request refused
   * for a missing permission still counts: the token authenticated. The write
   * is best-effort: a database that cannot be written (a full disk, another
   * process's lock) must not turn every read into an error, so the request
   * goes on with the time as it was stored.
   */
  private async noteUse(token: TokenRecord, address: string | null): Promise<TokenRecord> {
    const now = this.clock();
    const staleBefore = now - LAST_USED_GRANULARITY_MS;
    const last = token.lastUsedAt ?? null;
    if (last !== null && last >= staleBefore) return token;
    try {
      await this.storage.recordTokenUse(token.id, now, staleBefore, address);
    } catch (error) {
      this.useWrites.failed(error);
      return token;
    }
    this.useWrites.written();
    return { ...token, lastUsedAt: now, lastUsedFrom: address };
  }
}

// Lock-out of password guessing. The counters live in storage (see
// reserveSignInAttempt in storage/types.ts): shared by every process on one
// database, and kept across a restart.
import type { AttemptRule } from './storage/types';

export interface RateLimitOptions {
  /**
   * One email tried from one client address: the guesser's own lock. Keyed by
   * the pair so that a stranger cannot lock someone else's account with a
   * handful of tries: the owner, from their own address, still signs in.
   */
  perEmailAndAddress: AttemptRule;
  /** One email from any address: higher, it stops guessing spread over many addresses. */
  perEmail: AttemptRule;
  /** One client address, any emails: looser, many people may share one address behind a NAT. */
  perAddress: AttemptRule;
}

const FIFTEEN_MINUTES = 15 * 60_000;
const rule = (maxAttempts: number): AttemptRule => ({ maxAttempts, windowMs: FIFTEEN_MINUTES, lockMs: FIFTEEN_MINUTES });

export const DEFAULT_RATE_LIMITS: RateLimitOptions = {
  perEmailAndAddress: rule(5),
  perEmail: rule(30),
  perAddress: rule(20),
};

/** RFC 5321 limits a path to 256 octets, so an address is at most 254 characters. */
export const EMAIL_MAX = 254;

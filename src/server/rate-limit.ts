// Lock-out after repeated failed password checks. In memory: a restart
// clears it, which is acceptable for a single-process server.
import type { Clock } from '../tokens';

export interface LockoutPolicy {
  /** Failures within `windowMs` that trigger a lock-out. */
  maxFailures: number;
  windowMs: number;
  /** How long the lock lasts, from the failure that triggered it. */
  lockMs: number;
}

interface Entry {
  failures: number[];
  lockedUntil: number;
}

/** Bounds memory when an attacker cycles through many emails or addresses. */
const MAX_KEYS = 50_000;

export class FailureLimiter {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly policy: LockoutPolicy,
    private readonly clock: Clock,
  ) {}

  /** Milliseconds until `key` may try again; 0 when it is not locked. */
  lockedFor(key: string): number {
    const entry = this.entries.get(key);
    if (!entry) return 0;
    const remaining = entry.lockedUntil - this.clock();
    if (remaining > 0) return remaining;
    if (entry.lockedUntil > 0) this.entries.delete(key); // the lock has ended: start afresh
    return 0;
  }

  recordFailure(key: string): void {
    const now = this.clock();
    const entry = this.entries.get(key) ?? { failures: [], lockedUntil: 0 };
    entry.failures = entry.failures.filter((at) => now - at < this.policy.windowMs);
    entry.failures.push(now);
    if (entry.failures.length >= this.policy.maxFailures) {
      entry.lockedUntil = now + this.policy.lockMs;
      entry.failures = [];
    }
    this.entries.delete(key); // re-insert: Map order then tracks recency for eviction
    this.entries.set(key, entry);
    if (this.entries.size > MAX_KEYS) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  reset(key: string): void {
    this.entries.delete(key);
  }
}

export interface RateLimitOptions {
  perEmail: LockoutPolicy;
  /** Looser than per email: many people may share one address behind a NAT. */
  perAddress: LockoutPolicy;
}

const FIFTEEN_MINUTES = 15 * 60_000;

export const DEFAULT_RATE_LIMITS: RateLimitOptions = {
  perEmail: { maxFailures: 5, windowMs: FIFTEEN_MINUTES, lockMs: FIFTEEN_MINUTES },
  perAddress: { maxFailures: 20, windowMs: FIFTEEN_MINUTES, lockMs: FIFTEEN_MINUTES },
};

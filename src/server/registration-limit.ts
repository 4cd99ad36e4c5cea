// How many organizations may be registered, per client address and in
// total. Each registration hashes a password with scrypt, which is meant to
// be slow: unlimited, they starve every sign-in of CPU (600 in 24 s made a
// correct sign-in 40 times slower). Counted per process, in memory: the cost
// they bound is this process's CPU.
import type { RegistrationLimits } from '../server-options';
import type { Clock } from '../tokens';
import { HttpError } from './http-error';
import { clientAddressKey } from './rate-limit';

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** Sliding windows: the times of the registrations still inside each. */
export class RegistrationLimiter {
  private readonly byAddress = new Map<string, number[]>();
  private total: number[] = [];
  private lastPruneAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly limits: RegistrationLimits,
    private readonly clock: Clock,
  ) {}

  /**
   * Counts one registration from `address` (an IPv6 client by its /64, as
   * the lock-out counts it), or throws a 429 with Retry-After. Only registrations let through are counted, so refused
   * floods (from any number of addresses) add nothing to remember: the map
   * holds at most an hour's worth of the total limit.
   */
  take(clientAddress: string): void {
    const address = clientAddressKey(clientAddress);
    const now = this.clock();
    this.pruneNowAndThen(now);
    const total = (this.total = this.total.filter((at) => at > now - MINUTE));
    const mine = (this.byAddress.get(address) ?? []).filter((at) => at > now - HOUR);
    const { perAddressPerHour, totalPerMinute } = this.limits;
    if (perAddressPerHour > 0 && mine.length >= perAddressPerHour) {
      throw tooMany('too many registrations from this address; try again later', mine[0]! + HOUR - now);
    }
    if (totalPerMinute > 0 && total.length >= totalPerMinute) {
      throw tooMany('too many registrations on this server right now; try again shortly', total[0]! + MINUTE - now);
    }
    mine.push(now);
    total.push(now);
    this.byAddress.set(address, mine);
  }

  private pruneNowAndThen(now: number): void {
    if (now - this.lastPruneAt < MINUTE && now >= this.lastPruneAt) return;
    this.lastPruneAt = now;
    for (const [address, times] of this.byAddress) {
      if (times[times.length - 1]! <= now - HOUR) this.byAddress.delete(address);
    }
  }
}

function tooMany(message: string, waitMs: number): HttpError {
  return new HttpError(429, message, { 'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))) });
}

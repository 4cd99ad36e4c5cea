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

/** The eight 16-bit groups of an IPv6 address (`::` expanded, a dotted IPv4 tail read), or undefined. */
function ipv6Groups(address: string): number[] | undefined {
  let text = address.split('%')[0]!.toLowerCase(); // a zone (`fe80::1%eth0`) names the interface, not the host
  const dotted = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const groups = halves.length === 2 ? [...head, ...Array<string>(8 - head.length - tail.length).fill('0'), ...tail] : head;
  if (groups.length !== 8 || groups.some((group) => !/^[0-9a-f]{1,4}$/.test(group))) return undefined;
  return groups.map((group) => Number.parseInt(group, 16));
}

/**
 * The client address as the per-address lock-out counts it. An IPv6 client
 * is its /64: one subscriber or one cloud machine is usually handed a whole
 * /64 and can pick a fresh address in it for every guess, so the large
 * providers throttle by /64 too. An IPv4-mapped address (`::ffff:192.0.2.7`,
 * what a dual-stack socket reports for an IPv4 client) is that IPv4 address.
 */
export function clientAddressKey(address: string): string {
  if (!address.includes(':')) return address;
  const groups = ipv6Groups(address);
  if (!groups) return address;
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    const [high, low] = [groups[6]!, groups[7]!];
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
  }
  return `${groups.slice(0, 4).map((group) => group.toString(16)).join(':')}::/64`;
}

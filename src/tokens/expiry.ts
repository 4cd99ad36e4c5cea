// How alive a token is, from an injected clock so tests and the UI agree.

import { MS } from './ttl';

export type Clock = () => number;
export const systemClock: Clock = () => Date.now();

/** Tokens expiring within this window are flagged (a day's notice: the UI warns within 24 h). */
export const EXPIRING_SOON_MS = 24 * MS.h;

export type ExpiryState = 'expired' | 'expiring' | 'valid';

export function expiryState(expiresAtMs: number, nowMs: number): ExpiryState {
  if (expiresAtMs <= nowMs) return 'expired';
  if (expiresAtMs - nowMs <= EXPIRING_SOON_MS) return 'expiring';
  return 'valid';
}

/** Fraction (0..1) of the token's lifetime already used. */
export function lifetimeUsed(createdAtMs: number, expiresAtMs: number, nowMs: number): number {
  const total = expiresAtMs - createdAtMs;
  if (total <= 0) return 1;
  return Math.min(1, Math.max(0, (nowMs - createdAtMs) / total));
}

/**
 * Milliseconds since the epoch from an RFC 3339 time as the API sends it
 * (with or without fractional seconds, up to nanoseconds).
 */
export function parseApiTime(text: string): number {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new RangeError(`not an RFC 3339 time: ${text}`);
  return ms;
}

import { describe, expect, it } from 'vitest';
import { expiryState, lifetimeUsed, parseApiTime } from '../../src/tokens/expiry';
import { MS } from '../../src/tokens/ttl';

const now = Date.UTC(2026, 10, 28, 12, 0, 0);

describe('expiryState', () => {
  it.each([
    [now - 1, 'expired'],
    [now, 'expired'],
    [now + MS.h, 'expiring'],
    [now + 24 * MS.h, 'expiring'],
    [now + 24 * MS.h + 1, 'valid'],
    [now + 40 * MS.d, 'valid'],
  ] as const)('%d → %s', (expiresAt, state) => {
    expect(expiryState(expiresAt, now)).toBe(state);
  });
});

describe('lifetimeUsed', () => {
  it('is the used fraction, clamped to 0..1', () => {
    expect(lifetimeUsed(now - MS.h, now + MS.h, now)).toBeCloseTo(0.5);
    expect(lifetimeUsed(now + MS.h, now + 2 * MS.h, now)).toBe(0);
    expect(lifetimeUsed(now - 2 * MS.h, now - MS.h, now)).toBe(1);
  });
});

describe('parseApiTime', () => {
  it('reads RFC 3339 with and without fractional seconds', () => {
    expect(parseApiTime('2024-01-10T21:39:56Z')).toBe(Date.UTC(2024, 0, 10, 21, 39, 56));
    expect(parseApiTime('2024-01-10T21:39:56.123456789Z')).toBe(Date.UTC(2024, 0, 10, 21, 39, 56, 123));
  });

  it('throws on garbage', () => {
    expect(() => parseApiTime('yesterday')).toThrow(/RFC 3339/);
  });
});

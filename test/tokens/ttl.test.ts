import { describe, expect, it } from 'vitest';
import {
  describeDuration,
  formatExpiry,
  formatGoDuration,
  formatRelative,
  formatSpan,
  MS,
  parseDuration,
  parseTtl,
} from '../../src/tokens/ttl';

describe('parseTtl accepts Go duration syntax and sends it as typed', () => {
  it.each([
    ['72h', 72 * MS.h],
    ['60m', 60 * MS.m],
    ['10s', 10 * MS.s],
    ['10000h', 10_000 * MS.h],
    ['1h30m', 90 * MS.m],
    ['1.5h', 90 * MS.m],
    ['500ms', 500],
    ['.5h', 30 * MS.m],
    ['1h0m0s', MS.h],
    ['2h45m30.5s', 2 * MS.h + 45 * MS.m + 30_500],
    ['1000000us', MS.s],
    ['1000000µs', MS.s],
    ['1000000μs', MS.s],
    ['1000000000ns', MS.s],
    ['1051200h', 1_051_200 * MS.h],
  ])('%s', (input, ms) => {
    const result = parseTtl(input);
    expect(result).toEqual({ ok: true, value: input, ms });
  });

  it('trims surrounding blanks before sending', () => {
    expect(parseTtl('  72h ')).toMatchObject({ ok: true, value: '72h' });
  });
});

describe('parseTtl converts days and weeks to hours for the server', () => {
  it.each([
    ['7d', '168h'],
    ['1d', '24h'],
    ['2w', '336h'],
    ['1w2d', '216h'],
    ['1d12h', '36h'],
    ['1.5d', '36h'],
    ['1d30m', '24h30m'],
    ['1d1s', '24h1s'],
  ])('%s → %s', (input, value) => {
    expect(parseTtl(input)).toMatchObject({ ok: true, value });
  });
});

describe('parseTtl rejects what the server would refuse, with examples', () => {
  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['0', /must be positive/],
    ['0s', /must be positive/],
    ['-1h', /must be positive/],
    ['10', /needs a unit/],
    ['h', /not a duration/],
    ['.h', /not a duration/],
    ['1y', /unknown unit "y"/],
    ['10H', /unknown unit "H"/],
    ['1 h', /unknown unit/],
    ['abc', /not a duration/],
    ['1h-30m', /unknown unit "h-"/],
    ['1051201h', /longer than the maximum 1051200h/],
    ['200000w', /longer than the maximum/],
  ])('%j', (input, message) => {
    const result = parseTtl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(message);
      // Every refusal shows what a valid value looks like, or the limit.
      expect(result.error).toMatch(/72h|1051200h/);
    }
  });
});

describe('parseDuration', () => {
  it('returns undefined instead of throwing on garbage', () => {
    expect(parseDuration('soon')).toBeUndefined();
    expect(parseDuration('3m')).toBe(3 * MS.m);
  });
});

describe('formatGoDuration writes compact Go syntax', () => {
  it.each([
    [168 * MS.h, '168h'],
    [90 * MS.m, '1h30m'],
    [MS.h + 5 * MS.s, '1h5s'],
    [1_500, '1.5s'],
    [500, '500ms'],
    [0.5, '500us'],
    [0, '0s'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatGoDuration(ms)).toBe(text);
    if (ms > 0) expect(parseDuration(text)).toBeCloseTo(ms);
  });
});

describe('human formatting', () => {
  const now = Date.UTC(2026, 10, 28, 12, 0, 0);

  it('rounds spans down to the largest unit', () => {
    expect(formatSpan(45 * MS.s)).toBe('45s');
    expect(formatSpan(3 * MS.h + 59 * MS.m)).toBe('3h');
    expect(formatSpan(41 * MS.d + 5 * MS.h)).toBe('41d');
    expect(formatSpan(1_051_200 * MS.h)).toBe('120y');
  });

  it('says expiry in words', () => {
    expect(formatExpiry(now + 3 * MS.h, now)).toBe('in 3h');
    expect(formatExpiry(now - 2 * MS.d, now)).toBe('expired 2d ago');
    expect(formatExpiry(now, now)).toBe('expired 0s ago');
    expect(formatRelative(now - 5 * MS.m, now)).toBe('5m ago');
    expect(formatRelative(now + 41 * MS.d, now)).toBe('in 41d');
  });

  it('describes a lifetime in two units at most', () => {
    expect(describeDuration(72 * MS.h)).toBe('3 days');
    expect(describeDuration(90 * MS.m)).toBe('1 hour 30 minutes');
    expect(describeDuration(MS.s)).toBe('1 second');
    expect(describeDuration(1_051_200 * MS.h)).toBe('120 years');
  });
});

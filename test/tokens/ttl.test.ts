import { describe, expect, it } from 'vitest';
import { describeDuration, formatExpiry, formatRelative, formatSpan } from '../../src/tokens/time-text';
import { appliedLifetimeMs, formatGoDurationNs, MS, parseDurationNs, parseTtl, shortLifetimeWarning } from '../../src/tokens/ttl';

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
    // Exact: no float drift (0.7 * 24h is not 16h47m59.999…s), no dropped nanoseconds.
    ['0.7d', '16h48m'],
    ['0.1w', '16h48m'],
    ['1d1ns', '24h0.000000001s'],
    ['1w1us', '168h0.000001s'],
    ['2.5d0.5s', '60h0.5s'],
    ['0.000001d', '86.4ms'],
    ['0.00000000001d', '864ns'],
    ['1d0.5ns', '24h'], // Go truncates the half nanosecond
    ['43800d', '1051200h'],
  ])('%s → %s', (input, value) => {
    expect(parseTtl(input)).toMatchObject({ ok: true, value });
  });

  it.each(['0.7d', '1d1ns', '1.333333333d', '0.123456789w', '3d2h1m0.000000007s', '0.0000000000001w'])(
    '%s is sent as hours that Go reads back as the same nanoseconds',
    (input) => {
      const result = parseTtl(input);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.value).not.toMatch(/[dw]/);
      expect(parseDurationNs(result.value, { syntax: 'go' })).toBe(parseDurationNs(input));
    },
  );
});

describe('parseDurationNs computes what Go\'s time.ParseDuration computes', () => {
  const M = 60_000_000_000n;
  const S = 1_000_000_000n;
  const H = 60n * M;
  // From Go's own time_test.go (parseDurationTests).
  it.each([
    ['5.s', 5n * S],
    ['.5s', 500_000_000n],
    ['100.00100s', 100n * S + 1_000_000n],
    ['10.5s4m', 4n * M + 10n * S + 500_000_000n],
    ['-2m3.4s', -(2n * M + 3n * S + 400_000_000n)],
    ['1h2m3s4ms5us6ns', H + 2n * M + 3n * S + 4_005_006n],
    ['39h9m14.425s', 39n * H + 9n * M + 14n * S + 425_000_000n],
    // Go's fraction goes through one float64 step: this is exactly 20m there,
    // where exact decimals would give 20m less 1ns.
    ['0.3333333333333333333h', 20n * M],
    ['9007199254740993ns', (1n << 53n) + 1n],
    ['9223372036854775807ns', (1n << 63n) - 1n],
    ['9223372036854775.807us', (1n << 63n) - 1n],
    ['9223372036s854ms775us807ns', (1n << 63n) - 1n],
    ['-9223372036854775808ns', -(1n << 63n)],
    ['-2562047h47m16.854775808s', -(1n << 63n)],
    ['0.100000000000000000000h', 6n * M],
    ['0.830103483285477580700h', 49n * M + 48n * S + 372_539_827n],
    ['0.4ns', 0n],
    ['1.9ns', 1n],
    ['0.0000000001ns', 0n],
  ])('%s', (input, ns) => {
    expect(parseDurationNs(input, { syntax: 'go' })).toBe(ns);
  });

  it.each(['9223372036854775808ns', '9223372036854775.808us', '-9223372036854775809ns', '2562048h', '99999999999999999999h'])(
    '%s overflows Go\'s int64 and is no duration',
    (input) => {
      expect(parseDurationNs(input, { syntax: 'go' })).toBeUndefined();
    },
  );
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
    ['1051200h1ns', /longer than the maximum/],
    ['2562048h', /longer than the maximum/], // beyond Go's int64 too
    ['99999999999999999999h', /longer than the maximum/],
    // Go truncates to whole nanoseconds: these are 0 on the server.
    ['0.4ns', /must be positive, and Go truncates it to 0ns/],
    ['0.9ns', /must be positive/],
    ['0.0000000001ns', /must be positive/],
    ['0.0000000000001h', /must be positive/],
    ['-0.4ns', /must be positive/],
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

describe('parseTtl accepts the smallest positive values', () => {
  it.each(['1ns', '1.9ns', '0.001us', '0.000000001s', '0.0000000000003h'])('%s is 1ns', (input) => {
    expect(parseDurationNs(input)).toBe(1n);
    expect(parseTtl(input)).toMatchObject({ ok: true, value: input });
  });
});

describe('parseTtl with the go syntax: the server\'s wording', () => {
  it.each([
    ['7d', /^"7d" uses days or weeks, which Go duration syntax lacks: send hours, e.g\. 168h$/],
    ['1.5d', /send hours, e\.g\. 36h$/],
    ['2w', /days or weeks.*336h/],
    ['0s', /^"0s" must be positive: e\.g\. 72h, 30m, 1h30m, 90s, 500ms$/],
    ['0.4ns', /must be positive, and Go truncates it to 0ns/],
    ['72H', /^"72H" has an unknown unit "H" \(Go duration units: ns, us, µs, ms, s, m, h\)/],
    ['10', /needs a unit after "10" \(Go duration units: ns, us, µs, ms, s, m, h\)/],
    ['', /^is empty: give a lifetime, e\.g\. 72h/],
    ['1051201h', /longer than the maximum 1051200h/],
  ])('%j', (input, message) => {
    const result = parseTtl(input, { syntax: 'go' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(message);
      // Beyond the quoted input, nothing the server refuses is offered as an example.
      expect(result.error.replace(/^"[^"]*"/, '')).not.toMatch(/\b\d+[dw]\b|, d or w|\bTTL\b/);
    }
  });

  it('accepts every Go unit and echoes the text', () => {
    for (const text of ['72h', '1h30m', '5400s', '1.5h', '5400000ms', '5400000000us', '5400000000µs', '5400000000μs', '5400000000000ns']) {
      expect(parseTtl(text, { syntax: 'go' })).toMatchObject({ ok: true, value: text });
    }
  });

  it('keeps the people wording by default, days and weeks included', () => {
    expect(parseTtl('72H')).toMatchObject({ ok: false, error: expect.stringMatching(/^TTL "72H" has an unknown unit "H" \(use h, m, s, d or w\): e\.g\. 72h, 30m, 1h30m, 7d, 2w$/) });
  });

  it('escapes control characters it quotes, so an error never carries an ESC', () => {
    for (const syntax of ['people', 'go'] as const) {
      const result = parseTtl('1\u001b]52;c;x\u0007h', { syntax });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
        expect(result.error).toContain('\\x1b');
      }
    }
  });
});

describe('parseDurationNs', () => {
  it('returns undefined instead of throwing on garbage', () => {
    expect(parseDurationNs('soon')).toBeUndefined();
    expect(parseDurationNs('3m')).toBe(180_000_000_000n);
  });
});

describe('formatGoDurationNs writes compact Go syntax', () => {
  const nsOf = (ms: number) => BigInt(Math.round(ms * 1e6));
  it.each([
    [168 * MS.h, '168h'],
    [90 * MS.m, '1h30m'],
    [MS.h + 5 * MS.s, '1h5s'],
    [1_500, '1.5s'],
    [500, '500ms'],
    [0.5, '500us'],
    [0, '0s'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatGoDurationNs(nsOf(ms))).toBe(text);
    if (ms > 0) expect(parseDurationNs(text)).toBe(nsOf(ms));
  });

  it.each([
    [1n, '1ns'],
    [1_500n, '1.5us'],
    [86_400_000_000_001n, '24h0.000000001s'],
    [60_480_000_000_000n, '16h48m'],
    [3_600_000_000_000n * 1_051_200n, '1051200h'],
    [-90_000_000_000n, '-1m30s'],
  ])('%s ns → %s, exactly', (ns, text) => {
    expect(formatGoDurationNs(ns)).toBe(text);
    expect(parseDurationNs(text, { syntax: 'go' })).toBe(ns);
  });
});

describe('human formatting', () => {
  const now = Date.UTC(2026, 10, 28, 12, 0, 0);

  it('rounds spans to the nearest unit shown, with a second unit where one would hide a lot', () => {
    expect(formatSpan(45 * MS.s)).toBe('45s');
    expect(formatSpan(59.6 * MS.s)).toBe('1m');
    expect(formatSpan(4 * MS.m + 30 * MS.s)).toBe('4m30s');
    expect(formatSpan(12 * MS.m + 20 * MS.s)).toBe('12m');
    expect(formatSpan(3 * MS.h + 59 * MS.m)).toBe('3h59m');
    expect(formatSpan(41 * MS.h)).toBe('1d17h');
    expect(formatSpan(23 * MS.h + 40 * MS.m)).toBe('1d');
    expect(formatSpan(41 * MS.d + 5 * MS.h)).toBe('41d');
    expect(formatSpan(800 * MS.d)).toBe('2y70d');
    expect(formatSpan(1_051_200 * MS.h)).toBe('120y');
    expect(formatSpan(-2 * MS.h)).toBe('2h');
  });

  it('reads a fresh token as the lifetime it was made with, not one unit less', () => {
    // A second after `--ttl 10h`, 30d, 5d, 72h and the 120 years of `login`.
    expect(formatSpan(10 * MS.h - MS.s)).toBe('10h');
    expect(formatSpan(30 * MS.d - MS.s)).toBe('30d');
    expect(formatSpan(5 * MS.d - MS.s)).toBe('5d');
    expect(formatSpan(72 * MS.h - MS.s)).toBe('3d');
    expect(formatSpan(1_051_200 * MS.h - MS.s)).toBe('120y');
    // `in 1d` no longer covers 24 to 47 hours.
    expect(formatSpan(47 * MS.h)).toBe('1d23h');
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
    expect(describeDuration(MS.h + 5 * MS.s)).toBe('1 hour');
  });

  it('says a sub-second lifetime as the server applies it, never as a whole second', () => {
    expect(describeDuration(appliedLifetimeMs(500))).toBe('500 milliseconds');
    expect(describeDuration(appliedLifetimeMs(1500))).toBe('1 second 500 milliseconds');
    // Go keeps 1ns; the server's clock counts milliseconds, so the token lives one.
    expect(appliedLifetimeMs(1e-6)).toBe(1);
    expect(describeDuration(appliedLifetimeMs(1e-6))).toBe('1 millisecond');
    expect(shortLifetimeWarning(500)).toMatch(/expires almost at once/);
    expect(shortLifetimeWarning(MS.m)).toBeUndefined();
    expect(describeDuration(1_051_200 * MS.h)).toBe('120 years');
  });
});

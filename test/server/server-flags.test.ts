// `appclacks server` flags: argv to typed options, one line for bad text.
import { describe, expect, it } from 'vitest';
import { command } from '../../src/cli/commands/server';
import { UsageError } from '../../src/errors';
import { parseRegistrationLimit, parseSeconds, parseTrustProxy } from '../../src/server-options';

describe('parseTrustProxy', () => {
  it('takes a hop count or proxy addresses and CIDR ranges', () => {
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('127.0.0.1')).toEqual(['127.0.0.1']);
    expect(parseTrustProxy('10.0.0.0/8, ::1,fd00::/8')).toEqual(['10.0.0.0/8', '::1', 'fd00::/8']);
  });

  it.each(['true', '0', '17', '10.0.0.0/33', 'proxy.example.com', '1.2.3', ''])('refuses %j with one line', (text) => {
    expect(() => parseTrustProxy(text)).toThrow(UsageError);
    expect(() => parseTrustProxy(text)).toThrow(/^--trust-proxy must be a number of proxy hops/);
  });
});

describe('parseSeconds', () => {
  it('reads seconds into milliseconds and refuses the rest', () => {
    expect(parseSeconds('10', '--shutdown-timeout')).toBe(10_000);
    expect(parseSeconds('0.25', '--shutdown-timeout')).toBe(250);
    for (const text of ['0', '-1', '10s', '', '3601']) {
      expect(() => parseSeconds(text, '--request-timeout')).toThrow(/^--request-timeout must be a number of seconds/);
    }
  });
});

describe('the server command', () => {
  it('parses every flag into typed options', () => {
    const options = command.parse({
      flags: {
        port: '9000',
        headersTimeout: '5',
        requestTimeout: '20',
        keepAliveTimeout: '2',
        shutdownTimeout: '3',
        trustProxy: '2',
        registrationLimitPerAddress: '0',
        registrationLimitTotal: '100',
      },
    } as never);
    expect(options).toEqual({
      port: 9000,
      timeouts: { headersMs: 5_000, requestMs: 20_000, keepAliveMs: 2_000 },
      shutdownTimeoutMs: 3_000,
      trustProxy: 2,
      registrationLimits: { perAddressPerHour: 0, totalPerMinute: 100 },
    });
  });
});

describe('parseRegistrationLimit', () => {
  it('takes a whole number, 0 for no limit, and refuses the rest', () => {
    expect(parseRegistrationLimit('0', '--registration-limit-total')).toBe(0);
    expect(parseRegistrationLimit('25', '--registration-limit-total')).toBe(25);
    for (const text of ['', '-1', '1.5', 'ten', '1e3', '2000000']) {
      expect(() => parseRegistrationLimit(text, '--registration-limit-per-address')).toThrow(
        /^--registration-limit-per-address must be a whole number from 0 \(no limit\) to 1000000, not "/,
      );
    }
  });
});

// Failures a loopback server cannot produce (DNS, certificate problems, a
// connect timeout) checked on the errors Node and undici really raise.
import { describe, expect, it } from 'vitest';
import { errors as undiciErrors } from 'undici';
import {
  errorForFailure,
  isConnectionReset,
  missingPermission,
  parseRetryAfter,
  type Exchange,
} from '../../src/api/error-mapping';
import { redact, safeLine } from '../../src/api/redact';
import { hintFor } from '../../src/report/report';

const exchange: Exchange = {
  host: 'api.appclacks.com',
  auth: 'token',
  secrets: ['tok_S3CRET_d1e2f3a4b5c6'],
  connectTimeoutMs: 5_000,
  requestTimeoutMs: 15_000,
};

function nodeError(code: string, message = code): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

describe('errorForFailure', () => {
  it.each([
    ['a DNS miss', nodeError('ENOTFOUND', 'getaddrinfo ENOTFOUND api.appclacks.com'), 'network', 'cannot resolve api.appclacks.com: no such host, or DNS is unreachable'],
    ['a DNS outage', nodeError('EAI_AGAIN'), 'network', 'cannot resolve api.appclacks.com: no such host, or DNS is unreachable'],
    ['an expired certificate', nodeError('CERT_HAS_EXPIRED'), 'network', 'TLS with api.appclacks.com failed (CERT_HAS_EXPIRED)'],
    ['a self-signed certificate', nodeError('DEPTH_ZERO_SELF_SIGNED_CERT'), 'network', 'TLS with api.appclacks.com failed (DEPTH_ZERO_SELF_SIGNED_CERT)'],
    ['a name mismatch', nodeError('ERR_TLS_CERT_ALTNAME_INVALID'), 'network', 'TLS with api.appclacks.com failed (ERR_TLS_CERT_ALTNAME_INVALID)'],
    ['a connect timeout', new undiciErrors.ConnectTimeoutError(), 'timeout', 'api.appclacks.com did not accept a connection within 5s'],
    ['a headers timeout', new undiciErrors.HeadersTimeoutError(), 'timeout', 'api.appclacks.com did not answer within 15s'],
    ['a reset', nodeError('ECONNRESET'), 'network', 'api.appclacks.com closed the connection before answering'],
    ['a closed socket', new undiciErrors.SocketError('other side closed'), 'network', 'api.appclacks.com closed the connection before answering'],
    ['an unreachable network', nodeError('ENETUNREACH'), 'network', 'api.appclacks.com is unreachable from this network'],
  ] as const)('reports %s', (_, error, kind, message) => {
    const mapped = errorForFailure(exchange, error, false);
    expect(mapped.kind).toBe(kind);
    expect(mapped.message).toBe(message);
    expect(mapped.host).toBe('api.appclacks.com');
    expect(mapped.hint).toBeUndefined();
    expect(hintFor(mapped)).toBeTruthy();
    expect(mapped.cause).toBe(error);
  });

  it('finds the code inside an AggregateError from happy-eyeballs connects', () => {
    const error = Object.assign(new AggregateError([nodeError('ECONNREFUSED'), nodeError('ECONNREFUSED')]), {});
    expect(errorForFailure(exchange, error, false).message).toBe('api.appclacks.com refused the connection');
  });

  it('calls any failure after the deadline a timeout', () => {
    expect(errorForFailure(exchange, new DOMException('aborted', 'AbortError'), true).kind).toBe('timeout');
  });

  it('never shows a secret that appears in an unknown error', () => {
    const mapped = errorForFailure(exchange, new Error('weird tok_S3CRET_d1e2f3a4b5c6'), false);
    expect(mapped.message).not.toContain('tok_S3CRET');
  });
});

describe('isConnectionReset', () => {
  it('is true for resets and closed sockets, false for refusals', () => {
    expect(isConnectionReset(nodeError('ECONNRESET'))).toBe(true);
    expect(isConnectionReset(new undiciErrors.SocketError('other side closed'))).toBe(true);
    expect(isConnectionReset(nodeError('ECONNREFUSED'))).toBe(false);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-28T12:00:00Z');
  it.each([
    ['30', 30],
    [' 0 ', 0],
    ['Sat, 28 Nov 2026 12:01:30 GMT', 90],
    ['Sat, 28 Nov 2026 11:00:00 GMT', 0],
    ['soon', undefined],
    [undefined, undefined],
  ])('reads %j as %j seconds', (value, seconds) => {
    expect(parseRetryAfter(value, now)).toBe(seconds);
  });
});

describe('missingPermission', () => {
  it.each([
    [['missing permission GetAPIToken'], 'GetAPIToken'],
    [['Forbidden', 'action DeleteAPIToken not allowed'], 'DeleteAPIToken'],
    [['needs ListHealthchecks'], 'ListHealthchecks'],
    [['needs ListHealthchecksResults'], 'ListHealthchecksResults'],
    [['needs listapitokens'], undefined],
    [['needs GetAPITokens'], undefined],
    [['Forbidden'], undefined],
  ])('reads %j as %j', (messages, permission) => {
    expect(missingPermission(messages)).toBe(permission);
  });
});

describe('redact', () => {
  it('masks every occurrence of a long secret, even inside a word', () => {
    expect(redact('a tok_S3CRET_x b Xtok_S3CRET_x', ['tok_S3CRET_x'])).toBe('a *** b X***');
  });

  it('masks a short secret only where it stands alone', () => {
    expect(redact('the token t is not valid', ['t'])).toBe('the token *** is not valid');
  });

  it('masks the longer of two overlapping secrets whole', () => {
    expect(redact('abcdefgh12345678', ['abcdefgh', 'abcdefgh12345678'])).toBe('***');
  });

  it('keeps one line and a bounded length', () => {
    const line = safeLine(`first\nsecond\t${'x'.repeat(500)}`, []);
    expect(line).not.toMatch(/\n|\t/);
    expect(line.length).toBeLessThanOrEqual(300);
  });
});

import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../src/state/errorMessage';
import { ApiError } from '../../src/errors';

const refused = () => new ApiError('auth', '127.0.0.1:8080 answered 401: invalid organization ID or API token', { host: '127.0.0.1:8080', status: 401 });

describe('errorMessage', () => {
  it('a refused profile token points to the profile picker', () => {
    expect(errorMessage(refused(), 'token-auth').hint).toContain('press p to choose or add a profile');
  });

  it('a refused token from the environment names the variable: no profile can override it', () => {
    const hint = errorMessage(refused(), 'token-auth', 'APPCLACKS_TOKEN').hint ?? '';
    expect(hint).toContain('APPCLACKS_TOKEN is set and was refused');
    expect(hint).not.toContain('press p');
  });

  it('shows what a server sent without control characters', () => {
    const hostile = new ApiError('server', 'answered 500: boom\u001b]52;c;ZXZpbA==\u0007', { host: 'h', status: 500 });
    expect(errorMessage(hostile, 'token-auth').text).toBe('answered 500: boom^[]52;c;ZXZpbA==^G');
  });

  it('words API errors for the screen: a key to press, never a CLI command', () => {
    const errors = [
      new ApiError('not-found', 'h answered 404', { host: 'h', status: 404, subject: 'token' }),
      new ApiError('validation', 'h answered 400: name is required', { host: 'h', status: 400 }),
      new ApiError('server', 'h answered 500', { host: 'h', status: 500 }),
      new ApiError('protocol', 'h answered 200 with an HTML page', { host: 'h', status: 200 }),
      new ApiError('auth', 'no credentials for h', { host: 'h', credential: 'token', reason: 'no-credentials' }),
    ];
    for (const error of errors) {
      const hint = errorMessage(error, 'token-auth').hint ?? '';
      expect(hint).not.toMatch(/appclacks |--endpoint|APPCLACKS_API_ENDPOINT/);
      expect(hint).not.toBe('');
    }
    expect(errorMessage(errors[0], 'token-auth').hint).toContain('press r');
    const limited = new ApiError('rate-limited', 'h answered 429', { host: 'h', status: 429, retryAfterSeconds: 30 });
    expect(errorMessage(limited, 'token-auth').hint).toBe('wait 30s, then try again');
  });
});

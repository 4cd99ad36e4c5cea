import { describe, expect, it } from 'vitest';
import { ENV, envValue, readProcessEnv } from '../../src/config';

describe('ENV', () => {
  it('names every variable the program reads', () => {
    expect(Object.values(ENV).sort()).toEqual(
      [
        'APPCLACKS_PROFILE',
        'APPCLACKS_ORGANIZATION_ID',
        'APPCLACKS_TOKEN',
        'APPCLACKS_ACCOUNT_EMAIL',
        'APPCLACKS_ACCOUNT_PASSWORD',
        'APPCLACKS_API_ENDPOINT',
        'APPCLACKS_CONFIG',
        'APPCLACKS_DEBUG',
        'APPCLACKS_INSECURE_OK',
        'APPCLACKS_ESCAPE_TIMEOUT_MS',
        'APPCLACKS_DATABASE_URL',
        'NO_COLOR',
        'XDG_CONFIG_HOME',
        'XDG_DATA_HOME',
        'HOME',
        'APPDATA',
        'LOCALAPPDATA',
      ].sort(),
    );
  });

  it('treats an empty variable as unset, like the official CLI', () => {
    expect(envValue({ APPCLACKS_TOKEN: '' }, ENV.token)).toBeUndefined();
    expect(envValue({ APPCLACKS_TOKEN: 't' }, ENV.token)).toBe('t');
  });
});

describe('readProcessEnv', () => {
  it('is a frozen snapshot of the process environment', () => {
    const env = readProcessEnv();
    expect(env.PATH).toBe(process.env.PATH);
    expect(Object.isFrozen(env)).toBe(true);
  });

  it('on Windows finds variables whatever their case (AppData vs APPDATA)', () => {
    process.env.AppclacksTestVar = 'x';
    try {
      expect(readProcessEnv('win32').APPCLACKSTESTVAR).toBe('x');
      expect(readProcessEnv('linux').APPCLACKSTESTVAR).toBeUndefined();
    } finally {
      delete process.env.AppclacksTestVar;
    }
  });
});

// Every environment variable the program looks at, by one name each, and the
// single place that reads process.env: everything else receives an Env so
// tests can pass their own.
import { sendsInClear } from '../api/endpoint';
import type { Env } from './types';

export const ENV = {
  profile: 'APPCLACKS_PROFILE',
  organizationId: 'APPCLACKS_ORGANIZATION_ID',
  token: 'APPCLACKS_TOKEN',
  accountEmail: 'APPCLACKS_ACCOUNT_EMAIL',
  accountPassword: 'APPCLACKS_ACCOUNT_PASSWORD',
  apiEndpoint: 'APPCLACKS_API_ENDPOINT',
  config: 'APPCLACKS_CONFIG',
  debug: 'APPCLACKS_DEBUG',
  /** Set (to anything): no warning when credentials go over plain http to another host. */
  insecureOk: 'APPCLACKS_INSECURE_OK',
  /** How long the UI waits for the rest of an escape sequence split by a slow link. */
  escapeTimeoutMs: 'APPCLACKS_ESCAPE_TIMEOUT_MS',
  databaseUrl: 'APPCLACKS_DATABASE_URL',
  noColor: 'NO_COLOR',
  xdgConfigHome: 'XDG_CONFIG_HOME',
  xdgDataHome: 'XDG_DATA_HOME',
  home: 'HOME',
  appData: 'APPDATA',
  localAppData: 'LOCALAPPDATA',
} as const;

export type EnvName = (typeof ENV)[keyof typeof ENV];

/**
 * A snapshot of the process environment. On Windows variable names are
 * case-insensitive (Go's os.Getenv("AppData") finds APPDATA), so the snapshot
 * also carries every name in upper case and lookups by ENV names work there.
 */
export function readProcessEnv(platform: NodeJS.Platform = process.platform): Env {
  const snapshot: Record<string, string | undefined> = { ...process.env };
  if (platform === 'win32') {
    for (const [name, value] of Object.entries(process.env)) {
      const upper = name.toUpperCase();
      if (snapshot[upper] === undefined) snapshot[upper] = value;
    }
  }
  return Object.freeze(snapshot);
}

/**
 * The value of a variable, or undefined when it is unset or empty: the
 * official CLI treats an empty variable as unset, and so do we.
 */
export function envValue(env: Env, name: EnvName): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

/**
 * Whether to warn that credentials go to `endpoint` unencrypted (plain http
 * to a host that is not loopback): the CLI on stderr, the UI on its message
 * line, each in its own words. --insecure-ok or APPCLACKS_INSECURE_OK says
 * the user means it.
 */
export function warnsOfPlaintext(endpoint: string, env: Env, insecureOk: boolean): boolean {
  return !insecureOk && envValue(env, ENV.insecureOk) === undefined && sendsInClear(endpoint);
}

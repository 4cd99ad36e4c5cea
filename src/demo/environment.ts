// What the demo hands to the UI and prints for other shells: its own
// endpoint, config file and account, and none of the user's APPCLACKS_*
// values, which would otherwise override the demo profiles or point at the
// user's real config file.
import { ENV } from '../config/env';
import type { Env } from '../config/types';

export interface DemoAccess {
  endpoint: string;
  configPath: string;
  email: string;
  password: string;
}

/** Kept from the user's environment: it changes logging, not what is reached. */
const KEPT_APPCLACKS_VARIABLES = new Set<string>([ENV.debug]);

export function demoEnv(userEnv: Env, access: DemoAccess): Env {
  const env: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(userEnv)) {
    if (name.toUpperCase().startsWith('APPCLACKS_') && !KEPT_APPCLACKS_VARIABLES.has(name)) continue;
    env[name] = value;
  }
  env[ENV.config] = access.configPath;
  env[ENV.apiEndpoint] = access.endpoint;
  env[ENV.accountEmail] = access.email;
  env[ENV.accountPassword] = access.password;
  return Object.freeze(env);
}

function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Lines to paste into another shell; the password is included on purpose (the create wizard needs it). */
export function exportLines(access: DemoAccess): string[] {
  return [
    [ENV.config, access.configPath],
    [ENV.apiEndpoint, access.endpoint],
    [ENV.accountEmail, access.email],
    [ENV.accountPassword, access.password],
  ].map(([name, value]) => `export ${name}=${shellQuote(value as string)}`);
}

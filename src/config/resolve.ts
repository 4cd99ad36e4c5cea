// Who we are for this run: which config file, which profile, which
// credentials and endpoint, and where each came from. Precedence: a flag,
// then an environment variable, then the file, then the built-in default;
// credentials from the environment override the profile field by field.
import { checkEndpoint } from '../api/endpoint';
import { UsageError } from '../errors';
import { ENV, envValue } from './env';
import type { EnvName } from './env';
import { displayPath, resolveConfigPath } from './paths';
import { configPermissionWarnings } from './permissions';
import { ConfigStore } from './store';
import { describeSource, fileName } from './context';
import type { ConfigFlags, Env, Resolved, ResolvedContext, Source } from './types';

export const DEFAULT_ENDPOINT = 'https://api.appclacks.com';

export interface ResolveOptions {
  flags?: ConfigFlags;
  env: Env;
  platform?: NodeJS.Platform;
  homedir?: string;
  /** Base for a relative --config or APPCLACKS_CONFIG. */
  cwd?: string;
}

/**
 * Resolves everything without failing on a missing profile, so commands like
 * `profile list` work with a stale APPCLACKS_PROFILE; commands that need the
 * profile call requireTokenCredentials (context.ts). Throws only for a
 * config file that cannot be read or an invalid flag or variable.
 */
export async function resolveContext(options: ResolveOptions): Promise<ResolvedContext> {
  const { env, flags = {}, platform = process.platform } = options;
  const endpoint = resolveEndpoint(flags, env);
  const { configPath, notices } = await resolveConfigPath(options);
  const shownPath = displayPath(configPath.value, env, platform);
  const data = await new ConfigStore(configPath.value, { displayPath: shownPath }).read();
  const warnings = await configPermissionWarnings(configPath.value, shownPath, platform);

  const profileName = selectProfile(flags, env, data.defaultProfile);
  const profile = profileName === undefined ? undefined : data.profiles.find((p) => p.name === profileName.value);
  const fromProfile = (value: string | undefined): Resolved<string> | undefined =>
    profile === undefined || value === undefined || value === '' ? undefined : { value, source: { kind: 'profile', name: profile.name } };

  const organizationId = fromEnv(env, ENV.organizationId) ?? fromProfile(profile?.organizationId);
  const token = fromEnv(env, ENV.token) ?? fromProfile(profile?.apiToken);
  const email = fromEnv(env, ENV.accountEmail);
  const password = fromEnv(env, ENV.accountPassword);
  const overriddenBy =
    profile === undefined ? [] : [ENV.organizationId, ENV.token].filter((name) => envValue(env, name) !== undefined);

  return {
    configPath,
    configDisplayPath: shownPath,
    notices,
    warnings,
    data,
    profileName,
    profile,
    missingProfile: profile === undefined ? profileName : undefined,
    organizationId,
    token,
    email,
    password,
    endpoint,
    overriddenBy,
  };
}

function fromEnv(env: Env, name: EnvName): Resolved<string> | undefined {
  const value = envValue(env, name);
  return value === undefined ? undefined : { value, source: { kind: 'env', name } };
}

function selectProfile(flags: ConfigFlags, env: Env, fileDefault: string | undefined): Resolved<string> | undefined {
  if (flags.profile !== undefined) {
    if (flags.profile === '') throw new UsageError('--profile needs a profile name', { hint: 'e.g. --profile work' });
    return { value: flags.profile, source: { kind: 'flag', name: '--profile' } };
  }
  return (
    fromEnv(env, ENV.profile) ??
    (fileDefault === undefined ? undefined : { value: fileDefault, source: { kind: 'file', name: 'default-profile' } })
  );
}

function resolveEndpoint(flags: ConfigFlags, env: Env): Resolved<string> {
  if (flags.endpoint !== undefined) {
    return { value: normalizeEndpoint(flags.endpoint, { kind: 'flag', name: '--endpoint' }), source: { kind: 'flag', name: '--endpoint' } };
  }
  const fromVariable = envValue(env, ENV.apiEndpoint);
  if (fromVariable !== undefined) {
    const source: Source = { kind: 'env', name: ENV.apiEndpoint };
    return { value: normalizeEndpoint(fromVariable, source), source };
  }
  return { value: DEFAULT_ENDPOINT, source: { kind: 'default' } };
}

/** An http(s) base URL without trailing slashes (src/api/endpoint.ts); UsageError naming where it came from. */
export function normalizeEndpoint(raw: string, source: Source): string {
  const checked = checkEndpoint(raw);
  if (checked.ok) return checked.base;
  throw new UsageError(`invalid API endpoint from ${describeSource(source)}: ${checked.problem}`, {
    hint: `use a base URL such as ${DEFAULT_ENDPOINT} or http://127.0.0.1:8080`,
  });
}

/** A store for the file this context read (writes go to the same file, misspelled name included). */
export function configStoreFor(ctx: ResolvedContext): ConfigStore {
  return new ConfigStore(ctx.configPath.value, { displayPath: fileName(ctx) });
}

// What commands ask of a resolved context: the selected profile, token
// credentials, where a value came from. Kept apart from resolve.ts (which
// reads the file with yaml and zod) so the CLI can import these without
// loading the parser: `appclacks --help` and usage errors stay fast.
import type { PasswordCredentials, TokenCredentials } from '../api/types';
import { AppError, UsageError } from '../errors';
import { ENV } from './env';
import type { Profile, ResolvedContext, Source } from './types';

/** The error for a selected or named profile that the file does not have. */
export function profileNotFound(name: string, file: string, known: readonly string[]): UsageError {
  const knownText = known.length === 0 ? 'the file has no profiles' : `known profiles: ${known.join(', ')}`;
  return new UsageError(`profile ${JSON.stringify(name)} not found in ${file}; ${knownText}`, {
    hint: 'run `appclacks login` to create it, or pick a known profile with --profile',
  });
}

export function describeSource(source: Source): string {
  switch (source.kind) {
    case 'flag':
      return `flag ${source.name}`;
    case 'env':
      return `env ${source.name}`;
    case 'profile':
      return `profile ${source.name}`;
    case 'file':
      return `file ${source.name}`;
    case 'default':
      return 'default';
  }
}

/** The selected profile; UsageError when none is selected or it is not in the file. */
export function requireProfile(ctx: ResolvedContext): Profile {
  if (ctx.profile !== undefined) return ctx.profile;
  if (ctx.profileName !== undefined) throw profileNotFoundIn(ctx, ctx.profileName.value);
  throw new UsageError(`no profile selected and no default-profile in ${fileName(ctx)}`, {
    hint: 'run `appclacks login`, pass --profile NAME, or set APPCLACKS_PROFILE',
  });
}

export function profileNotFoundIn(ctx: ResolvedContext, name: string): UsageError {
  return profileNotFound(name, fileName(ctx), ctx.data.profiles.map((p) => p.name));
}

const NO_TOKEN_HINT = 'run `appclacks login`, or set APPCLACKS_ORGANIZATION_ID and APPCLACKS_TOKEN';

/**
 * Organization ID and token for token auth. A profile chosen by --profile or
 * APPCLACKS_PROFILE must exist even when the environment supplies both
 * values: the person asked for that profile, and quietly acting with other
 * credentials could touch another organization.
 */
export function requireTokenCredentials(ctx: ResolvedContext): TokenCredentials {
  const missing = ctx.missingProfile;
  const complete = ctx.organizationId !== undefined && ctx.token !== undefined;
  if (missing !== undefined && (missing.source.kind !== 'file' || !complete)) throw profileNotFoundIn(ctx, missing.value);
  if (ctx.organizationId === undefined || ctx.token === undefined) {
    throw new AppError('auth', missingTokenCredentials(ctx), { hint: NO_TOKEN_HINT });
  }
  return { organizationId: ctx.organizationId.value, token: ctx.token.value };
}

function missingTokenCredentials(ctx: ResolvedContext): string {
  if (ctx.profile === undefined && ctx.organizationId === undefined && ctx.token === undefined) {
    return `not logged in: no profile in ${fileName(ctx)} and neither ${ENV.organizationId} nor ${ENV.token} is set`;
  }
  const absent =
    ctx.organizationId === undefined
      ? { what: 'organization ID', key: 'organization-id', variable: ENV.organizationId }
      : { what: 'API token', key: 'api-token', variable: ENV.token };
  return ctx.profile === undefined
    ? `no ${absent.what}: ${absent.variable} is not set and no profile is selected`
    : `no ${absent.what}: profile ${ctx.profile.name} has an empty ${absent.key} and ${absent.variable} is not set`;
}

/** Account email and password from the environment, as far as they are set; prompting for the rest is the caller's job. */
export function accountCredentialsFromEnv(ctx: ResolvedContext): Partial<PasswordCredentials> {
  return {
    ...(ctx.email === undefined ? {} : { email: ctx.email.value }),
    ...(ctx.password === undefined ? {} : { password: ctx.password.value }),
  };
}

export function fileName(ctx: ResolvedContext): string {
  return ctx.configDisplayPath ?? ctx.configPath.value;
}

// What commands ask of a resolved context: the selected profile, token
// credentials, where a value came from. Kept apart from resolve.ts (which
// reads the file with yaml and zod) so the CLI can import these without
// loading the parser: `appclacks --help` and usage errors stay fast.
import type { PasswordCredentials, TokenCredentials } from '../api/types';
import { AppError, UsageError } from '../errors';
import { closestName } from '../text/suggest';
import { ENV } from './env';
import type { Profile, ProfileProblem, ResolvedContext, Source } from './types';

/** The error for a selected or named profile that the file does not have. */
export function profileNotFound(name: string, file: string, known: readonly string[]): UsageError {
  const knownText = known.length === 0 ? 'the file has no profiles' : `known profiles: ${known.join(', ')}`;
  const suggestion = closestName(name, known);
  const meant = suggestion === undefined ? '' : `did you mean ${JSON.stringify(suggestion)}? `;
  return new UsageError(`profile ${JSON.stringify(name)} not found in ${file}; ${meant}${knownText}`, {
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

export function profileNotFoundIn(ctx: ResolvedContext, name: string): UsageError {
  return profileNotFound(name, fileName(ctx), ctx.data.profiles.map((p) => p.name));
}

const NO_TOKEN_HINT = 'run `appclacks login`, or set APPCLACKS_ORGANIZATION_ID and APPCLACKS_TOKEN';

/**
 * Organization ID and token for token auth. A profile chosen by --profile or
 * APPCLACKS_PROFILE must exist even when the environment supplies both
 * values: the person asked for that profile, and quietly acting with other
 * credentials could touch another organization. An incomplete profile is
 * fine as long as the environment supplies what it lacks.
 */
export function requireTokenCredentials(ctx: ResolvedContext): TokenCredentials {
  const missing = ctx.missingProfile;
  const complete = ctx.organizationId !== undefined && ctx.token !== undefined;
  if (missing !== undefined && (missing.source.kind !== 'file' || !complete)) throw profileNotFoundIn(ctx, missing.value);
  if (ctx.organizationId !== undefined && ctx.token !== undefined) {
    return { organizationId: ctx.organizationId.value, token: ctx.token.value };
  }
  const unsupplied = (ctx.profile?.problems ?? []).filter((p) => (p.key === 'organization-id' ? ctx.organizationId : ctx.token) === undefined);
  if (ctx.profile !== undefined && unsupplied.length > 0) throw incompleteProfile(ctx, ctx.profile, unsupplied);
  if (ctx.profileName === undefined && ctx.data.profiles.length > 0) {
    throw new AppError('auth', noProfileSelected(ctx), { hint: noProfileSelectedHint(ctx) });
  }
  throw new AppError('auth', missingTokenCredentials(ctx), { hint: NO_TOKEN_HINT });
}

/** "api-token missing", "organization-id empty, api-token missing". */
export function describeProfileProblems(problems: readonly ProfileProblem[]): string {
  return problems.map((p) => `${p.key} ${p.problem}`).join(', ');
}

/** How to repair or drop an incomplete profile. */
export function repairProfileHint(name: string): string {
  return `run \`appclacks login --profile-name ${name} --force\` to replace it, or \`appclacks profile remove ${name}\``;
}

/** "FILE:LINE: profile b is incomplete: api-token missing", for errors and warnings alike. */
export function incompleteProfileMessage(ctx: ResolvedContext, profile: Profile, problems: readonly ProfileProblem[]): string {
  const line = problems[0]?.line;
  return `${fileName(ctx)}${line === undefined ? '' : `:${line}`}: profile ${profile.name} is incomplete: ${describeProfileProblems(problems)}`;
}

function incompleteProfile(ctx: ResolvedContext, profile: Profile, problems: readonly ProfileProblem[]): AppError {
  const variables = problems.map((p) => (p.key === 'organization-id' ? ENV.organizationId : ENV.token));
  return new AppError('auth', incompleteProfileMessage(ctx, profile, problems), {
    hint: `${repairProfileHint(profile.name)}; or set ${variables.join(' and ')}`,
  });
}

// What `profile remove` of the default leaves: profiles, none chosen. Saying
// "not logged in" there sends people to create yet another profile.
function noProfileSelected(ctx: ResolvedContext): string {
  const names = ctx.data.profiles.map((p) => p.name);
  return `no profile selected: ${fileName(ctx)} has ${names.length === 1 ? 'profile' : 'profiles'} ${names.join(', ')} but no default-profile`;
}

function noProfileSelectedHint(ctx: ResolvedContext): string {
  const first = ctx.data.profiles[0]?.name ?? 'NAME';
  return `use -p ${first}, or make one the default: appclacks profile use ${first}`;
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
    email: ctx.email?.value,
    password: ctx.password?.value,
  };
}

export function fileName(ctx: ResolvedContext): string {
  return ctx.configDisplayPath ?? ctx.configPath.value;
}

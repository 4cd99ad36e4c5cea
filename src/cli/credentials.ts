// Credentials as each kind of call needs them. Password auth takes the
// account from the environment first, then asks on a terminal; the password
// is never stored and never echoed.
import type { AppclacksApi, PasswordCredentials, TokenCredentials } from '../api/types';
import { accountCredentialsFromEnv, requireTokenCredentials } from '../config/context';
import { ENV } from '../config/env';
import type { ResolvedContext } from '../config/types';
import { ApiError, UsageError } from '../errors';
import type { CliDeps } from './deps';

/**
 * Runs a token-authenticated call. A refused token is explained by where it
 * came from: a profile is repaired by logging in again, an environment
 * variable (which silently beats every profile) by fixing or unsetting it.
 * Successful calls stay quiet: `profile current` shows every override.
 */
export async function withTokenAuth<T>(deps: CliDeps, call: (api: AppclacksApi, credentials: TokenCredentials) => Promise<T>): Promise<T> {
  const ctx = await deps.context();
  const credentials = requireTokenCredentials(ctx);
  const api = await deps.api();
  try {
    return await call(api, credentials);
  } catch (error) {
    throw explainRefusal(error, ctx);
  }
}

function explainRefusal(error: unknown, ctx: ResolvedContext): unknown {
  if (!(error instanceof ApiError) || error.kind !== 'auth') return error;
  const fromEnv = [ctx.organizationId?.source, ctx.token?.source].flatMap((source) => (source?.kind === 'env' ? [source.name] : []));
  const profile = ctx.profile?.name;
  let hint: string;
  if (fromEnv.length > 0) {
    const them = fromEnv.length > 1 ? 'them' : 'it';
    hint = `${fromEnv.join(' and ')} ${fromEnv.length > 1 ? 'are' : 'is'} set and was used: fix ${them}, or unset ${them}${profile ? ` to use profile ${profile}` : ''}`;
  } else if (profile !== undefined) {
    hint = `the token of profile ${profile} was refused (expired, deleted, or another organization's): run \`appclacks login --profile-name ${profile} --force\``;
  } else {
    return error;
  }
  return new ApiError(error.kind, error.message, {
    host: error.host,
    messages: error.messages,
    hint,
    cause: error,
    ...(error.status !== undefined && { status: error.status }),
  });
}

// An empty answer would only earn a 401 and a strike against the rate limit.
function nonEmpty(value: string, what: string, instead: string): string {
  if (value.trim() === '') throw new UsageError(`the ${what} cannot be empty`, { hint: instead });
  return value;
}

export async function passwordCredentials(deps: CliDeps): Promise<PasswordCredentials> {
  const fromEnv = accountCredentialsFromEnv(await deps.context());
  const emailInstead = `set ${ENV.accountEmail} (and ${ENV.accountPassword})`;
  const passwordInstead = `set ${ENV.accountPassword}`;
  const email = fromEnv.email ?? nonEmpty(await deps.prompter.text({ message: 'Account email', instead: emailInstead }), 'account email', emailInstead);
  const password =
    fromEnv.password ?? nonEmpty(await deps.prompter.password({ message: 'Account password', instead: passwordInstead }), 'account password', passwordInstead);
  return { email: email.trim(), password };
}

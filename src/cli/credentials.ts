// Credentials as each kind of call needs them. Password auth takes the
// account from the environment first, then asks on a terminal; the password
// is never stored and never echoed.
import type { PasswordCredentials, TokenCredentials } from '../api/types';
import { accountCredentialsFromEnv, requireTokenCredentials } from '../config/context';
import { ENV } from '../config/env';
import { UsageError } from '../errors';
import type { CliDeps } from './deps';

export async function tokenCredentials(deps: CliDeps): Promise<TokenCredentials> {
  return requireTokenCredentials(await deps.context());
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

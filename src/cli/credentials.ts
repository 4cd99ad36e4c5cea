// Credentials as each kind of call needs them. Password auth takes the
// account from the environment first, then asks on a terminal; the password
// is never stored and never echoed.
import type { PasswordCredentials, TokenCredentials } from '../api/types';
import { accountCredentialsFromEnv, ENV, requireTokenCredentials } from '../config';
import type { CliDeps } from './deps';

export async function tokenCredentials(deps: CliDeps): Promise<TokenCredentials> {
  return requireTokenCredentials(await deps.context());
}

export async function passwordCredentials(deps: CliDeps): Promise<PasswordCredentials> {
  const fromEnv = accountCredentialsFromEnv(await deps.context());
  const email =
    fromEnv.email ??
    (await deps.prompter.text({ message: 'Account email', instead: `set ${ENV.accountEmail} (and ${ENV.accountPassword})` }));
  const password =
    fromEnv.password ??
    (await deps.prompter.password({ message: 'Account password', instead: `set ${ENV.accountPassword}` }));
  return { email, password };
}

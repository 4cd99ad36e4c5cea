import { ENV, envValue } from '../../config/env';
import { assertProfileName } from '../../config/profile-name';
import { CancelledError, UsageError } from '../../errors';
import { flagBoolean, flagString, type CommandSpec } from '../command';
import type { CliDeps } from '../deps';
import { readAllStdin } from '../io';
import { emptyLoginAnswer, logIn } from '../../flows/login';

export interface LoginOptions {
  profileName?: string;
  email?: string;
  passwordStdin: boolean;
  force: boolean;
}

export const command: CommandSpec<LoginOptions> = {
  path: ['login'],
  summary: 'Create an API token for this machine and save it as a profile',
  options: [
    { flags: '--profile-name <name>', description: 'profile to save (asked when omitted)' },
    { flags: '--email <email>', description: `account email (default: ${ENV.accountEmail}, else asked)` },
    { flags: '--password-stdin', description: `read the account password from stdin (default: ${ENV.accountPassword}, else asked)` },
    { flags: '-f, --force', description: 'replace an existing profile without asking' },
  ],
  examples: [
    'appclacks login',
    `printf '%s' "$PASSWORD" | appclacks login --profile-name work --email ada@example.com --password-stdin`,
    `${ENV.accountPassword}=... appclacks login --profile-name ci --email ci@example.com --force`,
  ],
  parse({ flags }) {
    const profileName = flagString(flags, 'profileName');
    if (profileName !== undefined) assertProfileName(profileName);
    const email = flagString(flags, 'email');
    return {
      ...(profileName === undefined ? {} : { profileName }),
      ...(email === undefined ? {} : { email }),
      passwordStdin: flagBoolean(flags, 'passwordStdin'),
      force: flagBoolean(flags, 'force'),
    };
  },
  run,
};

async function chooseProfileName(options: LoginOptions, deps: CliDeps): Promise<string> {
  if (options.profileName !== undefined) return options.profileName;
  const name = await deps.prompter.text({ message: 'Profile name', instead: 'pass --profile-name NAME' });
  assertProfileName(name);
  return name;
}

/** Replacing a profile loses its token from the file: ask, or require --force without a terminal. */
async function confirmReplace(name: string, file: string, options: LoginOptions, deps: CliDeps): Promise<void> {
  if (options.force) return;
  if (!deps.io.stdinIsTTY) {
    throw new UsageError(`profile ${name} already exists in ${file}`, { hint: 'pass --force to replace it, or choose another --profile-name' });
  }
  const replace = await deps.prompter.confirm({ message: `Profile ${name} already exists. Replace it?`, instead: 'pass --force', default: false });
  if (!replace) throw new CancelledError(`profile ${name} left unchanged`);
}

async function accountEmail(options: LoginOptions, deps: CliDeps): Promise<string> {
  const email = options.email ?? (await deps.context()).email?.value ?? (await deps.prompter.text({ message: 'Account email', instead: `pass --email ADDRESS or set ${ENV.accountEmail}` }));
  if (email.trim() === '') throw new UsageError('the account email cannot be empty', { hint: 'pass --email ADDRESS' });
  return email.trim();
}

async function accountPassword(options: LoginOptions, deps: CliDeps): Promise<string> {
  if (options.passwordStdin) return readAllStdin(deps.io.stdin);
  const fromEnv = (await deps.context()).password?.value;
  return fromEnv ?? deps.prompter.password({ message: 'Account password', instead: `set ${ENV.accountPassword} or pass --password-stdin` });
}

export async function run(options: LoginOptions, deps: CliDeps): Promise<void> {
  const ctx = await deps.context();
  const file = ctx.configDisplayPath ?? ctx.configPath.value;
  const name = await chooseProfileName(options, deps);
  if (ctx.data.profiles.some((p) => p.name === name)) await confirmReplace(name, file, options, deps);
  const account = { email: await accountEmail(options, deps), password: await accountPassword(options, deps) };
  if (emptyLoginAnswer(account) === 'password') {
    throw new UsageError(
      options.passwordStdin ? '--password-stdin read an empty password' : 'the account password is empty',
      { hint: options.passwordStdin ? `pipe it in: printf '%s' "$PASSWORD" | appclacks login --password-stdin ...` : `set ${ENV.accountPassword} or pass --password-stdin` },
    );
  }

  const store = await deps.configStore();
  const { organization, saved } = await logIn(await deps.api(), account, name, (profile) =>
    store.upsertProfile(profile, { makeDefault: 'if-unset' }),
  );

  deps.say(`Logged in to organization ${organization.name} (${organization.id}) as ${account.email}.`);
  deps.say(`Profile ${name} ${saved.action === 'created' ? 'saved' : 'replaced'} in ${file}${saved.madeDefault ? ' and made the default' : ''}.`);
  const isDefault = saved.madeDefault || ctx.data.defaultProfile === name;
  if (!isDefault) deps.say(`Use it with -p ${name}, or make it the default: appclacks profile use ${name}`);
  const overriding = [ENV.organizationId, ENV.token].filter((variable) => envValue(deps.env, variable) !== undefined);
  if (overriding.length > 0) {
    deps.warn(`${overriding.join(' and ')} ${overriding.length > 1 ? 'are' : 'is'} set and will be used instead of the saved profile; unset ${overriding.length > 1 ? 'them' : 'it'} to use profile ${name}`);
  }
}

import type { RegisterResponse } from '../../../api/schemas';
import { ENV, envValue } from '../../../config/env';
import { UsageError } from '../../../errors';
import { flagBoolean, flagString, type CommandSpec, type OutputFormat } from '../../command';
import { readAllStdin } from '../../io';
import type { CliDeps } from '../../deps';
import { registerJson } from '../../output/json';
import { printResult } from '../../output/print';
import { organizationTable } from '../../output/resources';
import { checkNewPassword } from '../../passwords';

export interface OrganizationCreateOptions {
  organizationName: string;
  organizationDescription?: string;
  firstName: string;
  lastName: string;
  email: string;
  /** Given with --account-password (kept for the official CLI's scripts); else stdin, APPCLACKS_ACCOUNT_PASSWORD or a prompt. */
  password?: string;
  /** --password-stdin: the password is read from stdin, out of `ps` and shell history. */
  passwordStdin: boolean;
  output: OutputFormat;
}

const MAX_NAME = 255;

function required(flags: Record<string, unknown>, key: string, flag: string): string {
  const value = (flagString(flags, key) ?? '').trim();
  if (value === '') throw new UsageError(`${flag} cannot be empty`);
  if (value.length > MAX_NAME) throw new UsageError(`${flag} has at most ${MAX_NAME} characters`);
  return value;
}

export const command: CommandSpec<OrganizationCreateOptions> = {
  path: ['organization', 'create'],
  summary: 'Register an organization and its first account (no login needed)',
  options: [
    { flags: '--organization-name <name>', description: 'organization name', mandatory: true },
    { flags: '--organization-description <text>', description: 'organization description' },
    { flags: '--account-first-name <name>', description: "account holder's first name", mandatory: true },
    { flags: '--account-last-name <name>', description: "account holder's last name", mandatory: true },
    { flags: '--account-email <email>', description: 'account email, used to log in', mandatory: true },
    { flags: '--password-stdin', description: `read the account password (10 to 255 characters) from stdin (default: ${ENV.accountPassword}, else a prompt)` },
    // The official CLI's flag, kept for its scripts; a value on the command line is visible in `ps` and kept in shell history.
    { flags: '--account-password <password>', description: `account password on the command line, visible to other users in ps: prefer --password-stdin or ${ENV.accountPassword}` },
  ],
  examples: [
    'appclacks organization create --organization-name acme --account-first-name Ada --account-last-name Lovelace --account-email ada@example.com',
    'APPCLACKS_ACCOUNT_PASSWORD=... appclacks organization create --organization-name acme --organization-description "ops" --account-first-name Ada --account-last-name Lovelace --account-email ada@example.com -o json',
    `printf '%s' "$PASSWORD" | appclacks organization create --organization-name acme --account-first-name Ada --account-last-name Lovelace --account-email ada@example.com --password-stdin`,
  ],
  parse({ flags, globals }) {
    const description = flagString(flags, 'organizationDescription');
    const password = flagString(flags, 'accountPassword');
    const passwordStdin = flagBoolean(flags, 'passwordStdin');
    if (password !== undefined && passwordStdin) throw new UsageError('--account-password and --password-stdin exclude each other', { hint: 'pass --password-stdin alone' });
    return {
      organizationName: required(flags, 'organizationName', '--organization-name'),
      ...(description === undefined ? {} : { organizationDescription: description }),
      firstName: required(flags, 'accountFirstName', '--account-first-name'),
      lastName: required(flags, 'accountLastName', '--account-last-name'),
      email: required(flags, 'accountEmail', '--account-email'),
      ...(password === undefined ? {} : { password: checkNewPassword(password, '--account-password') }),
      passwordStdin,
      output: globals.output,
    };
  },
  run,
};

async function accountPassword(options: OrganizationCreateOptions, deps: CliDeps): Promise<string> {
  if (options.password !== undefined) return options.password;
  if (options.passwordStdin) return checkNewPassword(await readAllStdin(deps.io.stdin), '--password-stdin');
  const fromEnv = envValue(deps.env, ENV.accountPassword);
  if (fromEnv !== undefined) return checkNewPassword(fromEnv, ENV.accountPassword);
  // Not --account-password: a password on the command line is visible in `ps`.
  const instead = `pipe it to --password-stdin, or set ${ENV.accountPassword}`;
  const first = checkNewPassword(await deps.prompter.password({ message: 'Account password', instead }), '--password-stdin');
  if ((await deps.prompter.password({ message: 'Account password again', instead })) !== first) {
    throw new UsageError('the two passwords differ', { hint: 'run the command again' });
  }
  return first;
}

export async function run(options: OrganizationCreateOptions, deps: CliDeps): Promise<void> {
  const password = await accountPassword(options, deps);
  const api = await deps.api();
  const created: RegisterResponse = await api.register({
    organization: {
      name: options.organizationName,
      ...(options.organizationDescription === undefined ? {} : { description: options.organizationDescription }),
    },
    account: { 'first-name': options.firstName, 'last-name': options.lastName, email: options.email, password },
  });
  printResult(deps, options.output, registerJson(created), () => organizationTable(created.organization));
  deps.say(`Organization ${created.organization.name} created with the account ${created.account.email}.`);
  deps.say(`Next: appclacks login --email ${created.account.email}`);
}

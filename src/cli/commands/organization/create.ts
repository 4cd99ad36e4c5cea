import type { RegisterResponse } from '../../../api/schemas';
import { ENV, envValue } from '../../../config/env';
import { UsageError } from '../../../errors';
import { flagString, type CommandSpec, type OutputFormat } from '../../command';
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
  /** Undefined: from APPCLACKS_ACCOUNT_PASSWORD or a prompt, so it stays out of shell history. */
  password?: string;
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
    { flags: '--account-password <password>', description: `account password, 10 to 255 characters (default: ${ENV.accountPassword}, else a prompt)` },
  ],
  examples: [
    'appclacks organization create --organization-name acme --account-first-name Ada --account-last-name Lovelace --account-email ada@example.com',
    'APPCLACKS_ACCOUNT_PASSWORD=... appclacks organization create --organization-name acme --organization-description "ops" --account-first-name Ada --account-last-name Lovelace --account-email ada@example.com -o json',
  ],
  parse({ flags, globals }) {
    const description = flagString(flags, 'organizationDescription');
    const password = flagString(flags, 'accountPassword');
    return {
      organizationName: required(flags, 'organizationName', '--organization-name'),
      ...(description === undefined ? {} : { organizationDescription: description }),
      firstName: required(flags, 'accountFirstName', '--account-first-name'),
      lastName: required(flags, 'accountLastName', '--account-last-name'),
      email: required(flags, 'accountEmail', '--account-email'),
      ...(password === undefined ? {} : { password: checkNewPassword(password, '--account-password') }),
      output: globals.output,
    };
  },
  run,
};

async function accountPassword(options: OrganizationCreateOptions, deps: CliDeps): Promise<string> {
  if (options.password !== undefined) return options.password;
  const fromEnv = envValue(deps.env, ENV.accountPassword);
  if (fromEnv !== undefined) return checkNewPassword(fromEnv, ENV.accountPassword);
  const instead = `pass --account-password or set ${ENV.accountPassword}`;
  const first = checkNewPassword(await deps.prompter.password({ message: 'Account password', instead }), '--account-password');
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

import type { CommandSpec, OutputFormat } from '../../command';
import { passwordCredentials } from '../../credentials';
import type { CliDeps } from '../../deps';
import { organizationJson } from '../../output/json';
import { printResult } from '../../output/print';
import { organizationTable } from '../../output/resources';

export interface AccountOrganizationOptions {
  output: OutputFormat;
}

export const command: CommandSpec<AccountOrganizationOptions> = {
  path: ['account', 'organization'],
  summary: "Show the account's organization (checks the email and password)",
  examples: [
    'appclacks account organization',
    'APPCLACKS_ACCOUNT_EMAIL=ada@example.com APPCLACKS_ACCOUNT_PASSWORD=... appclacks account organization -o json',
  ],
  parse: ({ globals }) => ({ output: globals.output }),
  run,
};

export async function run(options: AccountOrganizationOptions, deps: CliDeps): Promise<void> {
  const account = await passwordCredentials(deps);
  const organization = await (await deps.api()).getOrganization(account);
  printResult(deps, options.output, organizationJson(organization), () => organizationTable(organization));
}

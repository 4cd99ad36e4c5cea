import { describeSource } from '../../../config/context';
import { maskToken } from '../../../config/mask';
import type { CommandSpec, OutputFormat } from '../../command';
import type { CliDeps } from '../../deps';
import { printResult } from '../../output/print';
import { renderTable } from '../../output/table';
import { warnAboutOverrides } from './overrides';

export interface ProfileListOptions {
  output: OutputFormat;
}

export const command: CommandSpec<ProfileListOptions> = {
  path: ['profile', 'list'],
  summary: 'List the profiles in the config file (tokens masked)',
  examples: ['appclacks profile list', 'appclacks profile list -o json'],
  parse: ({ globals }) => ({ output: globals.output }),
  run,
};

export async function run(options: ProfileListOptions, deps: CliDeps): Promise<void> {
  const ctx = await deps.context();
  const current = ctx.profileName?.value ?? null;
  const defaultProfile = ctx.data.defaultProfile ?? null;
  const profiles = ctx.data.profiles.map((p) => ({
    name: p.name,
    default: p.name === defaultProfile,
    active: p.name === current,
    'organization-id': p.organizationId,
    'api-token': maskToken(p.apiToken),
  }));
  printResult(deps, options.output, { current, default: defaultProfile, profiles }, () =>
    renderTable(
      ['NAME', 'DEFAULT', 'ACTIVE', 'ORGANIZATION ID', 'TOKEN'],
      profiles.map((p) => [p.name, p.default ? 'default' : '', p.active ? 'active' : '', p['organization-id'], p['api-token']]),
    ),
  );
  if (profiles.length === 0) deps.say(`No profiles in ${ctx.configDisplayPath ?? ctx.configPath.value}: run \`appclacks login\` to add one.`);
  warnAboutOverrides(ctx, deps);
  if (ctx.missingProfile !== undefined) {
    deps.warn(`profile ${ctx.missingProfile.value} is selected (${describeSource(ctx.missingProfile.source)}) but not in the file`);
  }
}

import { describeProfileProblems, describeSource } from '../../../config/context';
import { maskToken } from '../../../config/mask';
import type { CommandSpec, OutputFormat } from '../../command';
import type { CliDeps } from '../../deps';
import { printResult } from '../../output/print';
import { renderTable } from '../../output/table';
import { warnAboutIncomplete, warnAboutOverrides } from './overrides';

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
  const profiles = ctx.data.profiles.map((p) => {
    const unusable = (key: string): boolean => p.problems?.some((problem) => problem.key === key) === true;
    return {
      name: p.name,
      default: p.name === defaultProfile,
      active: p.name === current,
      'organization-id': unusable('organization-id') ? null : p.organizationId,
      'api-token': unusable('api-token') ? null : maskToken(p.apiToken),
      problems: p.problems ?? [],
    };
  });
  // The column appears only when it has something to say: most files never need it.
  const anyIncomplete = profiles.some((p) => p.problems.length > 0);
  printResult(deps, options.output, { current, default: defaultProfile, profiles }, () =>
    renderTable(
      ['NAME', 'DEFAULT', 'ACTIVE', 'ORGANIZATION ID', 'TOKEN', ...(anyIncomplete ? ['STATUS'] : [])],
      profiles.map((p) => [
        p.name,
        p.default ? 'default' : '',
        p.active ? 'active' : '',
        p['organization-id'] ?? '-',
        p['api-token'] ?? '-',
        ...(p.problems.length > 0 ? [`incomplete: ${describeProfileProblems(p.problems)}`] : []),
      ]),
    ),
  );
  if (profiles.length === 0) deps.say(`No profiles in ${ctx.configDisplayPath ?? ctx.configPath.value}: run \`appclacks login\` to add one.`);
  for (const profile of ctx.data.profiles) warnAboutIncomplete(ctx, profile, deps);
  warnAboutOverrides(ctx, deps);
  if (ctx.missingProfile !== undefined) {
    deps.warn(`profile ${ctx.missingProfile.value} is selected (${describeSource(ctx.missingProfile.source)}) but not in the file`);
  }
}

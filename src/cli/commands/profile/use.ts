import { describeProfileProblems, repairProfileHint } from '../../../config/context';
import { ENV, envValue } from '../../../config/env';
import { UsageError } from '../../../errors';
import type { CommandSpec } from '../../command';
import type { CliDeps } from '../../deps';

export interface ProfileUseOptions {
  name: string;
}

export const command: CommandSpec<ProfileUseOptions> = {
  path: ['profile', 'use'],
  summary: 'Make a profile the default (default-profile in the config file)',
  arguments: [{ name: 'name', description: 'profile name', complete: 'profiles' }],
  examples: ['appclacks profile use work'],
  parse({ args }) {
    const name = args[0] ?? '';
    if (name === '') throw new UsageError('a profile name is required', { hint: 'e.g. appclacks profile use work' });
    return { name };
  },
  run,
};

export async function run(options: ProfileUseOptions, deps: CliDeps): Promise<void> {
  const store = await deps.configStore();
  const profile = await store.setDefaultProfile(options.name);
  deps.say(`Default profile is now ${options.name}.`);
  const problems = profile?.problems;
  if (problems !== undefined) {
    deps.warn(`profile ${options.name} is incomplete (${describeProfileProblems(problems)}): commands that use it fail unless the environment supplies what it lacks; ${repairProfileHint(options.name)}`);
  }
  const overriding = [ENV.organizationId, ENV.token].filter((variable) => envValue(deps.env, variable) !== undefined);
  if (overriding.length > 0) deps.warn(`${overriding.join(' and ')} ${overriding.length > 1 ? 'are' : 'is'} set and still win${overriding.length > 1 ? '' : 's'} over every profile in this environment`);
  const selected = envValue(deps.env, ENV.profile);
  if (selected !== undefined && selected !== options.name) {
    deps.warn(`${ENV.profile}=${selected} is set and still selects profile ${selected} in this environment; unset it to use ${options.name}`);
  }
}

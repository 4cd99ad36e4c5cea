import { profileNotFoundIn } from '../../../config/context';
import { ENV, envValue } from '../../../config/env';
import { CancelledError, UsageError } from '../../../errors';
import { flagBoolean, type CommandSpec } from '../../command';
import type { CliDeps } from '../../deps';

export interface ProfileRemoveOptions {
  name: string;
  /** --yes or --force: no question asked. */
  yes: boolean;
}

export const command: CommandSpec<ProfileRemoveOptions> = {
  path: ['profile', 'remove'],
  summary: 'Remove a profile from the config file (its token stays valid on the server)',
  arguments: [{ name: 'name', description: 'profile name', complete: 'profiles' }],
  options: [
    { flags: '-y, --yes', description: 'do not ask for confirmation' },
    { flags: '-f, --force', description: 'same as --yes' },
  ],
  examples: ['appclacks profile remove old-laptop', 'appclacks profile remove ci --yes'],
  parse({ args, flags }) {
    const name = args[0] ?? '';
    if (name === '') throw new UsageError('a profile name is required', { hint: 'e.g. appclacks profile remove work' });
    return { name, yes: flagBoolean(flags, 'yes') || flagBoolean(flags, 'force') };
  },
  run,
};

export async function run(options: ProfileRemoveOptions, deps: CliDeps): Promise<void> {
  const ctx = await deps.context();
  const file = ctx.configDisplayPath ?? ctx.configPath.value;
  const profile = ctx.data.profiles.find((p) => p.name === options.name);
  if (profile === undefined) throw profileNotFoundIn(ctx, options.name);
  if (!options.yes) {
    if (!deps.io.stdinIsTTY) {
      throw new UsageError(`removing profile ${options.name} needs a confirmation and stdin is not a terminal`, { hint: 'pass --yes' });
    }
    const sure = await deps.prompter.confirm({ message: `Remove profile ${options.name} from ${file}?`, instead: 'pass --yes', default: false });
    if (!sure) throw new CancelledError(`profile ${options.name} kept`);
  }
  const result = await (await deps.configStore()).removeProfile(options.name);
  // An incomplete profile may have no token to speak of.
  const hadToken = !profile.problems?.some((p) => p.key === 'api-token');
  deps.say(`Removed profile ${options.name} from ${file}.${hadToken ? ' Its API token is still valid: delete it with `appclacks token delete` if nothing else uses it.' : ''}`);
  if (result.clearedDefault) deps.say(`It was the default profile; pick another with \`appclacks profile use NAME\`.`);
  if (envValue(deps.env, ENV.profile) === options.name) {
    deps.warn(`${ENV.profile}=${options.name} is set and now selects a profile that does not exist; unset it`);
  }
}

import { describeSource } from '../../../config/context';
import { MASK, maskToken } from '../../../config/mask';
import type { Resolved } from '../../../config';
import type { CommandSpec, OutputFormat } from '../../command';
import type { CliDeps } from '../../deps';
import { printResult } from '../../output/print';
import { renderTable } from '../../output/table';
import { warnAboutIncomplete, warnAboutOverrides } from './overrides';

export interface ProfileCurrentOptions {
  output: OutputFormat;
}

export const command: CommandSpec<ProfileCurrentOptions> = {
  path: ['profile', 'current'],
  summary: 'Show the profile, credentials and endpoint in use, and where each comes from',
  examples: ['appclacks profile current', 'APPCLACKS_TOKEN=... appclacks profile current -p work', 'appclacks profile current -o json'],
  parse: ({ globals }) => ({ output: globals.output }),
  run,
};

interface Setting {
  value: string;
  source: string;
}

function shown(resolved: Resolved<string> | undefined, display: (value: string) => string = (v) => v): Setting | null {
  return resolved === undefined ? null : { value: display(resolved.value), source: describeSource(resolved.source) };
}

export async function run(options: ProfileCurrentOptions, deps: CliDeps): Promise<void> {
  const ctx = await deps.context();
  const settings: Record<string, Setting | null> = {
    profile: shown(ctx.profileName, (name) => (ctx.missingProfile === undefined ? name : `${name} (not in the file)`)),
    'organization-id': shown(ctx.organizationId),
    'api-token': shown(ctx.token, maskToken),
    'account-email': shown(ctx.email),
    'account-password': shown(ctx.password, () => MASK),
    endpoint: shown(ctx.endpoint),
    'config-file': { value: ctx.configPath.value, source: describeSource(ctx.configPath.source) },
  };
  printResult(deps, options.output, { ...settings, 'overridden-by': ctx.overriddenBy }, () =>
    renderTable(
      ['SETTING', 'VALUE', 'SOURCE'],
      Object.entries(settings).map(([name, setting]) => [name, setting?.value ?? '(not set)', setting?.source ?? '']),
    ),
  );
  warnAboutOverrides(ctx, deps);
  if (ctx.profile !== undefined) warnAboutIncomplete(ctx, ctx.profile, deps, ctx.overriddenBy);
  if (ctx.missingProfile !== undefined) {
    deps.warn(`profile ${ctx.missingProfile.value} is selected (${describeSource(ctx.missingProfile.source)}) but not in the file`);
  }
}

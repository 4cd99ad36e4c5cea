import { ENV } from '../../../config/env';
import type { ResolvedContext } from '../../../config';
import type { CliDeps } from '../../deps';

const FIELD_OF: Readonly<Record<string, string>> = {
  [ENV.organizationId]: 'organization-id',
  [ENV.token]: 'api-token',
};

/** Silent overrides cost people hours (gh, aws, doctl): say when the environment beats the profile. */
export function warnAboutOverrides(ctx: ResolvedContext, deps: CliDeps): void {
  if (ctx.profile === undefined) return;
  for (const variable of ctx.overriddenBy) {
    deps.warn(`${variable} is set and overrides the ${FIELD_OF[variable] ?? 'value'} of profile ${ctx.profile.name}`);
  }
}

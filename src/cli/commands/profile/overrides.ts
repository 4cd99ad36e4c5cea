import { incompleteProfileMessage, repairProfileHint } from '../../../config/context';
import { ENV } from '../../../config/env';
import type { Profile, ResolvedContext } from '../../../config';
import type { CliDeps } from '../../deps';

const FIELD_OF: Readonly<Record<string, string>> = {
  [ENV.organizationId]: 'organization-id',
  [ENV.token]: 'api-token',
};

/** Silent overrides cost people hours (gh, aws, doctl): say when the environment beats the profile. */
export function warnAboutOverrides(ctx: ResolvedContext, deps: CliDeps): void {
  const profile = ctx.profile;
  if (profile === undefined) return;
  for (const variable of ctx.overriddenBy) {
    const field = FIELD_OF[variable] ?? 'value';
    const lacking = profile.problems?.some((p) => p.key === field) === true;
    deps.warn(
      lacking
        ? `${variable} is set and supplies the ${field} that profile ${profile.name} lacks`
        : `${variable} is set and overrides the ${field} of profile ${profile.name}`,
    );
  }
}

/**
 * One line for an incomplete profile: where, what, and how to repair it.
 * `supplied` leaves out the fields the environment fills in for this run.
 */
export function warnAboutIncomplete(ctx: ResolvedContext, profile: Profile, deps: CliDeps, supplied: readonly string[] = []): void {
  const problems = (profile.problems ?? []).filter((p) => !supplied.some((variable) => FIELD_OF[variable] === p.key));
  if (problems.length === 0) return;
  deps.warn(`${incompleteProfileMessage(ctx, profile, problems)}; ${repairProfileHint(profile.name)}`);
}

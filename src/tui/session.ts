// From the config layer's ResolvedContext to what the UI's state keeps. The
// rules (which profile must exist, which env var wins) stay in src/config.
import type { ResolvedContext } from '../config/types';
import { requireTokenCredentials } from '../config/context';
import type { SessionInput } from '../state/types';

export function sessionFromContext(ctx: ResolvedContext): SessionInput {
  let usable = true;
  try {
    requireTokenCredentials(ctx);
  } catch {
    usable = false;
  }
  return {
    ...(ctx.profileName && { profileName: ctx.profileName }),
    profileExists: ctx.profile !== undefined,
    ...(usable && ctx.organizationId && { organizationId: ctx.organizationId }),
    ...(usable && ctx.token && { token: ctx.token }),
    ...(ctx.email && { email: ctx.email }),
    ...(ctx.password && { password: ctx.password }),
    endpoint: ctx.endpoint,
    configPath: ctx.configDisplayPath ?? ctx.configPath.value,
    overriddenBy: ctx.overriddenBy,
  };
}

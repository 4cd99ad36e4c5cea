// What `appclacks login` does, shared by the CLI command and the UI's "add
// profile": check the account by reading its organization, create the
// profile's own token, store it. Prompting and messages stay with the caller.
import type { APIToken, Organization } from './api/schemas';
import type { AppclacksApi, PasswordCredentials } from './api/types';
import type { Profile } from './config/types';
import { ALL } from './tokens/permissions';
import { MAX_TTL } from './tokens/ttl';

/** The official login's token: `<profile>-cli`, for 1051200h, allowed everything. */
export function loginTokenName(profileName: string): string {
  return `${profileName}-cli`;
}

export interface LoginResult<Saved> {
  organization: Organization;
  token: APIToken;
  saved: Saved;
}

export async function logIn<Saved>(
  api: AppclacksApi,
  account: PasswordCredentials,
  profileName: string,
  save: (profile: Profile) => Promise<Saved>,
): Promise<LoginResult<Saved>> {
  const organization = await api.getOrganization(account);
  const token = await api.createToken(account, {
    name: loginTokenName(profileName),
    ttl: MAX_TTL,
    permissions: { actions: [ALL] },
  });
  // The client refuses a create answer without a secret, so token.token is set.
  const saved = await save({ name: profileName, organizationId: organization.id, apiToken: token.token ?? '' });
  return { organization, token, saved };
}

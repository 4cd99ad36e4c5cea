// What `appclacks login` does, shared by the CLI command and the UI's "add
// profile": check the account by reading its organization, create the
// profile's own token, store it. Prompting and messages stay with the caller.
import type { APIToken, Organization } from '../api/schemas';
import type { AppclacksApi, PasswordCredentials } from '../api/types';
import type { Profile } from '../config/types';
import { AppError } from '../errors';
import { ALL } from '../tokens/permissions';
import { MAX_TTL } from '../tokens/ttl';

/** The official login's token: `<profile>-cli`, for 1051200h, allowed everything. */
export function loginTokenName(profileName: string): string {
  return `${profileName}-cli`;
}

/**
 * What the account lacks before anything is sent: an empty email or password
 * would only earn a 401 ("refused") and a strike against the rate limit. The
 * password is APPCLACKS_ACCOUNT_PASSWORD when set, for `appclacks login` and
 * for the UI's "add profile" alike; asked for only when it is not.
 */
export function emptyLoginAnswer(account: PasswordCredentials): 'email' | 'password' | undefined {
  if (account.email.trim() === '') return 'email';
  if (account.password === '') return 'password';
  return undefined;
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
  const secret = token.token ?? '';
  try {
    const saved = await save({ name: profileName, organizationId: organization.id, apiToken: secret });
    return { organization, token, saved };
  } catch (error) {
    throw await withdrawToken(api, { organizationId: organization.id, token: secret }, token, error);
  }
}

/**
 * The profile could not be stored, so nobody will ever see the secret of the
 * token just created for it: an unlimited, 120-year token must not stay
 * behind. It deletes itself (it holds `*`); if even that fails, the error
 * names it so the user can.
 */
async function withdrawToken(api: AppclacksApi, credentials: { organizationId: string; token: string }, token: APIToken, saveError: unknown): Promise<unknown> {
  const what = saveError instanceof Error ? saveError.message : String(saveError);
  const kind = saveError instanceof AppError ? saveError.kind : 'internal';
  const hint = saveError instanceof AppError ? saveError.hint : undefined;
  try {
    await api.deleteToken(credentials, token.id);
    return new AppError(kind, `${what} (the token ${token.name} created for the profile was deleted again)`, { cause: saveError, hint });
  } catch {
    return new AppError(kind, `${what}; the token ${token.name} (${token.id}) created for the profile is still valid`, {
      cause: saveError,
      hint: `delete it: appclacks token delete --id ${token.id}${hint ? `; ${hint}` : ''}`,
    });
  }
}

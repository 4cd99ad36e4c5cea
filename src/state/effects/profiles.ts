// The profiles of the config file: reading them, each profile's token as the
// server sees it (asked in the background, at a bounded concurrency), using
// one for this session, making one the default, removing one. It alone
// remembers which secret each profile's token info was fetched for.
import type { Profile } from '../../config/types';
import { mapBounded } from '../../flows/bounded';
import { errorMessage } from '../errorMessage';
import { profileHolding } from '../selectors';
import type { ProfileTokenInfo } from '../types';
import { isAuthError, show, type EffectContext } from './context';

/** Profiles whose token the picker asks about at once (token/current each). */
export const PROFILE_TOKEN_CONCURRENCY = 4;
/** How long answers about profiles' tokens wait to be shown together (short enough to look immediate). */
const PROFILE_TOKEN_BATCH_MS = 40;

export interface ProfileEffectsNeeds {
  /** Loads the token list of the session now in place (tokens.ts). */
  loadTokens(): Promise<void>;
}

export type ProfileEffects = ReturnType<typeof createProfileEffects>;

export function createProfileEffects({ store, deps }: EffectContext, needs: ProfileEffectsNeeds) {
  const { dispatch, getState } = store;
  /** The secret each profile's token info was fetched for: a profile whose token did not change is not asked again. */
  const fetchedProfileTokens = new Map<string, string>();

  const configFailed = (error: unknown) => dispatch({ type: 'message/set', message: errorMessage(error, 'config') });

  async function loadProfiles(selectName?: string): Promise<void> {
    dispatch({ type: 'profiles/loading' });
    try {
      const data = await deps.profiles.read();
      dispatch({ type: 'profiles/loaded', items: data.profiles, defaultProfile: data.defaultProfile, ...(selectName !== undefined && { selectName }) });
      // In the background: the picker is usable while each token's expiry arrives.
      void loadProfileTokens(data.profiles);
    } catch (error) {
      const message = errorMessage(error, 'config');
      dispatch({ type: 'profiles/failed', error: message });
      dispatch({ type: 'message/set', message });
    }
  }

  /** What the server says of one profile's token; never throws. */
  async function profileTokenInfo(profile: Profile): Promise<ProfileTokenInfo> {
    try {
      const answer = await deps.api.getCurrentToken({ organizationId: profile.organizationId, token: profile.apiToken });
      return answer.supported ? { status: 'ok', id: answer.value.id, expiresAt: answer.value['expires-at'] } : { status: 'unknown' };
    } catch (error) {
      return isAuthError(error) ? { status: 'refused' } : { status: 'unknown' };
    }
  }

  /**
   * Each profile's token (ID, expiry), PROFILE_TOKEN_CONCURRENCY at a time,
   * shown in batches as they arrive. A profile already asked with the same
   * token is not asked again: every request counts as a use of that token.
   */
  async function loadProfileTokens(profiles: readonly Profile[], only?: (p: Profile) => boolean): Promise<void> {
    const wanted = profiles.filter(
      (p) => !p.problems?.length && p.apiToken !== '' && p.organizationId !== '' && fetchedProfileTokens.get(p.name) !== p.apiToken && (only?.(p) ?? true),
    );
    // Each update copies the table of every profile's token: with 10,000
    // profiles, one update per profile froze the picker for seconds. So the
    // marks go in one update, and answers in one update per PROFILE_TOKEN_BATCH_MS.
    const known = getState().profiles.tokens;
    const loading: Record<string, ProfileTokenInfo> = {};
    for (const p of wanted) {
      fetchedProfileTokens.set(p.name, p.apiToken);
      if (known[p.name] === undefined) loading[p.name] = { status: 'loading' };
    }
    if (Object.keys(loading).length > 0) dispatch({ type: 'profiles/tokens', infos: loading });
    let answered: Record<string, ProfileTokenInfo> = {};
    let flushTimer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      clearTimeout(flushTimer);
      flushTimer = undefined;
      const infos = answered;
      answered = {};
      if (Object.keys(infos).length > 0) dispatch({ type: 'profiles/tokens', infos });
    };
    // One profile's failure must not stop the others: each settles on its own.
    const settle = async (p: Profile) => {
      const info = await profileTokenInfo(p);
      if (info.status === 'unknown') fetchedProfileTokens.delete(p.name);
      answered[p.name] = info;
      flushTimer ??= setTimeout(flush, PROFILE_TOKEN_BATCH_MS);
    };
    await mapBounded(wanted, PROFILE_TOKEN_CONCURRENCY, (p) => settle(p).catch(() => undefined));
    flush();
  }

  /** The profile holding token `id`, asking the profiles of this organization when the picker has not yet. */
  async function findProfileHolding(id: string): Promise<string | undefined> {
    const known = profileHolding(getState(), id);
    if (known !== undefined) return known;
    const organizationId = getState().session.organizationId?.value;
    try {
      const data = await deps.profiles.read();
      await loadProfileTokens(data.profiles, (p) => p.organizationId === organizationId);
    } catch {
      return undefined;
    }
    return profileHolding(getState(), id);
  }

  /** A profile was given a token whose facts are known (a rotation's new one): shown as is, not asked again. */
  function profileTokenKnown(name: string, secret: string, info: ProfileTokenInfo): void {
    fetchedProfileTokens.set(name, secret);
    dispatch({ type: 'profiles/token', name, info });
  }

  async function switchProfile(name: string): Promise<void> {
    const isDefault = getState().profiles.defaultProfile === name;
    try {
      const session = await deps.resolveSession(name);
      dispatch({ type: 'session/set', session });
      dispatch({ type: 'screen/replace', screen: 'list' });
      while (getState().screens.length > 1) dispatch({ type: 'screen/pop' });
      const overriders = session.overriddenBy;
      if (overriders.length > 0) {
        dispatch(show('info', `Using profile ${name} for this session, but ${overriders.join(', ')} override it.`, 'unset those variables to use the profile as stored'));
      } else {
        const text = `Using profile ${name} for this session${isDefault ? ' (the default profile)' : ''}.`;
        dispatch(show('success', text, isDefault ? undefined : 'press p, then m, to make it the default'));
      }
      await needs.loadTokens();
    } catch (error) {
      configFailed(error);
    }
  }

  async function setDefaultProfile(name: string): Promise<void> {
    try {
      await deps.profiles.setDefault(name);
      dispatch(show('success', `${name} is now the default profile (saved in ${deps.profiles.path}).`));
      await loadProfiles(name);
    } catch (error) {
      configFailed(error);
    }
  }

  async function removeProfile(name: string): Promise<void> {
    try {
      await deps.profiles.remove(name);
      const active = getState().session.profileName?.value === name;
      dispatch(show('success', `Removed profile ${name}.`, active ? 'this session keeps using its credentials until you choose another profile' : undefined));
      await loadProfiles();
    } catch (error) {
      configFailed(error);
    }
  }

  return { loadProfiles, loadProfileTokens, findProfileHolding, profileTokenKnown, switchProfile, setDefaultProfile, removeProfile };
}

// The store's asynchronous actions: each calls deps.api / deps.profiles, then
// dispatches what happened. None throws: failures become message lines, and
// what the user typed stays in the state.
import type { APIToken } from '../api/schemas';
import type { PasswordCredentials, TokenCredentials } from '../api/types';
import { profileNameProblem } from '../config/profile-name';
import type { Profile } from '../config/types';
import { AppError } from '../errors';
import { logIn, loginTokenName } from '../flows/login';
import type { StoreDeps } from './deps';
import { errorMessage } from './errorMessage';
import { clipboardHint, osc52 } from './osc52';
import { mapBounded } from '../flows/bounded';
import { profileHolding, wizardTtl } from './selectors';
import { findSessionTokenId } from './sessionToken';
import { bulkProgressLabel } from './slices/bulkDelete';
import { requestTokenAnswers, type TokenAnswers } from './tokenAnswers';
import type { Action, ProfileTokenInfo, State } from './types';

/** Profiles whose token the picker asks about at once (token/current each). */
export const PROFILE_TOKEN_CONCURRENCY = 4;
/** How long answers about profiles' tokens wait to be shown together (short enough to look immediate). */
const PROFILE_TOKEN_BATCH_MS = 40;

interface StoreLike {
  getState(): State;
  dispatch(action: Action): void;
}

export type Effects = ReturnType<typeof createEffects>;

function tokenCredentials(state: State): TokenCredentials | undefined {
  const { organizationId, token } = state.session;
  return organizationId && token ? { organizationId: organizationId.value, token: token.value } : undefined;
}

/** The environment variable the session's token came from, when it did: no profile can override it. */
function tokenVariable(state: State): string | undefined {
  const source = state.session.token?.source;
  return source?.kind === 'env' ? source.name : undefined;
}

function isAuthError(error: unknown): boolean {
  return error instanceof AppError && error.kind === 'auth';
}

export function createEffects(store: StoreLike, deps: StoreDeps) {
  const { dispatch, getState } = store;
  /** Secret → token ID, for tokens this UI created (see sessionToken.ts). */
  const knownTokenIds = new Map<string, string>();
  let firstAnswers = deps.firstTokenAnswers;
  let listRequest = 0;
  /** Set once the server answered that it lacks token/current: the session's token is guessed from then on. */
  let currentLacking = false;
  /** The secret each profile's token info was fetched for: a profile whose token did not change is not asked again. */
  const fetchedProfileTokens = new Map<string, string>();

  const say = (kind: 'info' | 'success' | 'error', text: string, hint?: string) =>
    dispatch({ type: 'message/set', message: hint === undefined ? { kind, text } : { kind, text, hint } });

  /** Shows a list and token/current's answer, asked together. */
  function showTokenAnswers({ items, current }: TokenAnswers, options: { selectId?: string }): void {
    dispatch({ type: 'tokens/loaded', items, ...(options.selectId !== undefined && { selectId: options.selectId }) });
    if (current?.supported) return dispatch({ type: 'session/current', token: current.value });
    if (current) currentLacking = true;
    // A server without token/current (or no answer from it): the guess from the list.
    dispatch({ type: 'session/token-id', tokenId: findSessionTokenId(items, getState().session, knownTokenIds) });
  }

  /**
   * Loads the list. When runTui's early request has already been answered,
   * the answer is shown before this returns its promise, without awaiting:
   * called before the first render, the first frame holds the list.
   */
  async function loadTokens(options: { selectId?: string } = {}): Promise<void> {
    const credentials = tokenCredentials(getState());
    if (!credentials) return;
    const request = ++listRequest;
    const first = firstAnswers;
    firstAnswers = undefined;
    const arrived = first?.answer();
    if (arrived) return showTokenAnswers(arrived, options);
    dispatch({ type: 'tokens/loading' });
    try {
      const answers = await (first?.promise ?? requestTokenAnswers(deps.api, credentials, { askCurrent: !currentLacking }));
      // A profile switch during the request makes its answer stale.
      if (request !== listRequest) return;
      showTokenAnswers(answers, options);
    } catch (error) {
      if (request !== listRequest) return;
      const message = errorMessage(error, 'token-auth', tokenVariable(getState()));
      dispatch({ type: 'tokens/failed', error: message });
      dispatch({ type: 'message/set', message });
    }
  }

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

  function credentialsGone(): void {
    const { session } = getState();
    dispatch({ type: 'session/gone' });
    const source = session.token?.source;
    say(
      'error',
      "This session's token was deleted: credentials gone.",
      source?.kind === 'env' ? `${source.name} sets it; restart without it` : 'choose another profile, or n to add one',
    );
    if (getState().screens.at(-1) !== 'profiles') dispatch({ type: 'screen/push', screen: 'profiles' });
    void loadProfiles();
  }

  async function deleteToken(id: string): Promise<void> {
    const state = getState();
    const credentials = tokenCredentials(state);
    if (!credentials) return;
    const token = state.tokens.items.find((t) => t.id === id);
    const wasSessionToken = state.session.tokenId === id;
    dispatch({ type: 'busy', label: `Deleting ${token?.name ?? id}…` });
    try {
      await deps.api.deleteToken(credentials, id);
    } catch (error) {
      dispatch({ type: 'busy', label: undefined });
      if (!(error instanceof AppError && error.kind === 'not-found')) {
        dispatch({ type: 'message/set', message: errorMessage(error, 'token-auth', tokenVariable(getState())) });
        return;
      }
    }
    dispatch({ type: 'busy', label: undefined });
    dispatch({ type: 'tokens/removed', id });
    if (getState().screens.at(-1) === 'detail') dispatch({ type: 'screen/pop' });
    if (wasSessionToken) return credentialsGone();
    say('success', `Deleted token ${token?.name ?? id}.`);
    const request = ++listRequest;
    try {
      const items = await deps.api.listTokens(credentials);
      if (request === listRequest) dispatch({ type: 'tokens/loaded', items });
    } catch (error) {
      // The deleted token may have been this session's without our knowing.
      if (isAuthError(error)) return credentialsGone();
      dispatch({ type: 'message/set', message: errorMessage(error, 'token-auth', tokenVariable(getState())) });
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
   * each dispatched as it arrives. A profile already asked with the same
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

  /**
   * Deletes the marked tokens one after another, each outcome reported as it
   * comes: a failure (a token deleted elsewhere meanwhile, a permission
   * refused) is a line of the report and the rest go on. The session's own
   * token goes last, as the others need it to authenticate.
   */
  async function deleteMarked(ids: readonly string[]): Promise<void> {
    const state = getState();
    const credentials = tokenCredentials(state);
    if (!credentials || state.bulkDelete?.running || ids.length === 0) return;
    const names = new Map(state.tokens.items.map((t) => [t.id, t.name]));
    const sessionId = state.session.tokenId;
    const order = [...ids.filter((id) => id !== sessionId), ...ids.filter((id) => id === sessionId)];
    let sessionDeleted = false;
    dispatch({ type: 'bulk/start', total: order.length });
    for (const id of order) {
      const bulk = getState().bulkDelete;
      if (bulk) dispatch({ type: 'busy', label: bulkProgressLabel(bulk) });
      const name = names.get(id) ?? id;
      try {
        await deps.api.deleteToken(credentials, id);
        dispatch({ type: 'bulk/progress', outcome: { id, ok: true } });
        dispatch({ type: 'tokens/removed', id });
        if (id === sessionId) sessionDeleted = true;
      } catch (error) {
        const reason =
          error instanceof AppError && error.kind === 'not-found'
            ? 'not found: deleted elsewhere meanwhile'
            : errorMessage(error, 'token-auth', tokenVariable(getState())).text;
        dispatch({ type: 'bulk/progress', outcome: { id, name, ok: false, reason } });
      }
    }
    dispatch({ type: 'busy', label: undefined });
    dispatch({ type: 'bulk/done' });
    const report = getState().bulkDelete;
    const failed = report?.failures.length ?? 0;
    const deleted = report?.deleted ?? 0;
    if (failed === 0) {
      say('success', `Deleted ${deleted} token${deleted === 1 ? '' : 's'}.`);
    } else {
      say('error', `Deleted ${deleted} of ${order.length} tokens; ${failed} failed.`, 'the report lists why; tokens that failed stay marked');
      if (getState().screens.at(-1) !== 'deletions') dispatch({ type: 'screen/push', screen: 'deletions' });
    }
    if (sessionDeleted) return credentialsGone();
    await loadTokens();
  }

  /**
   * Rotates the wizard's token (password auth): first finds the profile that
   * holds it (afterwards the old token no longer answers), then rotates with
   * no grace period, so the old token is deleted in the same transaction,
   * and shows the result step with the new secret once.
   */
  async function rotateToken(): Promise<void> {
    const state = getState();
    const w = state.wizard;
    const old = w.rotating;
    if (w.mode !== 'rotate' || !old || w.busy) return;
    dispatch({ type: 'wizard/busy', busy: true });
    try {
      const profile = await findProfileHolding(old.id);
      const account = wizardAccount(getState());
      const answer = await deps.api.rotateToken(account, old.id, {});
      if (!answer.supported) {
        dispatch({ type: 'wizard/busy', busy: false });
        return say('error', `${answer.host} cannot rotate tokens (an extension of appclacks server).`, 'Esc, then n to create a new token and d to delete this one');
      }
      const rotated = answer.value;
      const organization = await deps.api.getOrganization(account).catch(() => undefined);
      const wasSession = getState().session.tokenId === old.id;
      dispatch({ type: 'wizard/rotated', token: rotated, at: deps.clock(), ...(organization && { organizationId: organization.id }), ...(profile !== undefined && { profile }) });
      say('success', `Rotated token ${rotated.name}: the old one is deleted.`);
      if (wasSession) {
        // The session signed in with the old token: it stops working now, until a profile holds the new one.
        dispatch({ type: 'session/gone' });
        // Its list answers 401 now, so the new token takes the old one's row here, without its secret.
        const listed: APIToken = { ...rotated, token: undefined };
        const items = getState().tokens.items.map((t) => (t.id === old.id ? listed : t));
        dispatch({ type: 'tokens/loaded', items, selectId: rotated.id });
      } else {
        void loadTokens({ selectId: rotated.id });
      }
    } catch (error) {
      dispatch({ type: 'wizard/busy', busy: false });
      dispatch({ type: 'message/set', message: errorMessage(error, 'password-auth') });
    }
  }

  /** The rotation result's offer: give the profile that held the old token the new one (the config code `appclacks login` uses). */
  async function answerProfileOffer(): Promise<void> {
    const { wizard, session } = getState();
    const offer = wizard.profileUpdate;
    const rotated = wizard.result;
    if (!offer || offer.done || !rotated?.token) return;
    if (offer.choice === 'keep') {
      dispatch({ type: 'wizard/offer-done', done: 'kept' });
      return say('info', `Profile ${offer.profile} keeps the old token, which no longer works.`, 'copy the new secret (c) or save it as a profile (s)');
    }
    try {
      const stored = (await deps.profiles.read()).profiles.find((p) => p.name === offer.profile);
      if (!stored) return say('error', `Profile ${offer.profile} is no longer in ${deps.profiles.path}.`, 'save the new token as a profile with s');
      const organizationId = stored.organizationId || wizard.resultOrganizationId || session.organizationId?.value || '';
      await deps.profiles.upsert({ name: offer.profile, organizationId, apiToken: rotated.token });
      knownTokenIds.set(rotated.token, rotated.id);
      fetchedProfileTokens.set(offer.profile, rotated.token);
      dispatch({ type: 'profiles/token', name: offer.profile, info: { status: 'ok', id: rotated.id, expiresAt: rotated['expires-at'] } });
      dispatch({ type: 'wizard/offer-done', done: 'updated' });
      say('success', `Profile ${offer.profile} now uses the new token (saved in ${deps.profiles.path}).`);
      const source = session.token?.source;
      if (source?.kind === 'profile' && source.name === offer.profile) {
        // This session signed in through that profile: it carries on with the new token.
        dispatch({ type: 'session/set', session: await deps.resolveSession(session.profileName?.value ?? offer.profile) });
        void loadTokens({ selectId: rotated.id });
      }
    } catch (error) {
      dispatch({ type: 'message/set', message: errorMessage(error, 'config') });
    }
  }

  /** The environment's account when it gives both values, else what the wizard asked for. */
  function wizardAccount(state: State): PasswordCredentials {
    const { session, wizard } = state;
    if (session.email && session.password) return { email: session.email.value, password: session.password.value };
    return { email: wizard.email, password: wizard.password };
  }

  async function createToken(): Promise<void> {
    const state = getState();
    const w = state.wizard;
    const ttl = wizardTtl(w);
    if (!ttl.ok || w.busy) return;
    dispatch({ type: 'wizard/busy', busy: true });
    try {
      const account = wizardAccount(state);
      const created = await deps.api.createToken(account, {
        name: w.name,
        description: w.description,
        ttl: ttl.value,
        permissions: { actions: w.permissions },
      });
      const organization = await deps.api.getOrganization(account).catch(() => undefined);
      dispatch({ type: 'wizard/created', token: created, at: deps.clock(), ...(organization && { organizationId: organization.id }) });
      say('success', `Created token ${created.name}.`);
      void loadTokens({ selectId: created.id });
    } catch (error) {
      dispatch({ type: 'wizard/busy', busy: false });
      dispatch({ type: 'message/set', message: errorMessage(error, 'password-auth') });
    }
  }

  async function saveWizardAsProfile(): Promise<void> {
    const { wizard, profiles } = getState();
    const created = wizard.result;
    const name = wizard.saveAs?.name ?? '';
    if (!created?.token) return;
    const problem = profileNameProblem(name);
    if (problem) return say('error', `Cannot save as "${name}": ${problem}.`);
    const organizationId = wizard.resultOrganizationId ?? getState().session.organizationId?.value;
    if (!organizationId) return say('error', 'Cannot save as a profile: the organization is unknown.', 'check the email and password, then create again');
    try {
      const existing = profiles.items.length > 0 ? profiles.items : (await deps.profiles.read()).profiles;
      if (existing.some((p) => p.name === name)) return say('error', `Profile "${name}" already exists: type another name.`);
      await deps.profiles.upsert({ name, organizationId, apiToken: created.token });
      knownTokenIds.set(created.token, created.id);
      dispatch({ type: 'wizard/saved' });
      say('success', `Saved as profile ${name} in ${deps.profiles.path}.`, 'p, then Enter on it, uses it for this session');
      void loadProfiles();
    } catch (error) {
      dispatch({ type: 'message/set', message: errorMessage(error, 'config') });
    }
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
        say('info', `Using profile ${name} for this session, but ${overriders.join(', ')} override it.`, 'unset those variables to use the profile as stored');
      } else {
        say(
          'success',
          `Using profile ${name} for this session${isDefault ? ' (the default profile)' : ''}.`,
          isDefault ? undefined : 'press p, then m, to make it the default',
        );
      }
      await loadTokens();
    } catch (error) {
      dispatch({ type: 'message/set', message: errorMessage(error, 'config') });
    }
  }

  async function setDefaultProfile(name: string): Promise<void> {
    try {
      await deps.profiles.setDefault(name);
      say('success', `${name} is now the default profile (saved in ${deps.profiles.path}).`);
      await loadProfiles(name);
    } catch (error) {
      dispatch({ type: 'message/set', message: errorMessage(error, 'config') });
    }
  }

  async function removeProfile(name: string): Promise<void> {
    try {
      await deps.profiles.remove(name);
      const active = getState().session.profileName?.value === name;
      say('success', `Removed profile ${name}.`, active ? 'this session keeps using its credentials until you choose another profile' : undefined);
      await loadProfiles();
    } catch (error) {
      dispatch({ type: 'message/set', message: errorMessage(error, 'config') });
    }
  }

  /** The login flow of `appclacks login`: organization lookup, then a `<name>-cli` token for `*`. */
  async function addProfile(): Promise<void> {
    const { login } = getState();
    if (login.busy) return;
    const problem = profileNameProblem(login.name);
    if (problem) return say('error', `Cannot add "${login.name}": ${problem}.`);
    const account = { email: login.email, password: login.password };
    dispatch({ type: 'login/busy', busy: true });
    try {
      const { token: created, saved: madeDefault } = await logIn(deps.api, account, login.name, (profile) =>
        deps.profiles.upsert(profile, { makeDefault: 'ifNoDefault' }),
      );
      if (created.token) knownTokenIds.set(created.token, created.id);
      dispatch({ type: 'login/reset' });
      dispatch({ type: 'screen/pop' });
      say(
        'success',
        `Added profile ${login.name} (token ${loginTokenName(login.name)})${madeDefault ? ', now the default' : ''}.`,
        'Enter uses it for this session',
      );
      await loadProfiles(login.name);
    } catch (error) {
      dispatch({ type: 'login/busy', busy: false });
      dispatch({ type: 'message/set', message: errorMessage(error, 'password-auth') });
    }
  }

  function copy(text: string, what: string): void {
    deps.writeTerminal(osc52(text, deps.env));
    // OSC 52 has no answer: say what was sent, not that it arrived.
    say('info', `Sent the ${what} to the clipboard (OSC 52).`, clipboardHint(deps.env));
  }

  return {
    /** The store's clock, for keys that wait (see RESULT_SETTLE_MS). */
    now: () => deps.clock(),
    loadTokens,
    loadProfiles,
    deleteToken,
    deleteMarked,
    createToken,
    rotateToken,
    answerProfileOffer,
    loadProfileTokens,
    saveWizardAsProfile,
    switchProfile,
    setDefaultProfile,
    removeProfile,
    addProfile,
    copy,
  };
}

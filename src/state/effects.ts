// The store's asynchronous actions: each calls deps.api / deps.profiles, then
// dispatches what happened. None throws: failures become message lines, and
// what the user typed stays in the state.
import type { PasswordCredentials, TokenCredentials } from '../api/types';
import { profileNameProblem } from '../config/profile-name';
import { AppError } from '../errors';
import { logIn, loginTokenName } from '../flows/login';
import type { StoreDeps } from './deps';
import { errorMessage } from './errorMessage';
import { clipboardHint, osc52 } from './osc52';
import { wizardTtl } from './selectors';
import { findSessionTokenId } from './sessionToken';
import type { Action, State } from './types';

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
  let firstList = deps.firstTokenList;
  let listRequest = 0;

  const say = (kind: 'info' | 'success' | 'error', text: string, hint?: string) =>
    dispatch({ type: 'message/set', message: hint === undefined ? { kind, text } : { kind, text, hint } });

  async function loadTokens(options: { selectId?: string } = {}): Promise<void> {
    const credentials = tokenCredentials(getState());
    if (!credentials) return;
    const request = ++listRequest;
    dispatch({ type: 'tokens/loading' });
    const pending = firstList ?? deps.api.listTokens(credentials);
    firstList = undefined;
    try {
      const items = await pending;
      // A profile switch during the request makes its answer stale.
      if (request !== listRequest) return;
      dispatch({ type: 'tokens/loaded', items, ...(options.selectId !== undefined && { selectId: options.selectId }) });
      dispatch({ type: 'session/token-id', tokenId: findSessionTokenId(items, getState().session, knownTokenIds) });
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
    createToken,
    saveWizardAsProfile,
    switchProfile,
    setDefaultProfile,
    removeProfile,
    addProfile,
    copy,
  };
}

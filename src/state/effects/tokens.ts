// The token list: loading it (with token/current, asked together), deleting
// one token, deleting the marked ones. It alone knows which list request is
// the latest, whether the server lacks token/current, and the IDs of tokens
// this UI made (to tell which listed token is the session's, sessionToken.ts).
import { errorMessage } from '../errorMessage';
import { findSessionTokenId } from '../sessionToken';
import { bulkProgressLabel } from '../slices/bulkDelete';
import { requestTokenAnswers, type TokenAnswers } from '../tokenAnswers';
import { isAuthError, isNotFound, show, tokenCredentials, tokenVariable, type EffectContext } from './context';

export interface TokenEffectsNeeds {
  /** The session's own token was deleted: what the session does next (session.ts). */
  credentialsGone(): void;
}

export type TokenEffects = ReturnType<typeof createTokenEffects>;

export function createTokenEffects({ store, deps }: EffectContext, needs: TokenEffectsNeeds) {
  const { dispatch, getState } = store;
  /** Secret → token ID, for tokens this UI created (see sessionToken.ts). */
  const knownTokenIds = new Map<string, string>();
  let firstAnswers = deps.firstTokenAnswers;
  let listRequest = 0;
  /** Set once the server answered that it lacks token/current: the session's token is guessed from then on. */
  let currentLacking = false;

  const failed = (error: unknown) => ({ type: 'message/set' as const, message: errorMessage(error, 'token-auth', tokenVariable(getState())) });

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
      if (!isNotFound(error)) return dispatch(failed(error));
    }
    dispatch({ type: 'busy', label: undefined });
    dispatch({ type: 'tokens/removed', id });
    if (getState().screens.at(-1) === 'detail') dispatch({ type: 'screen/pop' });
    if (wasSessionToken) return needs.credentialsGone();
    dispatch(show('success', `Deleted token ${token?.name ?? id}.`));
    const request = ++listRequest;
    try {
      const items = await deps.api.listTokens(credentials);
      if (request === listRequest) dispatch({ type: 'tokens/loaded', items });
    } catch (error) {
      // The deleted token may have been this session's without our knowing.
      if (isAuthError(error)) return needs.credentialsGone();
      dispatch(failed(error));
    }
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
      try {
        await deps.api.deleteToken(credentials, id);
        dispatch({ type: 'bulk/progress', outcome: { id, ok: true } });
        dispatch({ type: 'tokens/removed', id });
        if (id === sessionId) sessionDeleted = true;
      } catch (error) {
        const reason = isNotFound(error) ? 'not found: deleted elsewhere meanwhile' : errorMessage(error, 'token-auth', tokenVariable(getState())).text;
        dispatch({ type: 'bulk/progress', outcome: { id, name: names.get(id) ?? id, ok: false, reason } });
      }
    }
    dispatch({ type: 'busy', label: undefined });
    dispatch({ type: 'bulk/done' });
    reportBulkDelete(order.length);
    if (sessionDeleted) return needs.credentialsGone();
    await loadTokens();
  }

  function reportBulkDelete(total: number): void {
    const report = getState().bulkDelete;
    const failures = report?.failures.length ?? 0;
    const deleted = report?.deleted ?? 0;
    if (failures === 0) return dispatch(show('success', `Deleted ${deleted} token${deleted === 1 ? '' : 's'}.`));
    dispatch(show('error', `Deleted ${deleted} of ${total} tokens; ${failures} failed.`, 'the report lists why; tokens that failed stay marked'));
    if (getState().screens.at(-1) !== 'deletions') dispatch({ type: 'screen/push', screen: 'deletions' });
  }

  return {
    loadTokens,
    deleteToken,
    deleteMarked,
    /** A token this UI made (created, rotated, logged in with): its secret tells the session's token when token/current cannot. */
    learnTokenId: (secret: string, id: string) => void knownTokenIds.set(secret, id),
  };
}

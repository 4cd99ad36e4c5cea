// Rotating a token (an extension of appclacks server, password auth), and the
// offer its result makes: give the profile that held the old token the new one.
import type { APIToken } from '../../api/schemas';
import { errorMessage } from '../errorMessage';
import { wizardAccount } from '../selectors';
import type { ProfileTokenInfo } from '../types';
import { show, type EffectContext } from './context';

export interface RotationEffectsNeeds {
  findProfileHolding(id: string): Promise<string | undefined>;
  profileTokenKnown(name: string, secret: string, info: ProfileTokenInfo): void;
  loadTokens(options?: { selectId?: string }): Promise<void>;
  learnTokenId(secret: string, id: string): void;
}

export function createRotationEffects({ store, deps }: EffectContext, needs: RotationEffectsNeeds) {
  const { dispatch, getState } = store;

  /**
   * Rotates the wizard's token: first finds the profile that holds it
   * (afterwards the old token no longer answers), then rotates with no grace
   * period, so the old token is deleted in the same transaction, and shows
   * the result step with the new secret once.
   */
  async function rotateToken(): Promise<void> {
    const w = getState().wizard;
    const old = w.rotating;
    if (w.mode !== 'rotate' || !old || w.busy) return;
    dispatch({ type: 'wizard/busy', busy: true });
    try {
      const profile = await needs.findProfileHolding(old.id);
      const account = wizardAccount(getState());
      const answer = await deps.api.rotateToken(account, old.id, {});
      if (!answer.supported) {
        dispatch({ type: 'wizard/busy', busy: false });
        return dispatch(show('error', `${answer.host} cannot rotate tokens (an extension of appclacks server).`, 'Esc, then n to create a new token and d to delete this one'));
      }
      const rotated = answer.value;
      const organization = await deps.api.getOrganization(account).catch(() => undefined);
      const wasSession = getState().session.tokenId === old.id;
      dispatch({ type: 'wizard/rotated', token: rotated, at: deps.clock(), ...(organization && { organizationId: organization.id }), ...(profile !== undefined && { profile }) });
      dispatch(show('success', `Rotated token ${rotated.name}: the old one is deleted.`));
      if (wasSession) {
        // The session signed in with the old token: it stops working now, until a profile holds the new one.
        dispatch({ type: 'session/gone' });
        // Its list answers 401 now, so the new token takes the old one's row here, without its secret.
        const listed: APIToken = { ...rotated, token: undefined };
        const items = getState().tokens.items.map((t) => (t.id === old.id ? listed : t));
        dispatch({ type: 'tokens/loaded', items, selectId: rotated.id });
      } else {
        void needs.loadTokens({ selectId: rotated.id });
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
      return dispatch(show('info', `Profile ${offer.profile} keeps the old token, which no longer works.`, 'copy the new secret (c) or save it as a profile (s)'));
    }
    try {
      const stored = (await deps.profiles.read()).profiles.find((p) => p.name === offer.profile);
      if (!stored) return dispatch(show('error', `Profile ${offer.profile} is no longer in ${deps.profiles.path}.`, 'save the new token as a profile with s'));
      const organizationId = stored.organizationId || wizard.resultOrganizationId || session.organizationId?.value || '';
      await deps.profiles.upsert({ name: offer.profile, organizationId, apiToken: rotated.token });
      needs.learnTokenId(rotated.token, rotated.id);
      needs.profileTokenKnown(offer.profile, rotated.token, { status: 'ok', id: rotated.id, expiresAt: rotated['expires-at'] });
      dispatch({ type: 'wizard/offer-done', done: 'updated' });
      dispatch(show('success', `Profile ${offer.profile} now uses the new token (saved in ${deps.profiles.path}).`));
      const source = session.token?.source;
      if (source?.kind === 'profile' && source.name === offer.profile) {
        // This session signed in through that profile: it carries on with the new token.
        dispatch({ type: 'session/set', session: await deps.resolveSession(session.profileName?.value ?? offer.profile) });
        void needs.loadTokens({ selectId: rotated.id });
      }
    } catch (error) {
      dispatch({ type: 'message/set', message: errorMessage(error, 'config') });
    }
  }

  return { rotateToken, answerProfileOffer };
}

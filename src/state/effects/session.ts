// What the session does when its own token stops working: it says so, and
// the profile picker opens so another can be chosen.
import { show, type EffectContext } from './context';

export interface SessionEffectsNeeds {
  loadProfiles(): Promise<void>;
}

export function createSessionEffects({ store }: EffectContext, needs: SessionEffectsNeeds) {
  const { dispatch, getState } = store;

  function credentialsGone(): void {
    const source = getState().session.token?.source;
    dispatch({ type: 'session/gone' });
    const hint = source?.kind === 'env' ? `${source.name} sets it; restart without it` : 'choose another profile, or n to add one';
    dispatch(show('error', "This session's token was deleted: credentials gone.", hint));
    if (getState().screens.at(-1) !== 'profiles') dispatch({ type: 'screen/push', screen: 'profiles' });
    void needs.loadProfiles();
  }

  return { credentialsGone };
}

// Creating a token from the wizard's answers (password auth).
import { errorMessage } from '../errorMessage';
import { wizardAccount, wizardTtl } from '../selectors';
import { show, type EffectContext } from './context';

export interface CreationEffectsNeeds {
  loadTokens(options?: { selectId?: string }): Promise<void>;
}

export function createCreationEffects({ store, deps }: EffectContext, needs: CreationEffectsNeeds) {
  const { dispatch, getState } = store;

  async function createToken(): Promise<void> {
    const state = getState();
    const w = state.wizard;
    const ttl = wizardTtl(w);
    if (!ttl.ok || w.busy) return;
    dispatch({ type: 'wizard/busy', busy: true });
    try {
      const account = wizardAccount(state);
      const created = await deps.api.createToken(account, { name: w.name, description: w.description, ttl: ttl.value, permissions: { actions: w.permissions } });
      const organization = await deps.api.getOrganization(account).catch(() => undefined);
      dispatch({ type: 'wizard/created', token: created, at: deps.clock(), ...(organization && { organizationId: organization.id }) });
      dispatch(show('success', `Created token ${created.name}.`));
      void needs.loadTokens({ selectId: created.id });
    } catch (error) {
      dispatch({ type: 'wizard/busy', busy: false });
      dispatch({ type: 'message/set', message: errorMessage(error, 'password-auth') });
    }
  }

  return { createToken };
}

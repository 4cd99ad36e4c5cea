// Creating a token on its own, against the real server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCreationEffects } from '../../../src/state/effects/creation';
import { startWorld, type World } from '../../helpers/ui-harness';
import { concernStore } from './concernStore';

describe('creation effects', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('creates the token the wizard describes, says so in the same breath, and asks for the list to select it', async () => {
    const { deps, session } = await world.storeDeps({ APPCLACKS_ACCOUNT_EMAIL: world.account.email, APPCLACKS_ACCOUNT_PASSWORD: world.account.password });
    const ctx = concernStore(deps, session);
    const reloads: Array<string | undefined> = [];
    const creation = createCreationEffects(ctx, { loadTokens: async (o) => void reloads.push(o?.selectId) });
    ctx.store.dispatch({ type: 'wizard/start' });
    ctx.store.dispatch({ type: 'wizard/edit', value: 'made-here' });
    // Name, description, lifetime (the preset), then the first permission listed: every call.
    for (let step = 0; step < 3; step++) ctx.store.dispatch({ type: 'wizard/next' });
    expect(ctx.store.getState().wizard.step).toBe('permissions');
    ctx.store.dispatch({ type: 'wizard/toggle-permission' });
    await creation.createToken();
    const { wizard, message } = ctx.store.getState();
    expect(message?.text).toBe('Created token made-here.');
    expect(wizard.step).toBe('result');
    expect(wizard.result?.name).toBe('made-here');
    expect(message).toEqual({ kind: 'success', text: 'Created token made-here.' });
    expect(reloads).toEqual([wizard.result!.id]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drive, KEY, startWorld, type World } from './harness';

describe('token list against the real server', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
    await world.addToken('ci-deploy', { description: 'deploys from CI', permissions: ['ListAPITokens', 'GetAPIToken'] });
    await world.addToken('short-lived', { ttl: '2h', permissions: ['GetOrganization'] });
  });
  afterAll(async () => {
    await world?.close();
  });

  it('lists the tokens with expiry words and opens one', async () => {
    const { store } = await world.store();
    const ui = await drive(store);
    void store.effects.loadTokens();
    await ui.waitFor('ci-deploy');
    console.log(ui.frame());
    ui.unmount();
  });
});

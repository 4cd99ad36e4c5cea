// The token list's effects on their own, against the real server: what they
// hand to the session when its own token goes, and the IDs they learn.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenEffects } from '../../../src/state/effects/tokens';
import { startWorld, type World } from '../../helpers/ui-harness';
import { concernStore } from './concernStore';

describe('token effects', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ extensions: false });
  });
  afterAll(async () => {
    await world?.close();
  });

  it("deleting another token reports it and reloads the list; deleting the session's own hands over to credentialsGone once", async () => {
    const other = await world.addToken('goes-first');
    const own = await world.addToken('own-token');
    const { deps, session } = await world.storeDeps({ APPCLACKS_TOKEN: own.token });
    const ctx = concernStore(deps, session);
    let gone = 0;
    const tokens = createTokenEffects(ctx, { credentialsGone: () => (gone += 1) });
    // A server without token/current: the session's token is known by the ID this UI learnt for its secret.
    tokens.learnTokenId(own.token, own.id);
    await tokens.loadTokens();
    expect(ctx.store.getState().session.tokenId).toBe(own.id);

    await tokens.deleteToken(other.id);
    expect(ctx.store.getState().message).toEqual({ kind: 'success', text: 'Deleted token goes-first.' });
    expect(ctx.store.getState().tokens.items.map((t) => t.id)).not.toContain(other.id);
    expect(gone).toBe(0);

    await tokens.deleteToken(own.id);
    expect(gone).toBe(1);
    expect(ctx.actions).not.toContain('profiles/loading');
  });
});

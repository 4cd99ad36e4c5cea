import { describe, expect, it } from 'vitest';
import { createSessionEffects } from '../../../src/state/effects/session';
import type { StoreDeps } from '../../../src/state/deps';
import { SESSION } from '../fixtures';
import { concernStore } from './concernStore';

describe('session effects', () => {
  it("when the session's token is gone: says so, opens the picker once, and asks for the profiles", () => {
    const ctx = concernStore({} as StoreDeps, SESSION);
    let loads = 0;
    const session = createSessionEffects(ctx, { loadProfiles: async () => void (loads += 1) });
    session.credentialsGone();
    session.credentialsGone();
    const state = ctx.store.getState();
    expect(state.session.credentialsGone).toBe(true);
    expect(state.message).toEqual({ kind: 'error', text: "This session's token was deleted: credentials gone.", hint: 'choose another profile, or n to add one' });
    expect(state.screens.filter((s) => s === 'profiles')).toHaveLength(1);
    expect(loads).toBe(2);
  });
});

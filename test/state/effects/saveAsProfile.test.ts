// Saving a result as a profile, on its own: the refusals are message lines, and nothing is written.
import { describe, expect, it } from 'vitest';
import { createSaveAsProfileEffects } from '../../../src/state/effects/saveAsProfile';
import type { StoreDeps } from '../../../src/state/deps';
import { SESSION, token } from '../fixtures';
import { concernStore } from './concernStore';

function withResult(profiles: { name: string }[]) {
  const upserts: string[] = [];
  const deps = {
    profiles: {
      path: '/tmp/appclacks.yaml',
      read: async () => ({ profiles: profiles.map((p) => ({ ...p, organizationId: 'o', apiToken: 'apc_x' })) }),
      upsert: async (p: { name: string }) => (upserts.push(p.name), false),
    },
  } as unknown as StoreDeps;
  const ctx = concernStore(deps, SESSION);
  const learnt: string[] = [];
  const effects = createSaveAsProfileEffects(ctx, { learnTokenId: (_secret, id) => void learnt.push(id), loadProfiles: async () => undefined });
  ctx.store.dispatch({ type: 'wizard/start' });
  ctx.store.dispatch({ type: 'wizard/edit', value: 'token-1' });
  ctx.store.dispatch({ type: 'wizard/created', token: token(1, { token: 'apc_new_secret' }), at: 0, organizationId: 'o' });
  ctx.store.dispatch({ type: 'wizard/save-start' });
  return { ctx, effects, upserts, learnt };
}

describe('save-as-profile effects', () => {
  it('refuses a name a profile already has, saying so, and writes nothing', async () => {
    const { ctx, effects, upserts } = withResult([{ name: 'token-1' }]);
    await effects.saveWizardAsProfile();
    expect(ctx.store.getState().message).toEqual({ kind: 'error', text: 'Profile "token-1" already exists: type another name.' });
    expect(upserts).toEqual([]);
  });

  it('saves under the proposed name and teaches the token list its ID', async () => {
    const { ctx, effects, upserts, learnt } = withResult([]);
    await effects.saveWizardAsProfile();
    expect(upserts).toEqual(['token-1']);
    expect(learnt).toEqual([token(1).id]);
    expect(ctx.store.getState().message).toMatchObject({ kind: 'success', text: 'Saved as profile token-1 in /tmp/appclacks.yaml.' });
  });
});

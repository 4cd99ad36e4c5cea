import { describe, expect, it } from 'vitest';
import type { AppclacksApi } from '../../../src/api/types';
import type { StoreDeps } from '../../../src/state/deps';
import { initialState } from '../../../src/state/reducer';
import { createStore } from '../../../src/state/store';
import { SESSION, tokens } from '../fixtures';

/** A store over fakes: the token list answers at once, the profiles file holds `work` (the default) and `ro`. */
function storeWithProfiles() {
  const api = { listTokens: async () => tokens(2) } as unknown as AppclacksApi;
  const profiles = [
    { name: 'work', organizationId: 'o', apiToken: 'apc_work' },
    { name: 'ro', organizationId: 'o', apiToken: 'apc_ro' },
  ];
  const deps: StoreDeps = {
    api,
    profiles: {
      path: '/tmp/appclacks.yaml',
      read: async () => ({ profiles, defaultProfile: 'work' }),
      upsert: async () => false,
      remove: async () => undefined,
      setDefault: async () => undefined,
    },
    resolveSession: async (name) => ({ ...SESSION, profileName: { value: name ?? 'work', source: { kind: 'flag', name: '--profile' } } }),
    env: {},
    clock: () => 0,
    writeTerminal: () => undefined,
  };
  return createStore(deps, initialState(SESSION, { columns: 100, rows: 24 }));
}

describe('effects: switching profiles', () => {
  it('does not suggest making the default profile the default', async () => {
    const store = storeWithProfiles();
    await store.effects.loadProfiles();
    await store.effects.switchProfile('work');
    expect(store.getState().message).toEqual({ kind: 'success', text: 'Using profile work for this session (the default profile).' });
  });

  it('says how to make another profile the default', async () => {
    const store = storeWithProfiles();
    await store.effects.loadProfiles();
    await store.effects.switchProfile('ro');
    expect(store.getState().message).toEqual({ kind: 'success', text: 'Using profile ro for this session.', hint: 'press p, then m, to make it the default' });
  });
});

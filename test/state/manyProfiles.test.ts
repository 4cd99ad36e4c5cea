// The profile picker with a config file of 10,000 profiles: it froze for
// 19.6 s, from one store update per profile (each copying the table of every
// profile's token) and a reload that compared every profile with every
// other. Opening it is measured against 2,500 profiles, as a ratio, so a
// loaded machine slows both alike (linear is about 4, quadratic 16); and each
// profile's expiry still arrives, in a handful of updates.
import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppclacksApi } from '../../src/api/types';
import { startWorld, waitUntil, type World } from '../helpers/ui-harness';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.close();
});

async function writeManyProfiles(count: number): Promise<void> {
  const lines = ['default-profile: admin', 'profiles:', '  admin:', `    organization-id: ${world.account.organization.id}`, `    api-token: ${world.admin.token}`];
  for (let i = 0; i < count; i++) lines.push(`  p${i}:`, `    organization-id: ${world.account.organization.id}`, `    api-token: apc_unknown_${String(i).padStart(40, '0')}`);
  await writeFile(world.configPath, `${lines.join('\n')}\n`, { mode: 0o600 });
}

/** token/current answered at once, without the server: only the picker's own cost is measured. */
const refusedAtOnce = (api: AppclacksApi): AppclacksApi =>
  Object.assign(Object.create(api) as AppclacksApi, {
    getCurrentToken: async () => ({ supported: false as const, extension: 'token-current' as const, host: 'test' }),
  });

describe('the profile picker with 10,000 profiles', () => {
  async function openTwice(count: number): Promise<{ ms: number; updates: number }> {
    await writeManyProfiles(count);
    const { store } = await world.store({}, {}, refusedAtOnce);
    let updates = 0;
    store.subscribe(() => updates++);
    const started = performance.now();
    await store.effects.loadProfiles();
    await waitUntil(() => Object.values(store.getState().profiles.tokens).every((info) => info.status !== 'loading'), () => 'every expiry');
    // Opened again: what is known of each token is kept for the profiles still there.
    await store.effects.loadProfiles();
    const ms = performance.now() - started;
    expect(store.getState().profiles.items).toHaveLength(count + 1);
    return { ms, updates };
  }

  it('opens in time linear in the number of profiles, in a few store updates', async () => {
    await openTwice(500);
    const small = await openTwice(2_500);
    const large = await openTwice(10_000);
    expect(large.ms / small.ms).toBeLessThan(8);
    expect(large.updates).toBeLessThan(100);
  }, 120_000);
});

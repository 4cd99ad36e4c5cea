// The lifecycle effects against the real server: the session's token found
// exactly, a bulk delete that meets a token deleted elsewhere, a rotation and
// its profile update, each profile's token fetched at a bounded concurrency,
// and the fallbacks against a server without the extensions.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppclacksApi } from '../../../src/api/types';
import { PROFILE_TOKEN_CONCURRENCY } from '../../../src/state/effects';
import { startWorld, waitUntil, type World } from '../../helpers/ui-harness';

const ACCOUNT_ENV = (world: World) => ({ APPCLACKS_ACCOUNT_EMAIL: world.account.email, APPCLACKS_ACCOUNT_PASSWORD: world.account.password });

describe('lifecycle effects against the real server', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  const credentials = () => ({ organizationId: world.account.organization.id, token: world.admin.token });

  it('finds the session token through token/current, even from the environment where no name gives it away', async () => {
    const own = await world.addToken('no-telling-name');
    const { store } = await world.store({ APPCLACKS_TOKEN: own.token });
    await store.effects.loadTokens();
    expect(store.getState().session.tokenId).toBe(own.id);
    expect(store.getState().session.current?.id).toBe(own.id);
  });

  it('deletes every marked token, reports one deleted elsewhere meanwhile as a failure line, and goes on', async () => {
    const made = [];
    for (const name of ['bulk-a', 'bulk-b', 'bulk-c', 'bulk-d']) made.push(await world.addToken(name));
    const { store } = await world.store();
    await store.effects.loadTokens();
    for (const t of made) {
      const index = store.getState().tokens.items.findIndex((i) => i.id === t.id);
      store.dispatch({ type: 'tokens/jump', to: 'start' });
      store.dispatch({ type: 'tokens/move', delta: index });
      store.dispatch({ type: 'marks/toggle' });
    }
    expect(store.getState().tokens.marks.size).toBe(4);
    // Deleted through the API behind the UI's back.
    await world.api.deleteToken(credentials(), made[1]!.id);
    const labels: string[] = [];
    const stop = store.subscribe(() => {
      const busy = store.getState().busy;
      if (busy !== undefined && labels.at(-1) !== busy) labels.push(busy);
    });
    await store.effects.deleteMarked([...store.getState().tokens.marks]);
    stop();
    expect(labels).toEqual(['Deleting 1 of 4…', 'Deleting 2 of 4…', 'Deleting 3 of 4…', 'Deleting 4 of 4…']);
    const state = store.getState();
    expect(state.bulkDelete).toMatchObject({ running: false, total: 4, deleted: 3 });
    expect(state.bulkDelete?.failures).toEqual([{ id: made[1]!.id, name: 'bulk-b', reason: 'not found: deleted elsewhere meanwhile' }]);
    expect(state.message).toMatchObject({ kind: 'error', text: 'Deleted 3 of 4 tokens; 1 failed.' });
    expect(state.screens.at(-1)).toBe('deletions');
    const left = (await world.api.listTokens(credentials())).map((t) => t.name);
    for (const name of ['bulk-a', 'bulk-b', 'bulk-c', 'bulk-d']) expect(left).not.toContain(name);
    expect(state.tokens.marks.size).toBe(0);
  });

  it('rotates a profile token, offers that profile the new one, and writes it through the config file', async () => {
    const ci = await world.addToken('ci-rotate', { permissions: ['ListAPITokens'], description: 'for CI', ttl: '100h' });
    await world.writeProfiles([{ name: 'ci', organizationId: world.account.organization.id, apiToken: ci.token }]);
    const { store } = await world.store(ACCOUNT_ENV(world));
    await store.effects.loadTokens();
    const index = store.getState().tokens.items.findIndex((t) => t.id === ci.id);
    store.dispatch({ type: 'tokens/move', delta: index });
    store.dispatch({ type: 'wizard/start-rotate', token: { id: ci.id, name: ci.name }, needsAccount: false });
    await store.effects.rotateToken();
    const w = store.getState().wizard;
    expect(w.step).toBe('result');
    expect(w.result?.token).toMatch(/^apc_/);
    expect(w.result).toMatchObject({ name: 'ci-rotate', description: 'for CI', ttl: '100h', permissions: { actions: ['ListAPITokens'] } });
    expect(w.profileUpdate).toEqual({ profile: 'ci', choice: 'update' });
    expect(w.previousExpiresAt).toBeNull();

    await store.effects.answerProfileOffer();
    expect(store.getState().wizard.profileUpdate?.done).toBe('updated');
    expect(readFileSync(world.configPath, 'utf8')).toContain(w.result!.token!);
    expect(readFileSync(world.configPath, 'utf8')).not.toContain(ci.token);
    const who = await world.api.getCurrentToken({ organizationId: world.account.organization.id, token: w.result!.token! });
    expect(who).toMatchObject({ supported: true, value: { id: w.result!.id } });
    await expect(world.api.listTokens({ organizationId: world.account.organization.id, token: ci.token })).rejects.toMatchObject({ kind: 'auth' });
  });

  it("rotating the session's own token carries the session over once its profile is updated", async () => {
    const { store } = await world.store(ACCOUNT_ENV(world));
    await store.effects.loadTokens();
    const own = store.getState().session.tokenId!;
    store.dispatch({ type: 'wizard/start-rotate', token: { id: own, name: 'admin-cli' }, needsAccount: false });
    await store.effects.rotateToken();
    expect(store.getState().wizard.profileUpdate).toEqual({ profile: 'admin', choice: 'update' });
    expect(store.getState().session.credentialsGone).toBe(true);
    await store.effects.answerProfileOffer();
    await waitUntil(() => store.getState().session.tokenId === store.getState().wizard.result?.id, () => 'the session to use the new token');
    expect(store.getState().session.credentialsGone).toBe(false);
    expect(store.getState().tokens.status).toBe('loaded');
    // The secret stays on screen: the profile update does not take the user away from it.
    expect(store.getState().screens.at(-1)).toBe('wizard');
    world.admin.token = store.getState().wizard.result!.token!;
  });

  it(`asks each profile's token in the background, at most ${PROFILE_TOKEN_CONCURRENCY} at a time, and not again for the same token`, async () => {
    const profiles = [];
    for (let i = 0; i < 9; i++) {
      const t = await world.addToken(`p-${i}`, { ttl: `${10 + i}h` });
      profiles.push({ name: `p${i}`, organizationId: world.account.organization.id, apiToken: t.token });
    }
    profiles.push({ name: 'bad', organizationId: world.account.organization.id, apiToken: 'apc_not_a_real_token_000000000000000000000000000000000' });
    await world.writeProfiles(profiles);
    let inFlight = 0;
    let most = 0;
    let calls = 0;
    const counting = (api: AppclacksApi): AppclacksApi =>
      Object.assign(Object.create(api) as AppclacksApi, {
        async getCurrentToken(c: Parameters<AppclacksApi['getCurrentToken']>[0]) {
          calls += 1;
          inFlight += 1;
          most = Math.max(most, inFlight);
          try {
            return await api.getCurrentToken(c);
          } finally {
            inFlight -= 1;
          }
        },
      });
    const { store } = await world.store({}, {}, counting);
    await store.effects.loadProfiles();
    // The picker is loaded before any token answered.
    expect(store.getState().profiles.status).toBe('loaded');
    await waitUntil(() => Object.values(store.getState().profiles.tokens).every((i) => i.status !== 'loading') && store.getState().profiles.tokens['bad'] !== undefined, () => 'every profile token');
    const tokens = store.getState().profiles.tokens;
    expect(tokens['p3']).toMatchObject({ status: 'ok' });
    expect(tokens['bad']).toEqual({ status: 'refused' });
    expect(most).toBeLessThanOrEqual(PROFILE_TOKEN_CONCURRENCY);
    expect(most).toBeGreaterThan(1);
    const asked = calls;
    await store.effects.loadProfiles();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toBe(asked);
  });
});

describe('lifecycle effects against a server without the extensions', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ extensions: false });
  });
  afterAll(async () => {
    await world?.close();
  });

  it('guesses the session token from the <profile>-cli name, and stops asking token/current', async () => {
    let asked = 0;
    const counting = (api: AppclacksApi): AppclacksApi =>
      Object.assign(Object.create(api) as AppclacksApi, {
        getCurrentToken: (c: Parameters<AppclacksApi['getCurrentToken']>[0]) => {
          asked += 1;
          return api.getCurrentToken(c);
        },
      });
    const { store } = await world.store({}, {}, counting);
    await store.effects.loadTokens();
    expect(store.getState().session.tokenId).toBe(world.admin.id);
    expect(store.getState().session.current).toBeUndefined();
    await store.effects.loadTokens();
    expect(asked).toBe(1);
  });

  it('a rotation says in one line that the server cannot, and changes nothing', async () => {
    const t = await world.addToken('stays');
    const { store } = await world.store(ACCOUNT_ENV(world));
    await store.effects.loadTokens();
    store.dispatch({ type: 'wizard/start-rotate', token: { id: t.id, name: t.name }, needsAccount: false });
    await store.effects.rotateToken();
    expect(store.getState().wizard).toMatchObject({ step: 'review', busy: false });
    expect(store.getState().message).toMatchObject({ kind: 'error', text: expect.stringContaining('cannot rotate tokens') });
    const left = await world.api.listTokens({ organizationId: world.account.organization.id, token: world.admin.token });
    expect(left.map((x) => x.id)).toContain(t.id);
  });

  it('leaves each profile token unknown: the picker shows nothing rather than a guess', async () => {
    const { store } = await world.store();
    await store.effects.loadProfiles();
    await waitUntil(() => store.getState().profiles.tokens['admin']?.status === 'unknown', () => 'the admin profile token to be unknown');
  });
});

// The first token list is asked for before ink loads (src/tui/run.ts); when
// it has arrived by the time the store starts, the first frame shows it.
import { describe, expect, it } from 'vitest';
import type { APIToken } from '../../src/api/schemas';
import type { AppclacksApi } from '../../src/api/types';
import type { StoreDeps } from '../../src/state/deps';
import { initialState } from '../../src/state/reducer';
import { createStore } from '../../src/state/store';
import { prefetched, requestTokenAnswers, type TokenAnswers } from '../../src/state/tokenAnswers';
import { SESSION, tokens } from './fixtures';

const CREDENTIALS = { organizationId: 'o', token: 'apc_secret' };

/** An API whose list and token/current answer as given, counting the calls. */
function fakeApi(options: { items?: APIToken[]; current?: () => Promise<unknown>; list?: () => Promise<APIToken[]> } = {}) {
  const calls = { list: 0, current: 0 };
  const api = {
    listTokens: async () => {
      calls.list++;
      return options.list ? options.list() : (options.items ?? tokens(3));
    },
    getCurrentToken: async () => {
      calls.current++;
      return options.current ? options.current() : { supported: true, value: (options.items ?? tokens(3))[1] };
    },
  } as unknown as AppclacksApi;
  return { api, calls };
}

function storeOver(api: AppclacksApi, firstTokenAnswers?: StoreDeps['firstTokenAnswers']) {
  const deps: StoreDeps = {
    api,
    profiles: { path: '/tmp/a.yaml', read: async () => ({ profiles: [] }), upsert: async () => false, remove: async () => undefined, setDefault: async () => undefined },
    resolveSession: async () => SESSION,
    env: {},
    clock: () => 0,
    writeTerminal: () => undefined,
    ...(firstTokenAnswers && { firstTokenAnswers }),
  };
  return createStore(deps, initialState(SESSION, { columns: 100, rows: 24 }));
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('requestTokenAnswers', () => {
  it('asks for the list and token/current at once', async () => {
    const { api, calls } = fakeApi();
    const answers = requestTokenAnswers(api, CREDENTIALS);
    await Promise.resolve();
    expect(calls).toEqual({ list: 1, current: 1 });
    expect((await answers).current).toEqual({ supported: true, value: tokens(3)[1] });
  });

  it('a failed token/current leaves the list standing', async () => {
    const { api } = fakeApi({ current: async () => Promise.reject(new Error('502')) });
    expect(await requestTokenAnswers(api, CREDENTIALS)).toEqual({ items: tokens(3), current: undefined });
  });

  it('does not ask token/current of a server known to lack it', async () => {
    const { api, calls } = fakeApi();
    expect((await requestTokenAnswers(api, CREDENTIALS, { askCurrent: false })).current).toBeUndefined();
    expect(calls.current).toBe(0);
  });

  it('a failed list fails the pair', async () => {
    const { api } = fakeApi({ list: async () => Promise.reject(new Error('refused')) });
    await expect(requestTokenAnswers(api, CREDENTIALS)).rejects.toThrow('refused');
  });
});

describe('prefetched', () => {
  it('has no answer until the promise fulfils, then has it', async () => {
    let resolve!: (value: number) => void;
    const early = prefetched(new Promise<number>((r) => (resolve = r)));
    expect(early.answer()).toBeUndefined();
    resolve(7);
    await settle();
    expect(early.answer()).toBe(7);
  });

  it('has no answer after a failure, which is not left unhandled', async () => {
    const early = prefetched(Promise.reject(new Error('gone')));
    await settle();
    expect(early.answer()).toBeUndefined();
    await expect(early.promise).rejects.toThrow('gone');
  });
});

describe('the store and the early request', () => {
  it('shows an answer that has already arrived before loadTokens returns: the first frame holds the list', async () => {
    const { api, calls } = fakeApi();
    const early = prefetched(requestTokenAnswers(api, CREDENTIALS));
    await settle();
    const store = storeOver(api, early);
    const statuses: string[] = [];
    store.subscribe(() => statuses.push(store.getState().tokens.status));
    void store.effects.loadTokens();
    // Synchronously, without a "loading" state in between.
    expect(store.getState().tokens.items).toEqual(tokens(3));
    expect(store.getState().session.tokenId).toBe(tokens(3)[1]!.id);
    expect(statuses).not.toContain('loading');
    expect(calls).toEqual({ list: 1, current: 1 });
  });

  it('an answer still on its way shows "loading" and then the list, without asking again', async () => {
    const { api, calls } = fakeApi();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const early = prefetched(gate.then(() => requestTokenAnswers(api, CREDENTIALS)));
    const store = storeOver(api, early);
    const loading = store.effects.loadTokens();
    expect(store.getState().tokens.status).toBe('loading');
    release();
    await loading;
    expect(store.getState().tokens.items).toEqual(tokens(3));
    expect(calls).toEqual({ list: 1, current: 1 });
  });

  it('an early request that failed shows its error, and the next load asks again', async () => {
    const { api, calls } = fakeApi();
    const early = prefetched<TokenAnswers>(Promise.reject(new Error('connect ECONNREFUSED')));
    await settle();
    const store = storeOver(api, early);
    await store.effects.loadTokens();
    expect(store.getState().tokens.status).toBe('error');
    await store.effects.loadTokens();
    expect(store.getState().tokens.items).toEqual(tokens(3));
    expect(calls.list).toBe(1);
  });
});

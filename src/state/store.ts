// A minimal external store: React subscribes with useSyncExternalStore
// (useAppState in src/ui/context.tsx); effects are the store's asynchronous
// actions. The reducer it runs is composed from slices in reducer.ts.
import type { StoreDeps } from './deps';
import { createEffects, type Effects } from './effects';
import { reducer } from './reducer';
import type { Action, State } from './types';

export interface Store {
  getState(): State;
  dispatch(action: Action): void;
  subscribe(listener: () => void): () => void;
  effects: Effects;
}

export function createStore(deps: StoreDeps, initial: State): Store {
  let state = initial;
  const listeners = new Set<() => void>();
  const store: Store = {
    getState: () => state,
    dispatch(action) {
      const next = reducer(state, action);
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    effects: undefined as unknown as Effects,
  };
  store.effects = createEffects(store, deps);
  return store;
}

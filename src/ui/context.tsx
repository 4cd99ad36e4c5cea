// The store and the clock reach the views through context; views read state
// with useSyncExternalStore and never call the API themselves.
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Store } from '../state/store';
import type { State } from '../state/types';

export const StoreContext = createContext<Store | undefined>(undefined);
export const ClockContext = createContext<() => number>(() => Date.now());

export function useStore(): Store {
  const store = useContext(StoreContext);
  if (!store) throw new Error('StoreContext is missing');
  return store;
}

export function useAppState(): State {
  const store = useStore();
  return useSyncExternalStore(store.subscribe, store.getState, store.getState);
}

export function useNow(): number {
  return useContext(ClockContext)();
}

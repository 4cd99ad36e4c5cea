// Derived views of the state. The filtered list is cached on its inputs so a
// 10,000-token list is filtered once per change, not once per key.
import type { APIToken } from '../api/schemas';
import type { State } from './types';

export function tokenMatches(token: APIToken, needle: string): boolean {
  if (needle === '') return true;
  const n = needle.toLowerCase();
  return (
    token.name.toLowerCase().includes(n) ||
    (token.description ?? '').toLowerCase().includes(n) ||
    token.id.toLowerCase().includes(n) ||
    token.permissions.actions.some((a) => a.toLowerCase().includes(n))
  );
}

let cache: { items: readonly APIToken[]; filter: string; result: APIToken[] } | undefined;

export function filterTokens(items: readonly APIToken[], filter: string): APIToken[] {
  if (cache && cache.items === items && cache.filter === filter) return cache.result;
  const needle = filter.trim();
  const result = needle === '' ? (items as APIToken[]) : items.filter((t) => tokenMatches(t, needle));
  cache = { items, filter, result };
  return result;
}

export function visibleTokens(state: State): APIToken[] {
  return filterTokens(state.tokens.items, state.tokens.filter);
}

export function selectedToken(state: State): APIToken | undefined {
  return visibleTokens(state)[state.tokens.selection];
}

export function detailToken(state: State): APIToken | undefined {
  const id = state.tokens.detailId;
  return id === undefined ? undefined : state.tokens.items.find((t) => t.id === id);
}

export function currentScreen(state: State) {
  return state.screens[state.screens.length - 1] ?? 'list';
}

export function hasTokenCredentials(state: State): boolean {
  return state.session.organizationId !== undefined && state.session.token !== undefined && !state.session.credentialsGone;
}

/** True when the wizard needs to ask for the account's email and password. */
export function wizardNeedsAccount(state: State): boolean {
  return state.session.email === undefined || state.session.password === undefined;
}

/** True when the user has typed or chosen anything worth a "discard?" question. */
export function wizardIsFilled(state: State): boolean {
  const w = state.wizard;
  return w.name !== '' || w.description !== '' || w.customTtl !== '' || w.permissions.length > 0 || w.password !== '';
}

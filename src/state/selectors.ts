// Derived views of the state. The listed tokens are cached on their inputs so
// a 10,000-token list is filtered and sorted once per change, not once per key.
import type { APIToken } from '../api/schemas';
import type { PasswordCredentials } from '../api/types';
import { displayWidth } from '../text/terminal-width';
import { expiryState, parseApiTime, parseTtl } from '../tokens';
import { CUSTOM_LIFETIME, LIFETIME_PRESETS } from './lifetimes';
import type { State, TokenListState, TokenSort, WizardDraft } from './types';

/** Whether the token has expired at `now`; a token whose expiry fails to parse is not called expired. */
export function hasExpired(token: APIToken, now: number): boolean {
  try {
    return expiryState(parseApiTime(token['expires-at']), now) === 'expired';
  } catch {
    return false;
  }
}

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

/** In the order `s` cycles through them, with the words the status line uses. */
export const TOKEN_SORTS: readonly { sort: TokenSort; label: string }[] = [
  { sort: 'created', label: 'oldest first' },
  { sort: 'expiry', label: 'expiring first' },
  { sort: 'name', label: 'by name' },
];

// Made on first use: building an ICU collator costs about 9 ms, paid at
// start-up if done as the module loads, though the list opens in another order.
let collator: Intl.Collator | undefined;
const byName = (a: string, b: string) => (collator ??= new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })).compare(a, b);

// Ties keep the server's order (Array.prototype.sort is stable).
const COMPARE: Record<TokenSort, (a: APIToken, b: APIToken) => number> = {
  created: (a, b) => Date.parse(a['created-at']) - Date.parse(b['created-at']),
  expiry: (a, b) => Date.parse(a['expires-at']) - Date.parse(b['expires-at']),
  name: (a, b) => byName(a.name, b.name),
};

type ListInputs = Pick<TokenListState, 'items' | 'filter' | 'sort'>;

let cache: (ListInputs & { result: APIToken[] }) | undefined;

/** The tokens the list shows, in the order it shows them. */
export function listedTokens({ items, filter, sort }: ListInputs): APIToken[] {
  if (cache && cache.items === items && cache.filter === filter && cache.sort === sort) return cache.result;
  const needle = filter.trim();
  const matching = needle === '' ? [...items] : items.filter((t) => tokenMatches(t, needle));
  const result = matching.sort(COMPARE[sort]);
  cache = { items, filter, sort, result };
  return result;
}

const lastUseKnown = new WeakMap<readonly APIToken[], boolean>();

/** True when the server says when tokens were used (`last-used-at`, an extension); once per list, not per frame. */
export function serverSaysLastUse(items: readonly APIToken[]): boolean {
  let known = lastUseKnown.get(items);
  if (known === undefined) {
    known = items.some((t) => t['last-used-at'] !== undefined);
    lastUseKnown.set(items, known);
  }
  return known;
}

const widestNames = new WeakMap<readonly APIToken[], number>();

/** The widest token name of a list, in terminal cells; measured once per list. */
export function widestName(items: readonly APIToken[]): number {
  let widest = widestNames.get(items);
  if (widest === undefined) {
    widest = items.reduce((w, t) => Math.max(w, displayWidth(t.name)), 0);
    widestNames.set(items, widest);
  }
  return widest;
}

export function sortLabel(sort: TokenSort): string {
  return TOKEN_SORTS.find((s) => s.sort === sort)?.label ?? sort;
}

export function visibleTokens(state: State): APIToken[] {
  return listedTokens(state.tokens);
}

/** The selected row of a token list. */
export function selectedInList(tokens: TokenListState): APIToken | undefined {
  return listedTokens(tokens)[tokens.selection];
}

export function selectedToken(state: State): APIToken | undefined {
  return selectedInList(state.tokens);
}

/** The marked tokens, in the list's order; a mark the filter hides still counts. */
export function markedTokens(state: State): APIToken[] {
  const { marks } = state.tokens;
  if (marks.size === 0) return [];
  const shown = listedTokens(state.tokens).filter((t) => marks.has(t.id));
  const hidden = state.tokens.items.filter((t) => marks.has(t.id) && !shown.includes(t));
  return [...shown, ...hidden];
}

/** The profile this session signs in with, when its token is `tokenId`: the profile a rotation offers to update. */
export function sessionProfileHolding(state: State, tokenId: string): string | undefined {
  const source = state.session.token?.source;
  return state.session.tokenId === tokenId && source?.kind === 'profile' ? source.name : undefined;
}

/** A profile whose token is `tokenId`, as far as the background fetch (token/current per profile) knows. */
export function profileHolding(state: State, tokenId: string): string | undefined {
  const fromSession = sessionProfileHolding(state, tokenId);
  if (fromSession !== undefined) return fromSession;
  const entry = Object.entries(state.profiles.tokens).find(([, info]) => info.status === 'ok' && info.id === tokenId);
  return entry?.[0];
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

/** The lifetime the wizard would send, or why the typed one is not valid: the step's check, its preview and the create request read it. */
export function wizardTtl(w: Pick<WizardDraft, 'lifetimeChoice' | 'customTtl'>) {
  const preset = LIFETIME_PRESETS[w.lifetimeChoice];
  return parseTtl(w.lifetimeChoice === CUSTOM_LIFETIME || preset === undefined ? w.customTtl : preset.ttl);
}

/** True when the user has typed or chosen anything worth a "discard?" question. */
export function wizardIsFilled(state: State): boolean {
  const w = state.wizard;
  // A rotation's only typing is the password: leaving loses nothing worth a question.
  if (w.mode === 'rotate') return false;
  return w.name !== '' || w.description !== '' || w.customTtl !== '' || w.permissions.length > 0 || w.password !== '';
}

/** How long the result step ignores keys after it appears: long enough for a second Enter meant for the review step. */
export const RESULT_SETTLE_MS = 500;

/** True once the result step has been on screen for RESULT_SETTLE_MS (by the store's clock). */
export function resultSettled(state: State, now: number): boolean {
  const shownAt = state.wizard.resultShownAt;
  return state.wizard.step !== 'result' || shownAt === undefined || now - shownAt >= RESULT_SETTLE_MS;
}

/** True while a new token's secret is on the result step and was neither copied nor saved in a profile (a new one, or the one a rotation updated). */
export function secretAtStake(state: State): boolean {
  const w = state.wizard;
  return w.step === 'result' && Boolean(w.result?.token) && !w.copied && !w.saveAs?.saved && w.profileUpdate?.done !== 'updated';
}

/** The account the wizard authenticates with: the environment's when it gives both values, else what the wizard asked for. */
export function wizardAccount(state: State): PasswordCredentials {
  const { session, wizard } = state;
  if (session.email && session.password) return { email: session.email.value, password: session.password.value };
  return { email: wizard.email, password: wizard.password };
}

// When a key has something to act on. A key whose condition fails is left out
// of the footer (it would promise nothing) and, when pressed anyway, says on
// the message line why nothing happened: a key never does nothing silently.
import { currentScreen, detailToken, hasExpired, listedTokens, selectedToken } from '../state/selectors';
import type { Message, State } from '../state/types';

export interface AppliesWhen {
  /** `now`: the app's clock, for conditions that depend on the time (an expiry). */
  test(state: State, now: number): boolean;
  /** Why the key did nothing, and what would give it something to act on. */
  whyNot(state: State, now: number): Message;
}

const info = (text: string, hint?: string): Message => ({ kind: 'info', text, ...(hint !== undefined && { hint }) });

/** The filter hides every token, or there are none: which one it is. */
function emptyList(state: State, what: string): Message {
  if (state.tokens.items.length > 0) return info(`No token matches the filter: nothing to ${what}.`, 'Esc clears the filter');
  return info(`There are no tokens: nothing to ${what}.`, 'n creates one');
}

/** A token to act on: the one the detail shows, or the one selected on the list (the filter shows at least one). */
export const onAToken = (what: string): AppliesWhen => ({
  test: (state) => (currentScreen(state) === 'detail' ? detailToken(state) : selectedToken(state)) !== undefined,
  whyNot: (state) => emptyList(state, what),
});

/** The list has tokens to filter. */
export const hasTokens = (what: string): AppliesWhen => ({
  test: (state) => state.tokens.items.length > 0,
  whyNot: () => info(`There are no tokens: nothing to ${what}.`, 'n creates one'),
});

/** `E`: an expired token shown and not marked yet. */
export const expiredToMark: AppliesWhen = {
  test: (state, now) => listedTokens(state.tokens).some((t) => !state.tokens.marks.has(t.id) && hasExpired(t, now)),
  whyNot: (state, at) => {
    const shown = listedTokens(state.tokens).filter((t) => hasExpired(t, at));
    if (shown.length > 0) return info(`Every expired token shown is marked already (${shown.length}).`);
    const hidden = state.tokens.items.filter((t) => hasExpired(t, at)).length;
    if (hidden > 0) return info(`No expired token is shown: the filter hides ${hidden === 1 ? 'the expired one' : `all ${hidden} expired`}.`, 'Esc clears the filter');
    return info('No token has expired: nothing to mark.');
  },
};

/** A filter is set: Esc on the list has something to clear. */
export const aFilter: AppliesWhen = {
  test: (state) => state.tokens.filter !== '',
  whyNot: () => info('No filter to clear; Esc never quits.', 'q quits'),
};

/** A profile is highlighted in the picker. */
export const onAProfile = (what: string): AppliesWhen => ({
  test: (state) => state.profiles.items[state.profiles.selection] !== undefined,
  whyNot: () => info(`There are no profiles: nothing to ${what}.`, 'n adds one'),
});

// The token list: loading, scrolling, the filter, the sort, and the token the
// detail screen shows. The selection is an index into the filtered, sorted
// rows (selectors.ts listedTokens) and always stays inside them, with the
// scroll window around it.
//
// Marks for bulk actions are a set of token IDs, not indexes, so a refresh, a
// sort or a filter keeps what was marked; a token that left the list leaves
// the marks too, so a bulk action never names a token nobody can see.
import type { APIToken } from '../../api/schemas';
import { terminalSafe } from '../../text/terminal-text';
import { bodyHeight, detailLineCount, listViewportRows } from '../layout';
import { hasExpired, listedTokens, selectedInList, TOKEN_SORTS } from '../selectors';
import type { Size, TokenListState, TokenSort } from '../types';
import { clamp, type SliceReducer } from './slice';
import { eraseLast, printable } from '../fieldText';

/** An empty list; the sort is the user's preference, so a new list may keep it. */
export function initialTokenList(sort: TokenSort = 'created'): TokenListState {
  return { status: 'idle', items: [], selection: 0, scroll: 0, filter: '', filterEditing: false, sort, detailScroll: 0, marks: NO_MARKS };
}

const NO_MARKS: ReadonlySet<string> = new Set();

/** The marks that are still tokens of the list; the same set when none left. */
function keepListed(marks: ReadonlySet<string>, items: readonly APIToken[]): ReadonlySet<string> {
  if (marks.size === 0) return marks;
  const ids = new Set(items.map((t) => t.id));
  const kept = [...marks].filter((id) => ids.has(id));
  return kept.length === marks.size ? marks : new Set(kept);
}

function toggleMark(tokens: TokenListState): TokenListState {
  const token = selectedInList(tokens);
  if (!token) return tokens;
  const marks = new Set(tokens.marks);
  if (marks.has(token.id)) marks.delete(token.id);
  else marks.add(token.id);
  return { ...tokens, marks };
}

/** Adds every expired token the filter shows; a token that failed to parse is not called expired. */
function markExpired(tokens: TokenListState, now: number): TokenListState {
  const expired = listedTokens(tokens).filter((t) => hasExpired(t, now));
  const marks = new Set(tokens.marks);
  for (const t of expired) marks.add(t.id);
  return marks.size === tokens.marks.size ? tokens : { ...tokens, marks };
}

/** Names and descriptions are drawn on the terminal: a control character in one must not act (see terminal-text.ts). */
export function safeToken<T extends APIToken>(token: T): T {
  const name = terminalSafe(token.name);
  const description = token.description === undefined || token.description === null ? token.description : terminalSafe(token.description);
  return name === token.name && description === token.description ? token : { ...token, name, description };
}

/** Keeps the selection inside the list and the scroll window around it. */
export function settleList(tokens: TokenListState, size: Size): TokenListState {
  const count = listedTokens(tokens).length;
  const viewport = listViewportRows(size);
  const selection = clamp(tokens.selection, 0, Math.max(0, count - 1));
  let scroll = clamp(tokens.scroll, 0, Math.max(0, count - viewport));
  if (selection < scroll) scroll = selection;
  if (selection >= scroll + viewport) scroll = selection - viewport + 1;
  if (selection === tokens.selection && scroll === tokens.scroll) return tokens;
  return { ...tokens, selection, scroll };
}

/**
 * Where the cursor goes when the rows change under it (a deletion, a refresh):
 * the ID of the token it was on if that one is still shown, else of its
 * nearest surviving neighbour in the order that was shown, the one below
 * first (so deleting the selected row lands on the next one, as a list
 * editor does), undefined when none survived. Never an index: removing rows
 * above the cursor must not slide it onto a token nobody chose.
 */
export function followedSelection(before: readonly APIToken[], selection: number, after: readonly APIToken[]): string | undefined {
  if (before.length === 0) return undefined;
  const surviving = new Set(after.map((t) => t.id));
  const at = clamp(selection, 0, before.length - 1);
  for (let distance = 0; distance < before.length; distance++) {
    for (const index of distance === 0 ? [at] : [at + distance, at - distance]) {
      const id = before[index]?.id;
      if (id !== undefined && surviving.has(id)) return id;
    }
  }
  return undefined;
}

/** The list with new rows, the cursor following the rule above. */
function withRows(tokens: TokenListState, patch: Partial<TokenListState>, size: Size): TokenListState {
  const next = { ...tokens, ...patch };
  const shown = listedTokens(next);
  const follow = followedSelection(listedTokens(tokens), tokens.selection, shown);
  const index = follow === undefined ? tokens.selection : shown.findIndex((t) => t.id === follow);
  return settleList({ ...next, selection: index }, size);
}

/** Changes how the list is filtered or ordered, with the same token still selected. */
function keepingSelection(tokens: TokenListState, patch: Partial<TokenListState>, size: Size): TokenListState {
  const keep = selectedInList(tokens)?.id;
  const next = { ...tokens, ...patch };
  const index = keep === undefined ? 0 : Math.max(0, listedTokens(next).findIndex((t) => t.id === keep));
  return settleList({ ...next, selection: index }, size);
}

function loaded(tokens: TokenListState, items: APIToken[], selectId: string | undefined, size: Size): TokenListState {
  const safe = items.map(safeToken);
  const next: TokenListState = { ...withRows(tokens, { items: safe }, size), status: 'loaded', error: undefined, marks: keepListed(tokens.marks, safe) };
  if (selectId !== undefined) {
    let index = listedTokens(next).findIndex((t) => t.id === selectId);
    if (index < 0 && next.filter !== '') {
      // The token the user just created must be on screen, even if the filter would hide it.
      Object.assign(next, { filter: '', filterEditing: false });
      index = listedTokens(next).findIndex((t) => t.id === selectId);
    }
    if (index >= 0) next.selection = index;
  }
  return settleList(next, size);
}

function scrollDetail(tokens: TokenListState, delta: number, size: Size): TokenListState {
  const token = tokens.detailId === undefined ? undefined : tokens.items.find((t) => t.id === tokens.detailId);
  if (!token) return tokens;
  // One row of the body says how many lines are below.
  const lines = detailLineCount(token, size.columns);
  const max = lines > bodyHeight(size) ? lines - (bodyHeight(size) - 1) : 0;
  return { ...tokens, detailScroll: clamp(tokens.detailScroll + delta, 0, max) };
}

export const tokenListReducer: SliceReducer<TokenListState> = (tokens, action, root) => {
  const size = root.size;
  /** The patch, settled; the same list when nothing moved (a key at the end of the list). */
  const settled = (patch: Partial<TokenListState>) => {
    const next = settleList({ ...tokens, ...patch }, size);
    return (Object.keys(next) as (keyof TokenListState)[]).every((k) => next[k] === tokens[k]) ? tokens : next;
  };
  switch (action.type) {
    case 'resize':
      return settleList(tokens, action.size);
    case 'session/set':
      // The list of the previous profile goes; the sort is kept across profiles.
      return initialTokenList(tokens.sort);

    case 'tokens/loading':
      return { ...tokens, status: 'loading', error: undefined };
    case 'tokens/loaded':
      return loaded(tokens, action.items, action.selectId, size);
    case 'tokens/failed':
      return { ...tokens, status: 'error', error: action.error };
    case 'tokens/removed': {
      // The row goes at once; the cursor follows followedSelection.
      const items = tokens.items.filter((t) => t.id !== action.id);
      return withRows(tokens, { items, marks: keepListed(tokens.marks, items) }, size);
    }
    case 'tokens/move':
      return settled({ selection: tokens.selection + action.delta });
    case 'tokens/page': {
      const page = listViewportRows(size);
      return settled({ selection: tokens.selection + action.direction * page, scroll: tokens.scroll + action.direction * page });
    }
    case 'tokens/jump':
      return settled({ selection: action.to === 'start' ? 0 : Number.MAX_SAFE_INTEGER });
    case 'tokens/sort': {
      const at = TOKEN_SORTS.findIndex((s) => s.sort === tokens.sort);
      return keepingSelection(tokens, { sort: TOKEN_SORTS[(at + 1) % TOKEN_SORTS.length]!.sort }, size);
    }

    case 'marks/toggle':
      return toggleMark(tokens);
    case 'marks/expired':
      return markExpired(tokens, action.now);
    case 'marks/clear':
      return tokens.marks.size === 0 ? tokens : { ...tokens, marks: NO_MARKS };

    case 'filter/start':
      return { ...tokens, filterEditing: true };
    case 'filter/input':
      return settled({ filter: tokens.filter + printable(action.text), selection: 0, scroll: 0 });
    case 'filter/backspace':
      return settled({ filter: eraseLast(tokens.filter), selection: 0, scroll: 0 });
    case 'filter/done':
      return { ...tokens, filterEditing: false };
    case 'filter/clear':
      return keepingSelection(tokens, { filter: '', filterEditing: false }, size);

    case 'detail/open': {
      const token = selectedInList(tokens);
      return token ? { ...tokens, detailId: token.id, detailScroll: 0 } : tokens;
    }
    case 'detail/scroll':
      return scrollDetail(tokens, action.delta, size);
    case 'wizard/rotated':
      // A rotation started from the detail comes back to the token that replaced it.
      return tokens.detailId === action.token.previous.id ? { ...tokens, detailId: action.token.id, detailScroll: 0 } : tokens;
    default:
      return tokens;
  }
};

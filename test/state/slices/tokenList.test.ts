import { describe, expect, it } from 'vitest';
import { listViewportRows } from '../../../src/state/layout';
import { reducer } from '../../../src/state/reducer';
import { visibleTokens } from '../../../src/state/selectors';
import { followedSelection, initialTokenList, tokenListReducer } from '../../../src/state/slices/tokenList';
import type { State } from '../../../src/state/types';
import { PERMISSIONS } from '../../../src/tokens';
import { loaded, run, SESSION, stateWith, token, tokens } from '../fixtures';

const viewport = listViewportRows({ columns: 100, rows: 24 });

describe('token list slice', () => {
  it('tokens/loading keeps the old rows while refreshing', () => {
    const s = run(loaded(3), { type: 'tokens/loading' });
    expect(s.tokens.status).toBe('loading');
    expect(s.tokens.items).toHaveLength(3);
  });

  it('tokens/loaded selects the requested token', () => {
    const s = run(stateWith(), { type: 'tokens/loaded', items: tokens(50), selectId: token(42).id });
    expect(s.tokens.selection).toBe(42);
    expect(s.tokens.scroll).toBeLessThanOrEqual(42);
    expect(s.tokens.scroll + viewport).toBeGreaterThan(42);
  });

  it('tokens/loaded clears a filter that would hide the token just created, and selects it', () => {
    const items = tokens(20);
    const filtered = run(stateWith(), { type: 'tokens/loaded', items }, { type: 'filter/input', text: items[3]!.name });
    expect(visibleTokens(filtered).map((t) => t.id)).not.toContain(items[17]!.id);
    const s = run(filtered, { type: 'tokens/loaded', items, selectId: items[17]!.id });
    expect(s.tokens.filter).toBe('');
    expect(visibleTokens(s)[s.tokens.selection]?.id).toBe(items[17]!.id);
  });

  it('tokens/loaded keeps a filter that already shows the token just created', () => {
    const items = tokens(20);
    const filtered = run(stateWith(), { type: 'tokens/loaded', items }, { type: 'filter/input', text: items[17]!.name });
    const s = run(filtered, { type: 'tokens/loaded', items, selectId: items[17]!.id });
    expect(s.tokens.filter).toBe(items[17]!.name);
    expect(visibleTokens(s)[s.tokens.selection]?.id).toBe(items[17]!.id);
  });

  it('tokens/sort cycles oldest first, expiring first, by name, and keeps the same token selected', () => {
    const items = [
      token(0, { name: 'zeta', 'created-at': '2026-11-01T00:00:00Z', 'expires-at': '2027-01-01T00:00:00Z' }),
      token(1, { name: 'Alpha', 'created-at': '2026-11-02T00:00:00Z', 'expires-at': '2026-11-20T00:00:00Z' }),
      token(2, { name: 'token-10', 'created-at': '2026-11-03T00:00:00.5Z', 'expires-at': '2026-12-01T00:00:00Z' }),
      token(3, { name: 'token-9', 'created-at': '2026-11-03T00:00:00Z', 'expires-at': '2028-01-01T00:00:00Z' }),
    ];
    const names = (s: State) => visibleTokens(s).map((t) => t.name);
    const start = run(stateWith(), { type: 'tokens/loaded', items }, { type: 'tokens/move', delta: 1 });
    expect(start.tokens.sort).toBe('created');
    expect(names(start)).toEqual(['zeta', 'Alpha', 'token-9', 'token-10']);
    expect(visibleTokens(start)[start.tokens.selection]?.name).toBe('Alpha');

    const byExpiry = run(start, { type: 'tokens/sort' });
    expect(byExpiry.tokens.sort).toBe('expiry');
    expect(names(byExpiry)).toEqual(['Alpha', 'token-10', 'zeta', 'token-9']);
    expect(visibleTokens(byExpiry)[byExpiry.tokens.selection]?.name).toBe('Alpha');

    const byName = run(byExpiry, { type: 'tokens/sort' });
    expect(names(byName)).toEqual(['Alpha', 'token-9', 'token-10', 'zeta']);
    expect(run(byName, { type: 'tokens/sort' }).tokens.sort).toBe('created');
  });

  it('tokens/sort applies to the filtered rows, and survives a refresh and a profile switch', () => {
    const items = [token(0, { name: 'b-one' }), token(1, { name: 'a-two' }), token(2, { name: 'c-three' })];
    const sorted = run(stateWith(), { type: 'tokens/loaded', items }, { type: 'tokens/sort' }, { type: 'tokens/sort' }, { type: 'filter/input', text: '-t' });
    expect(visibleTokens(sorted).map((t) => t.name)).toEqual(['a-two', 'c-three']);
    expect(run(sorted, { type: 'tokens/loaded', items: [...items] }).tokens.sort).toBe('name');
    expect(run(sorted, { type: 'session/set', session: SESSION }).tokens.sort).toBe('name');
  });

  it('tokens/loaded makes names and descriptions safe to draw: control characters cannot reach the terminal', () => {
    const hostile = token(0, { name: 'esc\u001b]52;c;ZXZpbA==\u0007', description: 'line1\nline2\u009b\u202e' });
    const s = run(stateWith(), { type: 'tokens/loaded', items: [hostile, token(1)] });
    expect(s.tokens.items[0]).toMatchObject({ id: hostile.id, name: 'esc^[]52;c;ZXZpbA==^G', description: 'line1^Jline2\ufffd\ufffd' });
    expect(s.tokens.items[1]).toBe(s.tokens.items[1]);
    expect(s.tokens.items[1]!.name).toBe('token-1');
  });

  it('tokens/loaded clamps the selection when the list shrank', () => {
    const s = run(loaded(10), { type: 'tokens/jump', to: 'end' }, { type: 'tokens/loaded', items: tokens(4) });
    expect(s.tokens.selection).toBe(3);
  });

  it('tokens/failed keeps rows and stores the error', () => {
    const s = run(loaded(2), { type: 'tokens/failed', error: { kind: 'error', text: 'down' } });
    expect(s.tokens.status).toBe('error');
    expect(s.tokens.error?.text).toBe('down');
    expect(s.tokens.items).toHaveLength(2);
  });

  it('tokens/removed drops the row and selects the next one', () => {
    const s = run(loaded(5), { type: 'tokens/move', delta: 2 }, { type: 'tokens/removed', id: token(2).id });
    expect(s.tokens.items.map((t) => t.name)).toEqual(['token-0', 'token-1', 'token-3', 'token-4']);
    expect(s.tokens.selection).toBe(2);
    const last = run(loaded(3), { type: 'tokens/jump', to: 'end' }, { type: 'tokens/removed', id: token(2).id });
    expect(last.tokens.selection).toBe(1);
  });

  it('tokens/move stays inside the list', () => {
    expect(run(loaded(3), { type: 'tokens/move', delta: -1 }).tokens.selection).toBe(0);
    expect(run(loaded(3), { type: 'tokens/move', delta: 5 }).tokens.selection).toBe(2);
    expect(run(stateWith(), { type: 'tokens/move', delta: 1 }).tokens.selection).toBe(0);
  });

  it('tokens/move scrolls only when the selection leaves the window', () => {
    let s = loaded(100);
    for (let i = 0; i < viewport - 1; i++) s = reducer(s, { type: 'tokens/move', delta: 1 });
    expect(s.tokens.scroll).toBe(0);
    s = reducer(s, { type: 'tokens/move', delta: 1 });
    expect(s.tokens.scroll).toBe(1);
  });

  it('tokens/page moves a window at a time', () => {
    const s = run(loaded(100), { type: 'tokens/page', direction: 1 });
    expect(s.tokens.selection).toBe(viewport);
    expect(s.tokens.scroll).toBe(viewport);
    expect(run(s, { type: 'tokens/page', direction: -1 }).tokens.selection).toBe(0);
  });

  it('tokens/jump goes to either end', () => {
    const end = run(loaded(100), { type: 'tokens/jump', to: 'end' });
    expect(end.tokens.selection).toBe(99);
    expect(run(end, { type: 'tokens/jump', to: 'start' }).tokens).toMatchObject({ selection: 0, scroll: 0 });
  });

  it('starts empty, and session/set starts it again from the same empty list with the sort kept', () => {
    expect(stateWith().tokens).toEqual(initialTokenList());
    const sorted = run(loaded(3), { type: 'tokens/sort' });
    expect(run(sorted, { type: 'session/set', session: SESSION }).tokens).toEqual(initialTokenList('expiry'));
  });

  it('leaves the list as it is for actions that are not about it', () => {
    const s = loaded(3);
    expect(tokenListReducer(s.tokens, { type: 'help/toggle' }, s)).toBe(s.tokens);
    expect(tokenListReducer(s.tokens, { type: 'tokens/move', delta: -1 }, s)).toBe(s.tokens);
  });
});

describe('token list slice: filter', () => {
  const items = [
    token(1, { name: 'deploy', description: 'ci' }),
    token(2, { name: 'reader', permissions: { actions: ['GetOrganization'] } }),
    token(3, { name: 'other', description: 'for deploys' }),
  ];
  const base = run(stateWith(), { type: 'tokens/loaded', items });

  it('filter/start, filter/input match name, description, ID and permission', () => {
    const typed = (text: string) => run(base, { type: 'filter/start' }, { type: 'filter/input', text });
    expect(typed('deploy').tokens.filterEditing).toBe(true);
    expect(visibleTokens(typed('deploy')).map((t) => t.name)).toEqual(['deploy', 'other']);
    expect(visibleTokens(typed('getorg')).map((t) => t.name)).toEqual(['reader']);
    expect(visibleTokens(typed(token(3).id.slice(0, 8))).map((t) => t.name)).toEqual(['other']);
  });

  it('filter/backspace widens the match again', () => {
    const s = run(base, { type: 'filter/input', text: 'readx' }, { type: 'filter/backspace' });
    expect(s.tokens.filter).toBe('read');
    expect(visibleTokens(s)).toHaveLength(1);
  });

  it('filter/done keeps the filter but stops typing into it', () => {
    const s = run(base, { type: 'filter/start' }, { type: 'filter/input', text: 'o' }, { type: 'filter/done' });
    expect(s.tokens).toMatchObject({ filter: 'o', filterEditing: false });
  });

  it('filter/clear restores the whole list with the same token selected', () => {
    const s = run(base, { type: 'filter/input', text: 'other' }, { type: 'filter/clear' });
    expect(s.tokens.filter).toBe('');
    expect(visibleTokens(s)[s.tokens.selection]?.name).toBe('other');
  });
});

describe('token list slice: detail scrolling', () => {
  it('detail/scroll moves within the lines that do not fit, and detail/open starts at the top', () => {
    const all = token(1, { permissions: { actions: PERMISSIONS.slice(1).map((p) => p.name) } });
    let s = run(stateWith({ size: { columns: 80, rows: 20 } }), { type: 'tokens/loaded', items: [all] }, { type: 'detail/open' });
    expect(s.tokens.detailScroll).toBe(0);
    s = run(s, { type: 'detail/scroll', delta: -3 });
    expect(s.tokens.detailScroll).toBe(0);
    s = run(s, { type: 'detail/scroll', delta: 100 });
    // 8 + 12 lines in a body of 16 rows, one of which says "more": 5 lines to scroll.
    expect(s.tokens.detailScroll).toBe(5);
    s = run(s, { type: 'screen/pop' }, { type: 'detail/open' });
    expect(s.tokens.detailScroll).toBe(0);
  });
});

describe('the cursor after rows change (followedSelection)', () => {
  const selected = (s: State) => visibleTokens(s)[s.tokens.selection]?.id;

  it('stays on its token when rows above it are deleted one by one (a bulk delete)', () => {
    let s = run(loaded(70), { type: 'tokens/move', delta: 30 });
    expect(selected(s)).toBe(token(30).id);
    for (let n = 0; n < 30; n++) s = run(s, { type: 'tokens/removed', id: token(n).id });
    expect(selected(s)).toBe(token(30).id);
  });

  it('moves to the next token shown when its own is deleted, and to the one above at the end', () => {
    const s = run(loaded(5), { type: 'tokens/move', delta: 2 }, { type: 'tokens/removed', id: token(2).id });
    expect(selected(s)).toBe(token(3).id);
    const last = run(loaded(5), { type: 'tokens/jump', to: 'end' }, { type: 'tokens/removed', id: token(4).id });
    expect(selected(last)).toBe(token(3).id);
  });

  it('after a refresh stays on its token, or goes to its nearest surviving neighbour in the order shown', () => {
    const s = run(loaded(10), { type: 'tokens/move', delta: 5 });
    const refreshed = run(s, { type: 'tokens/loaded', items: tokens(10).filter((_, i) => i < 2 || i > 4) });
    expect(selected(refreshed)).toBe(token(5).id);
    const gone = run(s, { type: 'tokens/loaded', items: tokens(10).filter((_, i) => i !== 5 && i !== 6 && i !== 7) });
    expect(selected(gone)).toBe(token(4).id);
  });

  it('is a pure rule over the order shown', () => {
    const order = tokens(6);
    expect(followedSelection(order, 2, order.filter((_, i) => i !== 2))).toBe(token(3).id);
    expect(followedSelection(order, 2, [token(0), token(5)])).toBe(token(0).id);
    expect(followedSelection(order, 2, [])).toBeUndefined();
    expect(followedSelection([], 0, order)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { markedTokens } from '../../../src/state/selectors';
import { loaded, NOW, run, token } from '../fixtures';

const EXPIRED = '2026-11-01T12:00:00Z';

describe('token list slice: marks', () => {
  it('marks/toggle marks the selected token, and unmarks it', () => {
    const s = run(loaded(3), { type: 'tokens/move', delta: 1 }, { type: 'marks/toggle' });
    expect([...s.tokens.marks]).toEqual([token(1).id]);
    expect(run(s, { type: 'marks/toggle' }).tokens.marks.size).toBe(0);
  });

  it('keeps marks by ID across a sort, a filter and a refresh; a token that left the list leaves the marks', () => {
    const s = run(loaded(4), { type: 'marks/toggle' }, { type: 'tokens/move', delta: 2 }, { type: 'marks/toggle' });
    const sorted = run(s, { type: 'tokens/sort' }, { type: 'tokens/sort' }, { type: 'filter/start' }, { type: 'filter/input', text: 'token-3' });
    expect(sorted.tokens.marks).toEqual(new Set([token(0).id, token(2).id]));
    const refreshed = run(sorted, { type: 'tokens/loaded', items: [token(1), token(2), token(3)] });
    expect([...refreshed.tokens.marks]).toEqual([token(2).id]);
    expect([...run(refreshed, { type: 'tokens/removed', id: token(2).id }).tokens.marks]).toEqual([]);
  });

  it('marks/expired marks every expired token the filter lets through, and only those', () => {
    const items = [
      token(1, { name: 'old-ci', 'expires-at': EXPIRED }),
      token(2, { name: 'old-web', 'expires-at': EXPIRED }),
      token(3, { name: 'live-ci' }),
    ];
    const s = run(loaded(0), { type: 'tokens/loaded', items }, { type: 'filter/start' }, { type: 'filter/input', text: 'ci' }, { type: 'marks/expired', now: NOW });
    expect([...s.tokens.marks]).toEqual([token(1).id]);
    const all = run(s, { type: 'filter/clear' }, { type: 'marks/expired', now: NOW });
    expect(all.tokens.marks).toEqual(new Set([token(1).id, token(2).id]));
  });

  it('marks/clear clears; a new session starts without marks', () => {
    const s = run(loaded(3), { type: 'marks/toggle' });
    expect(run(s, { type: 'marks/clear' }).tokens.marks.size).toBe(0);
    expect(run(s, { type: 'session/set', session: { ...s.session } }).tokens.marks.size).toBe(0);
  });

  it('markedTokens lists the marked ones in the list order, those the filter hides after', () => {
    const s = run(loaded(4), { type: 'tokens/move', delta: 3 }, { type: 'marks/toggle' }, { type: 'tokens/jump', to: 'start' }, { type: 'marks/toggle' });
    const filtered = run(s, { type: 'filter/start' }, { type: 'filter/input', text: 'token-3' });
    expect(markedTokens(s).map((t) => t.name)).toEqual(['token-0', 'token-3']);
    expect(markedTokens(filtered).map((t) => t.name)).toEqual(['token-3', 'token-0']);
  });
});

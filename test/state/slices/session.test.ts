import { describe, expect, it } from 'vitest';
import { listViewportRows } from '../../../src/state/layout';
import { sessionReducer } from '../../../src/state/slices/session';
import { loaded, run, SESSION, stateWith } from '../fixtures';

describe('session slice (and the terminal size)', () => {
  it('resize stores the size and keeps the selection in the smaller window', () => {
    const s = run(loaded(100), { type: 'tokens/jump', to: 'end' }, { type: 'resize', size: { columns: 60, rows: 14 } });
    expect(s.size).toEqual({ columns: 60, rows: 14 });
    expect(s.tokens.selection).toBe(99);
    expect(s.tokens.scroll).toBe(100 - listViewportRows(s.size));
  });

  it('session/set swaps credentials and empties the list of the previous profile', () => {
    const s = run(loaded(5), { type: 'session/gone' }, { type: 'session/set', session: { ...SESSION, profileName: { value: 'ro', source: { kind: 'flag', name: '--profile' } } } });
    expect(s.session.profileName?.value).toBe('ro');
    expect(s.session.credentialsGone).toBe(false);
    expect(s.tokens.items).toEqual([]);
    expect(s.tokens.status).toBe('idle');
  });

  it('session/gone marks the credentials unusable', () => {
    expect(run(stateWith(), { type: 'session/gone' }).session.credentialsGone).toBe(true);
  });

  it('session/token-id records which token the session uses', () => {
    expect(run(stateWith(), { type: 'session/token-id', tokenId: 'abc' }).session.tokenId).toBe('abc');
  });

  it('leaves the session as it is for actions that are not about it', () => {
    const s = stateWith();
    expect(sessionReducer(s.session, { type: 'tokens/move', delta: 1 }, s)).toBe(s.session);
  });
});

// The token-lifecycle parts of the session, profiles and wizard slices: the
// session's token from token/current, each profile's token, and rotation.
import { describe, expect, it } from 'vitest';
import type { RotatedToken } from '../../../src/api/schemas';
import { secretAtStake, wizardIsFilled } from '../../../src/state/selectors';
import type { State } from '../../../src/state/types';
import { loaded, NOW, run, SESSION, stateWith, token } from '../fixtures';

const rotated = (patch: Partial<RotatedToken> = {}): RotatedToken => ({
  ...token(9, { name: 'token-1' }),
  token: 'apc_new_secret',
  previous: { id: token(1).id, 'expires-at': null },
  ...patch,
});

describe('session slice: the exact token', () => {
  it('session/current records the token the server named; a later guess does not replace it', () => {
    const s = run(loaded(3), { type: 'session/token-id', tokenId: token(0).id }, { type: 'session/current', token: token(2) });
    expect(s.session.tokenId).toBe(token(2).id);
    expect(s.session.current?.id).toBe(token(2).id);
    expect(run(s, { type: 'session/token-id', tokenId: token(0).id }).session.tokenId).toBe(token(2).id);
  });

  it('a new session forgets what the server said about the previous one', () => {
    const s = run(loaded(3), { type: 'session/current', token: token(2) }, { type: 'session/set', session: SESSION });
    expect(s.session.current).toBeUndefined();
    expect(s.session.tokenId).toBeUndefined();
  });
});

describe('profiles slice: each profile token', () => {
  const profiles = [
    { name: 'work', organizationId: 'o', apiToken: 'apc_w' },
    { name: 'ci', organizationId: 'o', apiToken: 'apc_c' },
  ];

  it('profiles/token records what is known per profile; a reload keeps it for profiles still there', () => {
    const s = run(
      stateWith(),
      { type: 'profiles/loaded', items: profiles },
      { type: 'profiles/token', name: 'work', info: { status: 'ok', id: 'id-w', expiresAt: '2026-12-30T12:00:00Z' } },
      { type: 'profiles/token', name: 'ci', info: { status: 'refused' } },
    );
    expect(s.profiles.tokens).toEqual({ work: { status: 'ok', id: 'id-w', expiresAt: '2026-12-30T12:00:00Z' }, ci: { status: 'refused' } });
    const reloaded = run(s, { type: 'profiles/loaded', items: [profiles[0]!] });
    expect(Object.keys(reloaded.profiles.tokens)).toEqual(['work']);
  });
});

describe('wizard slice: rotation', () => {
  const start = (needsAccount: boolean) => run(loaded(3), { type: 'wizard/start-rotate', token: { id: token(1).id, name: 'token-1' }, needsAccount });

  it('wizard/start-rotate opens the account step when the account is not in the environment, else goes to rotating', () => {
    const asked = start(true);
    expect(asked.screens).toEqual(['list', 'wizard']);
    expect(asked.wizard).toMatchObject({ mode: 'rotate', rotating: { id: token(1).id, name: 'token-1' }, step: 'account', accountField: 'email' });
    expect(start(false).wizard.step).toBe('review');
  });

  it('the account step checks email and password, then moves on; Esc goes back a field', () => {
    let s = run(start(true), { type: 'wizard/next' });
    expect(s.message?.text).toBe('Type the account email, then Enter.');
    s = run(s, { type: 'wizard/input', text: 'ada@example.com' }, { type: 'wizard/next' }, { type: 'wizard/next' });
    expect(s.wizard).toMatchObject({ step: 'account', accountField: 'password' });
    expect(s.message?.text).toBe('Type the account password, then Enter.');
    s = run(s, { type: 'wizard/input', text: 'pw' }, { type: 'wizard/next' });
    expect(s.wizard.step).toBe('review');
    expect(run(s, { type: 'wizard/back' }).wizard).toMatchObject({ step: 'account', accountField: 'password' });
  });

  it('a rotation asks no "discard?" question: its only typing is the password', () => {
    const s = run(start(true), { type: 'wizard/input', text: 'ada@example.com' }, { type: 'wizard/next' }, { type: 'wizard/input', text: 'pw' });
    expect(s.wizard.password).toBe('pw');
    expect(wizardIsFilled(s)).toBe(false);
  });

  it('wizard/rotated shows the secret once, closes any question, and offers the profile update, chosen by default', () => {
    const s = run(start(false), { type: 'dialog/open-leave-wizard' }, { type: 'wizard/rotated', token: rotated(), at: NOW, profile: 'work' });
    expect(s.dialog).toBeUndefined();
    expect(s.screens.at(-1)).toBe('wizard');
    expect(s.wizard).toMatchObject({ step: 'result', busy: false, previousExpiresAt: null, profileUpdate: { profile: 'work', choice: 'update' } });
    expect(s.wizard.result?.token).toBe('apc_new_secret');
    const moved = run(s, { type: 'wizard/offer-move' });
    expect(moved.wizard.profileUpdate?.choice).toBe('keep');
    expect(run(moved, { type: 'wizard/offer-move' }).wizard.profileUpdate?.choice).toBe('update');
  });

  it('the secret is no longer at stake once the profile holds it; keeping the old token leaves it at stake', () => {
    const s: State = run(start(false), { type: 'wizard/rotated', token: rotated(), at: NOW, profile: 'work' });
    expect(secretAtStake(s)).toBe(true);
    expect(secretAtStake(run(s, { type: 'wizard/offer-done', done: 'updated' }))).toBe(false);
    expect(secretAtStake(run(s, { type: 'wizard/offer-done', done: 'kept' }))).toBe(true);
  });

  it('a rotation started from the detail comes back to the new token there', () => {
    const s = run(loaded(3), { type: 'tokens/move', delta: 1 }, { type: 'detail/open' }, { type: 'wizard/start-rotate', token: { id: token(1).id, name: 'token-1' }, needsAccount: false });
    const done = run(s, { type: 'wizard/rotated', token: rotated(), at: NOW });
    expect(done.tokens.detailId).toBe(token(9).id);
    expect(done.screens).toEqual(['list', 'detail', 'wizard']);
  });

  it('without a profile holding the old token there is no offer', () => {
    const s = run(start(false), { type: 'wizard/rotated', token: rotated(), at: NOW });
    expect(s.wizard.profileUpdate).toBeUndefined();
  });
});

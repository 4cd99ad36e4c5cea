import { describe, expect, it } from 'vitest';
import { dialogReducer } from '../../../src/state/slices/dialog';
import { loaded, run, stateWith, token } from '../fixtures';

describe('dialog slice', () => {
  it('dialog/open-delete names the selected token, defaults to No, and knows the session token', () => {
    const s = run(loaded(3), { type: 'session/token-id', tokenId: token(1).id }, { type: 'tokens/move', delta: 1 }, { type: 'dialog/open-delete' });
    expect(s.dialog).toEqual({ kind: 'confirm-delete', tokenId: token(1).id, tokenName: 'token-1', isSessionToken: true, choice: 'no' });
    const other = run(loaded(3), { type: 'dialog/open-delete' });
    expect(other.dialog).toMatchObject({ tokenName: 'token-0', isSessionToken: false });
  });

  it('dialog/open-delete on the detail screen names the token shown', () => {
    const s = run(loaded(3), { type: 'tokens/move', delta: 2 }, { type: 'detail/open' }, { type: 'tokens/move', delta: -2 }, { type: 'dialog/open-delete' });
    expect(s.dialog).toMatchObject({ tokenName: 'token-2' });
  });

  it('dialog/open-leave-wizard, dialog/open-leave-add-profile and dialog/open-remove-profile default to No', () => {
    expect(run(stateWith(), { type: 'dialog/open-leave-wizard' }).dialog).toEqual({ kind: 'confirm-leave-wizard', leaveTo: 'list', choice: 'no' });
    expect(run(stateWith(), { type: 'dialog/open-leave-wizard', leaveTo: 'quit' }).dialog).toEqual({ kind: 'confirm-leave-wizard', leaveTo: 'quit', choice: 'no' });
    expect(run(stateWith(), { type: 'dialog/open-leave-add-profile' }).dialog).toEqual({ kind: 'confirm-leave-add-profile', choice: 'no' });
    const s = run(stateWith(), { type: 'profiles/loaded', items: [{ name: 'a', organizationId: 'o', apiToken: 't' }] }, { type: 'dialog/open-remove-profile' });
    expect(s.dialog).toEqual({ kind: 'confirm-remove-profile', profileName: 'a', choice: 'no' });
  });

  it('dialog/open-leave-result defaults to No, and closes the help so the question is seen', () => {
    const s = run(stateWith(), { type: 'help/toggle' }, { type: 'dialog/open-leave-result', leaveTo: 'quit' });
    expect(s.dialog).toEqual({ kind: 'confirm-leave-result', leaveTo: 'quit', choice: 'no' });
    expect(s.helpOpen).toBe(false);
    expect(run(stateWith(), { type: 'dialog/open-leave-result' }).dialog).toMatchObject({ leaveTo: 'list', choice: 'no' });
  });

  it('dialog/choose, dialog/toggle and dialog/close', () => {
    const s = run(stateWith(), { type: 'dialog/open-leave-wizard' });
    expect(run(s, { type: 'dialog/choose', choice: 'yes' }).dialog?.choice).toBe('yes');
    expect(run(s, { type: 'dialog/toggle' }).dialog?.choice).toBe('yes');
    expect(run(s, { type: 'dialog/toggle' }, { type: 'dialog/toggle' }).dialog?.choice).toBe('no');
    expect(run(s, { type: 'dialog/close' }).dialog).toBeUndefined();
  });

  it('opens no question about a token or profile that is not there', () => {
    const s = stateWith();
    expect(dialogReducer(undefined, { type: 'dialog/open-delete' }, s)).toBeUndefined();
    expect(dialogReducer(undefined, { type: 'dialog/open-remove-profile' }, s)).toBeUndefined();
    expect(dialogReducer(undefined, { type: 'dialog/toggle' }, s)).toBeUndefined();
  });
});

describe('dialog slice: bulk delete and rotate', () => {
  it('dialog/open-bulk-delete counts the marked tokens, names the first few, defaults to No', () => {
    let s = loaded(6);
    for (let i = 0; i < 5; i++) s = run(s, { type: 'marks/toggle' }, { type: 'tokens/move', delta: 1 });
    const asked = run(s, { type: 'dialog/open-bulk-delete' });
    expect(asked.dialog).toEqual({
      kind: 'confirm-bulk-delete',
      ids: [0, 1, 2, 3, 4].map((n) => token(n).id),
      names: ['token-0', 'token-1', 'token-2'],
      includesSessionToken: false,
      choice: 'no',
    });
    const own = run(s, { type: 'session/token-id', tokenId: token(4).id }, { type: 'dialog/open-bulk-delete' });
    expect(own.dialog).toMatchObject({ includesSessionToken: true });
    expect(run(loaded(2), { type: 'dialog/open-bulk-delete' }).dialog).toBeUndefined();
  });

  it('dialog/open-rotate names the token, the profile holding it, and whether a password is asked', () => {
    const s = run(loaded(3), { type: 'session/token-id', tokenId: token(1).id }, { type: 'tokens/move', delta: 1 }, { type: 'dialog/open-rotate' });
    expect(s.dialog).toEqual({
      kind: 'confirm-rotate',
      tokenId: token(1).id,
      tokenName: 'token-1',
      isSessionToken: true,
      profileName: 'work',
      accountFromEnv: false,
      choice: 'no',
    });
    // Another profile's token, known from the picker's background fetch.
    const other = run(
      loaded(3),
      { type: 'profiles/token', name: 'ci', info: { status: 'ok', id: token(2).id, expiresAt: '2026-12-30T12:00:00Z' } },
      { type: 'tokens/jump', to: 'end' },
      { type: 'dialog/open-rotate' },
    );
    expect(other.dialog).toMatchObject({ tokenName: 'token-2', isSessionToken: false, profileName: 'ci' });
    const withAccount = run(stateWith({}, { email: { value: 'a@b.c', source: { kind: 'env', name: 'APPCLACKS_ACCOUNT_EMAIL' } }, password: { value: 'pw', source: { kind: 'env', name: 'APPCLACKS_ACCOUNT_PASSWORD' } } }), { type: 'tokens/loaded', items: [token(0)] }, { type: 'dialog/open-rotate' });
    expect(withAccount.dialog).toMatchObject({ accountFromEnv: true });
    expect(withAccount.dialog).not.toHaveProperty('profileName');
  });
});

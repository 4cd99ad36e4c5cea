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

  it('dialog/open-leave-wizard, dialog/open-leave-login and dialog/open-remove-profile default to No', () => {
    expect(run(stateWith(), { type: 'dialog/open-leave-wizard' }).dialog).toEqual({ kind: 'confirm-leave-wizard', leaveTo: 'list', choice: 'no' });
    expect(run(stateWith(), { type: 'dialog/open-leave-wizard', leaveTo: 'quit' }).dialog).toEqual({ kind: 'confirm-leave-wizard', leaveTo: 'quit', choice: 'no' });
    expect(run(stateWith(), { type: 'dialog/open-leave-login' }).dialog).toEqual({ kind: 'confirm-leave-login', choice: 'no' });
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

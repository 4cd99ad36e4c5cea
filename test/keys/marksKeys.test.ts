// The token list's lifecycle keys through the real dispatcher: Space, E, Esc,
// d with marks, R, and the rotation result's offer. No API call is expected
// here (the store's API throws on any): the effects are tested against the
// real server in test/state/lifecycleEffects.test.ts.
import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { RESULT_SETTLE_MS } from '../../src/state/selectors';
import { dispatchKey, dispatchPaste } from '../../src/keys/dispatch';
import { footerBindings, hint } from '../../src/keys/keymap';
import { keyContext } from '../../src/keys/context';
import { strokeEvent } from '../../src/keys/keyDesc';
import { fakeStore } from '../helpers/ui-harness';
import { token } from '../state/fixtures';

type Store = ReturnType<typeof fakeStore>['store'];

function press(store: Store, stroke: string): void {
  const [input, key] = strokeEvent(stroke);
  dispatchKey(store, input, key as Key, () => undefined);
}

const EXPIRED = '2020-01-01T00:00:00Z';

function onList() {
  const made = fakeStore();
  made.store.dispatch({
    type: 'tokens/loaded',
    items: [token(0), token(1, { 'expires-at': EXPIRED }), token(2, { 'expires-at': EXPIRED }), token(3)],
  });
  return made;
}

describe('marks on the token list', () => {
  it('Space toggles a mark; with marks the footer says what Esc and d do now', () => {
    const { store } = onList();
    press(store, ' ');
    expect([...store.getState().tokens.marks]).toEqual([token(0).id]);
    expect(keyContext(store.getState())).toBe('marked');
    const footer = footerBindings('marked', store.getState(), Date.now()).map(hint).map((h) => `${h.keys} ${h.label}`);
    expect(footer).toContain('Esc clear marks');
    expect(footer).toContain('d/Del delete marked');
    press(store, ' ');
    expect(keyContext(store.getState())).toBe('list');
  });

  it('E marks the expired tokens under the filter', () => {
    const { store } = onList();
    press(store, 'E');
    expect(store.getState().tokens.marks).toEqual(new Set([token(1).id, token(2).id]));
  });

  it('E says why it marks nothing: the filter hides every expired token, or all shown are marked, or none expired', () => {
    const { store } = onList();
    press(store, '/');
    for (const ch of 'token-3') press(store, ch);
    press(store, 'return');
    press(store, 'E');
    expect(store.getState().tokens.marks.size).toBe(0);
    expect(store.getState().message).toMatchObject({ kind: 'info', text: 'No expired token is shown: the filter hides all 2 expired.', hint: 'Esc clears the filter' });
    press(store, 'escape');
    press(store, 'E');
    press(store, 'E');
    expect(store.getState().message?.text).toBe('Every expired token shown is marked already (2).');
    const fresh = fakeStore();
    fresh.store.dispatch({ type: 'tokens/loaded', items: [token(0)] });
    press(fresh.store, 'E');
    expect(fresh.store.getState().message?.text).toBe('No token has expired: nothing to mark.');
  });

  it('a key with nothing to act on says so: Enter, Space, d, / on an empty list', () => {
    const { store } = fakeStore();
    store.dispatch({ type: 'tokens/loaded', items: [] });
    for (const stroke of ['return', ' ', 'd', '/']) {
      store.dispatch({ type: 'message/clear' });
      press(store, stroke);
      expect({ stroke, message: store.getState().message?.text }).toEqual({ stroke, message: expect.stringMatching(/^There are no tokens: nothing to \w+/) });
    }
    expect(store.getState().tokens.filterEditing).toBe(false);
    expect(store.getState().dialog).toBeUndefined();
  });

  it('Esc clears the marks first, then the filter', () => {
    const { store } = onList();
    press(store, '/');
    for (const ch of 'token') press(store, ch);
    press(store, 'return');
    press(store, 'E');
    press(store, 'escape');
    expect(store.getState().tokens).toMatchObject({ filter: 'token' });
    expect(store.getState().tokens.marks.size).toBe(0);
    press(store, 'escape');
    expect(store.getState().tokens.filter).toBe('');
  });

  it('d with marks asks once about all of them, No by default; n and Esc delete nothing', () => {
    const { store } = onList();
    press(store, 'E');
    press(store, 'd');
    expect(store.getState().dialog).toMatchObject({ kind: 'confirm-bulk-delete', ids: [token(1).id, token(2).id], choice: 'no' });
    press(store, 'return');
    expect(store.getState().dialog).toBeUndefined();
    press(store, 'd');
    press(store, 'escape');
    expect(store.getState().dialog).toBeUndefined();
    expect(store.getState().tokens.marks.size).toBe(2);
  });

  it('a burst of keys opens the bulk question at "d" but its "y" never answers it', () => {
    const { store } = onList();
    press(store, 'E');
    const [, key] = strokeEvent('d');
    dispatchKey(store, 'dy', key as Key, () => undefined);
    expect(store.getState().dialog).toMatchObject({ kind: 'confirm-bulk-delete', choice: 'no' });
  });

  it('a bracketed paste with marks is set aside: it deletes nothing and leaves the marks', () => {
    const { store } = onList();
    press(store, 'E');
    dispatchPaste(store, 'dy', () => undefined);
    expect(store.getState().dialog).toBeUndefined();
    expect(store.getState().tokens.marks.size).toBe(2);
    expect(store.getState().message).toMatchObject({ text: 'Paste ignored: nothing was changed.', hint: 'To filter by it, press / and paste again.' });
  });

  it('on the detail, d asks about the token shown, marks or not', () => {
    const { store } = onList();
    press(store, 'E');
    press(store, 'return');
    press(store, 'd');
    expect(store.getState().dialog).toMatchObject({ kind: 'confirm-delete', tokenId: token(0).id });
  });
});

describe('R rotates', () => {
  it('asks first, No by default; Yes without the account in the environment opens the account step', () => {
    const { store } = onList();
    press(store, 'R');
    expect(store.getState().dialog).toMatchObject({ kind: 'confirm-rotate', tokenId: token(0).id, accountFromEnv: false, choice: 'no' });
    press(store, 'return');
    expect(store.getState().screens).toEqual(['list']);
    press(store, 'R');
    press(store, 'y');
    expect(store.getState().screens).toEqual(['list', 'wizard']);
    expect(store.getState().wizard).toMatchObject({ mode: 'rotate', step: 'account', accountField: 'email' });
    // q belongs to the email field (its component types it), never quits; Esc leaves the rotation without a question.
    let exits = 0;
    const [input, key] = strokeEvent('q');
    dispatchKey(store, input, key as Key, () => (exits += 1));
    expect(exits).toBe(0);
    expect(store.getState().screens).toEqual(['list', 'wizard']);
    press(store, 'escape');
    expect(store.getState().screens).toEqual(['list']);
    expect(store.getState().dialog).toBeUndefined();
  });

  it('the result offers the profile update: arrows choose, keys wait RESULT_SETTLE_MS, Esc before anything asks', () => {
    let now = 0;
    const { store } = fakeStore({}, { clock: () => now });
    store.dispatch({ type: 'tokens/loaded', items: [token(1)] });
    store.dispatch({ type: 'wizard/start-rotate', token: { id: token(1).id, name: 'token-1' }, needsAccount: true });
    store.dispatch({
      type: 'wizard/rotated',
      token: { ...token(9), token: 'apc_new', previous: { id: token(1).id, 'expires-at': null } },
      at: now,
      profile: 'work',
    });
    expect(keyContext(store.getState())).toBe('wizard-offer');
    press(store, 'down');
    expect(store.getState().wizard.profileUpdate?.choice).toBe('update'); // too soon
    now += RESULT_SETTLE_MS;
    press(store, 'down');
    expect(store.getState().wizard.profileUpdate?.choice).toBe('keep');
    press(store, 'escape');
    expect(store.getState().dialog).toMatchObject({ kind: 'confirm-leave-result' });
  });
});

import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { helpGrid } from '../../src/state/layout';
import { RESULT_SETTLE_MS } from '../../src/state/selectors';
import { KEYMAP, bindingsFor, helpEntryWidths } from '../../src/ui/keymap';
import { keyContext, type KeyContext } from '../../src/ui/keyContext';
import { fakeStore } from '../screens/harness';
import { token } from '../state/fixtures';

describe('the keymap table', () => {
  it('has the keys the README lists for the list screen', () => {
    const keys = bindingsFor('list').map((b) => b.keys);
    for (const key of ['↑/k', '↓/j', 'PgUp', 'PgDn', 'Home/g', 'End/G', 'Enter', 'Esc', 'q', 'Ctrl+C', '?', '/', 'n', 'd/Del', 'r', 'p']) {
      expect(keys).toContain(key);
    }
  });

  it('fits every key of every screen in the help overlay of an 80x24 terminal', () => {
    for (const context of new Set(KEYMAP.flatMap((b) => b.contexts))) {
      const bindings = bindingsFor(context);
      expect({ context, shown: helpGrid(bindings.length, helpEntryWidths(bindings).entry, { columns: 80, rows: 24 }).shown }).toEqual({ context, shown: bindings.length });
    }
  });

  it('binds Ctrl+C in every context, q in none where people type', () => {
    const typing: KeyContext[] = ['filter', 'login', 'wizard-text', 'wizard-custom', 'wizard-save'];
    const contexts = new Set(KEYMAP.flatMap((b) => b.contexts));
    for (const context of contexts) expect(bindingsFor(context).some((b) => b.keys === 'Ctrl+C')).toBe(true);
    for (const context of typing) expect(bindingsFor(context).some((b) => b.keys === 'q')).toBe(false);
  });

  it('gives every binding a label, and no context two bindings with the same keys', () => {
    for (const binding of KEYMAP) expect(binding.label).not.toBe('');
    const contexts = new Set(KEYMAP.flatMap((b) => b.contexts));
    for (const context of contexts) {
      const keys = bindingsFor(context).map((b) => b.keys);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('only lets quit keys work when the terminal is too small', () => {
    expect(bindingsFor('too-small').map((b) => b.keys).sort()).toEqual(['Ctrl+C', 'q']);
  });

  it('offers only Ctrl+C while a token is being created: no Esc, no q, no second Enter', () => {
    expect(bindingsFor('wizard-creating').map((b) => b.keys)).toEqual(['Ctrl+C']);
  });

  it('never quits from a dialog: q there means No', () => {
    const q = bindingsFor('dialog').filter((b) => b.match('q', {} as Key));
    expect(q.map((b) => `${b.keys} ${b.label}`)).toEqual(['n/q/Esc no']);
  });

  it('moves with j and k on the custom lifetime too, as no duration contains them', () => {
    for (const ch of ['j', 'k']) expect(bindingsFor('wizard-custom').some((b) => b.match(ch, {} as Key))).toBe(true);
  });
});

describe('the result step of the wizard', () => {
  function atResult() {
    let now = 1_000_000;
    const made = fakeStore({}, { clock: () => now });
    const { store } = made;
    store.dispatch({ type: 'wizard/start' });
    store.dispatch({ type: 'wizard/input', text: 'ci' });
    store.dispatch({ type: 'wizard/created', token: token(1, { token: 'apc_new' }), at: now });
    return { ...made, advance: (ms: number) => (now += ms) };
  }

  it('ignores every key but Ctrl+C until it has been on screen RESULT_SETTLE_MS', () => {
    const { store, advance } = atResult();
    expect(keyContext(store.getState())).toBe('wizard-result');
    advance(RESULT_SETTLE_MS - 1);
    for (const binding of bindingsFor('wizard-result').filter((b) => b.keys !== 'Ctrl+C')) {
      let exits = 0;
      const before = store.getState();
      binding.action({ store, state: before, input: '', exit: () => (exits += 1) });
      expect({ keys: binding.keys, changed: store.getState() !== before, exits }).toEqual({ keys: binding.keys, changed: false, exits: 0 });
    }
  });

  it('asks before leaving or quitting while the secret was neither copied nor saved, and Ctrl+C exits marked interrupted', () => {
    const { store, advance } = atResult();
    advance(RESULT_SETTLE_MS);
    let exits = 0;
    const press = (keys: string) => {
      const binding = bindingsFor(keyContext(store.getState())).find((b) => b.keys === keys)!;
      binding.action({ store, state: store.getState(), input: '', exit: () => (exits += 1) });
    };
    press('Enter/Esc');
    expect(store.getState().dialog).toEqual({ kind: 'confirm-leave-result', leaveTo: 'list', choice: 'no' });
    press('n/q/Esc');
    press('q');
    expect(store.getState().dialog).toMatchObject({ kind: 'confirm-leave-result', leaveTo: 'quit' });
    expect(exits).toBe(0);
    press('y');
    expect(exits).toBe(1);
    expect(store.getState().interrupted).toBeFalsy();
    press('Ctrl+C');
    expect(exits).toBe(2);
    expect(store.getState().interrupted).toBe(true);
  });
});

describe('the footer', () => {
  it('lists every key of the context, the most used first', async () => {
    const { footerBindings } = await import('../../src/ui/keymap');
    const keys = footerBindings('list').map((b) => b.keys);
    expect(keys.slice(0, 3)).toEqual(['q', '↑/k', '↓/j']);
    // Keys with no other way in come before those that Home, End and arrows already cover.
    expect(keys.indexOf('s')).toBeLessThan(keys.indexOf('PgUp'));
    expect(keys.indexOf('Esc')).toBeLessThan(keys.indexOf('Home/g'));
    expect(keys.indexOf('Ctrl+C')).toBeGreaterThan(keys.indexOf('?'));
    expect(new Set(keys)).toEqual(new Set(bindingsFor('list').map((b) => b.keys)));
  });
});

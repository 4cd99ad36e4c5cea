import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { RESULT_SETTLE_MS } from '../../src/state/selectors';
import { dispatchKey } from '../../src/keys/dispatch';
import { helpLayout } from '../../src/ui/helpLayout';
import { footerLine } from '../../src/ui/footerLine';
import { displayWidth } from '../../src/text/terminal-width';
import { KEYMAP, bindingFor, bindingsFor, footerBindings, hint } from '../../src/keys/keymap';
import { keyContext, type KeyContext } from '../../src/keys/context';
import { INTERRUPT, keyLabel, matchesKey, strokeEvent } from '../../src/keys/keyDesc';
import { fakeStore } from '../helpers/ui-harness';
import { token, tokens } from '../state/fixtures';

const CONTEXTS = [...new Set(KEYMAP.flatMap((b) => b.contexts))];
const keysOf = (context: KeyContext) => bindingsFor(context).map((b) => keyLabel(b.key));

/**
 * What each word of a label means as an ink input event, written out here
 * rather than taken from keyDesc.ts, so a label that says one key while the
 * binding answers another fails.
 */
const LABEL_EVENTS: Record<string, [string, Partial<Key>]> = {
  '↑': ['', { upArrow: true }],
  '↓': ['', { downArrow: true }],
  '←': ['', { leftArrow: true }],
  '→': ['', { rightArrow: true }],
  PgUp: ['', { pageUp: true }],
  PgDn: ['', { pageDown: true }],
  Home: ['', { home: true }],
  End: ['', { end: true }],
  Enter: ['', { return: true }],
  Esc: ['', { escape: true }],
  Tab: ['', { tab: true }],
  Bksp: ['', { backspace: true }],
  Del: ['', { delete: true }],
  Space: [' ', {}],
  'Ctrl+C': ['c', { ctrl: true }],
  'Ctrl+U': ['u', { ctrl: true }],
};

function eventsOfLabel(label: string): Array<[string, Key]> {
  const words = label === '/' ? ['/'] : label.split('/');
  return words.map((word) => {
    const [input, key] = LABEL_EVENTS[word] ?? (word.length === 1 ? [word, { shift: /[A-Z]/.test(word) }] : ['?unknown', {}]);
    return [input, key as Key];
  });
}

/** Presses one key as the terminal would send it, through the app's dispatcher. */
function press(store: ReturnType<typeof fakeStore>['store'], label: string, exit: () => void = () => undefined): void {
  const raw = label === 'Bksp' ? '\u007f' : '';
  for (const [input, key] of eventsOfLabel(label)) dispatchKey(store, input, key, exit, raw);
}

describe('the keymap table', () => {
  it('has every documented key of the list screen', () => {
    const keys = keysOf('list');
    for (const key of ['↑/k', '↓/j', 'PgUp', 'PgDn', 'Home/g', 'End/G', 'Enter', 'Esc', 'q', 'Ctrl+C', '?', '/', 'n', 'd/Del', 'r', 'p']) {
      expect(keys).toContain(key);
    }
  });

  it('fits every key of every screen in the help overlay of an 80x24 terminal', () => {
    for (const context of CONTEXTS) {
      const bindings = bindingsFor(context);
      expect({ context, shown: helpLayout(bindings, { columns: 80, rows: 24 }).grid.shown }).toEqual({ context, shown: bindings.length });
    }
  });

  it('binds Ctrl+C in every context, q in none where people type', () => {
    const typing: KeyContext[] = ['filter', 'add-profile', 'wizard-text', 'wizard-custom', 'wizard-save'];
    for (const context of CONTEXTS) {
      expect(keysOf(context)).toContain('Ctrl+C');
      expect({ context, label: bindingFor(context, 'c', { ctrl: true } as Key)?.label }).toEqual({ context, label: 'quit now' });
    }
    for (const context of typing) {
      expect(keysOf(context)).not.toContain('q');
      expect(bindingFor(context, 'q', {} as Key)).toBeUndefined();
    }
  });

  it('gives every binding a label, and no context two bindings with the same keys', () => {
    for (const binding of KEYMAP) expect(binding.label).not.toBe('');
    for (const context of CONTEXTS) {
      const keys = keysOf(context);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('only lets quit keys work when the terminal is too small', () => {
    expect(keysOf('too-small').sort()).toEqual(['Ctrl+C', 'q']);
  });

  it('offers only Ctrl+C while a token is being created: no Esc, no q, no second Enter', () => {
    expect(keysOf('wizard-creating')).toEqual(['Ctrl+C']);
  });

  it('never quits from a dialog: q there means No', () => {
    const q = bindingsFor('dialog').filter((b) => matchesKey(b.key, 'q', {} as Key));
    expect(q.map((b) => `${keyLabel(b.key)} ${b.label}`)).toEqual(['n/q/Esc no']);
  });

  it('moves with j and k on the custom lifetime too, as no duration contains them', () => {
    for (const ch of ['j', 'k']) expect(bindingsFor('wizard-custom').some((b) => matchesKey(b.key, ch, {} as Key))).toBe(true);
  });
});

describe('labels come from the keys themselves', () => {
  it('every key a label shows runs that binding, in every context it is listed for', () => {
    for (const binding of KEYMAP) {
      for (const context of binding.contexts) {
        for (const [input, key] of eventsOfLabel(keyLabel(binding.key))) {
          const ran = bindingFor(context, input, key);
          expect({ context, keys: keyLabel(binding.key), runs: ran && hint(ran) }).toEqual({ context, keys: keyLabel(binding.key), runs: hint(binding) });
        }
      }
    }
  });

  it('reads a description the way the footer shows it; keys it does not list still work', () => {
    expect(keyLabel({ key: 'down', alt: ['j'] })).toBe('↓/j');
    expect(keyLabel(INTERRUPT)).toBe('Ctrl+C');
    expect(keyLabel({ key: ' ' })).toBe('Space');
    const erase = { key: 'backspace', unlisted: ['delete'] } as const;
    expect(keyLabel(erase)).toBe('Bksp');
    expect(matchesKey(erase, '', { delete: true } as Key)).toBe(true);
    // A letter is not the same letter with Ctrl or Alt held.
    expect(matchesKey({ key: 'c' }, 'c', { ctrl: true } as Key)).toBe(false);
    expect(matchesKey({ key: 'q' }, 'q', { meta: true } as Key)).toBe(false);
    expect(matchesKey(INTERRUPT, 'c', {} as Key)).toBe(false);
  });

  it('the footer and the help show the derived labels of the context; the footer leaves out only keys everyone knows', () => {
    // A loaded list where every key has something to act on.
    const { store } = fakeStore();
    store.dispatch({ type: 'tokens/loaded', items: [token(0), token(1, { 'expires-at': '2020-01-01T00:00:00Z' })] });
    store.dispatch({ type: 'profiles/loaded', items: [{ name: 'work', organizationId: 'o', apiToken: 't' }] });
    store.dispatch({ type: 'filter/input', text: 'token' });
    const state = store.getState();
    for (const context of CONTEXTS) {
      const footer = footerBindings(context, state, Date.now()).map((b) => hint(b).keys);
      const help = helpLayout(bindingsFor(context), { columns: 200, rows: 60 }).columns.flat().map((e) => e.keys);
      const known = bindingsFor(context).filter((b) => b.key.wellKnown).map((b) => keyLabel(b.key));
      expect(new Set([...footer, ...known])).toEqual(new Set(keysOf(context)));
      expect(help).toEqual(keysOf(context));
    }
  });
});

describe('keys on screens do what they say', () => {
  function onList(count = 3) {
    const made = fakeStore();
    made.store.dispatch({ type: 'tokens/loaded', items: tokens(count) });
    return made;
  }

  it('moves, jumps, sorts and filters the token list', () => {
    const { store } = onList(5);
    press(store, 'j');
    press(store, '↓');
    expect(store.getState().tokens.selection).toBe(2);
    press(store, 'k');
    expect(store.getState().tokens.selection).toBe(1);
    press(store, 'G');
    expect(store.getState().tokens.selection).toBe(4);
    press(store, 'Home');
    expect(store.getState().tokens.selection).toBe(0);
    press(store, 's');
    expect(store.getState().tokens.sort).toBe('expiry');
    press(store, '/');
    expect(keyContext(store.getState())).toBe('filter');
    // In the filter, letters are text: j and q type, they neither move nor quit.
    for (const ch of 'jq') press(store, ch);
    press(store, 'Bksp');
    expect(store.getState().tokens).toMatchObject({ filter: 'j', filterEditing: true });
    press(store, 'Esc');
    expect(store.getState().tokens).toMatchObject({ filter: '', filterEditing: false });
  });

  it('opens the detail, a question about deleting, and answers it No without calling the API', () => {
    const { store } = onList();
    press(store, 'j');
    press(store, 'Enter');
    expect(store.getState().screens).toEqual(['list', 'detail']);
    press(store, 'd');
    expect(store.getState().dialog).toMatchObject({ kind: 'confirm-delete', tokenId: token(1).id, choice: 'no' });
    press(store, '→');
    expect(store.getState().dialog?.choice).toBe('yes');
    press(store, 'q');
    expect(store.getState().dialog).toBeUndefined();
    expect(store.getState().message).toBeUndefined();
    press(store, 'Esc');
    expect(store.getState().screens).toEqual(['list']);
  });

  it('opens and closes the help, and starts the wizard, typing into its name', () => {
    const { store } = onList();
    press(store, '?');
    expect(keyContext(store.getState())).toBe('help');
    press(store, 'n');
    expect(store.getState().screens).toEqual(['list']);
    press(store, 'Esc');
    press(store, 'n');
    expect(keyContext(store.getState())).toBe('wizard-text');
    // The name field is a text-input component: the dispatcher leaves it the
    // keys it edits with (the screen tests type through it), and runs Enter.
    for (const stroke of ['c', 'backspace', 'left', 'right', 'q'] as const) {
      const [input, key] = strokeEvent(stroke);
      expect({ stroke, taker: dispatchKey(store, input, key, () => undefined) }).toEqual({ stroke, taker: 'field' });
    }
    expect(store.getState().wizard.name).toBe('');
    store.dispatch({ type: 'wizard/edit', value: 'c' });
    press(store, 'Enter');
    expect(store.getState().wizard.step).toBe('description');
    press(store, 'Esc');
    expect(store.getState().wizard.step).toBe('name');
  });

  it('clears the message line with any key but Ctrl+C, which exits at once marked interrupted', () => {
    const { store } = onList();
    const said = { type: 'message/set', message: { kind: 'info', text: 'hello' } } as const;
    store.dispatch(said);
    press(store, 'j');
    expect(store.getState().message).toBeUndefined();
    store.dispatch(said);
    let exits = 0;
    press(store, 'Ctrl+C', () => (exits += 1));
    expect(exits).toBe(1);
    expect(store.getState()).toMatchObject({ interrupted: true, message: said.message });
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
    for (const binding of bindingsFor('wizard-result').filter((b) => b.key !== INTERRUPT)) {
      for (const label of keyLabel(binding.key).split('/')) {
        let exits = 0;
        const before = store.getState();
        press(store, label, () => (exits += 1));
        expect({ key: label, changed: store.getState() !== before, exits }).toEqual({ key: label, changed: false, exits: 0 });
      }
    }
  });

  it('asks before leaving or quitting while the secret was neither copied nor saved, and Ctrl+C exits marked interrupted', () => {
    const { store, advance } = atResult();
    advance(RESULT_SETTLE_MS);
    let exits = 0;
    const exit = () => (exits += 1);
    press(store, 'Enter', exit);
    expect(store.getState().dialog).toEqual({ kind: 'confirm-leave-result', leaveTo: 'list', choice: 'no' });
    press(store, 'n', exit);
    press(store, 'q', exit);
    expect(store.getState().dialog).toMatchObject({ kind: 'confirm-leave-result', leaveTo: 'quit' });
    expect(exits).toBe(0);
    press(store, 'y', exit);
    expect(exits).toBe(1);
    expect(store.getState().interrupted).toBeFalsy();
    press(store, 'Ctrl+C', exit);
    expect(exits).toBe(2);
    expect(store.getState().interrupted).toBe(true);
  });
});

describe('the footer', () => {
  function listState(count: number) {
    const { store } = fakeStore();
    store.dispatch({ type: 'tokens/loaded', items: [...tokens(count), ...(count > 0 ? [token(count, { 'expires-at': '2020-01-01T00:00:00Z' })] : [])] });
    return store.getState();
  }

  it('lists the keys of the context the most used first, without ↑/k, ↓/j and Ctrl+C (they are in ? help)', () => {
    const keys = footerBindings('list', listState(3), Date.now()).map((b) => keyLabel(b.key));
    expect(keys.slice(0, 3)).toEqual(['q', 'Enter', '/']);
    expect(keys).not.toContain('↑/k');
    expect(keys).not.toContain('↓/j');
    expect(keys).not.toContain('Ctrl+C');
    // Keys with no other way in come before those that Home, End and arrows already cover.
    expect(keys.indexOf('s')).toBeLessThan(keys.indexOf('PgUp'));
    expect(keys.indexOf('Esc')).toBeLessThan(keys.indexOf('Home/g'));
  });

  it('never lists a key with nothing to act on: Enter, /, d, Space, E on an empty list', () => {
    const keys = footerBindings('list', listState(0), Date.now()).map((b) => keyLabel(b.key));
    for (const idle of ['Enter', '/', 'd/Del', 'Space', 'E', 's', 'R', 'PgUp', 'PgDn', 'Home/g', 'End/G']) expect(keys).not.toContain(idle);
    expect(keys).toContain('n');
    // Esc on the list clears the filter: without one it has nothing to do.
    expect(keys).not.toContain('Esc');
  });

  it('keeps ? help, and Esc where it means back, at every width', () => {
    const state = listState(3);
    for (const columns of [40, 60, 80, 100, 200]) {
      const list = footerLine(footerBindings('list', state, Date.now()), columns);
      expect(list.endsWith('? help')).toBe(true);
      expect(displayWidth(list)).toBeLessThanOrEqual(columns);
      const picker = footerLine(footerBindings('profiles', state, Date.now()), columns);
      expect(picker).toMatch(/Esc back {2}\? help$/);
      expect(displayWidth(picker)).toBeLessThanOrEqual(columns);
    }
  });
});

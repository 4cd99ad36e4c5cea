// The app's input handler: every key comes here first (docs/terminal.md §8) and is matched against
// the keymap of the current context. A text field (a text-input component,
// src/components/TextField.tsx) hears every key too: for the keys it edits with
// (text, Backspace, ←/→, a paste) the dispatcher stands aside and says so,
// for every other key it acts and the field must leave its value alone
// (src/keys/fieldGate.ts).
import type { Key } from 'ink';
import type { Store } from '../state/store';
import { componentHasFocus, focusIn, keyContext, typesText } from './context';
import { typeInto } from './flows';
import { applies, bindingFor } from './keymap';
import { INTERRUPT, matchesKey } from './keyDesc';

/** A key that types a character: no Ctrl or Alt held, and some text to type. */
const isPrintable = (input: string, key: Key) => !key.ctrl && !key.meta && input.length > 0;

/**
 * ink hands over a run of plain characters that arrived in one read as one
 * event ("/ci" when typed fast, over SSH, or pasted). Splitting it lets each
 * character act in the context the previous one left: `/` opens the filter,
 * the rest is typed into it, a trailing Enter submits.
 */
function splitRun(input: string, key: Key): Array<[string, Key]> {
  const chars = [...input];
  if (chars.length <= 1 || key.meta || key.ctrl || input.includes('\u001b')) return [[input, key]];
  const plain: Key = { ...key, return: false, backspace: false, delete: false, tab: false, ctrl: false, shift: false };
  const events: Array<[string, Key]> = [];
  for (const ch of chars) {
    if (ch === '\r' || ch === '\n') events.push(['', { ...plain, return: true }]);
    else if (ch === '\u007f' || ch === '\b') events.push(['', { ...plain, backspace: true }]);
    else if (ch === '\t') events.push(['', { ...plain, tab: true }]);
    else if (ch === '\u0003') events.push(['c', { ...plain, ctrl: true }]);
    else if (ch >= ' ') events.push([ch, { ...plain, shift: /[A-Z]/.test(ch) }]);
  }
  return events;
}

/** Who handled a key: the dispatcher, or the focused text field (the dispatcher stood aside). */
export type KeyTaker = 'app' | 'field';

/**
 * `fieldTypes`: a text field has the focus and edits with this key itself, so
 * the dispatcher neither types it nor runs the field's own rows (erase, cursor).
 */
function dispatchOne(store: Store, input: string, key: Key, exit: () => void, fieldTypes: boolean): KeyTaker {
  const state = store.getState();
  const context = keyContext(state);
  const binding = bindingFor(context, input, key);
  const componentDoesIt = binding?.byComponent === true || (binding?.byComponent?.includes(context) ?? false);
  if (componentDoesIt && fieldTypes && componentHasFocus(context)) {
    if (state.message) store.dispatch({ type: 'message/clear' });
    return 'field';
  }
  if (binding) {
    if (state.message && !binding.keepsMessage) store.dispatch({ type: 'message/clear' });
    const now = store.effects.now();
    if (!applies(binding, state, now)) {
      store.dispatch({ type: 'message/set', message: binding.appliesWhen!.whyNot(state, now) });
      return 'app';
    }
    binding.run({ store, state: store.getState(), input, exit });
    return 'app';
  }
  if (!typesText(context) || !isPrintable(input, key)) return 'app';
  if (fieldTypes && focusIn(context) === 'text-field') return 'field';
  // The filter, and keys of a run the dispatcher types itself.
  typeInto({ store, state, input, exit }, context);
  return 'app';
}

export const PASTE_START = '\u001b[200~';
export const PASTE_END = '\u001b[201~';

/**
 * Text the terminal marked as pasted (bracketed paste) is text, never keys:
 * it goes into the field being typed in, on one line, and anywhere else it is
 * set aside with a word on what to do, so a pasted "dm" deletes nothing and
 * changes no default.
 */
export function dispatchPaste(store: Store, text: string, exit: () => void): KeyTaker {
  const state = store.getState();
  const context = keyContext(state);
  // A text field inserts it at its cursor; its slice makes it one safe line (fieldText).
  if (focusIn(context) === 'text-field') return 'field';
  if (typesText(context)) {
    const line = text.replace(/[\r\n]+$/, '').replace(/[\r\n\t]+/g, ' ');
    if (line !== '') typeInto({ store, state, input: line, exit }, context);
    return 'app';
  }
  const onList = context === 'list' || context === 'marked';
  const hint = onList ? 'To filter by it, press / and paste again.' : 'Pasted text only goes into text fields.';
  store.dispatch({ type: 'message/set', message: { kind: 'info', text: 'Paste ignored: nothing was changed.', hint } });
  return 'app';
}

/** Where each key's bytes are announced just before ink parses them: the stream ink reads (src/tui/keyStream.ts). */
export interface KeyBytes {
  on(event: 'key', listener: (bytes: string) => void): unknown;
  off(event: 'key', listener: (bytes: string) => void): unknown;
}

/**
 * Follows ink's input events as they arrive: the raw bytes (which tell
 * Backspace from Delete) and the paste markers, which ink passes on as events
 * of their own around the pasted text (a long paste may come in several).
 */
export function createInputRouter(store: Store, exit: () => void) {
  let raw = '';
  let pasting = false;
  let taker: KeyTaker = 'app';
  let current: { input: string; key: Key } | undefined;
  return {
    /** What the focused input component may do with the key being handled (fieldGate.ts). */
    gate: {
      mayTake: (): boolean => taker === 'field',
      key: () => current,
    },
    /** Every input event, before ink's useInput sees it. */
    onRaw(data: string): void {
      raw = data;
      if (data === PASTE_START) pasting = true;
      else if (data === PASTE_END) pasting = false;
    },
    /** ink's parsed key for the same event. */
    onKey(input: string, key: Key): void {
      taker = 'app';
      current = { input, key };
      if (raw === PASTE_START || raw === PASTE_END) return;
      taker = pasting ? dispatchPaste(store, raw, exit) : dispatchKey(store, input, key, exit, raw);
    },
  };
}

/** Backspace sends \x7f (or \b); ink reports both as `delete`, like the Delete key. */
function isBackspaceBytes(raw: string): boolean {
  return raw === '\u007f' || raw === '\u001b\u007f' || raw === '\b';
}

/** A run the focused field can take whole: text only, none of it a key of the context. */
function isFieldText(store: Store, events: Array<[string, Key]>): boolean {
  const context = keyContext(store.getState());
  return focusIn(context) === 'text-field' && events.every(([one, oneKey]) => isPrintable(one, oneKey) && !bindingFor(context, one, oneKey));
}

/**
 * Handles one input event; says whether the focused text field is to take it.
 * A run of keys that arrived in one read is the field's when it is only text
 * (typed fast, it goes in at the cursor); a run holding an Enter or a key of
 * the context is the dispatcher's, key by key, typing its text at the end.
 */
export function dispatchKey(store: Store, input: string, key: Key, exit: () => void, rawInput = ''): KeyTaker {
  const named = key.delete && isBackspaceBytes(rawInput) ? { ...key, delete: false, backspace: true } : key;
  const events = splitRun(input, named);
  if (events.length > 1 && isFieldText(store, events)) return 'field';
  if (events.length === 1) return dispatchOne(store, events[0]![0], events[0]![1], exit, true);
  for (const [one, oneKey] of events) {
    // A paste, or keys merged on the way, never answers a question the user has
    // not seen: "deploy-bot" pasted into the list opens the delete confirmation
    // at "d", and its "y" must not confirm it. Only Ctrl+C still gets through.
    const quit = matchesKey(INTERRUPT, one, oneKey);
    if (keyContext(store.getState()) === 'dialog' && !quit) continue;
    dispatchOne(store, one, oneKey, exit, false);
  }
  return 'app';
}

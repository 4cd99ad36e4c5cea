// The single input handler: every key of the app comes here once
// (docs/terminal.md §8), is matched against the keymap of the current context, and
// otherwise typed into the focused field.
import type { Key } from 'ink';
import type { Store } from '../state/store';
import { keyContext, TYPING } from './keyContext';
import { typeInto } from './keyFlows';
import { bindingFor } from './keymap';
import { INTERRUPT, matchesKey } from './keys';

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

function dispatchOne(store: Store, input: string, key: Key, exit: () => void): void {
  const state = store.getState();
  const context = keyContext(state);
  const binding = bindingFor(context, input, key);
  if (binding) {
    if (state.message && !binding.keepsMessage) store.dispatch({ type: 'message/clear' });
    binding.run({ store, state: store.getState(), input, exit });
    return;
  }
  // A key no binding took types into the field, if one is being typed in.
  // When a text-input component has the focus, it takes these itself and the
  // dispatcher only runs the context's bindings the component leaves alone.
  if (TYPING.has(context) && isPrintable(input, key)) typeInto({ store, state, input, exit }, context);
}

export const PASTE_START = '\u001b[200~';
export const PASTE_END = '\u001b[201~';

/**
 * Text the terminal marked as pasted (bracketed paste) is text, never keys:
 * it goes into the field being typed in, on one line, and anywhere else it is
 * set aside with a word on what to do, so a pasted "dm" deletes nothing and
 * changes no default.
 */
export function dispatchPaste(store: Store, text: string, exit: () => void): void {
  const state = store.getState();
  const context = keyContext(state);
  if (TYPING.has(context)) {
    const line = text.replace(/[\r\n]+$/, '').replace(/[\r\n\t]+/g, ' ');
    if (line !== '') typeInto({ store, state, input: line, exit }, context);
    return;
  }
  const hint = context === 'list' ? 'To filter by it, press / and paste again.' : 'Pasted text only goes into text fields.';
  store.dispatch({ type: 'message/set', message: { kind: 'info', text: 'Paste ignored: nothing was changed.', hint } });
}

/**
 * Follows ink's input events as they arrive: the raw bytes (which tell
 * Backspace from Delete) and the paste markers, which ink passes on as events
 * of their own around the pasted text (a long paste may come in several).
 */
export function createInputRouter(store: Store, exit: () => void) {
  let raw = '';
  let pasting = false;
  return {
    /** Every input event, before ink's useInput sees it. */
    onRaw(data: string): void {
      raw = data;
      if (data === PASTE_START) pasting = true;
      else if (data === PASTE_END) pasting = false;
    },
    /** ink's parsed key for the same event. */
    onKey(input: string, key: Key): void {
      if (raw === PASTE_START || raw === PASTE_END) return;
      if (pasting) dispatchPaste(store, raw, exit);
      else dispatchKey(store, input, key, exit, raw);
    },
  };
}

/** Backspace sends \x7f (or \b); ink reports both as `delete`, like the Delete key. */
function isBackspaceBytes(raw: string): boolean {
  return raw === '\u007f' || raw === '\u001b\u007f' || raw === '\b';
}

export function dispatchKey(store: Store, input: string, key: Key, exit: () => void, rawInput = ''): void {
  const named = key.delete && isBackspaceBytes(rawInput) ? { ...key, delete: false, backspace: true } : key;
  const events = splitRun(input, named);
  for (const [one, oneKey] of events) {
    // A paste, or keys merged on the way, never answers a question the user has
    // not seen: "deploy-bot" pasted into the list opens the delete confirmation
    // at "d", and its "y" must not confirm it. Only Ctrl+C still gets through.
    const quit = matchesKey(INTERRUPT, one, oneKey);
    if (events.length > 1 && keyContext(store.getState()) === 'dialog' && !quit) continue;
    dispatchOne(store, one, oneKey, exit);
  }
}

// The single input handler: every key of the app comes here once (INK6.md
// item 6), is matched against the keymap of the current context, and
// otherwise typed into the focused field.
import type { Key } from 'ink';
import type { Store } from '../state/store';
import { keyContext, TYPING } from './keyContext';
import { bindingsFor, isPrintable, typeInto } from './keymap';

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
  const binding = bindingsFor(context).find((b) => b.match(input, key));
  if (binding) {
    if (state.message && binding.keys !== 'Ctrl+C') store.dispatch({ type: 'message/clear' });
    binding.action({ store, state: store.getState(), input, exit });
    return;
  }
  if (TYPING.has(context) && isPrintable(input, key)) typeInto({ store, state, input, exit }, context);
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
    const quit = oneKey.ctrl && one === 'c';
    if (events.length > 1 && keyContext(store.getState()) === 'dialog' && !quit) continue;
    dispatchOne(store, one, oneKey, exit);
  }
}

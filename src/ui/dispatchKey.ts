// The single input handler: every key of the app comes here once (INK6.md
// item 6), is matched against the keymap of the current context, and
// otherwise typed into the focused field.
import type { Key } from 'ink';
import type { Store } from '../state/store';
import { keyContext, TYPING } from './keyContext';
import { bindingsFor, isPrintable, typeInto } from './keymap';

export function dispatchKey(store: Store, input: string, key: Key, exit: () => void): void {
  const state = store.getState();
  const context = keyContext(state);
  const binding = bindingsFor(context).find((b) => b.match(input, key));
  const ctx = { store, state, input, exit };
  if (binding) {
    if (state.message && binding.keys !== 'Ctrl+C') store.dispatch({ type: 'message/clear' });
    binding.action({ ...ctx, state: store.getState() });
    return;
  }
  if (TYPING.has(context) && isPrintable(input, key)) typeInto(ctx, context);
}

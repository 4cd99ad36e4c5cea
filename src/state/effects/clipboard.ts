// Copying through the terminal (OSC 52), outside ink's frames.
import { clipboardHint, osc52 } from '../osc52';
import { show, type EffectContext } from './context';

export function createClipboardEffects({ store, deps }: EffectContext) {
  function copy(text: string, what: string): void {
    deps.writeTerminal(osc52(text, deps.env));
    // OSC 52 has no answer: say what was sent, not that it arrived.
    store.dispatch(show('info', `Sent the ${what} to the clipboard (OSC 52).`, clipboardHint(deps.env)));
  }
  return { copy };
}

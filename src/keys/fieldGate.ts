// Every active useInput sees every key, so a focused text field and the app's
// dispatcher both hear each one. The dispatcher hears it first (its listener
// is the oldest) and decides: a key it runs a binding for (Esc, Enter, j/k on
// the custom lifetime, a paste marker, Ctrl+ or Alt+ something) is not text,
// and the field must not take the change its text-input component reports for
// it. The gate carries that answer to the field.
// A choice list (ink-select-input) reads the key too: it reports which item
// it highlighted, and the key says whether that was a step or a wrap-around.
import type { Key } from 'ink';
import { createContext, useContext } from 'react';

export interface InputGate {
  /** Whether the focused component may take the edit made by the key being handled now. */
  mayTake(): boolean;
  /** The key being handled now, as ink parsed it. */
  key(): { input: string; key: Key } | undefined;
}

/** Outside the app (a component rendered on its own in a test) every edit is the component's. */
export const FieldGateContext = createContext<InputGate>({ mayTake: () => true, key: () => undefined });

export function useInputGate(): InputGate {
  return useContext(FieldGateContext);
}

/** Whether the focused field may take the edit made by the key being handled now. */
export function useFieldGate(): () => boolean {
  return useContext(FieldGateContext).mayTake;
}

// Every active useInput sees every key, so a focused text field and the app's
// dispatcher both hear each one. The dispatcher hears it first (its listener
// is the oldest) and decides: a key it runs a binding for (Esc, Enter, j/k on
// the custom lifetime, a paste marker, Ctrl+ or Alt+ something) is not text,
// and the field must not take the change its text-input component reports for
// it. The gate carries that answer to the field.
import { createContext, useContext } from 'react';

/** Whether the focused field may take the edit made by the key being handled now. */
export type FieldGate = () => boolean;

/** Outside the app (a component rendered on its own in a test) every edit is the field's. */
export const FieldGateContext = createContext<FieldGate>(() => true);

export function useFieldGate(): FieldGate {
  return useContext(FieldGateContext);
}

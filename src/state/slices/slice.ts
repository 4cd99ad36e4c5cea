// The shape every slice reducer shares. A slice owns one part of the State
// and answers the actions that concern it; `root` is the whole state before
// the action, read-only, for the few facts a slice needs from elsewhere (the
// terminal size, the selected token, the session's account). reducer.ts is
// the one place that composes them.
import type { Action, Message, State } from '../types';

export type SliceReducer<S> = (slice: S, action: Action, root: State) => S;

export const error = (text: string, hint?: string): Message => (hint === undefined ? { kind: 'error', text } : { kind: 'error', text, hint });

export function clamp(n: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, n));
}

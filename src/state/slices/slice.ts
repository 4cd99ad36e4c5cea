// The shape every slice reducer shares. A slice owns one part of the State
// and answers the actions that concern it; `root` is the whole state before
// the action, read-only, for the few facts a slice needs from elsewhere (the
// terminal size, the selected token, the session's account). reducer.ts is
// the one place that composes them.
import type { Action, Message, State } from '../types';

export type SliceReducer<S> = (slice: S, action: Action, root: State) => S;

/**
 * A slice that validates what was typed also has something to say: the new
 * slice, and `say` for the message line (a Message to show, `null` to clear
 * it, absent to leave it as it is).
 */
export interface Said<S> {
  next: S;
  say?: Message | null;
}

export type SayingReducer<S> = (slice: S, action: Action, root: State) => Said<S>;

export const error = (text: string, hint?: string): Message => (hint === undefined ? { kind: 'error', text } : { kind: 'error', text, hint });

export function clamp(n: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, n));
}

// What every concern's effects are given: the store to read and dispatch to,
// and the outside world (deps.ts). Each concern keeps its own state inside
// its module; what one concern needs from another is passed in as a
// function (index.ts wires them), never reached through shared variables.
import type { TokenCredentials } from '../../api/types';
import { AppError } from '../../errors';
import type { StoreDeps } from '../deps';
import type { Action, Message, MessageKind, State } from '../types';

export interface StoreLike {
  getState(): State;
  dispatch(action: Action): void;
}

export interface EffectContext {
  store: StoreLike;
  deps: StoreDeps;
}

/** A message line: what happened, and the next step when there is one. */
export function message(kind: MessageKind, text: string, hint?: string): Message {
  return hint === undefined ? { kind, text } : { kind, text, hint };
}

/** The action that shows a message line. */
export function show(kind: MessageKind, text: string, hint?: string): Action {
  return { type: 'message/set', message: message(kind, text, hint) };
}

export function tokenCredentials(state: State): TokenCredentials | undefined {
  const { organizationId, token } = state.session;
  return organizationId && token ? { organizationId: organizationId.value, token: token.value } : undefined;
}

/** The environment variable the session's token came from, when it did: no profile can override it. */
export function tokenVariable(state: State): string | undefined {
  const source = state.session.token?.source;
  return source?.kind === 'env' ? source.name : undefined;
}

export function isAuthError(error: unknown): boolean {
  return error instanceof AppError && error.kind === 'auth';
}

export function isNotFound(error: unknown): boolean {
  return error instanceof AppError && error.kind === 'not-found';
}

// Turns any failure into a message line with a next step in the UI's own keys.
// API errors carry facts (kind, status, permission, Retry-After, what was
// looked up), not advice: the CLI words its hints in report/report.ts, and on
// screen the next step is a key.
import { AppError, ApiError } from '../errors';
import type { Message } from './types';
import { terminalSafe } from '../text/terminal-text';

export type Situation = 'token-auth' | 'password-auth' | 'config';

/** What went wrong and what to do, with any text the server sent made safe for the terminal. */
export function errorMessage(error: unknown, situation: Situation, tokenVariable?: string): Message {
  const message = describe(error, situation, tokenVariable);
  return { ...message, text: terminalSafe(message.text), hint: message.hint === undefined ? undefined : terminalSafe(message.hint) };
}

/** tokenVariable: the environment variable the session's token came from, if it did. */
function describe(error: unknown, situation: Situation, tokenVariable?: string): Message {
  if (!(error instanceof AppError)) {
    const text = error instanceof Error ? error.message : String(error);
    return { kind: 'error', text: `Unexpected error: ${text}`, hint: 'this is a bug; press r to retry' };
  }
  const text = error.message;
  switch (error.kind) {
    case 'auth':
      return situation === 'password-auth'
        ? { kind: 'error', text, hint: 'the email or password was refused: Esc to correct them, Enter to retry' }
        : tokenVariable !== undefined
          ? // The variable wins over every profile: choosing one cannot help.
            { kind: 'error', text, hint: `${tokenVariable} is set and was refused: q, then fix it or unset it and start again` }
          : { kind: 'error', text, hint: 'the token was refused (expired or deleted): press p to choose or add a profile' };
    case 'permission': {
      const permission = error instanceof ApiError ? error.permission : undefined;
      return {
        kind: 'error',
        text,
        // The line is cut at the terminal's width: the key to press must come
        // early, and the permission is not repeated when the text names it.
        hint: permission
          ? text.includes(permission)
            ? 'press p for a profile whose token has it'
            : `this token lacks ${permission}: press p for a profile whose token has it`
          : 'this token lacks a permission for that: press p for another profile',
      };
    }
    case 'network':
    case 'timeout':
      return { kind: 'error', text, hint: 'check the endpoint and your connection, then press r to retry' };
    default:
      break;
  }
  if (error instanceof ApiError) return { kind: 'error', text, hint: apiHint(error) };
  return error.hint === undefined ? { kind: 'error', text } : { kind: 'error', text, hint: error.hint };
}

function apiHint(error: ApiError): string {
  switch (error.kind) {
    case 'rate-limited':
      return error.retryAfterSeconds !== undefined ? `wait ${error.retryAfterSeconds}s, then try again` : 'wait a moment, then try again';
    case 'not-found':
      return error.subject === 'token' ? 'that token is gone: press r to reload the list' : 'check the endpoint: it has no such API';
    case 'validation':
      return 'the server refused those values: correct them and try again';
    case 'conflict':
      return 'the server already has that: change it and try again';
    case 'server':
      return 'the Appclacks service has a problem: press r to retry in a moment';
    default:
      return error.reason === 'pool-closed' ? 'this is a bug; press r to retry' : 'check the endpoint: it does not answer like an Appclacks API';
  }
}

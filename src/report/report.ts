// How a failure looks on stderr, for the CLI and for the UI once it has given
// the terminal back: one `error:` line, a `hint:` line when there is a next
// step, and the stack only when APPCLACKS_DEBUG=1. Exit codes come from
// exitCodeFor, the one map in src/errors. API errors carry facts, not advice:
// the next step a shell user can take is worded here (apiHint), as the UI
// words its own in state/errorMessage.ts.
import { ENV, envValue } from '../config/env';
import type { Env } from '../config/types';
import { ApiError, exitCodeFor, isUserFacing, type AppError } from '../errors';
import { terminalSafe } from '../text/terminal-text';

export function isDebug(env: Env): boolean {
  return envValue(env, ENV.debug) === '1';
}

export const BUG_HINT = 'this looks like a bug in appclacks; run again with APPCLACKS_DEBUG=1 and report the output';

export function reportError(error: unknown, stderr: NodeJS.WritableStream, debug: boolean): number {
  if (isUserFacing(error)) {
    stderr.write(`error: ${oneLine(error.message)}\n`);
    const hint = hintFor(error);
    if (hint) stderr.write(`hint: ${oneLine(hint)}\n`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    stderr.write(`error: unexpected failure: ${oneLine(message)}\n`);
    if (!debug) stderr.write(`hint: ${BUG_HINT}\n`);
  }
  // The stack's first line is the message again, as the server may have sent it.
  if (debug && error instanceof Error && error.stack) stderr.write(`${error.stack.split('\n').map(terminalSafe).join('\n')}\n`);
  return exitCodeFor(error);
}

/** One line, safe to print: messages can quote what a server sent (see terminal-text.ts). */
export function oneLine(text: string): string {
  return terminalSafe(text.replace(/\s*\n\s*/g, ' ').trim());
}

/** The error's own hint, or for an API error the next step a shell user can take. */
export function hintFor(error: AppError): string | undefined {
  return error.hint ?? (error instanceof ApiError ? apiHint(error) : undefined);
}

const ENDPOINT = `is the endpoint right? (${ENV.apiEndpoint} / --endpoint)`;

function apiHint(error: ApiError): string {
  switch (error.reason) {
    case 'no-credentials':
      return error.credential === 'password'
        ? `set ${ENV.accountEmail} and ${ENV.accountPassword}, or enter them when asked`
        : `run \`appclacks login\`, or set ${ENV.organizationId} and ${ENV.token}`;
    case 'redirect':
      return `point the endpoint at the final address: ${ENDPOINT}`;
    case 'tls':
      return `check the endpoint's scheme (http or https?) and its certificate (${ENV.apiEndpoint} / --endpoint)`;
    case 'too-large':
      return `that does not look like an Appclacks API: ${ENDPOINT}`;
    case 'pool-closed':
      return 'this is a bug: please report it';
    default:
      break;
  }
  switch (error.kind) {
    case 'auth':
      return error.credential === 'password'
        ? `check the account email and password (${ENV.accountEmail} / ${ENV.accountPassword})`
        : "check the profile's token, or run `appclacks login`";
    case 'permission':
      return error.permission !== undefined
        ? `use a token that has ${error.permission} (or *): \`appclacks token create --permission ${error.permission}\``
        : 'use a token with the permission this call needs (or *)';
    case 'rate-limited':
      return error.retryAfterSeconds !== undefined ? `wait ${error.retryAfterSeconds}s and try again` : 'wait a moment and try again';
    case 'validation':
      return 'correct the values the server named and try again';
    case 'not-found':
      return error.subject === 'token' ? 'no token has that ID: `appclacks token list` shows them' : ENDPOINT;
    case 'conflict':
      // The API's only 409: registering an email that already has an account.
      return 'that email already has an account: log in with it (`appclacks login --email ADDRESS`), or register another email';
    case 'server':
      return 'the Appclacks service has a problem: try again in a moment';
    case 'timeout':
      return `the endpoint is slow or unreachable: try again, or check it (${ENV.apiEndpoint} / --endpoint)`;
    case 'protocol':
      return `that does not look like an Appclacks API: ${ENDPOINT}`;
    default:
      return ENDPOINT;
  }
}

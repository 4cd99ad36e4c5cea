// How a failure looks on stderr, for the CLI and for the UI once it has given
// the terminal back: one `error:` line, a `hint:` line when there is a next
// step, and the stack only when APPCLACKS_DEBUG=1. Exit codes come from
// exitCodeFor, the one map in src/errors.
import { ENV, envValue } from './config/env';
import type { Env } from './config/types';
import { exitCodeFor, isUserFacing } from './errors';
import { terminalSafe } from './terminal-text';

export function isDebug(env: Env): boolean {
  return envValue(env, ENV.debug) === '1';
}

export const BUG_HINT = 'this looks like a bug in appclacks; run again with APPCLACKS_DEBUG=1 and report the output';

export function reportError(error: unknown, stderr: NodeJS.WritableStream, debug: boolean): number {
  if (isUserFacing(error)) {
    stderr.write(`error: ${oneLine(error.message)}\n`);
    if (error.hint) stderr.write(`hint: ${oneLine(error.hint)}\n`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    stderr.write(`error: unexpected failure: ${oneLine(message)}\n`);
    if (!debug) stderr.write(`hint: ${BUG_HINT}\n`);
  }
  if (debug && error instanceof Error && error.stack) stderr.write(`${error.stack}\n`);
  return exitCodeFor(error);
}

/** One line, safe to print: messages can quote what a server sent (see terminal-text.ts). */
export function oneLine(text: string): string {
  return terminalSafe(text.replace(/\s*\n\s*/g, ' ').trim());
}

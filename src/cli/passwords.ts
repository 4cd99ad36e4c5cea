// New account passwords, checked with the server's own rule (src/tokens/password.ts).
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordLength, passwordLengthProblem } from '../tokens';
import { UsageError } from '../errors';
import { CONTROL_CHARACTER } from '../text/terminal-text';
import { readAllStdin } from './io';
import type { CliDeps } from './deps';

export function checkNewPassword(password: string, flag: string): string {
  if (passwordLengthProblem(password) !== undefined) {
    throw new UsageError(`the new password must have ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters, it has ${passwordLength(password)}`, {
      hint: `choose a longer password (${flag})`,
    });
  }
  // The server refuses them too: such a password could never be sent in a sign-in.
  if (CONTROL_CHARACTER.test(password)) {
    throw new UsageError('the new password contains a control character (newline, tab, escape…)', {
      hint: `type it again without one (${flag})`,
    });
  }
  return password;
}

/** From stdin when asked, else typed twice without echo. */
export async function readNewPassword(deps: CliDeps, fromStdin: boolean, stdinFlag: string): Promise<string> {
  if (fromStdin) return checkNewPassword(await readAllStdin(deps.io.stdin), stdinFlag);
  const instead = `pass ${stdinFlag} and pipe the new password`;
  const first = checkNewPassword(await deps.prompter.password({ message: 'New password', instead }), stdinFlag);
  const again = await deps.prompter.password({ message: 'New password again', instead });
  if (again !== first) throw new UsageError('the two new passwords differ', { hint: 'run the command again' });
  return first;
}

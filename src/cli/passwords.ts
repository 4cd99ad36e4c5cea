// New account passwords, checked here with the server's rule (API.md: 10 to
// 255 characters) so a typo costs no request and no rate-limit strike.
import { UsageError } from '../errors';
import { readAllStdin } from './io';
import type { CliDeps } from './deps';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 255;

export function checkNewPassword(password: string, flag: string): string {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH || length > MAX_PASSWORD_LENGTH) {
    throw new UsageError(`the new password must have ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters, it has ${length}`, {
      hint: `choose a longer password (${flag})`,
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
